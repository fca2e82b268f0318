/**
 * Weighted pickers built once from the reference data and the hand tables: everything the
 * household builder draws from. Names the codice fiscale library cannot encode (e.g. a
 * hyphenated double surname) are left out here, so every drawn name yields a valid code.
 */
import type { Comune, Sex } from '../../shared/registry/model';
import { trySurnamePart, tryGivenNamePart } from './codice-fiscale';
import { CASALE_BELFIORE } from './demo-comuni';
import {
  ABROAD_BIRTHPLACES_OF_ITALIANS,
  AREA_COMUNI,
  COUNTRIES,
  EMIGRATION_ABROAD,
  MIDDLE_GIVEN_NAMES,
  MIXED_COUPLE_NATIONALITIES,
  MONFERRATO_SURNAMES,
  NORTH_PLACES,
  OLD_GIVEN_NAMES,
  OTHER_NATIONALITIES,
  SMALL_COMUNE_EXTRA_STREETS,
  SMALL_COMUNE_STREETS,
  SOUTH_PLACES,
  VIALARDA_POPULATION_ESTIMATE,
  type CountryProfile,
  type Place,
} from './hand-data';
import { mergeWeighted, rankWeights, WeightedPicker, type Weighted } from './prng';
import type { GivenNamePeriod, ReferenceData, StreetRef } from './reference-data';

export interface StreetChoice extends StreetRef {
  /** highest plausible house number on this kind of street */
  maxNumber: number;
}

export interface CountryPools {
  profile: CountryProfile;
  surnames: WeightedPicker<string>;
  femaleSurnames: WeightedPicker<string> | null;
  given: Record<Sex, WeightedPicker<string>>;
}

export interface FrazioneChoice {
  name: string;
  streets: StreetChoice[];
}

export interface Pools {
  italianSurnames: WeightedPicker<string>;
  /** Italian given names by NAME_ERAS index */
  givenNames: Record<Sex, WeightedPicker<string>[]>;
  /** names given to children of foreign parents born in Italy (Milan anagrafe list) */
  foreignNewbornNames: Record<Sex, WeightedPicker<string>>;
  /** foreign citizenships in Casale's proportions */
  countries: WeightedPicker<CountryPools>;
  mixedCoupleCountries: WeightedPicker<CountryPools>;
  north: WeightedPicker<Place>;
  south: WeightedPicker<Place>;
  abroadItalians: WeightedPicker<Place>;
  emigrationAbroad: WeightedPicker<Place>;
  casaleCentre: WeightedPicker<StreetChoice>;
  casaleFrazioni: WeightedPicker<FrazioneChoice>;
  /** share of Casale's population living in the official frazioni */
  casaleFrazioneShare: number;
  /** latest share of foreign citizens in Casale, 0–1 */
  casaleForeignShare: number;
}

/** First birth year of each given-name era; the index is what `givenNames` is keyed by. */
export const NAME_ERAS = [0, 1950, 1975, 1990, 2000, 2010, 2020] as const;

export function nameEra(birthYear: number): number {
  let era = 0;
  for (let i = 1; i < NAME_ERAS.length; i++) if (birthYear >= (NAME_ERAS[i] ?? Infinity)) era = i;
  return era;
}

function encodableSurnames(entries: Weighted<string>[]): Weighted<string>[] {
  return entries.filter((e) => trySurnamePart(e.value) !== null);
}

function encodableGivenNames(entries: Weighted<string>[]): Weighted<string>[] {
  return entries.filter((e) => tryGivenNamePart(e.value) !== null);
}

/** Hand-written names must all be encodable: a failure is a typo to fix, not data to skip. */
function checkedHand(names: string[], kind: 'surname' | 'given'): string[] {
  for (const n of names) {
    const part = kind === 'surname' ? trySurnamePart(n) : tryGivenNamePart(n);
    if (part === null) throw new Error(`Hand-written ${kind} "${n}" cannot be encoded in a codice fiscale`);
  }
  return names;
}

function givenNamePools(ref: ReferenceData, sex: Sex): WeightedPicker<string>[] {
  const g = ref.givenNames[sex];
  const old = rankWeights(checkedHand(OLD_GIVEN_NAMES[sex], 'given'));
  const middle = rankWeights(checkedHand(MIDDLE_GIVEN_NAMES[sex], 'given'));
  const src = (period: GivenNamePeriod, mass: number) => ({ entries: g[period], mass });
  // Masses blend sources where the data has no list for the decade (README: none for 1940s–80s).
  const eras: { entries: Weighted<string>[]; mass: number }[][] = [
    [{ entries: old, mass: 70 }, src('directory', 20), src('all-ages', 10)],
    [{ entries: middle, mass: 60 }, src('all-ages', 25), src('directory', 15)],
    [{ entries: middle, mass: 50 }, src('births-1999', 35), src('all-ages', 15)],
    [src('births-1999', 100)],
    [src('births-2000s', 85), src('births-1999', 15)],
    [src('births-2010s', 85), src('births-1999', 15)],
    [src('births-2020s', 90), src('births-2010s', 10)],
  ];
  return eras.map(
    (sources, i) =>
      new WeightedPicker(encodableGivenNames(mergeWeighted(sources)), `given names ${sex} era ${i}`),
  );
}

