/**
 * One-person households, the commonest kind in an old town like Casale. Many are elderly, so
 * some records also carry what the registry keeps around a person living alone: a deceased
 * spouse still on the family record, or a live-in carer.
 */
import { daysFromCivil, DAYS_PER_YEAR } from './civil-date';
import {
  ageOf,
  birthForAge,
  civilStatus,
  clamp,
  dayAtAge,
  dayBetween,
  otherSex,
  sexWith,
} from './draw-helpers';
import type { HouseholdDraft, PersonDraft, Scope } from './household-draft';
import { ITALIAN_EMIGRATION, maybeEmigrate, settle } from './household-settlement';
import { unite } from './partner-unions';
import { immigrant, italian } from './person-origins';

/**
 * Someone living alone: young, middle-aged or elderly. `extras` off gives a bare single, the
 * fallback when nothing else fits the space left in a comune.
 */
export function single(s: Scope, extras: boolean): HouseholdDraft {
  const r = s.rng.next();
  let head: PersonDraft;
  if (r < 0.18) {
    head = italian(s, sexWith(s, 0.55), birthForAge(s, s.rng.float(21, 40)), 'intestatario');
    head.civilStatus = civilStatus(s, { celibe_nubile: 0.92, divorziato: 0.08 });
  } else if (r < 0.48) {
    head = italian(s, sexWith(s, 0.52), birthForAge(s, s.rng.float(42, 70)), 'intestatario');
    head.civilStatus = civilStatus(s, { celibe_nubile: 0.45, divorziato: 0.4, vedovo: 0.15 });
  } else {
    // Women outlive men, so the elderly living alone are mostly widows.
    const sex = sexWith(s, 0.3);
    head = italian(s, sex, birthForAge(s, clamp(s.rng.normal(81, 8), 65, 102)), 'intestatario');
    head.civilStatus = civilStatus(s, {
      vedovo: sex === 'F' ? 0.68 : 0.5,
      celibe_nubile: 0.14,
      divorziato: 0.15,
    });
  }
  const members = [head];
  const h = settle(s, members);
  if (!extras) return h;
  const age = ageOf(s, head.birth);
  if (head.civilStatus === 'vedovo' && age >= 60 && s.rng.chance(0.27)) {
    addDeceasedSpouse(s, h);
  } else if (age >= 80 && s.rng.chance(0.06)) {
    addCarer(s, h);
  } else if (age >= 75 && s.rng.chance(0.07)) {
    const from = Math.max(h.since, head.registeredOn) + 1;
    if (from < s.ref - 1) {
      head.status = 'deceased';
      head.statusDate = dayBetween(s, from, s.ref - 1);
    }
  }
  return maybeEmigrate(s, h, ITALIAN_EMIGRATION, null);
}

/** The late husband or wife of a widowed head, still on the family record. */
function addDeceasedSpouse(s: Scope, h: HouseholdDraft) {
  const head = h.members[0];
  if (!head) return;
  const sex = otherSex(head.sex);
  const gap = s.rng.normal(3, 3) * (sex === 'M' ? 1 : -1);
  const birth = Math.min(head.birth - Math.floor(gap * DAYS_PER_YEAR), birthForAge(s, 45));
  const from = Math.max(h.since, dayAtAge(birth, 50), head.registeredOn) + 1;
  if (from >= s.ref - 1) return;
  const spouse = italian(s, sex, birth, 'coniuge');
  h.members.push(spouse);
  unite(s, h.members, 0, h.members.length - 1, 'coniuge');
  // The survivor's status follows the death, whatever the union made it.
  head.civilStatus = 'vedovo';
  spouse.status = 'deceased';
  spouse.statusDate = dayBetween(s, Math.max(from, spouse.unionDate ?? from), s.ref - 1);
  // The spouse's own dates must fit inside a life that has already ended.
  spouse.registeredOn = Math.min(spouse.registeredOn, h.since, spouse.statusDate);
  if (spouse.registeredOn < spouse.birth) spouse.registeredOn = spouse.birth;
  if ((spouse.unionDate ?? 0) > spouse.statusDate) {
    spouse.unionDate = Math.max(dayAtAge(Math.max(birth, head.birth), 18.5), spouse.registeredOn);
    head.unionDate = spouse.unionDate;
  }
}

/** A live-in carer (badante), registered in the elderly person's household as "altro". */
function addCarer(s: Scope, h: HouseholdDraft) {
  const country = s.pools.mixedCoupleCountries.pick(s.rng);
  const birth = birthForAge(s, s.rng.float(35, 62));
  const arrival = dayBetween(
    s,
    Math.max(h.since, dayAtAge(birth, 25), daysFromCivil(2005, 1, 1)),
    s.ref - 30,
  );
  const carer = immigrant(s, country, 'F', birth, arrival, 'altro');
  carer.civilStatus = civilStatus(s, { coniugato: 0.4, divorziato: 0.3, vedovo: 0.15, celibe_nubile: 0.15 });
  h.members.push(carer);
}
