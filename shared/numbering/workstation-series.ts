import { isIsoDate, yearOf, type IsoDate } from '../calendar/iso-date';

/**
 * Numbers safe to allocate offline: [<PREFIX>-]<Belfiore code>-<workstation series>-<year>-<6-digit
 * counter>. Each workstation draws from its own series (assigned once, unique within the comune)
 * and the counter restarts every 1 January, so two desks never produce the same number without
 * talking to each other (../shared/ARCHITECTURE.md: "Numbers that must be unique (certificate
 * numbers, receipts) are safe offline"). Certificate identifiers (certificates/certificate-id.ts)
 * and receipt numbers (cashdesk/receipt-number.ts) are thin adapters over this scheme: they give
 * the prefix and turn the problems below into their own errors.
 */

export interface SeriesNumberParts {
  /** Belfiore code of the comune, e.g. B885 */
  comune: string;
  /** the workstation's series code: 1 to 8 capital letters or digits */
  series: string;
  year: number;
  /** 1 … 999999 within the series and year */
  counter: number;
}

export const SERIES_COUNTER_DIGITS = 6;
export const SERIES_COUNTER_MAX = 999_999;
export const MIN_SERIES_YEAR = 2000;
export const MAX_SERIES_YEAR = 9999;

const BELFIORE = /^[A-Z]\d{3}$/;
const SERIES = /^[A-Z0-9]{1,8}$/;
const BODY = '([A-Z]\\d{3})-([A-Z0-9]{1,8})-(\\d{4})-(\\d{6})';

export function isSeriesCode(value: unknown): value is string {
  return typeof value === 'string' && SERIES.test(value);
}

/** What is wrong with the parts (one line, English, for logs and error details), or null. */
export function seriesPartsProblem(parts: SeriesNumberParts): string | null {
  if (!BELFIORE.test(parts.comune)) return 'comune: Belfiore code, a letter and 3 digits';
  if (!SERIES.test(parts.series)) return 'series: 1 to 8 capital letters or digits';
  if (!Number.isSafeInteger(parts.year) || parts.year < MIN_SERIES_YEAR || parts.year > MAX_SERIES_YEAR) {
    return `year: ${MIN_SERIES_YEAR}-${MAX_SERIES_YEAR}`;
  }
  if (!Number.isSafeInteger(parts.counter) || parts.counter < 1 || parts.counter > SERIES_COUNTER_MAX) {
    return `counter: 1-${SERIES_COUNTER_MAX}`;
  }
  return null;
}

export type SeriesOutcome<T> = { ok: true; value: T } | { ok: false; detail: string };

export type NextSeriesProblem =
  | { kind: 'invalid_date' }
  | { kind: 'invalid_series_code' }
  /** the last number is of a later year than `date`: the workstation clock went backwards */
  | { kind: 'clock_backwards'; previous: SeriesNumberParts }
  | { kind: 'exhausted'; year: number }
  | { kind: 'invalid_parts'; parts: SeriesNumberParts; detail: string };

export interface NextSeriesRequest {
  comune: string;
  series: string;
  /** the civil date of the act (Europe/Rome): its year starts a new count */
  date: IsoDate;
}

export interface WorkstationSeries {
  /** the printed number of valid parts */
  format(parts: SeriesNumberParts): SeriesOutcome<string>;
  /**
   * Reads a number as printed, typed or scanned: surrounding spaces are dropped and letters
   * upper-cased; anything else must match exactly.
   */
  parse(raw: string): SeriesOutcome<SeriesNumberParts>;
  /** Whether `value` is a number written exactly in the printed (canonical) form. */
  isCanonical(value: unknown): boolean;
  /**
   * The next number of a workstation's series: counter + 1 within the same year, 1 in a new
   * year or when `previous` is of another comune or series (null for the very first).
   */
  next(
    previous: SeriesNumberParts | null,
    request: NextSeriesRequest,
  ):
    | { ok: true; value: { parts: SeriesNumberParts; text: string } }
    | { ok: false; problem: NextSeriesProblem };
}

/** The scheme with an optional prefix ("RIC"); `example` is shown when a number cannot be read. */
export function workstationSeries(options: {
  prefix?: string;
  example: SeriesNumberParts;
}): WorkstationSeries {
  const head = options.prefix === undefined ? '' : `${options.prefix}-`;
  const pattern = new RegExp(`^${head}${BODY}$`);
  const formatValid = (parts: SeriesNumberParts): string =>
    `${head}${parts.comune}-${parts.series}-${parts.year}-${String(parts.counter).padStart(SERIES_COUNTER_DIGITS, '0')}`;
  const expected = `expected ${head}COMUNE-SERIE-ANNO-NNNNNN, e.g. ${formatValid(options.example)}`;

  const format = (parts: SeriesNumberParts): SeriesOutcome<string> => {
    const problem = seriesPartsProblem(parts);
    return problem === null ? { ok: true, value: formatValid(parts) } : { ok: false, detail: problem };
  };

  const parse = (raw: string): SeriesOutcome<SeriesNumberParts> => {
    const text = String(raw ?? '')
      .trim()
      .toUpperCase();
    const match = pattern.exec(text);
    if (!match) return { ok: false, detail: expected };
    const parts: SeriesNumberParts = {
      comune: match[1] ?? '',
      series: match[2] ?? '',
      year: Number(match[3]),
      counter: Number(match[4]),
    };
    const problem = seriesPartsProblem(parts);
    return problem === null ? { ok: true, value: parts } : { ok: false, detail: problem };
  };

  return {
    format,
    parse,
    isCanonical: (value) => typeof value === 'string' && pattern.test(value) && parse(value).ok,
    next(previous, { comune, series, date }) {
      if (!isIsoDate(date)) return { ok: false, problem: { kind: 'invalid_date' } };
      if (!isSeriesCode(series)) return { ok: false, problem: { kind: 'invalid_series_code' } };
      const year = yearOf(date);
      const sameSeries = previous !== null && previous.comune === comune && previous.series === series;
      if (sameSeries && previous.year > year)
        return { ok: false, problem: { kind: 'clock_backwards', previous } };
      const counter = sameSeries && previous.year === year ? previous.counter + 1 : 1;
      if (counter > SERIES_COUNTER_MAX) return { ok: false, problem: { kind: 'exhausted', year } };
      const parts = { comune, series, year, counter };
      const text = format(parts);
      if (!text.ok) return { ok: false, problem: { kind: 'invalid_parts', parts, detail: text.detail } };
      return { ok: true, value: { parts, text: text.value } };
    },
  };
}

/**
 * Order of two numbers of one series: by year, then counter. Negative, 0 or positive; numbers of
 * different comuni or series are not comparable (null).
 */
export function compareSeriesNumbers(a: SeriesNumberParts, b: SeriesNumberParts): number | null {
  if (a.comune !== b.comune || a.series !== b.series) return null;
  return a.year !== b.year ? Math.sign(a.year - b.year) : Math.sign(a.counter - b.counter);
}