function countryPools(ref: ReferenceData, profile: CountryProfile): CountryPools {
  const fromData = ref.foreignSurnames.get(profile.iso) ?? [];
  const female = profile.femaleSurnames ? checkedHand(profile.femaleSurnames, 'surname') : null;
  // Data surnames first (they are ranked), then the hand-written ones.
  const surnames = [
    ...fromData.filter((s) => !female?.includes(s)),
    ...checkedHand(profile.surnames, 'surname'),
  ];
  return {
    profile,
    surnames: new WeightedPicker(encodableSurnames(rankWeights(surnames)), `${profile.iso} surnames`),
    femaleSurnames: female ? new WeightedPicker(rankWeights(female), `${profile.iso} female surnames`) : null,
    given: {
      M: new WeightedPicker(rankWeights(checkedHand(profile.male, 'given')), `${profile.iso} male names`),
      F: new WeightedPicker(rankWeights(checkedHand(profile.female, 'given')), `${profile.iso} female names`),
    },
  };
}

function citizenshipWeights(ref: ReferenceData, byName: Map<string, CountryPools>): Weighted<CountryPools>[] {
  const { total, countries } = ref.foreignByCitizenship;
  const weights = new Map<CountryPools, number>();
  let placed = 0;
  for (const c of countries) {
    const pools = byName.get(c.country);
    if (!pools) continue; // single residents of nationalities without a profile: in the remainder
    weights.set(pools, (weights.get(pools) ?? 0) + c.residents);
    placed += c.residents;
  }
  const remainder = Math.max(total - placed, 0);
  const otherTotal = OTHER_NATIONALITIES.reduce((a, o) => a + o.weight, 0);
  for (const o of OTHER_NATIONALITIES) {
    const pools = byName.get(o.value);
    if (!pools) throw new Error(`OTHER_NATIONALITIES names ${o.value}, which has no country profile`);
    weights.set(pools, (weights.get(pools) ?? 0) + (remainder * o.weight) / otherTotal);
  }
  return [...weights].map(([value, weight]) => ({ value, weight }));
}

/** More people live on a corso than on an argine: weights per street type (our estimate). */
const STREET_TYPE_WEIGHT: Record<string, number> = {
  Corso: 3,
  Via: 2,
  Viale: 2,
  Piazza: 1,
  Piazzale: 0.8,
  Largo: 0.7,
  Strada: 0.6,
  Salita: 0.5,
  Vicolo: 0.5,
  Cantone: 0.5,
  Argine: 0.2,
};

function maxNumberFor(streetType: string): number {
  if (streetType.startsWith('Strada')) return 160;
  if (streetType === 'Piazza' || streetType === 'Piazzale' || streetType === 'Largo') return 30;
  if (
    streetType === 'Vicolo' ||
    streetType === 'Salita' ||
    streetType === 'Argine' ||
    streetType === 'Cantone'
  ) {
    return 25;
  }
  return 110;
}

function toChoice(s: StreetRef): StreetChoice {
  return { ...s, maxNumber: maxNumberFor(s.streetType) };
}

function casaleAddresses(
  ref: ReferenceData,
): Pick<Pools, 'casaleCentre' | 'casaleFrazioni' | 'casaleFrazioneShare'> {
  const centre = ref.streets
    .filter((s) => s.frazione === '')
    .map((s) => ({ value: toChoice(s), weight: STREET_TYPE_WEIGHT[s.streetType] ?? 0.3 }));
  const official = ref.frazioni.filter((f) => f.official);
  const frazioni = official.map((f) => ({
    value: { name: f.name, streets: ref.streets.filter((s) => s.frazione === f.name).map(toChoice) },
    weight: f.population ?? VIALARDA_POPULATION_ESTIMATE,
  }));
  // Frazioni figures are end of 2013: compare them with Casale's population at that date.
  const frazioniPeople = frazioni.reduce((a, f) => a + f.weight, 0);
  const at2013 = ref.casalePopulation.find((p) => p.refDate.startsWith('2013'));
  const population = at2013?.residents ?? ref.casalePopulation[ref.casalePopulation.length - 1]?.residents;
  if (!population) throw new Error('Demo reference data: no population figure for Casale');
  return {
    casaleCentre: new WeightedPicker(centre, 'Casale centre streets'),
    casaleFrazioni: new WeightedPicker(frazioni, 'Casale frazioni'),
    casaleFrazioneShare: frazioniPeople / population,
  };
}

