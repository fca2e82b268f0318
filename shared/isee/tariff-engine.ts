import { rowOn } from '../calendar/dated-rows';
import type { IsoDate } from '../calendar/iso-date';
import type { Locale } from '../i18n/locale';
import { cents } from '../money/cents';
import { formatEuro } from '../money/euro-format';
import { iseeFail, type Confidence, type Fail, type IseeProblem } from './problems';

/**
 * ISEE tariff tables (DOMAIN.md §10.1): the price of a meal, a month of transport or an hour of
 * home care by the family's ISEE band, dated per comune and school or calendar year, as the
 * council resolves it. Everything is integer cents; band bounds are inclusive at cent precision
 * (€6,000.00 is in the first Manfredonia band, €6,000.01 in the second).
 */

export type Price =
  | { kind: 'fixed'; cents: number }
  | { kind: 'exempt' }
  /** interpolated across the band: `fromCents` at the band's lower bound, `toCents` at its upper */
  | { kind: 'linear'; fromCents: number; toCents: number };

/** Inclusive bounds in ISEE cents; `toCents` null: no upper bound (the last band). */
export interface Band {
  fromCents: number;
  toCents: number | null;
  price: Price;
  label?: string;
}

export type SchoolYearLabel = `${number}/${number}`;

export type TariffPeriod =
  { kind: 'school_year'; label: SchoolYearLabel } | { kind: 'calendar_year'; year: number };

/**
 * A sibling discount for the child of rank `rank` and above (the rule with the highest rank not
 * above the child's applies). Either a `price`, a `discountPct` off the band price, or a price
 * `byBand` of ISEE (Gasperina), with `noIsee` for a family without one. A discount never raises
 * a price: the child pays the lower of the band price and the sibling price [our reading].
 */
export interface SiblingRule {
  rank: number;
  price?: Price;
  discountPct?: number;
  byBand?: Band[];
  noIsee?: Price;
}

export interface TariffTable {
  id: string;
  /** Belfiore code */
  comune: string;
  /** 'mensa' | 'trasporto' | 'sad' | … */
  service: string;
  period: TariffPeriod;
  validFrom: IsoDate;
  validTo: IsoDate | null;
  unit: 'meal' | 'month' | 'hour';
  bands: Band[];
  /** the price with no ISEE, or an expired one */
  noIsee: Price;
  /** the price for non-residents, whatever their ISEE */
  nonResident?: Price;
  siblings?: SiblingRule[];
  /** sibling discounts also for non-residents (default: residents only [U]) */
  siblingsForNonResidents?: boolean;
  /** SAD: the hourly rate is per operator (Cassano d'Adda: "multiply it by the operators") */
  perOperator?: boolean;
  confidence: Confidence;
  source: string;
  note: string | null;
}

export interface TariffInput {
  /** null: no ISEE or an expired one (see iseeOn) */
  iseeCents: number | null;
  resident: boolean;
  /** 1 for the first (or only) child */
  siblingRank?: number;
  operators?: number;
}

export type Line = Record<Locale, string>;

export interface TariffChoice {
  ok: true;
  /** the price of one unit (meal, month, hour), siblings and operators applied */
  unitPriceCents: number;
  /** the price of the band before siblings and operators */
  bandPriceCents: number;
  bandLabel: string;
  /** 0-based index of the band in `table.bands`, null when chosen by no ISEE / non-resident */
  bandIndex: number | null;
  chosenBy: 'isee' | 'no_isee' | 'non_resident';
  exempt: boolean;
  siblingApplied: boolean;
  operators: number;
  /** the breakdown printed on the enrolment and the notice */
  lines: Line[];
}

const euro = (c: number, locale: Locale) => formatEuro(cents(c), locale);

/** n / d rounded half away from zero (d > 0): a price delta of ±½ cent goes to the whole cent. */
function divideHalfUp(n: number, d: number): number {
  const q = Math.floor((2 * Math.abs(n) + d) / (2 * d));
  return n < 0 ? -q : q;
}

