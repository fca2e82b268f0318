/**
 * Households of Italian citizens, by type. The shares are roughly ISTAT's for the north-west,
 * tilted older because Casale is an old town. A mixed couple (one foreign-born partner) counts
 * here: the household is Italian by its head.
 */
import { DAYS_PER_YEAR } from './civil-date';
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
import { childCount, children, childSurname, maybeEmigratedChild } from './household-children';
import type { HouseholdDraft, Scope } from './household-draft';
import { ITALIAN_EMIGRATION, maybeEmigrate, settle } from './household-settlement';
import { single } from './lone-residents';
import { mixedPartner, moveInForUnion, unionAfterArrival, unite } from './partner-unions';
import { isLocal, italian } from './person-origins';

export function italianHousehold(s: Scope): HouseholdDraft {
  const r = s.rng.next();
  // Cumulative shares of the types, in a fixed order so the same draw picks the same type.
  if (r < 0.37) return single(s, true);
  if (r < 0.65) return couple(s, false);
  if (r < 0.84) return couple(s, true);
  if (r < 0.92) return singleParent(s);
  if (r < 0.96) return withElder(s);
  if (r < 0.98) return siblings(s);
  return grandchild(s);
}

function couple(s: Scope, withKids: boolean): HouseholdDraft {
  // Same-sex couples only among those without children: children here are always born to the two partners.
  const sameSex = !withKids && s.rng.chance(0.03);
  const headSex = sexWith(s, 0.72);
  const headAge = withKids
    ? clamp(s.rng.normal(51, 7), 30, 68)
    : s.rng.chance(0.22)
      ? s.rng.float(26, 45)
      : clamp(s.rng.normal(67, 10), 46, 98);
  const partnerSex = sameSex ? headSex : otherSex(headSex);
  const gap = sameSex ? s.rng.normal(0, 4) : s.rng.normal(3, 3.5) * (headSex === 'M' ? -1 : 1);
  const partnerAge = clamp(headAge + gap, 19, 100);
  const head = italian(s, headSex, birthForAge(s, headAge), 'intestatario');
  const partnerBirth = birthForAge(s, partnerAge);
  const mixed = s.rng.chance(0.03);
  const partner = mixed
    ? mixedPartner(s, partnerSex, partnerBirth)
    : italian(s, partnerSex, partnerBirth, 'coniuge');
  const members = [head, partner];
  const married = sameSex ? false : s.rng.chance(headAge >= 50 ? 0.95 : 0.75);
  unite(s, members, 0, 1, sameSex ? 'unito_civilmente' : married ? 'coniuge' : 'convivente');
  if (mixed) unionAfterArrival(s, head, partner, partner);
  else moveInForUnion(s, partner, head);
  if (withKids && !sameSex) {
    const mother = head.sex === 'F' ? head : partner;
    const father = head.sex === 'M' ? head : partner;
    // Some children come shortly before the wedding.
    const earliest = head.unionDate === null ? null : head.unionDate - Math.floor(DAYS_PER_YEAR);
    const kids = children(
      s,
      [mother, father],
      childCount(s, [52, 38, 9, 1]),
      childSurname(s, father, mother),
      null,
      earliest,
    );
    members.push(...kids);
  }
  const h = settle(s, members);
  if (withKids) maybeEmigratedChild(s, h, [members[0], members[1]]);
  return maybeEmigrate(s, h, ITALIAN_EMIGRATION, null);
}

function singleParent(s: Scope): HouseholdDraft {
  const sex = sexWith(s, 0.18);
  const parent = italian(s, sex, birthForAge(s, clamp(s.rng.normal(48, 8), 27, 70)), 'intestatario');
  parent.civilStatus = civilStatus(s, { divorziato: 0.55, celibe_nubile: 0.3, vedovo: 0.15 });
  const father = sex === 'M' ? parent : undefined;
  // Drawn even when unused: moving it into the branch would shift every later draw.
  const fatherSurname = s.pools.italianSurnames.pick(s.rng);
  // A child recognised only by the mother takes her surname.
  const surname = father ? father.surname : s.rng.chance(0.2) ? parent.surname : fatherSurname;
  const kids = children(s, [parent], childCount(s, [60, 33, 7]), () => surname, null, null);
  return maybeEmigrate(s, settle(s, [parent, ...kids]), ITALIAN_EMIGRATION, null);
}

