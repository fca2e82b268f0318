/**
 * Adults as they enter the registry: an Italian registered at birth here or who moved here,
 * and a foreign-born immigrant. Where someone was born and where they came from decide which
 * registration event (birth or immigration) the writer records first.
 */
import type { Relationship, Sex } from '../../shared/registry/model';
import { civilFromDays } from './civil-date';
import { ageOf, clamp, dayAtAge } from './draw-helpers';
import type { Place } from './hand-data';
import { draftPerson, type PersonDraft, type Scope } from './household-draft';
import { nameEra, type CountryPools } from './pools';

/** Casale's hospital serves the small comuni too, so their children may be born there. */
export const CASALE: Place = { code: 'B885', name: 'Casale Monferrato' };

export function italianGivenName(s: Scope, sex: Sex, birth: number): string {
  const pool = s.pools.givenNames[sex][nameEra(civilFromDays(birth).year)];
  if (!pool) throw new Error(`No given-name pool for ${sex} born ${civilFromDays(birth).year}`);
  return pool.pick(s.rng);
}

/** Birthplace of someone born in Casale or in this comune while the family lived here. */
export function localBirthplace(s: Scope, birth: number): Place {
  if (s.isCasale) return s.own;
  // Home births in the village until about 1970, then Casale's hospital.
  return civilFromDays(birth).year < 1970 ? s.own : CASALE;
}

/** Born where a resident of this comune would have been born, so no move is implied. */
export function isLocal(s: Scope, place: Place, birth: number): boolean {
  return place.code === s.own.code || (place.code === CASALE.code && civilFromDays(birth).year >= 1960);
}

/** Some other Italian comune, never this one (a move from here to here is no move). */
function placeElsewhere(s: Scope): Place {
  const p = s.rng.chance(0.6) ? s.pools.north.pick(s.rng) : s.birthplaces[2]?.pick(s.rng);
  return !p || p.code === s.own.code ? s.pools.north.pick(s.rng) : p;
}

/** An Italian adult (or elder) with a registration: at birth here, or by a move here. */
export function italian(
  s: Scope,
  sex: Sex,
  birth: number,
  relationship: Relationship,
  surname?: string,
): PersonDraft {
  const year = civilFromDays(birth).year;
  const era = year < 1960 ? 0 : year < 1980 ? 1 : 2;
  const birthPlace = s.birthplaces[era]?.pick(s.rng) ?? s.own;
  const p = draftPerson(s, {
    surname: surname ?? s.pools.italianSurnames.pick(s.rng),
    givenNames: italianGivenName(s, sex, birth),
    sex,
    birth,
    birthPlace,
    relationship,
  });
  if (isLocal(s, birthPlace, birth) && s.rng.chance(0.72)) return p;
  const age = ageOf(s, birth);
  const arrivalAge = clamp(s.rng.normal(27, 9), 0, Math.max(age - 0.05, 0));
  p.registeredOn = Math.min(dayAtAge(birth, arrivalAge), s.ref);
  // Most came straight from where they were born; the rest via some other town.
  p.arrivedFrom = !isLocal(s, birthPlace, birth) && s.rng.chance(0.7) ? birthPlace : placeElsewhere(s);
  return p;
}

/** A foreign-born adult who arrived on `arrival`. */
export function immigrant(
  s: Scope,
  country: CountryPools,
  sex: Sex,
  birth: number,
  arrival: number,
  relationship: Relationship,
  surname?: string,
): PersonDraft {
  return draftPerson(s, {
    surname: surname ?? foreignSurname(s, country, sex),
    givenNames: country.given[sex].pick(s.rng),
    sex,
    birth,
    birthPlace: country.profile.place,
    citizenship: country.profile.iso,
    relationship,
    registeredOn: arrival,
    // Many arrive from another Italian comune rather than straight from abroad.
    arrivedFrom: s.rng.chance(0.75) ? country.profile.place : s.pools.north.pick(s.rng),
  });
}

/** Where women bear their own surnames (Sikh families: men Singh, women Kaur), women draw from those. */
export function foreignSurname(s: Scope, country: CountryPools, sex: Sex): string {
  if (sex === 'F' && country.femaleSurnames) return country.femaleSurnames.pick(s.rng);
  return country.surnames.pick(s.rng);
}