/** The price of `price` at `iseeCents` inside `band` (linear: exact at both ends). */
export function priceAt(price: Price, band: Pick<Band, 'fromCents' | 'toCents'>, iseeCents: number): number {
  if (price.kind === 'exempt') return 0;
  if (price.kind === 'fixed') return price.cents;
  if (band.toCents === null || band.toCents === band.fromCents) return price.fromCents;
  const span = band.toCents - band.fromCents;
  const at = Math.min(Math.max(iseeCents - band.fromCents, 0), span);
  return price.fromCents + divideHalfUp((price.toCents - price.fromCents) * at, span);
}

function flatPrice(price: Price): number {
  return price.kind === 'exempt' ? 0 : price.kind === 'fixed' ? price.cents : price.fromCents;
}

export function bandOf(bands: readonly Band[], iseeCents: number): number {
  return bands.findIndex((b) => iseeCents >= b.fromCents && (b.toCents === null || iseeCents <= b.toCents));
}

export function bandText(band: Pick<Band, 'fromCents' | 'toCents'>, locale: Locale): string {
  if (band.toCents === null) {
    return locale === 'it'
      ? `ISEE oltre ${euro(band.fromCents - 1, 'it')}`
      : `ISEE above ${euro(band.fromCents - 1, 'en')}`;
  }
  return locale === 'it'
    ? `ISEE da ${euro(band.fromCents, 'it')} a ${euro(band.toCents, 'it')}`
    : `ISEE from ${euro(band.fromCents, 'en')} to ${euro(band.toCents, 'en')}`;
}

const UNIT_WORDS: Record<TariffTable['unit'], Line> = {
  meal: { it: 'a pasto', en: 'per meal' },
  month: { it: 'al mese', en: 'per month' },
  hour: { it: 'all’ora', en: 'per hour' },
};

function siblingRuleFor(table: TariffTable, rank: number): SiblingRule | undefined {
  return (table.siblings ?? []).filter((r) => r.rank <= rank).sort((a, b) => b.rank - a.rank)[0];
}

function siblingPrice(rule: SiblingRule, base: number, iseeCents: number | null): number | null {
  if (rule.byBand) {
    if (iseeCents === null) {
      if (rule.noIsee) return flatPrice(rule.noIsee);
    } else {
      const i = bandOf(rule.byBand, iseeCents);
      const band = rule.byBand[i];
      if (band) return priceAt(band.price, band, iseeCents);
    }
  }
  if (rule.price) return flatPrice(rule.price);
  if (rule.discountPct !== undefined) return base - divideHalfUp(base * rule.discountPct, 100);
  return null;
}

/**
 * The unit price for one child or user. Order, as the resolutions read: non-residents pay their
 * price whatever the ISEE (a table without one prices them as residents); without a (valid) ISEE the "no ISEE" price; otherwise the band of
 * the ISEE (interpolated if linear); then the sibling discount, then × operators (SAD).
 */
