import { isIsoDate, MAX_YEAR, MIN_YEAR, type IsoDate } from '../calendar/iso-date';
import { isLocalDateTime, localDateOf, type LocalDateTime } from './local-date-time';
import { protocolError, protocolFail, type ProtocolError, type ProtocolResult } from './protocol-errors';

/**
 * Protocol numbers of the protocollo informatico (DPR 445/2000 art. 57; DOMAIN.md §8.2):
 * progressive, at least 7 digits, restarting from 1 every calendar year, no gaps and no reuse.
 * The key of a registration is (AOO, year, number); the year is the one of the REGISTRATION
 * date, as a local civil date in Italy (Europe/Rome): a document registered at 00:10 on
 * 1 January 2026 gets 2026/0000001 even though it is still 31 December in UTC.
 *
 * Displayed as 'YYYY/NNNNNNN' (`2026/0000123`): DOMAIN.md gives the zero-padded 7-digit number
 * and says to store the year with it; the 'year/number' writing is our choice (common in
 * municipal registers). Numbers past 9,999,999 simply take more digits.
 *
 * Allocation itself (one serialised transaction at the hub, never on an offline desk) is the
 * storage layer's job; these functions only say what the next number must be and check a
 * register for gaps and duplicates.
 */

export const PROTOCOL_MIN_DIGITS = 7;
/** An upper bound for input checks only: far beyond any AOO's yearly volume. */
export const PROTOCOL_MAX_NUMBER = 999_999_999;

export interface ProtocolNumber {
  /** registration year (Europe/Rome local date) */
  year: number;
  /** progressive within the year, from 1 */
  number: number;
}

/** The full key of a registration (DOMAIN.md §8.2): the AOO's code plus year and number. */
export interface ProtocolKey extends ProtocolNumber {
  aoo: string;
}

const isYear = (year: number): boolean => Number.isInteger(year) && year >= MIN_YEAR && year <= MAX_YEAR;
const isProgressive = (n: number): boolean => Number.isInteger(n) && n >= 1 && n <= PROTOCOL_MAX_NUMBER;

/** '0000123': the progressive zero-padded to at least 7 digits. */
export function formatProgressive(number: number): string {
  if (!isProgressive(number)) throw new RangeError(`Not a protocol progressive: ${number}`);
  return String(number).padStart(PROTOCOL_MIN_DIGITS, '0');
}

/** '2026/0000123'. Throws on an impossible value (a programming error: input goes through parse). */
export function formatProtocolNumber(p: ProtocolNumber): string {
  if (!isYear(p.year)) throw new RangeError(`Not a protocol year: ${p.year}`);
  return `${p.year}/${formatProgressive(p.number)}`;
}

/** Checks a number held as data (e.g. read from storage or a form). */
export function validateProtocolNumber(p: ProtocolNumber): ProtocolResult<ProtocolNumber> {
  if (!isYear(p.year)) return protocolFail({ reason: 'year_out_of_range', year: p.year });
  if (!isProgressive(p.number))
    return protocolFail({ reason: 'number_out_of_range', value: String(p.number) });
  return { ok: true, value: { year: p.year, number: p.number } };
}

const STRICT = /^(\d{4})\/(\d+)$/;
const LENIENT = /^(\d{4})\s*[/\-.]\s*(\d+)$/;

export interface ParseOptions {
  /**
   * false (default): only the canonical writing '2026/0000123' is accepted, as stored data
   * must be. true: what a clerk types is accepted too ('2026/123', '2026-123', ' 2026 / 123 ')
   * and returned canonical.
   */
  lenient?: boolean;
}

export function parseProtocolNumber(
  text: string,
  options: ParseOptions = {},
): ProtocolResult<ProtocolNumber> {
  const value = options.lenient ? text.trim() : text;
  if (value.trim() === '') return protocolFail({ reason: 'empty', field: 'protocol number' });
  const match = (options.lenient ? LENIENT : STRICT).exec(value);
  if (!match) return protocolFail({ reason: 'malformed_number', value: text });
  const [, yearText = '', digits = ''] = match;
  const year = Number(yearText);
  if (!isYear(year)) return protocolFail({ reason: 'year_out_of_range', year });
  const number = Number(digits);
  if (digits.length > 12 || !isProgressive(number)) {
    return protocolFail({ reason: 'number_out_of_range', value: digits });
  }
  const canonical = formatProtocolNumber({ year, number });
  if (!options.lenient && canonical !== text) {
    return protocolFail({ reason: 'non_canonical_number', value: text, canonical });
  }
  return { ok: true, value: { year, number } };
}

