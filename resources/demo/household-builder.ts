/**
 * Composes one synthetic household at a time: who lives together, ages, names, birthplaces,
 * citizenship, civil status and the dates the registry records (registration, union, moves,
 * death, emigration). Dates are day numbers (civil-date.ts); the generator turns drafts into
 * domain records with ids and codici fiscali.
 *
 * Invariants the tests rely on:
 * - children (figlio) are 18–45 years younger than each parent in the household; a genitore or
 *   suocero is 18–45 years older than the head or the head's partner;
 * - coniuge ⇒ both coniugato (a deceased coniuge makes the head vedovo), unito_civilmente ⇒
 *   both unito_civilmente and the union is not older than the Cirinnà law;
 * - every date lies between the birth and the reference date, registration ≤ moves ≤ status.
 */
import type {
  Address,
  CivilStatus,
  Comune,
  Relationship,
  ResidentStatus,
  Sex,
} from '../../shared/registry/model';
import { civilFromDays, daysFromCivil, DAYS_PER_YEAR } from './civil-date';
import type { Place } from './hand-data';
import { nameEra, type CountryPools, type Pools, type StreetChoice } from './pools';
import type { Prng, WeightedPicker } from './prng';

export interface PersonDraft {
  surname: string;
  givenNames: string;
  sex: Sex;
  birth: number;
  birthPlace: Place;
  citizenship: string;
  civilStatus: CivilStatus;
  relationship: Relationship;
  status: ResidentStatus;
  statusDate: number | null;
  registeredOn: number;
  /** where the person came from when registered by immigration; null when registered at birth */
  arrivedFrom: Place | null;
  /** marriage or civil union with the member at index `partner` */
  unionDate: number | null;
  partner: number | null;
  /** where an emigrated person went */
  destination: Place | null;
  /** fixed demo people keep their ordinary codice fiscale */
  fixed: boolean;
}

export interface HouseholdDraft {
  members: PersonDraft[];
  address: Address;
  /** when the household settled at `address` */
  since: number;
  /** an earlier address in the same comune and the date of the move there */
  previous: { address: Address; date: number } | null;
}

export interface BuildContext {
  rng: Prng;
  pools: Pools;
  comune: Comune;
  isCasale: boolean;
  /** reference date (today, for the demo) as a day number */
  ref: number;
  /** Italian birthplaces for people born before 1960, 1960–79, from 1980 */
  birthplaces: WeightedPicker<Place>[];
  /** hand-written streets for a small comune; null for Casale (streets from the data) */
  smallStreets: WeightedPicker<StreetChoice> | null;
}

const MIN_PARENT_GAP = 18.2;
const MAX_PARENT_GAP = 44.8;
/** L. 76/2016 (Cirinnà): civil unions exist from 5 June 2016. */
const CIVIL_UNIONS_FROM = daysFromCivil(2016, 6, 5);
/** Corte costituzionale 131/2022: children may carry both parents' surnames. */
const DOUBLE_SURNAME_FROM = daysFromCivil(2022, 6, 1);
const CASALE: Place = { code: 'B885', name: 'Casale Monferrato' };

const clamp = (x: number, lo: number, hi: number): number => (x < lo ? lo : x > hi ? hi : x);

export class HouseholdBuilder {
  private readonly rng: Prng;
  private readonly pools: Pools;
  private readonly ref: number;
  private readonly own: Place;

  constructor(private readonly ctx: BuildContext) {
    this.rng = ctx.rng;
    this.pools = ctx.pools;
    this.ref = ctx.ref;
    this.own = { code: ctx.comune.belfiore, name: ctx.comune.name };
  }

  /** A household of at most `maxSize` records; `foreign` picks a household of immigrants. */
  build(maxSize: number, foreign: boolean): HouseholdDraft {
    for (let attempt = 0; attempt < 20; attempt++) {
      const h = foreign ? this.foreignHousehold() : this.italianHousehold();
      if (h.members.length <= maxSize) return h;
      const trimmed = this.trimChildren(h, maxSize);
      if (trimmed) return trimmed;
    }
    return this.single(false);
  }

  // ---------------------------------------------------------------- dates and small helpers

  private dayAtAge(birth: number, years: number): number {
    return birth + Math.floor(years * DAYS_PER_YEAR);
  }

  private birthForAge(years: number): number {
    return this.ref - Math.floor(years * DAYS_PER_YEAR);
  }

  private ageOf(birth: number, on = this.ref): number {
    return (on - birth) / DAYS_PER_YEAR;
  }

  /** A day in [from, to]; `from` when the range is empty. */
  private dayBetween(from: number, to: number): number {
    return to <= from ? from : from + this.rng.int(to - from + 1);
  }

