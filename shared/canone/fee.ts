import {
  addDays,
  daysBetween,
  isIsoDate,
  isoDate,
  MAX_YEAR,
  maxIsoDate,
  parseIsoDate,
  yearOf,
  type IsoDate,
} from '../calendar/iso-date';
import type { Locale } from '../i18n/locale';
import { cents } from '../money/cents';
import { formatEuro } from '../money/euro-format';
import { CANONE_CATEGORIES, categoryOn, type CanoneCategoryRow, type CanoneUnit } from './categories';
import { canoneFail, canoneOk, type CanoneResult } from './problems';
import {
  canoneSettingOn,
  CANONE_COMUNE_SETTINGS,
  type CanoneComuneSetting,
  type CanoneTables,
} from './tariffs';
import { CANONE_ZONES, zoneRowOn, type CanoneZoneRow } from './zones';

export type { CanoneTables } from './tariffs';

/**
 * The canone unico's fee (L. 160/2019 art. 1 c.816-847; DOMAIN.md §5.4):
 * - permanent occupation (a year or more, with or without a structure): annual standard tariff
 *   (c.826) × zone coefficient × category coefficient × measure, per calendar year;
 * - temporary occupation (less than a year): daily standard tariff (c.827) × zone coefficient ×
 *   category coefficient × measure × days, the days counted with both ends included; where the
 *   comune allows hourly fractions, × hours/24 for an occupation of part of each day;
 * - advertising: the same formula on the medium's total surface, whatever the number of messages
 *   on it; a business's own sign at its premises is exempt up to 5 m² in total (c.833 [K/U]),
 *   and above that the regulation charges the whole surface or only the excess [U].
 * The measure is rounded UP first (whole m², or 1 m² minimum then half m²: DOMAIN.md [V]).
 *
 * The tariff row is the one in force on the occupation's first day (a permanent concession's
 * later years: on 1 January of the year, see `annualFee`). The arithmetic is exact: tariff cents
 * × coefficient thousandths × measure halves × days (× hours) in BigInt, divided and rounded
 * half-up to the cent once, at the end, so €1.20 × 1.0 × 0.808 × 12 × 90 is €1,047.17 and never
 * a float's €1,047.1699….
 */

export interface CanoneRequest {
  /** Belfiore code */
  comune: string;
  /** a CANONE_CATEGORIES code */
  category: string;
  regime: 'permanent' | 'temporary';
  /** from zoneOfStreet */
  zone: string;
  /** surface in m² or length in linear metres as declared (decimal, e.g. 12 or 0.4 or 1.01) */
  measure: number;
  start: IsoDate;
  /** temporary: last day (inclusive); permanent: null (open-ended) or last day */
  end: IsoDate | null;
  /** temporary occupations of part of a day, where the comune allows hourly fractions ('HH:mm') */
  hours?: { from: string; to: string } | null;
  /** advertising: the business's own sign at its premises (c.833 exemption up to 5 m²) */
  ownSign?: boolean;
}

export interface CanoneFeeLine {
  code: string;
  label: { it: string; en: string };
  /** the value as the Italian counter shows it */
  value: string;
  values: { it: string; en: string };
}

export interface CanoneFee {
  totalCents: number;
  /** after rounding (and after the exemption) */
  chargedMeasure: number;
  unit: CanoneUnit;
  /** temporary: days charged (both ends included); permanent: null */
  days: number | null;
  /** temporary with hours: hours charged per day (after the minimum); else null */
  hoursPerDay: number | null;
  /** permanent: months of the year charged (12 for a whole year); temporary: null */
  months: number | null;
  /** permanent: the calendar year charged; temporary: null */
  year: number | null;
  /** the standard tariff used (annual or daily), in cents */
  tariffCents: number;
  zoneCoefficient: number;
  categoryCoefficient: number;
  /** the own-sign exemption applied (m²) */
  exemptMeasure: number;
  /** the breakdown the counter shows live */
  lines: CanoneFeeLine[];
  /** which dated row was used: the setting's version label */
  tariffVersion: string;
  /** codes of the uncertain ([U]/[K]) values used, for a warning beside the amount */
  uncertain: string[];
}

