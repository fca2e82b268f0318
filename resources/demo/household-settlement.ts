/**
 * Household-level dates: when the household settled at its address (perhaps after an earlier
 * move within the comune) and whether it has since left. These come last, once the members
 * are known: the move-in cannot precede the head couple's registration, nor can emigration
 * precede anyone's.
 */
import { pickAddress } from './address-picker';
import { dayAtAge, dayBetween } from './draw-helpers';
import type { HouseholdDraft, PersonDraft, Scope } from './household-draft';
import type { CountryPools } from './pools';

/** Chance that an Italian household has left since: rare, Italians here seldom emigrate. */
export const ITALIAN_EMIGRATION = 0.007;
/** Immigrant households move on far more often, many back to their own country. */
export const FOREIGN_EMIGRATION = 0.05;

/** Picks the address and when the household settled there, plus perhaps an earlier move. */
export function settle(s: Scope, members: PersonDraft[]): HouseholdDraft {
  const head = members[0];
  if (!head) throw new Error('settle: empty household');
  // Only the couple at the head sets the date: children and elders may join later.
  const adults = members.filter(
    (m) =>
      m.relationship === 'intestatario' ||
      m.relationship === 'coniuge' ||
      m.relationship === 'unito_civilmente',
  );
  let lo = dayAtAge(head.birth, 18);
  for (const a of adults) lo = Math.max(lo, a.registeredOn);
  lo = Math.min(lo, s.ref);
  // Italians move rarely: skew towards the earlier part of the possible range.
  const u = s.rng.next();
  const since = lo + Math.floor((s.ref - lo) * u * u);
  let previous: HouseholdDraft['previous'] = null;
  if (since - lo > 700 && s.rng.chance(0.3)) {
    previous = { address: pickAddress(s), date: dayBetween(s, lo + 1, since - 180) };
  }
  return { members, address: pickAddress(s), since, previous };
}

/**
 * Sometimes a whole household has left (status emigrated for everyone still resident).
 * Immigrants often return to their own country, hence `country`.
 */
export function maybeEmigrate(
  s: Scope,
  h: HouseholdDraft,
  p: number,
  country: CountryPools | null,
): HouseholdDraft {
  if (!s.rng.chance(p)) return h;
  let from = h.since;
  for (const m of h.members) from = Math.max(from, m.registeredOn, m.birth, m.statusDate ?? -Infinity);
  from += 30;
  if (from >= s.ref - 1) return h;
  const date = dayBetween(s, from, s.ref - 1);
  const abroad = country && s.rng.chance(0.6) ? country.profile.place : null;
  const destination =
    abroad ?? (s.rng.chance(0.3) ? s.pools.emigrationAbroad.pick(s.rng) : s.pools.north.pick(s.rng));
  for (const m of h.members) {
    if (m.status !== 'resident') continue;
    m.status = 'emigrated';
    m.statusDate = date;
    m.destination = destination;
  }
  return h;
}