  private sexWith(pMale: number): Sex {
    return this.rng.chance(pMale) ? 'M' : 'F';
  }

  private other(sex: Sex): Sex {
    return sex === 'M' ? 'F' : 'M';
  }

  /** A civil status drawn from relative weights (keys in insertion order, so deterministic). */
  private civil(weights: Partial<Record<CivilStatus, number>>): CivilStatus {
    const entries = Object.entries(weights) as [CivilStatus, number][];
    let r = this.rng.next() * entries.reduce((a, [, w]) => a + w, 0);
    for (const [status, w] of entries) {
      r -= w;
      if (r < 0) return status;
    }
    return entries[entries.length - 1]?.[0] ?? 'celibe_nubile';
  }

  private italianGivenName(sex: Sex, birth: number): string {
    const pool = this.pools.givenNames[sex][nameEra(civilFromDays(birth).year)];
    if (!pool) throw new Error(`No given-name pool for ${sex} born ${civilFromDays(birth).year}`);
    return pool.pick(this.rng);
  }

  private draft(
    p: Partial<PersonDraft> & Pick<PersonDraft, 'surname' | 'givenNames' | 'sex' | 'birth'>,
  ): PersonDraft {
    return {
      birthPlace: this.own,
      citizenship: 'IT',
      civilStatus: 'celibe_nubile',
      relationship: 'intestatario',
      status: 'resident',
      statusDate: null,
      registeredOn: p.birth,
      arrivedFrom: null,
      unionDate: null,
      partner: null,
      destination: null,
      fixed: false,
      ...p,
    };
  }

  // ---------------------------------------------------------------- people

  /** Birthplace of someone born in Casale or in this comune while the family lived here. */
  private localBirthplace(birth: number): Place {
    if (this.ctx.isCasale) return this.own;
    // Home births in the village until about 1970, then Casale's hospital.
    return civilFromDays(birth).year < 1970 ? this.own : CASALE;
  }

  private isLocal(place: Place, birth: number): boolean {
    return place.code === this.own.code || (place.code === CASALE.code && civilFromDays(birth).year >= 1960);
  }

  private placeElsewhere(): Place {
    const p = this.rng.chance(0.6)
      ? this.pools.north.pick(this.rng)
      : this.ctx.birthplaces[2]?.pick(this.rng);
    return !p || p.code === this.own.code ? this.pools.north.pick(this.rng) : p;
  }

  /** An Italian adult (or elder) with a registration: at birth here, or by a move here. */
  private italian(sex: Sex, birth: number, relationship: Relationship, surname?: string): PersonDraft {
    const year = civilFromDays(birth).year;
    const era = year < 1960 ? 0 : year < 1980 ? 1 : 2;
    const birthPlace = this.ctx.birthplaces[era]?.pick(this.rng) ?? this.own;
    const p = this.draft({
      surname: surname ?? this.pools.italianSurnames.pick(this.rng),
      givenNames: this.italianGivenName(sex, birth),
      sex,
      birth,
      birthPlace,
      relationship,
    });
    if (this.isLocal(birthPlace, birth) && this.rng.chance(0.72)) return p;
    const age = this.ageOf(birth);
    const arrivalAge = clamp(this.rng.normal(27, 9), 0, Math.max(age - 0.05, 0));
    p.registeredOn = Math.min(this.dayAtAge(birth, arrivalAge), this.ref);
    // Most came straight from where they were born; the rest via some other town.
    p.arrivedFrom =
      !this.isLocal(birthPlace, birth) && this.rng.chance(0.7) ? birthPlace : this.placeElsewhere();
    return p;
  }

  /** A foreign-born adult who arrived on `arrival`. */
  private immigrant(
    country: CountryPools,
    sex: Sex,
    birth: number,
    arrival: number,
    relationship: Relationship,
    surname?: string,
  ): PersonDraft {
    return this.draft({
      surname: surname ?? this.foreignSurname(country, sex),
      givenNames: country.given[sex].pick(this.rng),
      sex,
      birth,
      birthPlace: country.profile.place,
      citizenship: country.profile.iso,
      relationship,
      registeredOn: arrival,
      // Many arrive from another Italian comune rather than straight from abroad.
      arrivedFrom: this.rng.chance(0.75) ? country.profile.place : this.pools.north.pick(this.rng),
    });
  }

  private foreignSurname(country: CountryPools, sex: Sex): string {
    if (sex === 'F' && country.femaleSurnames) return country.femaleSurnames.pick(this.rng);
    return country.surnames.pick(this.rng);
  }

