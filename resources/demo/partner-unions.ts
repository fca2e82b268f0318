/**
 * Partners and their unions. Civil status is always set on both partners together, because
 * the tests check that coniuge implies both coniugato and unito_civilmente implies both
 * unito_civilmente; partners point at each other by index in the household's member list.
 */
import type { CivilStatus, Sex } from '../../shared/registry/model';
import { civilFromDays, daysFromCivil, DAYS_PER_YEAR } from './civil-date';
import { ageOf, clamp, dayAtAge, dayBetween } from './draw-helpers';
import type { PersonDraft, Scope } from './household-draft';
import { immigrant } from './person-origins';

/** L. 76/2016 (Cirinnà): civil unions exist from 5 June 2016. */
const CIVIL_UNIONS_FROM = daysFromCivil(2016, 6, 5);

/** Links two partners: civil status, union date, registration of a partner who moved in. */
export function unite(
  s: Scope,
  members: PersonDraft[],
  a: number,
  b: number,
  kind: 'coniuge' | 'unito_civilmente' | 'convivente',
) {
  const head = members[a];
  const partner = members[b];
  if (!head || !partner) throw new Error('unite: missing partner');
  partner.relationship = kind;
  if (kind === 'convivente') {
    // Cohabitants have no union to record; some older ones are divorced from someone else.
    for (const p of [head, partner]) {
      p.civilStatus = ageOf(s, p.birth) > 35 && s.rng.chance(0.25) ? 'divorziato' : 'celibe_nubile';
    }
    return;
  }
  const younger = Math.max(head.birth, partner.birth);
  const born = civilFromDays(younger).year;
  const ageAtUnion = clamp(
    s.rng.normal(born < 1960 ? 25 : 30, born < 1960 ? 3 : 4),
    18.5,
    ageOf(s, younger) - 0.1,
  );
  let union = dayAtAge(younger, Math.max(ageAtUnion, 18.5));
  if (kind === 'unito_civilmente' && union < CIVIL_UNIONS_FROM)
    union = dayBetween(s, CIVIL_UNIONS_FROM, s.ref);
  union = Math.min(union, s.ref);
  const status: CivilStatus = kind === 'coniuge' ? 'coniugato' : 'unito_civilmente';
  head.civilStatus = status;
  partner.civilStatus = status;
  head.unionDate = union;
  partner.unionDate = union;
  head.partner = b;
  partner.partner = a;
}

/** A partner from elsewhere usually registers here around the union (or with the head). */
export function moveInForUnion(s: Scope, partner: PersonDraft, head: PersonDraft) {
  if (partner.arrivedFrom === null || partner.unionDate === null) return;
  const around = partner.unionDate + Math.floor(s.rng.normal(0, 200));
  const adult = dayAtAge(partner.birth, 18);
  const joined =
    head.arrivedFrom !== null && head.registeredOn > partner.unionDate ? head.registeredOn : around;
  partner.registeredOn = clamp(Math.max(joined, adult), partner.birth, s.ref);
}

/** Partners who met in Italy: the union follows the immigrant's arrival. */
export function unionAfterArrival(s: Scope, a: PersonDraft, b: PersonDraft, immigrant: PersonDraft) {
  if (a.unionDate === null) return;
  const adults = dayAtAge(Math.max(a.birth, b.birth), 18.5);
  const union = dayBetween(s, Math.max(immigrant.registeredOn, adults), s.ref);
  a.unionDate = union;
  b.unionDate = union;
}

/** A foreign-born partner of an Italian (Romanian, Moldovan, Ukrainian… women mostly). */
export function mixedPartner(s: Scope, sex: Sex, birth: number): PersonDraft {
  const country = s.pools.mixedCoupleCountries.pick(s.rng);
  const from = Math.max(dayAtAge(birth, 18), daysFromCivil(country.profile.arrivalsFrom, 1, 1));
  const partner = immigrant(s, country, sex, birth, dayBetween(s, from, s.ref - 30), 'coniuge');
  // Citizenship by marriage (L. 91/1992 art. 5) after some years of residence.
  const settled = partner.registeredOn < s.ref - Math.floor(3 * DAYS_PER_YEAR);
  if (settled && s.rng.chance(0.45)) partner.citizenship = 'IT';
  return partner;
}
