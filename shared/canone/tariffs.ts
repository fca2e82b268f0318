import { periodProblems, rowOn, type DatedRow } from '../calendar/dated-rows';
import type { IsoDate } from '../calendar/iso-date';
import type { Locale } from '../i18n/locale';
import type { CanoneCategoryRow } from './categories';
import type { Confidence } from './problems';
import type { CanoneZoneTables } from './zones';

/**
 * The canone unico's standard tariffs and each comune's dated settings (L. 160/2019 art. 1
 * c.816-847; DOMAIN.md §5.4). A council changes tariffs and coefficients by resolution, so every
 * value lives in a row with `validFrom`/`validTo` (inclusive; null while in force), and the fee
 * of an occupation uses the row in force on its first day (the yearly run: on 1 January).
 *
 * Amounts are integer cents; coefficients are integer thousandths (0.808 → 808) so the fee is
 * computed exactly and rounded once (fee.ts). Values DOMAIN.md marks [U]/[K], and our own
 * choices where it says nothing, carry `confidence` so the admin view can show them as such.
 */

/** c.826 (annual) and c.827 (daily) standard tariffs by resident population. */
export interface PopulationClass {
  code: 'over_500k' | '100k_500k' | '30k_100k' | '10k_30k' | 'upto_10k';
  /** inclusive bounds; null: no upper bound */
  minResidents: number;
  maxResidents: number | null;
  annualCents: number;
  dailyCents: number;
  label: Record<Locale, string>;
  /** DOMAIN.md: "from memory of the law text", no source retrieved: check c.826-827 on Normattiva */
  confidence: Confidence;
}

export const POPULATION_CLASSES: readonly PopulationClass[] = [
  {
    code: 'over_500k',
    minResidents: 500_001,
    maxResidents: null,
    annualCents: 7000,
    dailyCents: 200,
    label: { it: 'oltre 500.000 abitanti', en: 'over 500,000 residents' },
    confidence: 'U',
  },
  {
    code: '100k_500k',
    minResidents: 100_001,
    maxResidents: 500_000,
    annualCents: 6000,
    dailyCents: 130,
    label: { it: 'da 100.001 a 500.000 abitanti', en: '100,001 to 500,000 residents' },
    confidence: 'U',
  },
  {
    code: '30k_100k',
    minResidents: 30_001,
    maxResidents: 100_000,
    annualCents: 5000,
    dailyCents: 120,
    label: { it: 'da 30.001 a 100.000 abitanti', en: '30,001 to 100,000 residents' },
    confidence: 'U',
  },
  {
    code: '10k_30k',
    minResidents: 10_001,
    maxResidents: 30_000,
    annualCents: 4000,
    dailyCents: 70,
    label: { it: 'da 10.001 a 30.000 abitanti', en: '10,001 to 30,000 residents' },
    confidence: 'U',
  },
  {
    code: 'upto_10k',
    minResidents: 0,
    maxResidents: 10_000,
    annualCents: 3000,
    dailyCents: 60,
    label: { it: 'fino a 10.000 abitanti', en: 'up to 10,000 residents' },
    confidence: 'U',
  },
];

/** The class of a resident count (a whole number ≥ 0; anything else is a programming error). */
export function populationClass(residents: number): PopulationClass {
  if (!Number.isSafeInteger(residents) || residents < 0) {
    throw new RangeError(`Not a resident count: ${residents}`);
  }
  const found = POPULATION_CLASSES.find(
    (c) => residents >= c.minResidents && (c.maxResidents === null || residents <= c.maxResidents),
  );
  if (!found) throw new RangeError(`No population class for ${residents}`);
  return found;
}

/**
 * How a declared measure is rounded UP before the fee (DOMAIN.md §5.4 [V], varies by comune):
 * - `whole_m2`: to the next whole square (or linear) metre: 1.01 → 2;
 * - `half_m2_above_1`: below 1 up to 1, above 1 to the next half: 0.4 → 1, 1.01 → 1.5.
 */
export type MeasureRounding = 'whole_m2' | 'half_m2_above_1';

/**
 * Hourly fractions of a day, where the regulation allows them ("some regulations also allow
 * hourly fractions", DOMAIN.md §5.4, no rule given [U]): the daily tariff × hours/24, hours
 * rounded up to the whole hour and at least `minimumHours`, for each day of the period.
 */
