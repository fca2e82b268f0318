/**
 * Children of a household's parents. The parents' births are the constraint: every child is
 * 18–45 years younger than each parent (the tests check this), and a child born before the
 * family moved here is registered on arrival rather than at birth.
 */
import type { Sex } from '../../shared/registry/model';
import { daysFromCivil, DAYS_PER_YEAR } from './civil-date';
import { ageOf, birthForAge, clamp, dayAtAge, dayBetween, sexWith } from './draw-helpers';
import type { HouseholdDraft, PersonDraft, Scope } from './household-draft';
import { draftPerson } from './household-draft';
import { italianGivenName, localBirthplace } from './person-origins';
import type { CountryPools } from './pools';

// A margin inside 18–45, so that rounding days to whole years cannot cross the limits.
const MIN_PARENT_GAP = 18.2;
const MAX_PARENT_GAP = 44.8;
/** Corte costituzionale 131/2022: children may carry both parents' surnames. */
const DOUBLE_SURNAME_FROM = daysFromCivil(2022, 6, 1);

/**
 * A child of `parents` (mother first when there is one) born on `birth`. Born before the
 * family arrived: born where they came from and registered on arrival; otherwise born here.
 */
function child(
  s: Scope,
  parents: PersonDraft[],
  birth: number,
  sex: Sex,
  surname: string,
  country: CountryPools | null,
): PersonDraft {
  const movers = parents.filter((p) => p.arrivedFrom !== null);
  const anchor = movers.reduce<PersonDraft | null>(
    (latest, p) => (latest === null || p.registeredOn > latest.registeredOn ? p : latest),
    null,
  );
  const bornHere = anchor === null || birth >= anchor.registeredOn;
  let givenNames: string;
  if (!country || (bornHere && s.rng.chance(0.35))) {
    givenNames = italianGivenName(s, sex, birth);
  } else if (
    bornHere &&
    (country.profile.iso === 'MA' || country.profile.iso === 'TN') &&
    s.rng.chance(0.3)
  ) {
    givenNames = s.pools.foreignNewbornNames[sex].pick(s.rng);
  } else {
    givenNames = country.given[sex].pick(s.rng);
  }
  const c = draftPerson(s, {
    surname: country && sex === 'F' && country.femaleSurnames ? country.femaleSurnames.pick(s.rng) : surname,
    givenNames,
    sex,
    birth,
    relationship: 'figlio',
  });
  if (bornHere) {
    c.birthPlace = localBirthplace(s, birth);
  } else if (anchor) {
    // Came with the family: born where they lived before (for immigrants, the home country).
    const from = anchor.arrivedFrom ?? anchor.birthPlace;
    c.birthPlace = country ? country.profile.place : from;
    c.registeredOn = Math.max(anchor.registeredOn, birth);
    c.arrivedFrom = from;
  }
  if (!country || parents.some((p) => p.citizenship === 'IT')) {
    c.citizenship = 'IT';
  } else {
    // Born in Italy to foreign parents: may elect Italian citizenship at 18 (L. 91/1992 art. 4).
    const elected = bornHere && ageOf(s, birth) >= 18 && s.rng.chance(0.5);
    c.citizenship = elected ? 'IT' : country.profile.iso;
  }
  if (ageOf(s, birth) >= 30 && s.rng.chance(0.05)) c.civilStatus = 'divorziato';
  return c;
}

/**
 * Children of `parents`, born no earlier than about the union (`earliest`). Adult children
 * older than 38 are skipped rather than kept: they would rarely still live at home.
 */
export function children(
  s: Scope,
  parents: PersonDraft[],
  count: number,
  surnameOf: (sex: Sex, birth: number) => string,
  country: CountryPools | null,
  earliest: number | null,
): PersonDraft[] {
  const youngest = parents.reduce((a, p) => Math.max(a, p.birth), -Infinity);
  const oldest = parents.reduce((a, p) => Math.min(a, p.birth), Infinity);
  const lo = Math.max(dayAtAge(youngest, MIN_PARENT_GAP), earliest ?? -Infinity);
  const hi = Math.min(dayAtAge(oldest, MAX_PARENT_GAP), s.ref);
  if (lo > hi) return [];
  const out: PersonDraft[] = [];
  let birth = dayAtAge(youngest, s.rng.normal(30, 4));
  if (ageOf(s, birth) > 34) birth = birthForAge(s, s.rng.float(0, 30));
  birth = clamp(birth, lo, hi);
  for (let i = 0; i < count && birth <= hi; i++) {
    if (ageOf(s, birth) <= 38) {
      const sex = sexWith(s, 0.51);
      out.push(child(s, parents, birth, sex, surnameOf(sex, birth), country));
    }
    birth += Math.floor(s.rng.float(1.3, 6) * DAYS_PER_YEAR);
  }
  return out;
}

/**
 * Father's surname; since 2022 some children carry both parents' surnames. Returned as a
 * callback because the choice depends on each child's birth date.
 */
export function childSurname(s: Scope, father: PersonDraft | undefined, mother: PersonDraft | undefined) {
  return (_sex: Sex, birth: number): string => {
    const f = father?.surname ?? s.pools.italianSurnames.pick(s.rng);
    if (mother && birth >= DOUBLE_SURNAME_FROM && s.rng.chance(0.1) && f !== mother.surname) {
      const both = `${f} ${mother.surname}`;
      if (both.length <= 32) return both;
    }
    return f;
  };
}

/** How many children, from relative weights for 1, 2, 3… */
export function childCount(s: Scope, weights: number[]): number {
  let r = s.rng.next() * weights.reduce((a, b) => a + b, 0);
  for (let i = 0; i < weights.length; i++) {
    r -= weights[i] ?? 0;
    if (r < 0) return i + 1;
  }
  return 1;
}

/** An adult child who grew up here and has since emigrated (still on the family record). */
export function maybeEmigratedChild(s: Scope, h: HouseholdDraft, parents: (PersonDraft | undefined)[]) {
  const kids = h.members.filter((m) => m.relationship === 'figlio');
  const first = kids[0];
  const ps = parents.filter((p): p is PersonDraft => p !== undefined);
  if (!first || ps.length === 0 || !s.rng.chance(0.32)) return;
  const birth = first.birth - Math.floor(s.rng.float(1.5, 5) * DAYS_PER_YEAR);
  const youngest = ps.reduce((a, p) => Math.max(a, p.birth), -Infinity);
  if (birth < dayAtAge(youngest, MIN_PARENT_GAP) || ageOf(s, birth) < 21) return;
  const kid = child(s, ps, birth, sexWith(s, 0.5), first.surname, null);
  kid.citizenship = first.citizenship;
  const from = Math.max(h.since, dayAtAge(birth, 19), kid.registeredOn) + 1;
  if (from >= s.ref - 1) return;
  kid.status = 'emigrated';
  kid.statusDate = dayBetween(s, from, s.ref - 1);
  kid.destination = s.rng.chance(0.45) ? s.pools.emigrationAbroad.pick(s.rng) : s.pools.north.pick(s.rng);
  h.members.push(kid);
}