/** Orders by year, then number. */
export function compareProtocolNumbers(a: ProtocolNumber, b: ProtocolNumber): number {
  return a.year !== b.year ? Math.sign(a.year - b.year) : Math.sign(a.number - b.number);
}

/** The protocol year of a registration made on this local date (or local date-time). */
export function protocolYear(registration: IsoDate | LocalDateTime): number {
  const date = isLocalDateTime(registration) ? localDateOf(registration) : registration;
  if (!isIsoDate(date)) throw new RangeError(`Not a local date: ${JSON.stringify(registration)}`);
  return Number(date.slice(0, 4));
}

/**
 * The number the next registration must get: 1 in a new year (the first registration on or
 * after 1 January), otherwise the last number + 1. `last` is the last number issued in the
 * AOO, whatever its year (null for a new register). A registration date in a year before the
 * last number's is refused: the clock went backwards.
 */
export function nextProtocolNumber(
  last: ProtocolNumber | null,
  registrationDate: IsoDate | LocalDateTime,
): ProtocolResult<ProtocolNumber> {
  if (!isIsoDate(registrationDate) && !isLocalDateTime(registrationDate)) {
    return protocolFail({ reason: 'invalid_date', field: 'registrationDate', value: registrationDate });
  }
  const year = protocolYear(registrationDate);
  if (last === null) return { ok: true, value: { year, number: 1 } };
  const checked = validateProtocolNumber(last);
  if (!checked.ok) return checked;
  if (year < last.year) return protocolFail({ reason: 'year_before_last', year, lastYear: last.year });
  if (year > last.year) return { ok: true, value: { year, number: 1 } };
  if (last.number >= PROTOCOL_MAX_NUMBER) {
    return protocolFail({ reason: 'number_out_of_range', value: String(last.number + 1) });
  }
  return { ok: true, value: { year, number: last.number + 1 } };
}

export interface SequenceCheckOptions {
  /**
   * true (default): each year must start at 1, as a full yearly register does. false for an
   * extract such as one day's register, which starts wherever the previous day ended.
   */
  fromOne?: boolean;
}

/**
 * Problems in a list of issued numbers, in any order (a yearly or daily register): duplicates,
 * gaps, a year not starting at 1. Cancelled registrations keep their number (art. 54: the
 * cancelled entry stays in the register), so they belong in the list. Empty = consistent.
 */
export function checkProtocolSequence(
  numbers: readonly ProtocolNumber[],
  options: SequenceCheckOptions = {},
): ProtocolError[] {
  const problems: ProtocolError[] = [];
  const byYear = new Map<number, number[]>();
  for (const p of numbers) {
    const checked = validateProtocolNumber(p);
    if (!checked.ok) {
      problems.push(checked.error);
      continue;
    }
    const list = byYear.get(p.year) ?? [];
    list.push(p.number);
    byYear.set(p.year, list);
  }
  for (const [year, list] of [...byYear.entries()].sort(([a], [b]) => a - b)) {
    const sorted = [...list].sort((a, b) => a - b);
    const first = sorted[0];
    if (first !== undefined && (options.fromOne ?? true) && first !== 1) {
      problems.push(protocolError({ reason: 'sequence_not_from_one', year, first }));
    }
    for (let i = 1; i < sorted.length; i++) {
      const before = sorted[i - 1] ?? 0;
      const current = sorted[i] ?? 0;
      if (current === before) {
        // one problem per duplicated number, however many times it repeats
        if (sorted[i - 2] !== current)
          problems.push(protocolError({ reason: 'duplicate_number', year, number: current }));
      } else if (current > before + 1) {
        problems.push(protocolError({ reason: 'sequence_gap', year, after: before, next: current }));
      }
    }
  }
  return problems;
}