  /**
   * A child of `parents` (mother first when there is one) born on `birth`. Born before the
   * family arrived: born where they came from and registered on arrival; otherwise born here.
   */
  private child(
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
    if (!country || (bornHere && this.rng.chance(0.35))) {
      givenNames = this.italianGivenName(sex, birth);
    } else if (
      bornHere &&
      (country.profile.iso === 'MA' || country.profile.iso === 'TN') &&
      this.rng.chance(0.3)
    ) {
      givenNames = this.pools.foreignNewbornNames[sex].pick(this.rng);
    } else {
      givenNames = country.given[sex].pick(this.rng);
    }
    const c = this.draft({
      surname:
        country && sex === 'F' && country.femaleSurnames ? country.femaleSurnames.pick(this.rng) : surname,
      givenNames,
      sex,
      birth,
      relationship: 'figlio',
    });
    if (bornHere) {
      c.birthPlace = this.localBirthplace(birth);
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
      const elected = bornHere && this.ageOf(birth) >= 18 && this.rng.chance(0.5);
      c.citizenship = elected ? 'IT' : country.profile.iso;
    }
    if (this.ageOf(birth) >= 30 && this.rng.chance(0.05)) c.civilStatus = 'divorziato';
    return c;
  }

  /**
   * Children of `parents` (their births are the constraint): 18–45 years younger than each
   * parent, born no earlier than about the union, none older than 38 still at home.
   */
  private children(
    parents: PersonDraft[],
    count: number,
    surnameOf: (sex: Sex, birth: number) => string,
    country: CountryPools | null,
    earliest: number | null,
  ): PersonDraft[] {
    const youngest = parents.reduce((a, p) => Math.max(a, p.birth), -Infinity);
    const oldest = parents.reduce((a, p) => Math.min(a, p.birth), Infinity);
    const lo = Math.max(this.dayAtAge(youngest, MIN_PARENT_GAP), earliest ?? -Infinity);
    const hi = Math.min(this.dayAtAge(oldest, MAX_PARENT_GAP), this.ref);
    if (lo > hi) return [];
    const out: PersonDraft[] = [];
    let birth = this.dayAtAge(youngest, this.rng.normal(30, 4));
    if (this.ageOf(birth) > 34) birth = this.birthForAge(this.rng.float(0, 30));
    birth = clamp(birth, lo, hi);
    for (let i = 0; i < count && birth <= hi; i++) {
      if (this.ageOf(birth) <= 38) {
        const sex = this.sexWith(0.51);
        out.push(this.child(parents, birth, sex, surnameOf(sex, birth), country));
      }
      birth += Math.floor(this.rng.float(1.3, 6) * DAYS_PER_YEAR);
    }
    return out;
  }

  /** Father's surname; since 2022 some children carry both parents' surnames. */
  private childSurname(father: PersonDraft | undefined, mother: PersonDraft | undefined) {
    return (_sex: Sex, birth: number): string => {
      const f = father?.surname ?? this.pools.italianSurnames.pick(this.rng);
      if (mother && birth >= DOUBLE_SURNAME_FROM && this.rng.chance(0.1) && f !== mother.surname) {
        const both = `${f} ${mother.surname}`;
        if (both.length <= 32) return both;
      }
      return f;
    };
  }

  private childCount(weights: number[]): number {
    let r = this.rng.next() * weights.reduce((a, b) => a + b, 0);
    for (let i = 0; i < weights.length; i++) {
      r -= weights[i] ?? 0;
      if (r < 0) return i + 1;
    }
    return 1;
  }

  // ---------------------------------------------------------------- unions

