import {
  compareSeriesNumbers,
  MAX_SERIES_YEAR,
  MIN_SERIES_YEAR,
  SERIES_COUNTER_DIGITS,
  SERIES_COUNTER_MAX,
  workstationSeries,
  type NextSeriesRequest,
  type SeriesNumberParts,
} from '../numbering/workstation-series';
import { cashdeskFail, cashdeskOk, type CashdeskResult } from './cashdesk-errors';

/**
 * Counter receipt numbers, safe to allocate offline: `RIC-B885-P1-2026-000001` =
 * RIC-<Belfiore code of the comune>-<workstation series>-<year>-<6-digit counter>.
 *
 * Same scheme as the certificate identifiers (numbering/workstation-series.ts) and for the same
 * reason: each workstation draws from its own series and the counter restarts every 1 January,
 * so two counters working offline never produce the same number (../shared/ARCHITECTURE.md:
 * "Numbers that must be unique (certificate numbers, receipts) are safe offline"). The "RIC"
 * (ricevuta) prefix keeps a receipt from ever being read as a certificate identifier, whose first
 * part is a Belfiore code: a receipt scanned at the certificate check, or the other way round, is
 * refused instead of looked up. A workstation may use the same series code for both.
 *
 * Not a protocol number: it is not gap-free across the comune and the hub never renumbers it.
 * Within a series the desk reserves the next number in a short transaction of its own before the
 * receipt is printed, so two payments never share one; a payment that then fails leaves a gap,
 * which is harmless (the closing report lists the receipts actually issued).
 */

export const RECEIPT_PREFIX = 'RIC';

/** The parts of a receipt number (numbering/workstation-series.ts). */
export type ReceiptNumberParts = SeriesNumberParts;

export const RECEIPT_COUNTER_DIGITS = SERIES_COUNTER_DIGITS;
export const RECEIPT_COUNTER_MAX = SERIES_COUNTER_MAX;
export const MIN_RECEIPT_YEAR = MIN_SERIES_YEAR;
export const MAX_RECEIPT_YEAR = MAX_SERIES_YEAR;

const RECEIPTS = workstationSeries({
  prefix: RECEIPT_PREFIX,
  example: { comune: 'B885', series: 'P1', year: 2026, counter: 1 },
});

/** The printed receipt number of valid parts. */
export function formatReceiptNumber(parts: ReceiptNumberParts): CashdeskResult<string> {
  const formatted = RECEIPTS.format(parts);
  if (!formatted.ok) {
    return cashdeskFail({
      reason: 'invalid_receipt_number',
      value: JSON.stringify(parts),
      detail: formatted.detail,
    });
  }
  return cashdeskOk(formatted.value);
}

/**
 * Reads a receipt number as printed, typed or scanned: surrounding spaces are dropped and letters
 * upper-cased ("ric-b885-p1-2026-000001" is accepted); anything else must match exactly.
 */
export function parseReceiptNumber(raw: string): CashdeskResult<ReceiptNumberParts> {
  const parsed = RECEIPTS.parse(raw);
  if (!parsed.ok)
    return cashdeskFail({ reason: 'invalid_receipt_number', value: String(raw), detail: parsed.detail });
  return cashdeskOk(parsed.value);
}

export type NextReceiptRequest = NextSeriesRequest;

/**
 * The next receipt number of a workstation's series: counter + 1 within the same year, 1 in a new
 * year or when `previous` is of another comune or series (null for the very first). Pure: the desk
 * reads and stores the last number in one transaction (electron/desk/db/series-counter.ts).
 */
export function nextReceiptNumber(
  previous: ReceiptNumberParts | null,
  request: NextReceiptRequest,
): CashdeskResult<{ parts: ReceiptNumberParts; receiptNumber: string }> {
  const next = RECEIPTS.next(previous, request);
  if (next.ok) return cashdeskOk({ parts: next.value.parts, receiptNumber: next.value.text });
  const { problem } = next;
  switch (problem.kind) {
    case 'invalid_date':
      return cashdeskFail({ reason: 'invalid_date', field: 'date', value: String(request.date) });
    case 'invalid_series_code':
      return cashdeskFail({ reason: 'invalid_series_code', value: String(request.series) });
    case 'clock_backwards':
      return cashdeskFail({
        reason: 'receipt_clock_backwards',
        lastYear: problem.previous.year,
        date: request.date,
      });
    case 'exhausted':
      return cashdeskFail({ reason: 'receipt_series_exhausted', series: request.series, year: problem.year });
    case 'invalid_parts':
      return cashdeskFail({
        reason: 'invalid_receipt_number',
        value: JSON.stringify(problem.parts),
        detail: problem.detail,
      });
  }
}

/**
 * Order of two receipts of one series: by year, then counter. Negative, 0 or positive; receipts
 * of different comuni or series are not comparable (null).
 */
export function compareReceiptNumbers(a: ReceiptNumberParts, b: ReceiptNumberParts): number | null {
  return compareSeriesNumbers(a, b);
}
