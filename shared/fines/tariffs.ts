import type { IsoDate } from '../calendar/iso-date';
import { periodProblems, rowOn, type DatedLookup } from '../calendar/dated-rows';
import { compareIsoDates } from '../calendar/iso-date';
import type { Locale } from '../i18n/locale';
import { euros, type Cents } from '../money/cents';

/**
 * Tariffs of common traffic violations (Codice della Strada, D.Lgs. 285/1992) as dated data,
 * from DOMAIN.md §4.2. The amount of a fine is the one in force on the date of the VIOLATION
 * (L. 689/1981 art. 1: legality and non-retroactivity), so every row has a validity interval
 * and rows for the same violation must not overlap.
 *
 * Dates of the data:
 * - 2019 amounts, frozen through 2025: the biennial ISTAT update (art. 195 c.3 CdS) was
 *   suspended for 2023-2024 (L. 197/2022 c.497) and 2025 (DL 202/2024 art. 7 c.4).
 * - L. 177/2024 changed some amounts from 14 December 2024.
 * - A new update may apply from 1 January 2026: whether it was issued, and its figures, are
 *   unknown [U]. Rows therefore stay open-ended (`validTo: null`) but carry `confirmedUntil`:
 *   for a later violation date the lookup still answers, flagged unconfirmed, so the counter
 *   can warn until the comune loads the current table.
 *
 * Status labels follow DOMAIN.md: V found in a source, K background knowledge to verify,
 * U uncertain (treat as configurable).
 */

export type SourceStatus = 'V' | 'K' | 'U' | 'K/U' | 'V/K';

export interface ViolationTariff {
  /** stable key, shared by the rows of one violation across time */
  id: string;
  /** article of the CdS ("142") */
  article: string;
  /** comma of the article ("8", "9-bis"), null when DOMAIN.md gives none */
  comma: string | null;
  description: Record<Locale, string>;
  minCents: Cents;
  maxCents: Cents;
  /** licence points deducted (art. 126-bis table), 0 for none */
  licencePoints: number;
  /**
   * false when the reduced payment of art. 202 c.1 is not allowed at all (the list of art. 202
   * in NO_REDUCED_PAYMENT): the verbale goes to the Prefetto
   */
  reducedPaymentAllowed: boolean;
  /**
   * false when the violation always carries licence suspension or vehicle confiscation
   * (art. 202 c.1, second sentence): no 30% reduction. A suspension that depends on the case
   * (repeat offence, points balance) is set on the fine, not here.
   */
  thirtyPercentAllowed: boolean;
  validFrom: IsoDate;
  /** last day in force (inclusive); null while in force */
  validTo: IsoDate | null;
  /** last day the amounts are confirmed by the sources; after it the lookup flags them */
  confirmedUntil: IsoDate | null;
  amountStatus: SourceStatus;
  pointsStatus: SourceStatus;
  note?: string;
}

/**
 * Violations with no reduced payment at all (art. 202 CdS, the list quoted in DOMAIN.md §4.1;
 * we believe it is comma 3-bis, DOMAIN.md does not say): the verbale goes to the Prefetto
 * within 10 days.
 */
export const NO_REDUCED_PAYMENT: readonly { article: string; comma: string }[] = [
  { article: '83', comma: '6' },
  { article: '88', comma: '3' },
  { article: '97', comma: '9' },
  { article: '100', comma: '12' },
  { article: '113', comma: '5' },
  { article: '114', comma: '7' },
  { article: '116', comma: '13' },
  { article: '124', comma: '4' },
  { article: '136', comma: '6' },
  { article: '168', comma: '8' },
  { article: '176', comma: '19' },
  { article: '216', comma: '6' },
  { article: '217', comma: '6' },
  { article: '218', comma: '6' },
];

export function isReducedPaymentExcluded(article: string, comma: string | null): boolean {
  return NO_REDUCED_PAYMENT.some((x) => x.article === article && x.comma === comma);
}