/** A head (alone or in a couple) living with an elderly parent or parent-in-law. */
function withElder(s: Scope): HouseholdDraft {
  const headSex = sexWith(s, 0.5);
  const head = italian(s, headSex, birthForAge(s, clamp(s.rng.normal(55, 7), 40, 70)), 'intestatario');
  const members = [head];
  if (s.rng.chance(0.5)) {
    const partner = italian(
      s,
      otherSex(headSex),
      head.birth + Math.floor(s.rng.normal(0, 3) * DAYS_PER_YEAR),
      'coniuge',
    );
    members.push(partner);
    unite(s, members, 0, 1, 'coniuge');
    moveInForUnion(s, partner, head);
  } else {
    head.civilStatus = civilStatus(s, { celibe_nubile: 0.4, divorziato: 0.4, vedovo: 0.2 });
  }
  const partner = members[1];
  const inLaw = partner !== undefined && s.rng.chance(0.4);
  const base = inLaw ? partner : head;
  const elderSex = sexWith(s, 0.28);
  const gap = s.rng.float(22, 38);
  const elderBirth = dayAtAge(base.birth, -gap);
  if (ageOf(s, elderBirth) <= 101) {
    const elder = italian(
      s,
      elderSex,
      elderBirth,
      inLaw ? 'suocero' : 'genitore',
      elderSex === 'M' ? base.surname : undefined,
    );
    elder.civilStatus = civilStatus(s, { vedovo: 0.85, celibe_nubile: 0.05, divorziato: 0.1 });
    members.push(elder);
  }
  const h = settle(s, members);
  const elder = h.members.find((m) => m.relationship === 'genitore' || m.relationship === 'suocero');
  if (elder && s.rng.chance(0.25)) {
    const from = Math.max(h.since, elder.registeredOn) + 1;
    if (from < s.ref - 1) {
      elder.status = 'deceased';
      elder.statusDate = dayBetween(s, from, s.ref - 1);
    }
  }
  return maybeEmigrate(s, h, ITALIAN_EMIGRATION, null);
}

/** Adult brothers or sisters living together, mostly elderly. */
function siblings(s: Scope): HouseholdDraft {
  const head = italian(
    s,
    sexWith(s, 0.45),
    birthForAge(s, clamp(s.rng.normal(70, 10), 45, 95)),
    'intestatario',
  );
  const otherBirth = head.birth + Math.floor(s.rng.float(-12, 12) * DAYS_PER_YEAR);
  const sibling = italian(
    s,
    sexWith(s, 0.45),
    Math.min(otherBirth, birthForAge(s, 40)),
    'fratello_sorella',
    head.surname,
  );
  for (const p of [head, sibling]) {
    p.civilStatus = civilStatus(s, { celibe_nubile: 0.5, vedovo: 0.35, divorziato: 0.15 });
  }
  return maybeEmigrate(s, settle(s, [head, sibling]), ITALIAN_EMIGRATION, null);
}

/** A grandparent raising or hosting a grandchild. */
function grandchild(s: Scope): HouseholdDraft {
  const head = italian(s, sexWith(s, 0.35), birthForAge(s, s.rng.float(62, 88)), 'intestatario');
  head.civilStatus = civilStatus(s, { vedovo: 0.7, divorziato: 0.15, celibe_nubile: 0.15 });
  const gap = s.rng.float(40, Math.min(70, ageOf(s, head.birth) - 2));
  const birth = dayAtAge(head.birth, gap);
  const nipote = italian(s, sexWith(s, 0.5), birth, 'nipote', s.rng.chance(0.5) ? head.surname : undefined);
  // Grandchildren are registered at birth here or moved in with the grandparent.
  if (ageOf(s, birth) < 30 && isLocal(s, nipote.birthPlace, birth)) {
    nipote.registeredOn = birth;
    nipote.arrivedFrom = null;
  }
  return maybeEmigrate(s, settle(s, [head, nipote]), ITALIAN_EMIGRATION, null);
}