  /** Links two partners: civil status, union date, registration of a partner who moved in. */
  private unite(
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
      for (const p of [head, partner]) {
        p.civilStatus = this.ageOf(p.birth) > 35 && this.rng.chance(0.25) ? 'divorziato' : 'celibe_nubile';
      }
      return;
    }
    const younger = Math.max(head.birth, partner.birth);
    const born = civilFromDays(younger).year;
    const ageAtUnion = clamp(
      this.rng.normal(born < 1960 ? 25 : 30, born < 1960 ? 3 : 4),
      18.5,
      this.ageOf(younger) - 0.1,
    );
    let union = this.dayAtAge(younger, Math.max(ageAtUnion, 18.5));
    if (kind === 'unito_civilmente' && union < CIVIL_UNIONS_FROM)
      union = this.dayBetween(CIVIL_UNIONS_FROM, this.ref);
    union = Math.min(union, this.ref);
    const status: CivilStatus = kind === 'coniuge' ? 'coniugato' : 'unito_civilmente';
    head.civilStatus = status;
    partner.civilStatus = status;
    head.unionDate = union;
    partner.unionDate = union;
    head.partner = b;
    partner.partner = a;
  }

  /** A partner from elsewhere usually registers here around the union (or with the head). */
  private moveInForUnion(partner: PersonDraft, head: PersonDraft) {
    if (partner.arrivedFrom === null || partner.unionDate === null) return;
    const around = partner.unionDate + Math.floor(this.rng.normal(0, 200));
    const adult = this.dayAtAge(partner.birth, 18);
    const joined =
      head.arrivedFrom !== null && head.registeredOn > partner.unionDate ? head.registeredOn : around;
    partner.registeredOn = clamp(Math.max(joined, adult), partner.birth, this.ref);
  }

  // ---------------------------------------------------------------- Italian households

  private italianHousehold(): HouseholdDraft {
    const r = this.rng.next();
    // Shares of household types: roughly ISTAT's for the north-west, Casale being an old town.
    if (r < 0.37) return this.single(true);
    if (r < 0.65) return this.couple(false);
    if (r < 0.84) return this.couple(true);
    if (r < 0.92) return this.singleParent();
    if (r < 0.96) return this.withElder();
    if (r < 0.98) return this.siblings();
    return this.grandchild();
  }

  private single(extras: boolean): HouseholdDraft {
    const r = this.rng.next();
    let head: PersonDraft;
    if (r < 0.18) {
      head = this.italian(this.sexWith(0.55), this.birthForAge(this.rng.float(21, 40)), 'intestatario');
      head.civilStatus = this.civil({ celibe_nubile: 0.92, divorziato: 0.08 });
    } else if (r < 0.48) {
      head = this.italian(this.sexWith(0.52), this.birthForAge(this.rng.float(42, 70)), 'intestatario');
      head.civilStatus = this.civil({ celibe_nubile: 0.45, divorziato: 0.4, vedovo: 0.15 });
    } else {
      const sex = this.sexWith(0.3);
      head = this.italian(sex, this.birthForAge(clamp(this.rng.normal(81, 8), 65, 102)), 'intestatario');
      head.civilStatus = this.civil({
        vedovo: sex === 'F' ? 0.68 : 0.5,
        celibe_nubile: 0.14,
        divorziato: 0.15,
      });
    }
    const members = [head];
    const h = this.settle(members);
    if (!extras) return h;
    const age = this.ageOf(head.birth);
    if (head.civilStatus === 'vedovo' && age >= 60 && this.rng.chance(0.27)) {
      this.addDeceasedSpouse(h);
    } else if (age >= 80 && this.rng.chance(0.06)) {
      this.addCarer(h);
    } else if (age >= 75 && this.rng.chance(0.07)) {
      const from = Math.max(h.since, head.registeredOn) + 1;
      if (from < this.ref - 1) {
        head.status = 'deceased';
        head.statusDate = this.dayBetween(from, this.ref - 1);
      }
    }
    return this.maybeEmigrate(h, 0.007, null);
  }

  /** The late husband or wife of a widowed head, still on the family record. */
  private addDeceasedSpouse(h: HouseholdDraft) {
    const head = h.members[0];
    if (!head) return;
    const sex = this.other(head.sex);
    const gap = this.rng.normal(3, 3) * (sex === 'M' ? 1 : -1);
    const birth = Math.min(head.birth - Math.floor(gap * DAYS_PER_YEAR), this.birthForAge(45));
    const from = Math.max(h.since, this.dayAtAge(birth, 50), head.registeredOn) + 1;
    if (from >= this.ref - 1) return;
    const spouse = this.italian(sex, birth, 'coniuge');
    h.members.push(spouse);
    this.unite(h.members, 0, h.members.length - 1, 'coniuge');
    head.civilStatus = 'vedovo';
    spouse.status = 'deceased';
    spouse.statusDate = this.dayBetween(Math.max(from, spouse.unionDate ?? from), this.ref - 1);
    spouse.registeredOn = Math.min(spouse.registeredOn, h.since, spouse.statusDate);
    if (spouse.registeredOn < spouse.birth) spouse.registeredOn = spouse.birth;
    if ((spouse.unionDate ?? 0) > spouse.statusDate) {
      spouse.unionDate = Math.max(this.dayAtAge(Math.max(birth, head.birth), 18.5), spouse.registeredOn);
      head.unionDate = spouse.unionDate;
    }
  }

  /** A live-in carer (badante), registered in the elderly person's household as "altro". */
  private addCarer(h: HouseholdDraft) {
    const country = this.pools.mixedCoupleCountries.pick(this.rng);
    const birth = this.birthForAge(this.rng.float(35, 62));
    const arrival = this.dayBetween(
      Math.max(h.since, this.dayAtAge(birth, 25), daysFromCivil(2005, 1, 1)),
      this.ref - 30,
    );
    const carer = this.immigrant(country, 'F', birth, arrival, 'altro');
    carer.civilStatus = this.civil({ coniugato: 0.4, divorziato: 0.3, vedovo: 0.15, celibe_nubile: 0.15 });
    h.members.push(carer);
  }

  private couple(withKids: boolean): HouseholdDraft {
    const sameSex = !withKids && this.rng.chance(0.03);
    const headSex = this.sexWith(0.72);
    const headAge = withKids
      ? clamp(this.rng.normal(51, 7), 30, 68)
      : this.rng.chance(0.22)
        ? this.rng.float(26, 45)
        : clamp(this.rng.normal(67, 10), 46, 98);
    const partnerSex = sameSex ? headSex : this.other(headSex);
    const gap = sameSex ? this.rng.normal(0, 4) : this.rng.normal(3, 3.5) * (headSex === 'M' ? -1 : 1);
    const partnerAge = clamp(headAge + gap, 19, 100);
    const head = this.italian(headSex, this.birthForAge(headAge), 'intestatario');
    const partnerBirth = this.birthForAge(partnerAge);
    const mixed = this.rng.chance(0.03);
    const partner = mixed
      ? this.mixedPartner(partnerSex, partnerBirth)
      : this.italian(partnerSex, partnerBirth, 'coniuge');
    const members = [head, partner];
    const married = sameSex ? false : this.rng.chance(headAge >= 50 ? 0.95 : 0.75);
    this.unite(members, 0, 1, sameSex ? 'unito_civilmente' : married ? 'coniuge' : 'convivente');
    if (mixed) this.unionAfterArrival(head, partner, partner);
    else this.moveInForUnion(partner, head);
    if (withKids && !sameSex) {
      const mother = head.sex === 'F' ? head : partner;
      const father = head.sex === 'M' ? head : partner;
      const earliest = head.unionDate === null ? null : head.unionDate - Math.floor(DAYS_PER_YEAR);
      const kids = this.children(
        [mother, father],
        this.childCount([52, 38, 9, 1]),
        this.childSurname(father, mother),
        null,
        earliest,
      );
      members.push(...kids);
    }
    const h = this.settle(members);
    if (withKids) this.maybeEmigratedChild(h, [members[0], members[1]]);
    return this.maybeEmigrate(h, 0.007, null);
  }

  /** Partners who met in Italy: the union follows the immigrant's arrival. */
  private unionAfterArrival(a: PersonDraft, b: PersonDraft, immigrant: PersonDraft) {
    if (a.unionDate === null) return;
    const adults = this.dayAtAge(Math.max(a.birth, b.birth), 18.5);
    const union = this.dayBetween(Math.max(immigrant.registeredOn, adults), this.ref);
    a.unionDate = union;
    b.unionDate = union;
  }

  /** A foreign-born partner of an Italian (Romanian, Moldovan, Ukrainian… women mostly). */
  private mixedPartner(sex: Sex, birth: number): PersonDraft {
    const country = this.pools.mixedCoupleCountries.pick(this.rng);
    const from = Math.max(this.dayAtAge(birth, 18), daysFromCivil(country.profile.arrivalsFrom, 1, 1));
    const partner = this.immigrant(country, sex, birth, this.dayBetween(from, this.ref - 30), 'coniuge');
    // Citizenship by marriage (L. 91/1992 art. 5) after some years of residence.
    const settled = partner.registeredOn < this.ref - Math.floor(3 * DAYS_PER_YEAR);
    if (settled && this.rng.chance(0.45)) partner.citizenship = 'IT';
    return partner;
  }

  /** An adult child who grew up here and has since emigrated (still on the family record). */
  private maybeEmigratedChild(h: HouseholdDraft, parents: (PersonDraft | undefined)[]) {
    const kids = h.members.filter((m) => m.relationship === 'figlio');
    const first = kids[0];
    const ps = parents.filter((p): p is PersonDraft => p !== undefined);
    if (!first || ps.length === 0 || !this.rng.chance(0.32)) return;
    const birth = first.birth - Math.floor(this.rng.float(1.5, 5) * DAYS_PER_YEAR);
    const youngest = ps.reduce((a, p) => Math.max(a, p.birth), -Infinity);
    if (birth < this.dayAtAge(youngest, MIN_PARENT_GAP) || this.ageOf(birth) < 21) return;
    const kid = this.child(ps, birth, this.sexWith(0.5), first.surname, null);
    kid.citizenship = first.citizenship;
    const from = Math.max(h.since, this.dayAtAge(birth, 19), kid.registeredOn) + 1;
    if (from >= this.ref - 1) return;
    kid.status = 'emigrated';
    kid.statusDate = this.dayBetween(from, this.ref - 1);
    kid.destination = this.rng.chance(0.45)
      ? this.pools.emigrationAbroad.pick(this.rng)
      : this.pools.north.pick(this.rng);
    h.members.push(kid);
  }

  private singleParent(): HouseholdDraft {
    const sex = this.sexWith(0.18);
    const parent = this.italian(sex, this.birthForAge(clamp(this.rng.normal(48, 8), 27, 70)), 'intestatario');
    parent.civilStatus = this.civil({ divorziato: 0.55, celibe_nubile: 0.3, vedovo: 0.15 });
    const father = sex === 'M' ? parent : undefined;
    const fatherSurname = this.pools.italianSurnames.pick(this.rng);
    // A child recognised only by the mother takes her surname.
    const surname = father ? father.surname : this.rng.chance(0.2) ? parent.surname : fatherSurname;
    const kids = this.children([parent], this.childCount([60, 33, 7]), () => surname, null, null);
    return this.maybeEmigrate(this.settle([parent, ...kids]), 0.007, null);
  }

  /** A head (alone or in a couple) living with an elderly parent or parent-in-law. */
  private withElder(): HouseholdDraft {
    const headSex = this.sexWith(0.5);
    const head = this.italian(
      headSex,
      this.birthForAge(clamp(this.rng.normal(55, 7), 40, 70)),
      'intestatario',
    );
    const members = [head];
    if (this.rng.chance(0.5)) {
      const partner = this.italian(
        this.other(headSex),
        head.birth + Math.floor(this.rng.normal(0, 3) * DAYS_PER_YEAR),
        'coniuge',
      );
      members.push(partner);
      this.unite(members, 0, 1, 'coniuge');
      this.moveInForUnion(partner, head);
    } else {
      head.civilStatus = this.civil({ celibe_nubile: 0.4, divorziato: 0.4, vedovo: 0.2 });
    }
    const partner = members[1];
    const inLaw = partner !== undefined && this.rng.chance(0.4);
    const base = inLaw ? partner : head;
    const elderSex = this.sexWith(0.28);
    const gap = this.rng.float(22, 38);
    const elderBirth = this.dayAtAge(base.birth, -gap);
    if (this.ageOf(elderBirth) <= 101) {
      const elder = this.italian(
        elderSex,
        elderBirth,
        inLaw ? 'suocero' : 'genitore',
        elderSex === 'M' ? base.surname : undefined,
      );
      elder.civilStatus = this.civil({ vedovo: 0.85, celibe_nubile: 0.05, divorziato: 0.1 });
      members.push(elder);
    }
    const h = this.settle(members);
    const elder = h.members.find((m) => m.relationship === 'genitore' || m.relationship === 'suocero');
    if (elder && this.rng.chance(0.25)) {
      const from = Math.max(h.since, elder.registeredOn) + 1;
      if (from < this.ref - 1) {
        elder.status = 'deceased';
        elder.statusDate = this.dayBetween(from, this.ref - 1);
      }
    }
    return this.maybeEmigrate(h, 0.007, null);
  }

  private siblings(): HouseholdDraft {
    const head = this.italian(
      this.sexWith(0.45),
      this.birthForAge(clamp(this.rng.normal(70, 10), 45, 95)),
      'intestatario',
    );
    const otherBirth = head.birth + Math.floor(this.rng.float(-12, 12) * DAYS_PER_YEAR);
    const sibling = this.italian(
      this.sexWith(0.45),
      Math.min(otherBirth, this.birthForAge(40)),
      'fratello_sorella',
      head.surname,
    );
    for (const p of [head, sibling]) {
      p.civilStatus = this.civil({ celibe_nubile: 0.5, vedovo: 0.35, divorziato: 0.15 });
    }
    return this.maybeEmigrate(this.settle([head, sibling]), 0.007, null);
  }

  /** A grandparent raising or hosting a grandchild. */
  private grandchild(): HouseholdDraft {
    const head = this.italian(this.sexWith(0.35), this.birthForAge(this.rng.float(62, 88)), 'intestatario');
    head.civilStatus = this.civil({ vedovo: 0.7, divorziato: 0.15, celibe_nubile: 0.15 });
    const gap = this.rng.float(40, Math.min(70, this.ageOf(head.birth) - 2));
    const birth = this.dayAtAge(head.birth, gap);
    const nipote = this.italian(
      this.sexWith(0.5),
      birth,
      'nipote',
      this.rng.chance(0.5) ? head.surname : undefined,
    );
    // Grandchildren are registered at birth here or moved in with the grandparent.
    if (this.ageOf(birth) < 30 && this.isLocal(nipote.birthPlace, birth)) {
      nipote.registeredOn = birth;
      nipote.arrivedFrom = null;
    }
    return this.maybeEmigrate(this.settle([head, nipote]), 0.007, null);
  }

  // ---------------------------------------------------------------- foreign households

  private foreignHousehold(): HouseholdDraft {
    const country = this.pools.countries.pick(this.rng);
    const r = this.rng.next();
    const type =
      r < 0.3 ? 'single' : r < 0.42 ? 'couple' : r < 0.88 ? 'kids' : r < 0.96 ? 'parent' : 'relative';
    const headSex =
      type === 'single' ? this.sexWith(0.62) : type === 'parent' ? this.sexWith(0.15) : this.sexWith(0.85);
    const firstYear = daysFromCivil(country.profile.arrivalsFrom, 1, 1);
    const arrival = this.dayBetween(firstYear, this.ref - 30);
    const ageAtArrival = clamp(this.rng.normal(29, 7), 18, 52);
    const head = this.immigrant(
      country,
      headSex,
      this.dayAtAge(arrival, -ageAtArrival),
      arrival,
      'intestatario',
    );
    const longStay = arrival <= this.ref - Math.floor(10 * DAYS_PER_YEAR);
    if (longStay && this.rng.chance(0.15)) head.citizenship = 'IT';
    const members = [head];

    if (type === 'single' || type === 'relative') {
      head.civilStatus = this.civil({ celibe_nubile: 0.65, coniugato: 0.22, divorziato: 0.1, vedovo: 0.03 });
      if (type === 'relative') {
        const birth = Math.min(
          head.birth + Math.floor(this.rng.float(-8, 8) * DAYS_PER_YEAR),
          this.birthForAge(19),
        );
        const later = this.dayBetween(Math.max(arrival, this.dayAtAge(birth, 18)), this.ref - 30);
        const sibling = this.immigrant(
          country,
          this.sexWith(0.5),
          birth,
          later,
          'fratello_sorella',
          head.surname,
        );
        if (sibling.sex === 'F' && country.femaleSurnames)
          sibling.surname = country.femaleSurnames.pick(this.rng);
        sibling.civilStatus = this.civil({ celibe_nubile: 0.8, coniugato: 0.2 });
        members.push(sibling);
      }
    } else if (type === 'parent') {
      head.civilStatus = this.civil({ divorziato: 0.5, celibe_nubile: 0.3, coniugato: 0.1, vedovo: 0.1 });
      const father = head.sex === 'M' ? head.surname : this.foreignSurname(country, 'M');
      members.push(...this.children([head], this.childCount([60, 33, 7]), () => father, country, null));
    } else {
      const partnerSex = this.other(headSex);
      const gap = this.rng.normal(4, 3) * (headSex === 'M' ? -1 : 1);
      const partnerBirth = Math.min(head.birth + Math.floor(gap * DAYS_PER_YEAR), this.birthForAge(19));
      let partner: PersonDraft;
      const italianPartner = !this.rng.chance(0.88);
      if (!italianPartner) {
        // Family reunification: the partner follows within a few years.
        const joined = this.dayBetween(arrival, Math.min(this.dayAtAge(arrival, 4), this.ref - 1));
        const partnerArrival = Math.min(Math.max(joined, this.dayAtAge(partnerBirth, 18)), this.ref - 1);
        partner = this.immigrant(country, partnerSex, partnerBirth, partnerArrival, 'coniuge');
        partner.citizenship = head.citizenship;
      } else {
        partner = this.italian(partnerSex, partnerBirth, 'coniuge');
      }
      members.push(partner);
      this.unite(members, 0, 1, this.rng.chance(0.9) ? 'coniuge' : 'convivente');
      if (italianPartner && head.unionDate !== null) {
        this.unionAfterArrival(head, partner, head);
        const union = head.unionDate ?? this.ref;
        // Citizenship by marriage (L. 91/1992 art. 5) after some years.
        if (union < this.ref - Math.floor(3 * DAYS_PER_YEAR) && this.rng.chance(0.4)) head.citizenship = 'IT';
      }
      if (type === 'kids') {
        const mother = head.sex === 'F' ? head : partner;
        const father = head.sex === 'M' ? head : partner;
        const earliest = head.unionDate === null ? null : head.unionDate - Math.floor(DAYS_PER_YEAR);
        const count = this.childCount([35, 40, 19, 6]);
        // With an Italian parent the children are Italian, with Italian names and surname rules.
        const kidsCountry = italianPartner ? null : country;
        members.push(...this.children([mother, father], count, () => father.surname, kidsCountry, earliest));
      }
    }
    const h = this.settle(members);
    return this.maybeEmigrate(h, 0.05, country);
  }

  // ---------------------------------------------------------------- household-level dates

  /** Picks the address and when the household settled there, plus perhaps an earlier move. */
  private settle(members: PersonDraft[]): HouseholdDraft {
    const head = members[0];
    if (!head) throw new Error('settle: empty household');
    const adults = members.filter(
      (m) =>
        m.relationship === 'intestatario' ||
        m.relationship === 'coniuge' ||
        m.relationship === 'unito_civilmente',
    );
    let lo = this.dayAtAge(head.birth, 18);
    for (const a of adults) lo = Math.max(lo, a.registeredOn);
    lo = Math.min(lo, this.ref);
    // Italians move rarely: skew towards the earlier part of the possible range.
    const u = this.rng.next();
    const since = lo + Math.floor((this.ref - lo) * u * u);
    let previous: HouseholdDraft['previous'] = null;
    if (since - lo > 700 && this.rng.chance(0.3)) {
      previous = { address: this.address(), date: this.dayBetween(lo + 1, since - 180) };
    }
    return { members, address: this.address(), since, previous };
  }

  /** Sometimes a whole household has left (status emigrated for everyone still resident). */
  private maybeEmigrate(h: HouseholdDraft, p: number, country: CountryPools | null): HouseholdDraft {
    if (!this.rng.chance(p)) return h;
    let from = h.since;
    for (const m of h.members) from = Math.max(from, m.registeredOn, m.birth, m.statusDate ?? -Infinity);
    from += 30;
    if (from >= this.ref - 1) return h;
    const date = this.dayBetween(from, this.ref - 1);
    const abroad = country && this.rng.chance(0.6) ? country.profile.place : null;
    const destination =
      abroad ??
      (this.rng.chance(0.3) ? this.pools.emigrationAbroad.pick(this.rng) : this.pools.north.pick(this.rng));
    for (const m of h.members) {
      if (m.status !== 'resident') continue;
      m.status = 'emigrated';
      m.statusDate = date;
      m.destination = destination;
    }
    return h;
  }

  /** Drops trailing children so the last household of a comune fits the requested count. */
  private trimChildren(h: HouseholdDraft, maxSize: number): HouseholdDraft | null {
    const keep = h.members.filter((m, i) => i < maxSize || m.relationship !== 'figlio');
    // Partners are linked by index: only trailing members may go.
    if (keep.length > maxSize || keep.some((m, i) => m !== h.members[i])) return null;
    return { ...h, members: keep };
  }

  // ---------------------------------------------------------------- addresses

  address(): Address {
    const rng = this.rng;
    let street: StreetChoice;
    if (!this.ctx.isCasale && this.ctx.smallStreets) {
      street = this.ctx.smallStreets.pick(rng);
    } else if (rng.chance(this.pools.casaleFrazioneShare)) {
      const f = this.pools.casaleFrazioni.pick(rng);
      street =
        f.streets.length > 0 && rng.chance(0.4)
          ? rng.pick(f.streets)
          : // "Frazione" is an official street prefix (DUG): "Frazione Vialarda 12".
            {
              streetType: 'Frazione',
              streetName: f.name,
              cap: this.ctx.comune.cap,
              frazione: f.name,
              maxNumber: 80,
            };
    } else {
      street = this.pools.casaleCentre.pick(rng);
    }
    const u = rng.next();
    let houseNumber = String(1 + Math.floor(u * u * street.maxNumber));
    const s = rng.next();
    if (s < 0.05) houseNumber += '/A';
    else if (s < 0.07) houseNumber += ' bis';
    else if (s < 0.08) houseNumber += '/B';
    const urban = this.ctx.isCasale && street.frazione === '';
    let interior = '';
    if (rng.chance(urban ? 0.5 : 0.1)) {
      const flat = 1 + rng.int(urban ? 20 : 4);
      const k = rng.next();
      interior =
        k < 0.7
          ? `int. ${flat}`
          : k < 0.9
            ? `scala ${'ABCD'[rng.int(4)] ?? 'A'} int. ${flat}`
            : `piano ${rng.int(6)}`;
    }
    return {
      streetType: street.streetType,
      streetName: street.streetName,
      houseNumber,
      interior,
      cap: street.cap || this.ctx.comune.cap,
      frazione: street.frazione,
    };
  }
}