const AMOUNTS_2019 = '2019-01-01';
const CONFIRMED_UNTIL = '2025-12-31';
/** L. 177/2024 in force */
const L177 = '2024-12-14';
const BEFORE_L177 = '2024-12-13';

type Row = Omit<
  ViolationTariff,
  'minCents' | 'maxCents' | 'confirmedUntil' | 'validTo' | 'reducedPaymentAllowed'
> & {
  min: number;
  max: number;
  validTo?: IsoDate | null;
};

const row = ({ min, max, validTo = null, ...rest }: Row): ViolationTariff => ({
  ...rest,
  minCents: euros(min),
  maxCents: euros(max),
  validTo,
  confirmedUntil: CONFIRMED_UNTIL,
  reducedPaymentAllowed: true,
});

export const VIOLATION_TARIFFS: readonly ViolationTariff[] = [
  row({
    id: 'ztl-no-permit',
    article: '7',
    comma: '14',
    description: { it: 'Accesso in ZTL senza permesso', en: 'Entering a ZTL without a permit' },
    min: 83,
    max: 332,
    licencePoints: 0,
    thirtyPercentAllowed: true,
    validFrom: AMOUNTS_2019,
    amountStatus: 'K/U',
    pointsStatus: 'V',
    note: 'art. 7 c.9 sanctioned by c.14; maximum 332 or 333: verify against the local Polizia Locale table',
  }),
  row({
    id: 'parking-prohibited-car',
    article: '7',
    comma: '15',
    description: { it: 'Sosta vietata (autoveicoli)', en: 'Parking where prohibited (cars)' },
    min: 42,
    max: 173,
    licencePoints: 0,
    thirtyPercentAllowed: true,
    validFrom: AMOUNTS_2019,
    amountStatus: 'V',
    pointsStatus: 'V',
    note: 'also art. 158 c.2 outside built-up areas, same amounts',
  }),
  row({
    id: 'parking-disabled-bay-car',
    article: '158',
    comma: '2',
    description: {
      it: 'Sosta negli stalli riservati ai disabili (autoveicoli)',
      en: 'Parking in a disabled bay (cars)',
    },
    min: 165,
    max: 660,
    licencePoints: 2,
    thirtyPercentAllowed: true,
    validFrom: AMOUNTS_2019,
    validTo: BEFORE_L177,
    amountStatus: 'V',
    pointsStatus: 'U',
  }),
  row({
    id: 'parking-disabled-bay-car',
    article: '158',
    comma: '2',
    description: {
      it: 'Sosta negli stalli riservati ai disabili (autoveicoli)',
      en: 'Parking in a disabled bay (cars)',
    },
    min: 330,
    max: 990,
    licencePoints: 2,
    thirtyPercentAllowed: true,
    validFrom: L177,
    amountStatus: 'V',
    pointsStatus: 'U',
    note: 'L. 177/2024',
  }),
  row({
    id: 'parking-disabled-bay-motorcycle',
    article: '158',
    comma: '2',
    description: {
      it: 'Sosta negli stalli riservati ai disabili (ciclomotori e motocicli)',
      en: 'Parking in a disabled bay (mopeds and motorcycles)',
    },
    min: 165,
    max: 660,
    licencePoints: 2,
    thirtyPercentAllowed: true,
    validFrom: L177,
    amountStatus: 'V',
    pointsStatus: 'U',
    note: 'L. 177/2024; amounts before 14 Dec 2024 not in DOMAIN.md',
  }),
  row({
    id: 'parking-bus-lane-car',
    article: '158',
    comma: '2',
    description: {
      it: 'Sosta su corsie o fermate dei mezzi pubblici (autoveicoli)',
      en: 'Parking in bus lanes or at bus stops (cars)',
    },
    min: 165,
    max: 660,
    licencePoints: 2,
    thirtyPercentAllowed: true,
    validFrom: L177,
    amountStatus: 'V',
    pointsStatus: 'U',
    note: 'L. 177/2024; amounts before 14 Dec 2024 not in DOMAIN.md',
  }),
  row({
    id: 'speeding-up-to-10',
    article: '142',
    comma: '7',
    description: { it: 'Eccesso di velocità fino a 10 km/h', en: 'Speeding by up to 10 km/h' },
    min: 42,
    max: 173,
    licencePoints: 0,
    thirtyPercentAllowed: true,
    validFrom: AMOUNTS_2019,
    amountStatus: 'V',
    pointsStatus: 'V',
  }),
  row({
    id: 'speeding-10-40',
    article: '142',
    comma: '8',
    description: {
      it: 'Eccesso di velocità oltre 10 e fino a 40 km/h',
      en: 'Speeding by more than 10 and up to 40 km/h',
    },
    min: 173,
    max: 694,
    licencePoints: 3,
    thirtyPercentAllowed: true,
    validFrom: AMOUNTS_2019,
    amountStatus: 'V',
    pointsStatus: 'K',
  }),
  row({
    id: 'speeding-10-40-repeat-urban',
    article: '142',
    comma: '8',
    description: {
      it: 'Eccesso di velocità oltre 10 e fino a 40 km/h, recidiva nell’anno in centro abitato',
      en: 'Speeding by more than 10 and up to 40 km/h, repeated within the year in a built-up area',
    },
    min: 220,
    max: 880,
    licencePoints: 3,
    thirtyPercentAllowed: false, // licence suspension 15-30 days
    validFrom: L177,
    amountStatus: 'V',
    pointsStatus: 'K',
    note: 'L. 177/2024: plus suspension of the licence 15-30 days',
  }),
  row({
    id: 'speeding-40-60',
    article: '142',
    comma: '9',
    description: {
      it: 'Eccesso di velocità oltre 40 e fino a 60 km/h',
      en: 'Speeding by more than 40 and up to 60 km/h',
    },
    min: 543,
    max: 2170,
    licencePoints: 6,
    thirtyPercentAllowed: false, // licence suspension 1-3 months
    validFrom: AMOUNTS_2019,
    amountStatus: 'V',
    pointsStatus: 'K',
  }),
  row({
    id: 'speeding-over-60',
    article: '142',
    comma: '9-bis',
    description: { it: 'Eccesso di velocità oltre 60 km/h', en: 'Speeding by more than 60 km/h' },
    min: 845,
    max: 3382,
    licencePoints: 10,
    thirtyPercentAllowed: false, // licence suspension 6-12 months
    validFrom: AMOUNTS_2019,
    amountStatus: 'V',
    pointsStatus: 'K',
  }),
  row({
    id: 'red-light',
    article: '146',
    comma: '3',
    description: { it: 'Passaggio con il semaforo rosso', en: 'Driving through a red light' },
    min: 167,
    max: 665,
    licencePoints: 6,
    thirtyPercentAllowed: true,
    validFrom: AMOUNTS_2019,
    amountStatus: 'V',
    pointsStatus: 'K',
    note: 'a repeat within 2 years carries suspension 1-3 months: set licenceSuspension on the fine',
  }),
  row({
    id: 'phone-while-driving',
    article: '173',
    comma: '3-bis',
    description: {
      it: 'Uso del telefono o di dispositivi durante la guida',
      en: 'Using a phone or device while driving',
    },
    min: 165,
    max: 660,
    licencePoints: 5,
    thirtyPercentAllowed: true,
    validFrom: AMOUNTS_2019,
    validTo: BEFORE_L177,
    amountStatus: 'V',
    pointsStatus: 'U',
  }),
  row({
    id: 'phone-while-driving',
    article: '173',
    comma: '3-bis',
    description: {
      it: 'Uso del telefono o di dispositivi durante la guida',
      en: 'Using a phone or device while driving',
    },
    min: 250,
    max: 1000,
    licencePoints: 5,
    thirtyPercentAllowed: true,
    validFrom: L177,
    amountStatus: 'V',
    pointsStatus: 'U',
    note: 'L. 177/2024; points 5 or "up to 10" and the short suspension (7 or 15 days by points balance) are [U]: when a suspension applies, set licenceSuspension on the fine',
  }),
  row({
    id: 'seat-belt',
    article: '172',
    comma: null,
    description: { it: 'Cintura di sicurezza non allacciata', en: 'Seat belt not worn' },
    min: 83,
    max: 333,
    licencePoints: 5,
    thirtyPercentAllowed: true,
    validFrom: AMOUNTS_2019,
    amountStatus: 'K',
    pointsStatus: 'V',
  }),
  row({
    id: 'no-insurance',
    article: '193',
    comma: null,
    description: { it: 'Circolazione senza assicurazione obbligatoria', en: 'No compulsory insurance' },
    min: 866,
    max: 3464,
    licencePoints: 0,
    thirtyPercentAllowed: true,
    validFrom: AMOUNTS_2019,
    amountStatus: 'V/K',
    pointsStatus: 'V',
    note: 'minimum [V], maximum [K]; the vehicle is seized (sequestro, not confiscation: the 30% is not excluded) [K]',
  }),
  row({
    id: 'overdue-inspection',
    article: '80',
    comma: '14',
    description: { it: 'Revisione periodica scaduta', en: 'Overdue periodic inspection' },
    min: 173,
    max: 694,
    licencePoints: 0,
    thirtyPercentAllowed: true,
    validFrom: AMOUNTS_2019,
    amountStatus: 'V/K',
    pointsStatus: 'V',
    note: 'minimum [V], maximum [K]; use of the vehicle suspended until inspected',
  }),
  row({
    id: 'driver-identification-failure',
    article: '126-bis',
    comma: '2',
    description: {
      it: 'Mancata comunicazione dei dati del conducente',
      en: 'Failure to identify the driver',
    },
    min: 291,
    max: 1166,
    licencePoints: 0,
    thirtyPercentAllowed: true,
    validFrom: AMOUNTS_2019,
    amountStatus: 'V',
    pointsStatus: 'V',
  }),
];