/** Surfaces above this are a typing error (a whole piazza is a few thousand m²). */
export const MAX_MEASURE = 10_000;

/** Measures are read to 1/10,000 of a unit (1 cm² of surface): 1.01 is 10,100. */
const MEASURE_SCALE = 10_000;
const HALF = MEASURE_SCALE / 2;

/**
 * Rounds a measure (in 1/10,000) up to whole halves of a unit, per the comune's rule.
 * `whole_m2`: 0.4 → 1, 1.0 → 1, 1.01 → 2. `half_m2_above_1`: 0.4 → 1, 1.0 → 1, 1.01 → 1.5.
 * Zero stays zero (a sign wholly exempt).
 */
export function roundedHalves(scaled: number, rule: CanoneComuneSetting['rounding']): number {
  if (scaled <= 0) return 0;
  if (rule === 'whole_m2') return Math.ceil(scaled / MEASURE_SCALE) * 2;
  return scaled <= MEASURE_SCALE ? 2 : Math.ceil(scaled / HALF);
}

/** The measure as the comune rounds it: `roundMeasure(1.01, 'half_m2_above_1')` is 1.5. */
export function roundMeasure(measure: number, rule: CanoneComuneSetting['rounding']): number {
  return roundedHalves(Math.round(measure * MEASURE_SCALE), rule) / 2;
}

const HHMM = /^(\d{2}):(\d{2})$/;

/** Minutes of the day of 'HH:mm' (24:00 allowed as an end), or null. */
function minutesOf(text: unknown, isEnd: boolean): number | null {
  if (typeof text !== 'string') return null;
  const m = HHMM.exec(text);
  if (!m) return null;
  const h = Number(m[1]);
  const min = Number(m[2]);
  if (min > 59) return null;
  if (h < 24 || (isEnd && h === 24 && min === 0)) return h * 60 + min;
  return null;
}

// ---- formatting of the breakdown (by hand, like formatEuro: no ICU differences) ----

function decimal(value: number, locale: Locale, fractionDigits?: number): string {
  const text = fractionDigits === undefined ? String(value) : value.toFixed(fractionDigits);
  return locale === 'it' ? text.replace('.', ',') : text;
}

const UNIT_TEXT: Record<CanoneUnit, Record<Locale, string>> = {
  m2: { it: 'm²', en: 'm²' },
  ml: { it: 'm lineari', en: 'linear m' },
};

function line(code: string, it: string, en: string, value: (locale: Locale) => string): CanoneFeeLine {
  const values = { it: value('it'), en: value('en') };
  return { code, label: { it, en }, value: values.it, values };
}

/** Rounds a BigInt ratio half-up (numerator ≥ 0, denominator > 0). */
function roundHalfUp(numerator: bigint, denominator: bigint): number {
  const quotient = numerator / denominator;
  const remainder = numerator % denominator;
  return Number(remainder * 2n >= denominator ? quotient + 1n : quotient);
}

/** What the request resolves to before the period is priced. */
interface Priced {
  setting: CanoneComuneSetting;
  category: CanoneCategoryRow;
  zone: CanoneZoneRow;
  coefficientThousandths: number;
  chargedHalves: number;
  exemptMeasure: number;
  ownSignConsidered: boolean;
}

function validMeasure(measure: unknown): measure is number {
  return typeof measure === 'number' && Number.isFinite(measure) && measure > 0 && measure <= MAX_MEASURE;
}

/** Checks the request and resolves the rows in force on `rowDate`. */
type Rows = CanoneResult<{ setting: CanoneComuneSetting; category: CanoneCategoryRow; zone: CanoneZoneRow }>;

