import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../calendar/iso-date';
import { parseCertificateId } from '../certificates/certificate-id';
import type { CashdeskResult } from './cashdesk-errors';
import {
  compareReceiptNumbers,
  formatReceiptNumber,
  nextReceiptNumber,
  parseReceiptNumber,
  type ReceiptNumberParts,
} from './receipt-number';

function value<T>(r: CashdeskResult<T>): T {
  if (!r.ok) throw new Error(`unexpected: ${r.error.reason} ${r.error.message.en}`);
  return r.value;
}
const reasonOf = (r: CashdeskResult<unknown>): string => (r.ok ? 'ok' : r.error.reason);

const PARTS: ReceiptNumberParts = { comune: 'B885', series: 'P1', year: 2026, counter: 42 };

describe('receipt numbers: RIC-COMUNE-SERIE-ANNO-NNNNNN', () => {
  it('formats and parses', () => {
    expect(value(formatReceiptNumber(PARTS))).toBe('RIC-B885-P1-2026-000042');
    expect(value(parseReceiptNumber('RIC-B885-P1-2026-000042'))).toEqual(PARTS);
    expect(value(parseReceiptNumber(' ric-b885-p1-2026-000042\r\n'))).toEqual(PARTS);
  });

  it('is never mistaken for a certificate identifier, nor the other way round', () => {
    expect(parseCertificateId('RIC-B885-P1-2026-000042').ok).toBe(false);
    expect(reasonOf(parseReceiptNumber('B885-P1-2026-000042'))).toBe('invalid_receipt_number');
  });

  it.each([
    'RIC-B885-P1-2026-42',
    'RIC-B885-P1-2026-000000',
    'RIC-B885--2026-000001',
    'RIC-885B-P1-2026-000001',
    'RIC-B885-P1-1999-000001',
    'RIC-B885-ABCDEFGHI-2026-000001',
    'RCP-B885-P1-2026-000001',
    '',
  ])('rejects %j', (text) => {
    expect(reasonOf(parseReceiptNumber(text))).toBe('invalid_receipt_number');
  });

  it('refuses to format bad parts', () => {
    expect(reasonOf(formatReceiptNumber({ ...PARTS, counter: 0 }))).toBe('invalid_receipt_number');
    expect(reasonOf(formatReceiptNumber({ ...PARTS, series: 'p1' }))).toBe('invalid_receipt_number');
  });
});

describe('nextReceiptNumber: per workstation series, per year', () => {
  const next = (previous: ReceiptNumberParts | null, date = '2026-03-15', series = 'P1') =>
    nextReceiptNumber(previous, { comune: 'B885', series, date });

  it('starts at 1, counts up, restarts on 1 January', () => {
    expect(value(next(null)).receiptNumber).toBe('RIC-B885-P1-2026-000001');
    expect(value(next(PARTS)).receiptNumber).toBe('RIC-B885-P1-2026-000043');
    const lastOfYear = { ...PARTS, year: 2025, counter: 1234 };
    expect(value(next(lastOfYear, '2025-12-31')).receiptNumber).toBe('RIC-B885-P1-2025-001235');
    expect(value(next(lastOfYear, '2026-01-01')).receiptNumber).toBe('RIC-B885-P1-2026-000001');
  });

  it('another series or comune does not continue the count', () => {
    expect(value(next({ ...PARTS, series: 'P2' })).receiptNumber).toBe('RIC-B885-P1-2026-000001');
    expect(value(next({ ...PARTS, comune: 'A859' })).receiptNumber).toBe('RIC-B885-P1-2026-000001');
  });

  it('refuses an exhausted series, a bad series, a bad date, a clock gone backwards', () => {
    expect(reasonOf(next({ ...PARTS, counter: 999_999 }))).toBe('receipt_series_exhausted');
    expect(reasonOf(next(null, '2026-03-15', 'p-1'))).toBe('invalid_series_code');
    expect(reasonOf(next(null, '2026-02-30'))).toBe('invalid_date');
    const back = next({ ...PARTS, year: 2027 });
    expect(reasonOf(back)).toBe('receipt_clock_backwards');
    expect(!back.ok && back.error.message.it).toContain('controllare l’orologio');
  });

  it('property: within a year the numbers of a series strictly increase; two series never collide', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('P1', 'P2'), { minLength: 1, maxLength: 60 }),
        fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 60, maxLength: 60 }),
        (seriesOrder, dayGaps) => {
          const last: Record<string, ReceiptNumberParts | null> = { P1: null, P2: null };
          const seen = new Set<string>();
          let date = '2026-12-20';
          for (const [i, series] of seriesOrder.entries()) {
            date = addDays(date, dayGaps[i] ?? 0);
            const n = value(next(last[series] ?? null, date, series));
            const previous = last[series] ?? null;
            if (previous !== null) {
              const order = compareReceiptNumbers(previous, n.parts);
              if (order !== -1) return false;
              if (previous.year === n.parts.year && n.parts.counter !== previous.counter + 1) return false;
            }
            if (seen.has(n.receiptNumber)) return false;
            seen.add(n.receiptNumber);
            last[series] = n.parts;
          }
          return true;
        },
      ),
    );
  });
});
