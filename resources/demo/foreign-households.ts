/**
 * Households headed by an immigrant. Everything is anchored on the head's arrival date, which
 * never precedes the year the head's community started arriving in Casale; immigrant partners
 * and relatives follow the head, as family reunification works.
 */
import { daysFromCivil, DAYS_PER_YEAR } from './civil-date';
import { birthForAge, civilStatus, clamp, dayAtAge, dayBetween, otherSex, sexWith } from './draw-helpers';
import { childCount, children } from './household-children';
import type { HouseholdDraft, PersonDraft, Scope } from './household-draft';
import { FOREIGN_EMIGRATION, maybeEmigrate, settle } from './household-settlement';
import { unionAfterArrival, unite } from './partner-unions';
import { foreignSurname, immigrant, italian } from './person-origins';
import type { CountryPools } from './pools';

export function foreignHousehold(s: Scope): HouseholdDraft {
  const country = s.pools.countries.pick(s.rng);
  const r = s.rng.next();
  const type =
    r < 0.3 ? 'single' : r < 0.42 ? 'couple' : r < 0.88 ? 'kids' : r < 0.96 ? 'parent' : 'relative';
  // Men usually came first; single parents are mostly mothers.
  const headSex =
    type === 'single' ? sexWith(s, 0.62) : type === 'parent' ? sexWith(s, 0.15) : sexWith(s, 0.85);
  const firstYear = daysFromCivil(country.profile.arrivalsFrom, 1, 1);
  const arrival = dayBetween(s, firstYear, s.ref - 30);
  const ageAtArrival = clamp(s.rng.normal(29, 7), 18, 52);
  const head = immigrant(s, country, headSex, dayAtAge(arrival, -ageAtArrival), arrival, 'intestatario');
  // Naturalisation needs ten years of legal residence (L. 91/1992 art. 9).
  const longStay = arrival <= s.ref - Math.floor(10 * DAYS_PER_YEAR);
  if (longStay && s.rng.chance(0.15)) head.citizenship = 'IT';
  const members = [head];

  if (type === 'single' || type === 'relative') {
    // Often married, with the spouse still abroad and so not on this record.
    head.civilStatus = civilStatus(s, {
      celibe_nubile: 0.65,
      coniugato: 0.22,
      divorziato: 0.1,
      vedovo: 0.03,
    });
    if (type === 'relative') members.push(relative(s, head, country, arrival));
  } else if (type === 'parent') {
    head.civilStatus = civilStatus(s, { divorziato: 0.5, celibe_nubile: 0.3, coniugato: 0.1, vedovo: 0.1 });
    const father = head.sex === 'M' ? head.surname : foreignSurname(s, country, 'M');
    members.push(...children(s, [head], childCount(s, [60, 33, 7]), () => father, country, null));
  } else {
    const partnerSex = otherSex(headSex);
    const gap = s.rng.normal(4, 3) * (headSex === 'M' ? -1 : 1);
    const partnerBirth = Math.min(head.birth + Math.floor(gap * DAYS_PER_YEAR), birthForAge(s, 19));
    let partner: PersonDraft;
    const italianPartner = !s.rng.chance(0.88);
    if (!italianPartner) {
      // Family reunification: the partner follows within a few years.
      const joined = dayBetween(s, arrival, Math.min(dayAtAge(arrival, 4), s.ref - 1));
      const partnerArrival = Math.min(Math.max(joined, dayAtAge(partnerBirth, 18)), s.ref - 1);
      partner = immigrant(s, country, partnerSex, partnerBirth, partnerArrival, 'coniuge');
      partner.citizenship = head.citizenship;
    } else {
      partner = italian(s, partnerSex, partnerBirth, 'coniuge');
    }
    members.push(partner);
    unite(s, members, 0, 1, s.rng.chance(0.9) ? 'coniuge' : 'convivente');
    if (italianPartner && head.unionDate !== null) {
      unionAfterArrival(s, head, partner, head);
      const union = head.unionDate ?? s.ref;
      // Citizenship by marriage (L. 91/1992 art. 5) after some years.
      if (union < s.ref - Math.floor(3 * DAYS_PER_YEAR) && s.rng.chance(0.4)) head.citizenship = 'IT';
    }
    if (type === 'kids') {
      const mother = head.sex === 'F' ? head : partner;
      const father = head.sex === 'M' ? head : partner;
      // Some children come shortly before the wedding.
      const earliest = head.unionDate === null ? null : head.unionDate - Math.floor(DAYS_PER_YEAR);
      const count = childCount(s, [35, 40, 19, 6]);
      // With an Italian parent the children are Italian, with Italian names and surname rules.
      const kidsCountry = italianPartner ? null : country;
      members.push(...children(s, [mother, father], count, () => father.surname, kidsCountry, earliest));
    }
  }
  const h = settle(s, members);
  return maybeEmigrate(s, h, FOREIGN_EMIGRATION, country);
}

/** A brother or sister who joined the head later, once the head had settled here. */
function relative(s: Scope, head: PersonDraft, country: CountryPools, arrival: number): PersonDraft {
  const birth = Math.min(head.birth + Math.floor(s.rng.float(-8, 8) * DAYS_PER_YEAR), birthForAge(s, 19));
  const later = dayBetween(s, Math.max(arrival, dayAtAge(birth, 18)), s.ref - 30);
  const sibling = immigrant(s, country, sexWith(s, 0.5), birth, later, 'fratello_sorella', head.surname);
  if (sibling.sex === 'F' && country.femaleSurnames) sibling.surname = country.femaleSurnames.pick(s.rng);
  sibling.civilStatus = civilStatus(s, { celibe_nubile: 0.8, coniugato: 0.2 });
  return sibling;
}