export type TariffLookup =
  | { ok: true; tariff: ViolationTariff; confirmed: boolean }
  | { ok: false; reason: 'unknown_violation' | 'no_tariff_on_date' | 'ambiguous_tariff' };

const TARIFF_LOOKUP_REASONS = {
  no_key: 'unknown_violation',
  not_in_force: 'no_tariff_on_date',
  ambiguous: 'ambiguous_tariff',
} as const satisfies Record<Extract<DatedLookup<ViolationTariff>, { ok: false }>['reason'], string>;

/** The row of `violationId` in force on the violation date (a dated-table lookup, calendar/dated-rows). */
export function tariffFor(
  violationId: string,
  violationDate: IsoDate,
  table: readonly ViolationTariff[] = VIOLATION_TARIFFS,
): TariffLookup {
  const found = rowOn(table, (t) => t.id === violationId, violationDate);
  if (!found.ok) return { ok: false, reason: TARIFF_LOOKUP_REASONS[found.reason] };
  const tariff = found.row;
  const confirmed =
    tariff.confirmedUntil === null || compareIsoDates(violationDate, tariff.confirmedUntil) <= 0;
  return { ok: true, tariff, confirmed };
}

/** Problems in a tariff table (for a table loaded from configuration): one string each. */
export function checkTariffTable(table: readonly ViolationTariff[]): string[] {
  const problems: string[] = [];
  for (const t of table) {
    if (t.minCents <= 0 || t.minCents > t.maxCents)
      problems.push(`${t.id}: minimum must be > 0 and ≤ maximum`);
    if (!t.reducedPaymentAllowed && t.thirtyPercentAllowed) {
      problems.push(`${t.id}: 30% allowed without reduced payment`);
    }
    if (t.reducedPaymentAllowed && isReducedPaymentExcluded(t.article, t.comma)) {
      problems.push(`${t.id}: art. ${t.article} c.${t.comma} has no reduced payment (art. 202)`);
    }
  }
  problems.push(...periodProblems(table, (t) => t.id));
  return problems;
}