export function tariffFor(table: TariffTable, input: TariffInput): TariffChoice | Fail {
  const rank = input.siblingRank ?? 1;
  if (!Number.isSafeInteger(rank) || rank < 1) return iseeFail('tariff_sibling_rank_invalid', { rank });
  const operators = input.operators ?? 1;
  if (!Number.isSafeInteger(operators) || operators < 1 || operators > 10) {
    return iseeFail('tariff_operators_invalid', { operators });
  }
  const { iseeCents } = input;
  if (iseeCents !== null && (!Number.isSafeInteger(iseeCents) || iseeCents < 0)) {
    return iseeFail('isee_value_invalid', { value: String(iseeCents), reason: 'negative' });
  }
  const lines: Line[] = [];
  let base: number;
  let bandLabel: string;
  let bandIndex: number | null = null;
  let chosenBy: TariffChoice['chosenBy'];
  if (!input.resident && table.nonResident) {
    chosenBy = 'non_resident';
    base = flatPrice(table.nonResident);
    bandLabel = 'non residenti';
    lines.push({
      it: `Tariffa non residenti: ${euro(base, 'it')}`,
      en: `Non-resident tariff: ${euro(base, 'en')}`,
    });
  } else if (iseeCents === null) {
    chosenBy = 'no_isee';
    base = flatPrice(table.noIsee);
    bandLabel = 'senza ISEE';
    lines.push({ it: `Tariffa senza ISEE: ${euro(base, 'it')}`, en: `No-ISEE tariff: ${euro(base, 'en')}` });
  } else {
    chosenBy = 'isee';
    bandIndex = bandOf(table.bands, iseeCents);
    const band = table.bands[bandIndex];
    if (!band) return iseeFail('tariff_no_band', { table: table.id, iseeEuro: euro(iseeCents, 'it') });
    base = priceAt(band.price, band, iseeCents);
    bandLabel = band.label ?? bandText(band, 'it');
    const how =
      band.price.kind === 'linear'
        ? { it: ' (proporzionale all’ISEE)', en: ' (proportional to the ISEE)' }
        : { it: '', en: '' };
    lines.push({
      it: `${bandText(band, 'it')} (ISEE ${euro(iseeCents, 'it')}): ${euro(base, 'it')}${how.it}`,
      en: `${bandText(band, 'en')} (ISEE ${euro(iseeCents, 'en')}): ${euro(base, 'en')}${how.en}`,
    });
  }
  let unit = base;
  let siblingApplied = false;
  const siblingsApply = input.resident || table.siblingsForNonResidents === true;
  const rule = rank >= 2 && siblingsApply ? siblingRuleFor(table, rank) : undefined;
  if (rule) {
    const sibling = siblingPrice(rule, base, chosenBy === 'isee' ? iseeCents : null);
    if (sibling !== null && sibling < base) {
      unit = sibling;
      siblingApplied = true;
      lines.push({
        it: `Riduzione ${rank}° figlio: ${euro(unit, 'it')}`,
        en: `Sibling discount (child no. ${rank}): ${euro(unit, 'en')}`,
      });
    }
  }
  if (table.perOperator && operators > 1) {
    lines.push({
      it: `${euro(unit, 'it')} × ${operators} operatori = ${euro(unit * operators, 'it')}`,
      en: `${euro(unit, 'en')} × ${operators} operators = ${euro(unit * operators, 'en')}`,
    });
    unit *= operators;
  }
  lines.push({
    it: unit === 0 ? 'Esente' : `Totale ${euro(unit, 'it')} ${UNIT_WORDS[table.unit].it}`,
    en: unit === 0 ? 'Exempt' : `Total ${euro(unit, 'en')} ${UNIT_WORDS[table.unit].en}`,
  });
  return {
    ok: true,
    unitPriceCents: unit,
    bandPriceCents: base,
    bandLabel,
    bandIndex,
    chosenBy,
    exempt: unit === 0,
    siblingApplied,
    operators,
    lines,
  };
}

/** A table problem; `band` is 1-based, `where` names the band list ('bands', 'siblings[0]'). */
export interface TableProblem extends IseeProblem {
  bandIndex: number | null;
  where: string;
}

function priceProblem(price: Price, band: Band | null): 'negative' | 'not_cents' | 'linear_open_band' | null {
  const amounts =
    price.kind === 'fixed' ? [price.cents] : price.kind === 'linear' ? [price.fromCents, price.toCents] : [];
  if (amounts.some((a) => !Number.isSafeInteger(a))) return 'not_cents';
  if (amounts.some((a) => a < 0)) return 'negative';
  if (price.kind === 'linear' && band !== null && band.toCents === null) return 'linear_open_band';
  return null;
}