export type HourlyRule = { allowed: false } | { allowed: true; rule: 'hours_over_24'; minimumHours: number };

/**
 * A business's own sign at its premises: exempt up to `exemptUpToM2` in total (c.833 [K/U]);
 * above it the regulation charges the `whole` surface or only the `excess` [U].
 */
export interface OwnSignRule {
  exemptUpToM2: number;
  above: 'whole' | 'excess';
}

/** 'MM-DD' of a due date in the year. */
export type MonthDay = string;

/**
 * Permanent concessions: above `thresholdCents` the year's fee is paid in instalments on
 * `dueDates` (e.g. above €1,500 four: 31/1, 30/4, 31/7, 31/10 [U]); at or below it, once on the
 * first due date. A temporary occupation's fee is due `temporaryDueDays` after approval [U].
 */
export interface InstalmentRule {
  thresholdCents: number;
  dueDates: readonly MonthDay[];
  temporaryDueDays: number;
}

/**
 * The first (and last) year of a permanent concession that does not cover the whole calendar
 * year [U]: `months_pro_rata` charges twelfths for each calendar month in which the concession is
 * in force (the starting and ending months count whole); `full_year` charges the whole year.
 */
export type PartYearRule = 'months_pro_rata' | 'full_year';

export interface CanoneComuneSetting extends DatedRow {
  /** Belfiore code */
  comune: string;
  /** which tariff resolution this row is ("2021", "2027"): printed on the fee breakdown */
  version: string;
  /** residents used to pick the population class, and the date of that count [U] */
  residents: number;
  residentsAsOf: IsoDate;
  /** c.826 annual and c.827 daily standard tariffs: the class's unless the comune overrode them */
  annualTariffCents: number;
  dailyTariffCents: number;
  tariffOverridden: boolean;
  rounding: MeasureRounding;
  hourly: HourlyRule;
  ownSign: OwnSignRule;
  instalments: InstalmentRule;
  partYear: PartYearRule;
  /** below this a due fee is raised to it (a fee of 0 stays 0) [U] */
  minimumFeeCents: number;
  /** the longest temporary occupation, in days; beyond it is a permanent concession */
  maxTemporaryDays: number;
  /** square metres one spot (street + civic number) can hold at once [U] (spot.ts) */
  spotCapacityM2: number;
  confidence: {
    residents: Confidence;
    tariff: Confidence;
    rounding: Confidence;
    hourly: Confidence;
    ownSign: Confidence;
    instalments: Confidence;
    partYear: Confidence;
    minimumFee: Confidence;
    spotCapacity: Confidence;
  };
  note: string;
}

export const CASALE = 'B885';

/** What every comune's row says unless it says otherwise (all [U]: no regulation in DOMAIN.md). */
const COMMON = {
  hourly: { allowed: false },
  ownSign: { exemptUpToM2: 5, above: 'whole' },
  instalments: {
    thresholdCents: 150_000,
    dueDates: ['01-31', '04-30', '07-31', '10-31'],
    temporaryDueDays: 30,
  },
  partYear: 'months_pro_rata',
  minimumFeeCents: 0,
  maxTemporaryDays: 365,
  spotCapacityM2: 30,
} as const satisfies Partial<CanoneComuneSetting>;

const UNCERTAIN_ALL: CanoneComuneSetting['confidence'] = {
  residents: 'U',
  tariff: 'U',
  rounding: 'U',
  hourly: 'U',
  ownSign: 'U',
  instalments: 'U',
  partYear: 'U',
  minimumFee: 'U',
  spotCapacity: 'U',
};

/** A row whose tariffs are the population class's. */
function classRow(
  input: Omit<CanoneComuneSetting, 'annualTariffCents' | 'dailyTariffCents' | 'tariffOverridden'>,
): CanoneComuneSetting {
  const cls = populationClass(input.residents);
  return {
    ...input,
    annualTariffCents: cls.annualCents,
    dailyTariffCents: cls.dailyCents,
    tariffOverridden: false,
  };
}

/**
 * Partner comuni around Casale (DOMAIN.md §7.8): all under 10,000 residents (2011 census,
 * the only count DOMAIN.md gives for them [U]), so the ≤10,000 class (€30.00 / €0.60).
 */