const poolCache = new WeakMap<ReferenceData, Pools>();

export function buildPools(ref: ReferenceData): Pools {
  const cached = poolCache.get(ref);
  if (cached) return cached;
  const byName = new Map(COUNTRIES.map((c) => [c.dataName, countryPools(ref, c)]));
  const mixed = MIXED_COUPLE_NATIONALITIES.map((m) => {
    const value = byName.get(m.value);
    if (!value) throw new Error(`MIXED_COUPLE_NATIONALITIES names ${m.value}, which has no country profile`);
    return { value, weight: m.weight };
  });
  const surnames = mergeWeighted([
    { entries: encodableSurnames(ref.italianSurnames), mass: 80 },
    { entries: checkedHand(MONFERRATO_SURNAMES, 'surname').map((value) => ({ value, weight: 1 })), mass: 20 },
  ]);
  const pools: Pools = {
    italianSurnames: new WeightedPicker(surnames, 'Italian surnames'),
    givenNames: { M: givenNamePools(ref, 'M'), F: givenNamePools(ref, 'F') },
    foreignNewbornNames: {
      M: new WeightedPicker(
        encodableGivenNames(ref.givenNames.M['foreign-newborns']),
        'foreign newborn names M',
      ),
      F: new WeightedPicker(
        encodableGivenNames(ref.givenNames.F['foreign-newborns']),
        'foreign newborn names F',
      ),
    },
    countries: new WeightedPicker(citizenshipWeights(ref, byName), 'foreign citizenships'),
    mixedCoupleCountries: new WeightedPicker(mixed, 'mixed couple nationalities'),
    north: new WeightedPicker(NORTH_PLACES, 'northern places'),
    south: new WeightedPicker(SOUTH_PLACES, 'southern places'),
    abroadItalians: new WeightedPicker(ABROAD_BIRTHPLACES_OF_ITALIANS, 'birthplaces abroad'),
    emigrationAbroad: new WeightedPicker(EMIGRATION_ABROAD, 'emigration countries'),
    ...casaleAddresses(ref),
    casaleForeignShare: ref.foreignSharePct / 100,
  };
  poolCache.set(ref, pools);
  return pools;
}

/** Streets of a small comune (hand-written, see SMALL_COMUNE_STREETS). */
export function smallComuneStreets(comune: Comune): WeightedPicker<StreetChoice> {
  const pairs = [...SMALL_COMUNE_STREETS, ...(SMALL_COMUNE_EXTRA_STREETS[comune.belfiore] ?? [])];
  return new WeightedPicker(
    pairs.map(([streetType, streetName], i) => ({
      value: toChoice({ streetType, streetName, cap: comune.cap, frazione: '' }),
      // Via Roma and the main square are where most people live in a village.
      weight: i < 2 ? 3 : 1,
    })),
    `${comune.name} streets`,
  );
}

/**
 * Birthplaces of Italians living in `comune`, by era (born before 1960, 1960–79, from 1980).
 * Since the 1970s most babies of the area are born in Casale's hospital; older residents were
 * born at home in their own comune, or came from the south and from other northern towns.
 */
export function birthplacePickers(pools: Pools, comune: Comune): WeightedPicker<Place>[] {
  const own: Place = { code: comune.belfiore, name: comune.name };
  const casale = AREA_COMUNI.find((p) => p.code === CASALE_BELFIORE);
  if (!casale) throw new Error('AREA_COMUNI must contain Casale Monferrato');
  const area = rankWeights(
    AREA_COMUNI.filter((p) => p.code !== comune.belfiore && p.code !== CASALE_BELFIORE),
  );
  const isCasale = comune.belfiore === CASALE_BELFIORE;
  const one = (p: Place) => [{ value: p, weight: 1 }];
  const eras: [number, number, number, number, number, number][] = isCasale
    ? // [own, casale, area, north, south, abroad]
      [
        [50, 0, 12, 18, 17, 3],
        [65, 0, 8, 14, 11, 2],
        [82, 0, 3, 10, 4, 1],
      ]
    : [
        [45, 15, 12, 14, 12, 2],
        [20, 45, 10, 14, 9, 2],
        [3, 75, 5, 12, 4, 1],
      ];
  return eras.map(
    ([o, c, a, n, s, z], i) =>
      new WeightedPicker(
        mergeWeighted([
          { entries: one(own), mass: o },
          { entries: one(casale), mass: c },
          { entries: area, mass: a },
          { entries: NORTH_PLACES, mass: n },
          { entries: SOUTH_PLACES, mass: s },
          { entries: ABROAD_BIRTHPLACES_OF_ITALIANS, mass: z },
        ]),
        `birthplaces ${comune.name} era ${i}`,
      ),
  );
}