function lookUpRows(req: CanoneRequest, rowDate: IsoDate, tables: CanoneTables): Rows {
  const setting = canoneSettingOn(req.comune, rowDate, tables.settings ?? CANONE_COMUNE_SETTINGS);
  if (!setting) return canoneFail('canone_no_tariff', { comune: req.comune, date: rowDate });
  const category = categoryOn(req.comune, req.category, rowDate, tables.categories ?? CANONE_CATEGORIES);
  if (!category) return canoneFail('canone_category_unknown', { category: String(req.category) });
  const zone = zoneRowOn(req.comune, req.zone, rowDate, tables.zones ?? CANONE_ZONES);
  if (!zone) return canoneFail('canone_zone_unknown', { zone: String(req.zone) });
  return canoneOk({ setting, category, zone });
}

/**
 * The rows of a (comune, category, zone, day), remembered per set of tables: the yearly run asks
 * the same few combinations on 1 January for 50,000 concessions, and the tables are immutable
 * arrays (a new table is a new array, so a new cache). Bounded so odd dates cannot grow it.
 */
const rowCache = new WeakMap<object, WeakMap<object, WeakMap<object, Map<string, Rows>>>>();
const ROW_CACHE_LIMIT = 5000;

function cachedRows(req: CanoneRequest, rowDate: IsoDate, tables: CanoneTables): Rows {
  const settings = tables.settings ?? CANONE_COMUNE_SETTINGS;
  const categories = tables.categories ?? CANONE_CATEGORIES;
  const zones = tables.zones ?? CANONE_ZONES;
  let bySettings = rowCache.get(settings);
  if (!bySettings) rowCache.set(settings, (bySettings = new WeakMap()));
  let byCategories = bySettings.get(categories);
  if (!byCategories) bySettings.set(categories, (byCategories = new WeakMap()));
  let cache = byCategories.get(zones);
  if (!cache) byCategories.set(zones, (cache = new Map()));
  const key = `${req.comune}\u0000${req.category}\u0000${req.zone}\u0000${rowDate}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const rows = lookUpRows(req, rowDate, { settings, categories, zones });
  if (cache.size >= ROW_CACHE_LIMIT) cache.clear();
  cache.set(key, rows);
  return rows;
}

function resolve(req: CanoneRequest, rowDate: IsoDate, tables: CanoneTables): CanoneResult<Priced> {
  const rows = cachedRows(req, rowDate, tables);
  if (!rows.ok) return rows;
  const { setting, category, zone } = rows.value;

  const scaled = Math.round(req.measure * MEASURE_SCALE);
  const ownSignConsidered = category.advertising && req.ownSign === true;
  let chargeable = scaled;
  let exemptMeasure = 0;
  if (ownSignConsidered) {
    const limit = Math.round(setting.ownSign.exemptUpToM2 * MEASURE_SCALE);
    if (scaled <= limit) {
      // c.833: the own sign up to 5 m² in total pays nothing
      chargeable = 0;
      exemptMeasure = req.measure;
    } else if (setting.ownSign.above === 'excess') {
      chargeable = scaled - limit;
      exemptMeasure = setting.ownSign.exemptUpToM2;
    }
  }
  const coefficientThousandths =
    req.regime === 'permanent' ? category.permanentThousandths : category.temporaryThousandths;
  return canoneOk({
    setting,
    category,
    zone,
    coefficientThousandths,
    chargedHalves: roundedHalves(chargeable, setting.rounding),
    exemptMeasure,
    ownSignConsidered,
  });
}

function checkDates(req: CanoneRequest): CanoneResult<null> {
  const params = { start: String(req.start), end: String(req.end), maxDays: 365 };
  if (!isIsoDate(req.start) || (req.end !== null && !isIsoDate(req.end))) {
    return canoneFail('canone_period_invalid', { ...params, reason: 'bad_date' });
  }
  if (req.regime === 'temporary' && req.end === null) {
    return canoneFail('canone_period_invalid', { ...params, reason: 'no_end' });
  }
  if (req.end !== null && daysBetween(req.start, req.end) < 0) {
    return canoneFail('canone_period_invalid', { ...params, reason: 'end_before_start' });
  }
  return canoneOk(null);
}

/** Common checks of both regimes, in the order a clerk would fix them. */
function checkRequest(req: CanoneRequest): CanoneResult<null> {
  if (!validMeasure(req.measure)) {
    const reason =
      typeof req.measure !== 'number' || !Number.isFinite(req.measure)
        ? 'not_a_number'
        : req.measure <= 0
          ? 'not_positive'
          : 'too_large';
    return canoneFail('canone_measure_invalid', { measure: String(req.measure), max: MAX_MEASURE, reason });
  }
  if (req.regime !== 'permanent' && req.regime !== 'temporary') {
    return canoneFail('canone_period_invalid', {
      start: String(req.start),
      end: String(req.end),
      maxDays: 365,
      reason: 'bad_regime',
    });
  }
  return checkDates(req);
}

function commonLines(req: CanoneRequest, p: Priced, tariffCents: number, annual: boolean): CanoneFeeLine[] {
  const unit = p.category.unit;
  const lines = [
    annual
      ? line('tariff', 'Tariffa standard annua (c.826)', 'Standard annual tariff (c.826)', (l) =>
          formatEuro(cents(tariffCents), l),
        )
      : line('tariff', 'Tariffa standard giornaliera (c.827)', 'Standard daily tariff (c.827)', (l) =>
          formatEuro(cents(tariffCents), l),
        ),
    line('zone', `Coefficiente di zona (${p.zone.label.it})`, `Zone coefficient (${p.zone.label.en})`, (l) =>
      decimal(p.zone.coefficientThousandths / 1000, l, 3),
    ),
    line(
      'category',
      `Coefficiente di categoria (${p.category.label.it}, ${req.regime === 'permanent' ? 'permanente' : 'temporanea'})`,
      `Category coefficient (${p.category.label.en}, ${req.regime})`,
      (l) => decimal(p.coefficientThousandths / 1000, l, 3),
    ),
    line(
      'measure',
      'Misura dichiarata',
      'Declared measure',
      (l) => `${decimal(req.measure, l)} ${UNIT_TEXT[unit][l]}`,
    ),
  ];
  if (p.ownSignConsidered) {
    lines.push(
      line(
        'own_sign_exemption',
        `Esenzione insegna di esercizio fino a ${p.setting.ownSign.exemptUpToM2} m² (c.833)`,
        `Own shop sign exemption up to ${p.setting.ownSign.exemptUpToM2} m² (c.833)`,
        (l) => `${decimal(p.exemptMeasure, l)} ${UNIT_TEXT[unit][l]}`,
      ),
    );
  }
  lines.push(
    line(
      'charged_measure',
      p.setting.rounding === 'whole_m2'
        ? 'Misura tassata (arrotondata al metro intero superiore)'
        : 'Misura tassata (minimo 1, poi al mezzo metro superiore)',
      p.setting.rounding === 'whole_m2'
        ? 'Charged measure (rounded up to the whole metre)'
        : 'Charged measure (at least 1, then up to the next half metre)',
      (l) => `${decimal(p.chargedHalves / 2, l)} ${UNIT_TEXT[unit][l]}`,
    ),
  );
  return lines;
}

function uncertainCodes(p: Priced): string[] {
  const codes: string[] = [];
  const c = p.setting.confidence;
  if (c.tariff !== 'V') codes.push('tariff');
  if (c.residents !== 'V' && !p.setting.tariffOverridden) codes.push('residents');
  if (c.rounding !== 'V') codes.push('rounding');
  if (p.zone.confidence !== 'V') codes.push('zone');
  if (p.category.confidence !== 'V') codes.push(`category:${p.category.code}`);
  if (p.ownSignConsidered && c.ownSign !== 'V') codes.push('own_sign');
  return codes;
}

/** Applies the comune's minimum to a due fee (a fee of 0 stays 0: nothing is due). */
function withMinimum(
  rawCents: number,
  setting: CanoneComuneSetting,
  lines: CanoneFeeLine[],
  uncertain: string[],
): number {
  if (rawCents > 0 && rawCents < setting.minimumFeeCents) {
    lines.push(
      line('minimum', 'Importo minimo del comune', 'Comune’s minimum fee', (l) =>
        formatEuro(cents(setting.minimumFeeCents), l),
      ),
    );
    if (setting.confidence.minimumFee !== 'V') uncertain.push('minimum_fee');
    return setting.minimumFeeCents;
  }
  return rawCents;
}

const totalLine = (totalCents: number): CanoneFeeLine =>
  line('total', 'Totale canone', 'Total fee', (l) => formatEuro(cents(totalCents), l));

function temporaryFee(req: CanoneRequest, tables: CanoneTables): CanoneResult<CanoneFee> {
  const end = req.end as IsoDate; // checked by checkDates
  const resolved = resolve(req, req.start, tables);
  if (!resolved.ok) return resolved;
  const p = resolved.value;
  const days = daysBetween(req.start, end) + 1;
  if (days > p.setting.maxTemporaryDays) {
    return canoneFail('canone_period_invalid', {
      start: req.start,
      end,
      maxDays: p.setting.maxTemporaryDays,
      reason: 'too_long',
    });
  }
  let hoursPerDay: number | null = null;
  const hours = req.hours ?? null;
  if (hours !== null) {
    if (!p.setting.hourly.allowed) return canoneFail('canone_hours_not_allowed', { comune: req.comune });
    const from = minutesOf(hours.from, false);
    const to = minutesOf(hours.to, true);
    if (from === null || to === null || to <= from) {
      return canoneFail('canone_hours_invalid', { from: String(hours.from), to: String(hours.to) });
    }
    // each started hour counts, and at least the regulation's minimum [U]
    hoursPerDay = Math.min(24, Math.max(p.setting.hourly.minimumHours, Math.ceil((to - from) / 60)));
  }
  const tariffCents = p.setting.dailyTariffCents;
  const numerator =
    BigInt(tariffCents) *
    BigInt(p.zone.coefficientThousandths) *
    BigInt(p.coefficientThousandths) *
    BigInt(p.chargedHalves) *
    BigInt(days) *
    BigInt(hoursPerDay ?? 24);
  const raw = roundHalfUp(numerator, 1000n * 1000n * 2n * 24n);
  const lines = commonLines(req, p, tariffCents, false);
  lines.push(
    line('days', 'Giorni (inizio e fine compresi)', 'Days (first and last included)', () => String(days)),
  );
  const uncertain = uncertainCodes(p);
  if (hoursPerDay !== null) {
    const minimumHours = p.setting.hourly.allowed ? p.setting.hourly.minimumHours : 0;
    lines.push(
      line(
        'hours',
        `Ore al giorno (ore iniziate, minimo ${minimumHours}) su 24`,
        `Hours a day (started hours, at least ${minimumHours}) out of 24`,
        () => `${hoursPerDay}/24`,
      ),
    );
    if (p.setting.confidence.hourly !== 'V') uncertain.push('hourly');
  }
  const totalCents = withMinimum(raw, p.setting, lines, uncertain);
  lines.push(totalLine(totalCents));
  return canoneOk({
    totalCents,
    chargedMeasure: p.chargedHalves / 2,
    unit: p.category.unit,
    days,
    hoursPerDay,
    months: null,
    year: null,
    tariffCents,
    zoneCoefficient: p.zone.coefficientThousandths / 1000,
    categoryCoefficient: p.coefficientThousandths / 1000,
    exemptMeasure: p.exemptMeasure,
    lines,
    tariffVersion: p.setting.version,
    uncertain,
  });
}

/** Calendar months of `year` in which [start, end] has at least one day (0-12). */
export function monthsInYear(start: IsoDate, end: IsoDate | null, year: number): number {
  const s = parseIsoDate(start);
  const e = end === null ? null : parseIsoDate(end);
  if (!s) return 0;
  if (s.year > year || (e !== null && e.year < year)) return 0;
  const first = s.year === year ? s.month : 1;
  const last = e !== null && e.year === year ? e.month : 12;
  return Math.max(0, last - first + 1);
}

/**
 * A permanent concession's fee for calendar `year`: the annual fee (c.826 tariff × coefficients
 * × measure) for a whole year; for a year the concession covers only in part (its first, or its
 * last when it has an end), the comune's part-year rule [U] (twelfths by calendar month, or the
 * whole year). The tariff row is the one in force on 1 January of the year, or on the first day
 * when the concession starts during the year. A year the concession does not touch costs 0.
 */
export function annualFee(
  req: CanoneRequest,
  year: number,
  tables: CanoneTables = {},
): CanoneResult<CanoneFee> {
  const result = annualFeeAndSetting(req, year, tables);
  return result.ok ? canoneOk(result.value.fee) : result;
}

/** `annualFee` with the setting row it used (the yearly run needs its instalment rule). */
export function annualFeeAndSetting(
  req: CanoneRequest,
  year: number,
  tables: CanoneTables = {},
): CanoneResult<{ fee: CanoneFee; setting: CanoneComuneSetting }> {
  const checked = checkRequest(req);
  if (!checked.ok) return checked;
  if (req.regime !== 'permanent') {
    return canoneFail('canone_period_invalid', {
      start: req.start,
      end: String(req.end),
      maxDays: 365,
      reason: 'not_permanent',
    });
  }
  const rowDate =
    Number.isSafeInteger(year) && year >= yearOf(req.start) && year <= MAX_YEAR
      ? maxIsoDate(req.start, isoDate(year, 1, 1))
      : req.start;
  const resolved = resolve(req, rowDate, tables);
  if (!resolved.ok) return resolved;
  const p = resolved.value;
  const touched = Number.isSafeInteger(year) ? monthsInYear(req.start, req.end, year) : 0;
  const months = touched === 0 ? 0 : p.setting.partYear === 'full_year' ? 12 : touched;
  const tariffCents = p.setting.annualTariffCents;
  const numerator =
    BigInt(tariffCents) *
    BigInt(p.zone.coefficientThousandths) *
    BigInt(p.coefficientThousandths) *
    BigInt(p.chargedHalves) *
    BigInt(months);
  const raw = roundHalfUp(numerator, 1000n * 1000n * 2n * 12n);
  const lines = commonLines(req, p, tariffCents, true);
  lines.push(
    line('months', `Mesi dell’anno ${year} (su 12)`, `Months of ${year} (out of 12)`, () => `${months}/12`),
  );
  const uncertain = uncertainCodes(p);
  if (months > 0 && touched < 12 && p.setting.confidence.partYear !== 'V') uncertain.push('part_year');
  const totalCents = withMinimum(raw, p.setting, lines, uncertain);
  lines.push(totalLine(totalCents));
  const fee: CanoneFee = {
    totalCents,
    chargedMeasure: p.chargedHalves / 2,
    unit: p.category.unit,
    days: null,
    hoursPerDay: null,
    months,
    year,
    tariffCents,
    zoneCoefficient: p.zone.coefficientThousandths / 1000,
    categoryCoefficient: p.coefficientThousandths / 1000,
    exemptMeasure: p.exemptMeasure,
    lines,
    tariffVersion: p.setting.version,
    uncertain,
  };
  return canoneOk({ fee, setting: p.setting });
}

/**
 * The fee of a request: temporary, for its whole period; permanent, for the calendar year of its
 * first day (the first year, per the part-year rule; later years: `annualFee`/`yearlyDue`).
 */
export function canoneFee(req: CanoneRequest, tables: CanoneTables = {}): CanoneResult<CanoneFee> {
  const checked = checkRequest(req);
  if (!checked.ok) return checked;
  if (req.regime === 'permanent') {
    if (req.hours !== undefined && req.hours !== null) {
      return canoneFail('canone_hours_invalid', { from: String(req.hours.from), to: String(req.hours.to) });
    }
    return annualFee(req, yearOf(req.start), tables);
  }
  return temporaryFee(req, tables);
}

/** The last day of a temporary occupation of `days` days from `start` (both included). */
export const lastDayOf = (start: IsoDate, days: number): IsoDate => addDays(start, days - 1);