const PARTNER_COMUNI: readonly [string, number][] = [
  ['A605', 1420], // Balzola
  ['B037', 1470], // Borgo San Martino
  ['B453', 510], // Camagna Monferrato
  ['C962', 451], // Coniolo
  ['C977', 1015], // Conzano
  ['D780', 1471], // Frassineto Po
  ['F707', 1511], // Morano sul Po
  ['F995', 1367], // Occimiano
  ['G204', 1506], // Ozzano Monferrato
  ['G858', 1508], // Pontestura
  ['H569', 1641], // Rosignano Monferrato
  ['H878', 1279], // San Giorgio Monferrato
  ['L139', 901], // Terruggia
  ['L972', 1849], // Villanova Monferrato
  ['L165', 1424], // Ticineto
  ['L633', 1055], // Valmacca
  ['F232', 1401], // Mirabello Monferrato
  ['E015', 720], // Giarole
  ['C432', 528], // Cella Monte
  ['L403', 271], // Treville
  ['H677', 377], // Sala Monferrato
  ['G193', 672], // Ottiglio
  ['G042', 123], // Olivola
  ['C531', 1495], // Cerrina Monferrato
];

export const CANONE_COMUNE_SETTINGS: readonly CanoneComuneSetting[] = [
  classRow({
    comune: CASALE,
    validFrom: '2021-01-01',
    validTo: '2026-12-31',
    version: '2021',
    // 32,282 on 31 Aug 2024 (DOMAIN.md §7.8); which count picks the class is [U], and Casale is
    // close to the 30,000 boundary: below it the class (and both tariffs) would drop.
    residents: 32_282,
    residentsAsOf: '2024-08-31',
    rounding: 'half_m2_above_1',
    ...COMMON,
    // Casale allows hourly fractions in this demo row so the rule is exercised: 4 hours minimum.
    hourly: { allowed: true, rule: 'hours_over_24', minimumHours: 4 },
    confidence: UNCERTAIN_ALL,
    note: 'Standard tariffs of the 30,001-100,000 class (c.826-827 [U]). Rounding, hourly fractions, sign exemption above 5 m², instalments, first-year rule: DEMO choices, Casale’s regulation is not in DOMAIN.md.',
  }),
  {
    ...classRow({
      comune: CASALE,
      validFrom: '2027-01-01',
      validTo: null,
      version: '2027',
      residents: 32_436,
      residentsAsOf: '2025-01-01',
      rounding: 'half_m2_above_1',
      ...COMMON,
      hourly: { allowed: true, rule: 'hours_over_24', minimumHours: 4 },
      minimumFeeCents: 500,
      confidence: UNCERTAIN_ALL,
      note: 'DEMO: a hypothetical 2027 resolution raising the standard tariffs (c.817 lets the comune vary them) and setting a €5.00 minimum fee. Replace with the real resolution.',
    }),
    annualTariffCents: 5200,
    dailyTariffCents: 125,
    tariffOverridden: true,
  },
  ...PARTNER_COMUNI.map(([comune, residents]) =>
    classRow({
      comune,
      validFrom: '2021-01-01',
      validTo: null,
      version: '2021',
      residents,
      residentsAsOf: '2011-10-09',
      rounding: 'whole_m2',
      ...COMMON,
      confidence: UNCERTAIN_ALL,
      note: 'Standard tariffs of the ≤10,000 class (c.826-827 [U]); resident count of the 2011 census; whole-m² rounding and the other rules are DEMO defaults.',
    }),
  ),
];

/** The setting in force for `comune` on `date`, or null (none, or two: a table error). */
export function canoneSettingOn(
  comune: string,
  date: IsoDate,
  table: readonly CanoneComuneSetting[] = CANONE_COMUNE_SETTINGS,
): CanoneComuneSetting | null {
  const found = rowOn(table, (s) => s.comune === comune, date);
  return found.ok ? found.row : null;
}

/** Problems in a settings table (reversed or overlapping periods of one comune). */
export function checkCanoneSettings(table: readonly CanoneComuneSetting[]): string[] {
  return periodProblems(table, (s) => s.comune);
}

export type { CanoneCategoryRow, CanoneUnit } from './categories';
export { CANONE_CATEGORIES, categoriesOn, categoryOn } from './categories';

/** Every table the rules read; each defaults to the built-in one (tests and the hub pass their own). */
export interface CanoneTables extends CanoneZoneTables {
  settings?: readonly CanoneComuneSetting[];
  categories?: readonly CanoneCategoryRow[];
}
