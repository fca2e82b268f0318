import { isIsoDate, yearOf, type IsoDate } from '../calendar/iso-date';
import { isSeriesCode } from '../certificates/certificate-id';
import { cashdeskFail, cashdeskOk, type CashdeskResult } from './cashdesk-errors';

/**
 * Counter receipt numbers, safe to allocate offline: `RIC-B885-P1-2026-000001` =
 * RIC-<Belfiore code of the comune>-<workstation series>-<year>-<6-digit counter>.
 *
 * Same scheme as the certificate identifiers (certificates/certificate-id.ts) and for the same
 * reason: each workstation draws from its own series and the counter restarts every 1 January,
 * so two counters working offline never produce the same number (../shared/ARCHITECTURE.md:
 * "Numbers that must be unique (certificate numbers, receipts) are safe offline"). The "RIC"
 * (ricevuta) prefix keeps a receipt from ever being read as a certificate identifier, whose first
 * part is a Belfiore code: a receipt scanned at the certificate check, or the other way round, is
 * refused instead of looked up. A workstation may use the same series code for both.
 *
 * Not a protocol number: it is not gap-free across the comune and the hub never renumbers it.
 * Within a series the desk allocates it in the same transaction as the payment, so a gap means a
 * lost transaction, which the closing report would show.
 */

export const RECEIPT_PREFIX = 'RIC';

export interface ReceiptNumberParts {
  /** Belfiore code of the comune, e.g. B885 */
  comune: string;
  /** the workstation's series: 1 to 8 capital letters or digits */
  series: string;
  year: number;
  /** 1 … 999999 within the series and year */
  counter: number;
}

export const RECEIPT_COUNTER_DIGITS = 6;
export const RECEIPT_COUNTER_MAX = 999_999;
export const MIN_RECEIPT_YEAR = 2000;
export const MAX_RECEIPT_YEAR = 9999;

const BELFIORE = /^[A-Z]\d{3}$/;
const RECEIPT = /^RIC-([A-Z]\d{3})-([A-Z0-9]{1,8})-(\d{4})-(\d{6})$/;

function partsProblem(parts: ReceiptNumberParts): string | null {
  if (!BELFIORE.test(parts.comune)) return 'comune: Belfiore code, a letter and 3 digits';
  if (!isSeriesCode(parts.series)) return 'series: 1 to 8 capital letters or digits';
  if (!Number.isSafeInteger(parts.year) || parts.year < MIN_RECEIPT_YEAR || parts.year > MAX_RECEIPT_YEAR) {
    return `year: ${MIN_RECEIPT_YEAR}-${MAX_RECEIPT_YEAR}`;
  }
  if (!Number.isSafeInteger(parts.counter) || parts.counter < 1 || parts.counter > RECEIPT_COUNTER_MAX) {
    return `counter: 1-${RECEIPT_COUNTER_MAX}`;
  }
  return null;
}

/** The printed receipt number of valid parts. */
export function formatReceiptNumber(parts: ReceiptNumberParts): CashdeskResult<string> {
  const problem = partsProblem(parts);
  if (problem !== null) {
    return cashdeskFail({ reason: 'invalid_receipt_number', value: JSON.stringify(parts), detail: problem });
  }
  const counter = String(parts.counter).padStart(RECEIPT_COUNTER_DIGITS, '0');
  return cashdeskOk(`${RECEIPT_PREFIX}-${parts.comune}-${parts.series}-${parts.year}-${counter}`);
}

/**
 * Reads a receipt number as printed, typed or scanned: surrounding spaces are dropped and letters
 * upper-cased ("ric-b885-p1-2026-000001" is accepted); anything else must match exactly.
 */
export function parseReceiptNumber(raw: string): CashdeskResult<ReceiptNumberParts> {
  const text = String(raw ?? '')
    .trim()
    .toUpperCase();
  const match = RECEIPT.exec(text);
  if (!match) {
    return cashdeskFail({
      reason: 'invalid_receipt_number',
      value: String(raw),
      detail: 'expected RIC-COMUNE-SERIE-ANNO-NNNNNN, e.g. RIC-B885-P1-2026-000001',
    });
  }
  const parts: ReceiptNumberParts = {
    comune: match[1] ?? '',
    series: match[2] ?? '',
    year: Number(match[3]),
    counter: Number(match[4]),
  };
  const problem = partsProblem(parts);
  if (problem !== null)
    return cashdeskFail({ reason: 'invalid_receipt_number', value: String(raw), detail: problem });
  return cashdeskOk(parts);
}

export interface NextReceiptRequest {
  comune: string;
  series: string;
  /** the civil date of the payment (Europe/Rome): its year starts a new count */
  date: IsoDate;
}

/**
 * The next receipt number of a workstation's series: counter + 1 within the same year, 1 in a new
 * year or when `previous` is of another comune or series (null for the very first). Pure: the desk
 * stores the last number issued in the same transaction as the payment.
 */
export function nextReceiptNumber(
  previous: ReceiptNumberParts | null,
  request: NextReceiptRequest,
): CashdeskResult<{ parts: ReceiptNumberParts; receiptNumber: string }> {
  const { comune, series, date } = request;
  if (!isIsoDate(date)) return cashdeskFail({ reason: 'invalid_date', field: 'date', value: String(date) });
  if (!isSeriesCode(series)) return cashdeskFail({ reason: 'invalid_series_code', value: String(series) });
  const year = yearOf(date);
  const sameSeries = previous !== null && previous.comune === comune && previous.series === series;
  if (sameSeries && previous.year > year) {
    return cashdeskFail({ reason: 'receipt_clock_backwards', lastYear: previous.year, date });
  }
  const counter = sameSeries && previous.year === year ? previous.counter + 1 : 1;
  if (counter > RECEIPT_COUNTER_MAX)
    return cashdeskFail({ reason: 'receipt_series_exhausted', series, year });
  const parts = { comune, series, year, counter };
  const formatted = formatReceiptNumber(parts);
  if (!formatted.ok) return formatted;
  return cashdeskOk({ parts, receiptNumber: formatted.value });
}

/**
 * Order of two receipts of one series: by year, then counter. Negative, 0 or positive; receipts
 * of different comuni or series are not comparable (null).
 */
export function compareReceiptNumbers(a: ReceiptNumberParts, b: ReceiptNumberParts): number | null {
  if (a.comune !== b.comune || a.series !== b.series) return null;
  return a.year !== b.year ? Math.sign(a.year - b.year) : Math.sign(a.counter - b.counter);
}