function bandListProblems(tableId: string, bands: readonly Band[], where: string): TableProblem[] {
  const problems: TableProblem[] = [];
  const at = (i: number, code: TableProblem['code'], params: Record<string, string | number>) =>
    problems.push({ code, params: { table: tableId, band: i + 1, ...params }, bandIndex: i, where });
  bands.forEach((band, i) => {
    if (
      !Number.isSafeInteger(band.fromCents) ||
      (band.toCents !== null && !Number.isSafeInteger(band.toCents))
    ) {
      at(i, 'tariff_price_invalid', { reason: 'not_cents' });
      return;
    }
    if (band.fromCents < 0 || (band.toCents !== null && band.toCents < band.fromCents))
      at(i, 'tariff_band_reversed', {});
    const priceIssue = priceProblem(band.price, band);
    if (priceIssue) at(i, 'tariff_price_invalid', { reason: priceIssue });
    if (i === 0) {
      if (band.fromCents > 0) at(i, 'tariff_band_gap', { reason: 'start', fromEuro: euro(0, 'it') });
      return;
    }
    const prev = bands[i - 1];
    if (!prev) return;
    if (prev.toCents === null || band.fromCents <= prev.toCents) {
      at(i, 'tariff_band_overlap', { other: i });
    } else if (band.fromCents > prev.toCents + 1) {
      at(i, 'tariff_band_gap', { reason: 'between', fromEuro: euro(prev.toCents + 1, 'it') });
    }
  });
  const last = bands[bands.length - 1];
  if (last && last.toCents !== null) {
    problems.push({
      code: 'tariff_band_gap',
      params: {
        table: tableId,
        band: bands.length + 1,
        reason: 'above',
        fromEuro: euro(last.toCents + 1, 'it'),
      },
      bandIndex: bands.length,
      where,
    });
  }
  return problems;
}

/**
 * Everything that would make a table price a family wrongly, each naming its band: bands must
 * start at €0.00, follow each other to the cent (the next `fromCents` = previous `toCents` + 1)
 * and end open; no reversed bounds, no negative or fractional cents, no linear open band.
 */
export function checkTariffTable(table: TariffTable): TableProblem[] {
  const problems = bandListProblems(table.id, table.bands, 'bands');
  if (table.bands.length === 0) {
    problems.push({
      code: 'tariff_band_gap',
      params: { table: table.id, band: 1, reason: 'start', fromEuro: euro(0, 'it') },
      bandIndex: 0,
      where: 'bands',
    });
  }
  const flat: [string, Price | undefined][] = [
    ['noIsee', table.noIsee],
    ['nonResident', table.nonResident],
  ];
  for (const [where, price] of flat) {
    const issue = price ? priceProblem(price, null) : null;
    if (issue)
      problems.push({
        code: 'tariff_price_invalid',
        params: { table: table.id, band: where, reason: issue },
        bandIndex: null,
        where,
      });
  }
  (table.siblings ?? []).forEach((rule, i) => {
    const where = `siblings[${i}]`;
    if (!Number.isSafeInteger(rule.rank) || rule.rank < 2) {
      problems.push({
        code: 'tariff_sibling_rank_invalid',
        params: { rank: rule.rank },
        bandIndex: null,
        where,
      });
    }
    if (rule.byBand) problems.push(...bandListProblems(table.id, rule.byBand, where));
    const issue = rule.price ? priceProblem(rule.price, null) : null;
    const pct = rule.discountPct;
    if (issue || (pct !== undefined && !(pct >= 0 && pct <= 100))) {
      problems.push({
        code: 'tariff_price_invalid',
        params: { table: table.id, band: where, reason: issue ?? 'negative' },
        bandIndex: null,
        where,
      });
    }
  });
  return problems;
}

export type TableOnResult = { ok: true; table: TariffTable } | Fail;

/** The table of `service` in `comune` in force on `day`; none or two is an error, never a guess. */
export function tableOn(
  tables: readonly TariffTable[],
  comune: string,
  service: string,
  day: IsoDate,
): TableOnResult {
  const found = rowOn(tables, (t) => t.comune === comune && t.service === service, day);
  if (!found.ok) return iseeFail('tariff_no_table', { comune, service, date: day, reason: found.reason });
  return { ok: true, table: found.row };
}

export { parseTariffCsv, type CsvProblem, type TariffCsvResult } from './tariff-csv';
