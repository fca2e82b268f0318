import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareLocalDateTimes, isLocalDateTime, localDateOf } from './local-date-time';
import {
  checkProtocolSequence,
  compareProtocolNumbers,
  formatProgressive,
  formatProtocolNumber,
  nextProtocolNumber,
  parseProtocolNumber,
  protocolYear,
  type ProtocolNumber,
} from './protocol-number';

const reasonOf = (r: { ok: boolean; error?: { reason: string } }): string =>
  r.ok ? 'ok' : (r.error?.reason ?? '?');

describe('format (DPR 445/2000 art. 57: at least 7 digits)', () => {
  it('pads to 7 digits and writes the year first', () => {
    expect(formatProtocolNumber({ year: 2026, number: 123 })).toBe('2026/0000123');
    expect(formatProtocolNumber({ year: 2026, number: 1 })).toBe('2026/0000001');
    expect(formatProtocolNumber({ year: 2026, number: 9_999_999 })).toBe('2026/9999999');
    expect(formatProgressive(12_345_678)).toBe('12345678'); // past 7 digits: more digits, no padding
  });

  it('throws on impossible values (a programming error)', () => {
    expect(() => formatProtocolNumber({ year: 2026, number: 0 })).toThrow(RangeError);
    expect(() => formatProtocolNumber({ year: 2026, number: 1.5 })).toThrow(RangeError);
    expect(() => formatProtocolNumber({ year: 99, number: 1 })).toThrow(RangeError);
  });
});

describe('parse', () => {
  it('accepts the canonical form', () => {
    expect(parseProtocolNumber('2026/0000123')).toEqual({ ok: true, value: { year: 2026, number: 123 } });
    expect(parseProtocolNumber('2026/12345678')).toEqual({
      ok: true,
      value: { year: 2026, number: 12_345_678 },
    });
  });

  it('refuses non-canonical writing in strict mode and names the canonical one', () => {
    const r = parseProtocolNumber('2026/123');
    expect(reasonOf(r)).toBe('non_canonical_number');
    expect(!r.ok && r.error.message.en).toContain('2026/0000123');
    expect(reasonOf(parseProtocolNumber('2026/00000123'))).toBe('non_canonical_number');
    expect(reasonOf(parseProtocolNumber(' 2026/0000123'))).toBe('malformed_number');
  });

  it('reads what a clerk types in lenient mode', () => {
    for (const typed of ['2026/123', '2026-123', ' 2026 / 0000123 ', '2026.00123']) {
      expect(parseProtocolNumber(typed, { lenient: true })).toEqual({
        ok: true,
        value: { year: 2026, number: 123 },
      });
    }
  });

  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['0000123', 'malformed_number'],
    ['2026/', 'malformed_number'],
    ['2026/12a', 'malformed_number'],
    ['26/0000123', 'malformed_number'],
    ['2026/0000000', 'number_out_of_range'],
    ['2026/99999999999999', 'number_out_of_range'],
    ['1000/0000001', 'year_out_of_range'],
  ])('%j → %s', (text, reason) => {
    expect(reasonOf(parseProtocolNumber(text))).toBe(reason);
  });

  it('gives messages in both languages', () => {
    const r = parseProtocolNumber('abc');
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.message.it).toContain('AAAA/NNNNNNN');
      expect(r.error.message.en).toContain('YYYY/NNNNNNN');
    }
  });

  it('property: format and parse are inverse', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1900, max: 2200 }),
        fc.integer({ min: 1, max: 999_999_999 }),
        (year, number) => {
          const text = formatProtocolNumber({ year, number });
          const parsed = parseProtocolNumber(text);
          return (
            parsed.ok && parsed.value.year === year && parsed.value.number === number && text.length >= 12
          );
        },
      ),
    );
  });

  it('property: the canonical text sorts like the numbers within a year up to 7 digits', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 9_999_999 }), fc.integer({ min: 1, max: 9_999_999 }), (a, b) => {
        const x = formatProtocolNumber({ year: 2026, number: a });
        const y = formatProtocolNumber({ year: 2026, number: b });
        return (
          Math.sign(x.localeCompare(y)) ===
          compareProtocolNumbers({ year: 2026, number: a }, { year: 2026, number: b })
        );
      }),
    );
  });
});

describe('yearly reset (the registration year, Europe/Rome local date)', () => {
  it('takes the year from the local date or date-time', () => {
    expect(protocolYear('2026-01-01')).toBe(2026);
    expect(protocolYear('2026-01-01T00:10')).toBe(2026); // still 31 Dec in UTC: the local date decides
    expect(protocolYear('2025-12-31T23:59:59')).toBe(2025);
  });

  it('restarts at 1 on the first registration of the year', () => {
    const last = { year: 2025, number: 48_211 };
    expect(nextProtocolNumber(last, '2025-12-31T23:59')).toEqual({
      ok: true,
      value: { year: 2025, number: 48_212 },
    });
    expect(nextProtocolNumber(last, '2026-01-01T00:00')).toEqual({
      ok: true,
      value: { year: 2026, number: 1 },
    });
    expect(nextProtocolNumber(last, '2026-01-02')).toEqual({ ok: true, value: { year: 2026, number: 1 } });
    expect(nextProtocolNumber({ year: 2026, number: 1 }, '2026-01-02')).toEqual({
      ok: true,
      value: { year: 2026, number: 2 },
    });
  });

  it('starts a new register at 1', () => {
    expect(nextProtocolNumber(null, '2026-03-03')).toEqual({ ok: true, value: { year: 2026, number: 1 } });
  });

  it('refuses a clock that went back a year, and a bad date', () => {
    expect(reasonOf(nextProtocolNumber({ year: 2026, number: 5 }, '2025-12-31'))).toBe('year_before_last');
    expect(reasonOf(nextProtocolNumber(null, '2026-02-30'))).toBe('invalid_date');
    expect(reasonOf(nextProtocolNumber({ year: 2026, number: 0 }, '2026-02-03'))).toBe('number_out_of_range');
  });

  it('property: allocating day after day is gap-free and resets every January', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 40 }), { minLength: 1, maxLength: 60 }), (gaps) => {
        let last: ProtocolNumber | null = null;
        let day = '2025-11-20';
        const issued: ProtocolNumber[] = [];
        for (const gap of gaps) {
          const d = new Date(`${day}T00:00:00Z`);
          d.setUTCDate(d.getUTCDate() + gap);
          day = d.toISOString().slice(0, 10);
          const next = nextProtocolNumber(last, day);
          if (!next.ok) return false;
          if (next.value.year !== Number(day.slice(0, 4))) return false;
          issued.push(next.value);
          last = next.value;
        }
        return checkProtocolSequence(issued).length === 0;
      }),
    );
  });
});

describe('sequence check (no gaps, no reuse)', () => {
  const n = (year: number, number: number): ProtocolNumber => ({ year, number });

  it('accepts a complete register in any order, across years', () => {
    expect(checkProtocolSequence([n(2026, 2), n(2025, 1), n(2026, 1), n(2025, 2), n(2026, 3)])).toEqual([]);
    expect(checkProtocolSequence([])).toEqual([]);
  });

  it('finds gaps, duplicates and a year not starting at 1', () => {
    const problems = checkProtocolSequence([
      n(2026, 1),
      n(2026, 2),
      n(2026, 2),
      n(2026, 2),
      n(2026, 5),
      n(2027, 3),
    ]);
    expect(problems.map((p) => p.reason)).toEqual([
      'duplicate_number',
      'sequence_gap',
      'sequence_not_from_one',
    ]);
    expect(problems[1]).toMatchObject({ year: 2026, after: 2, next: 5 });
    expect(problems[1]?.message.it).toBe('Buco nella numerazione 2026: dopo il 2 viene il 5.');
  });

  it('checks a day extract without requiring it to start at 1', () => {
    expect(checkProtocolSequence([n(2026, 120), n(2026, 121)], { fromOne: false })).toEqual([]);
    expect(checkProtocolSequence([n(2026, 120), n(2026, 122)], { fromOne: false })).toHaveLength(1);
  });

  it('reports invalid numbers', () => {
    expect(checkProtocolSequence([n(2026, 0)]).map((p) => p.reason)).toEqual(['number_out_of_range']);
  });
});

describe('local date-time (Europe/Rome wall clock)', () => {
  it('accepts minutes, seconds and fractions; refuses offsets and impossible dates', () => {
    expect(isLocalDateTime('2026-03-03T10:15')).toBe(true);
    expect(isLocalDateTime('2026-03-03T10:15:30.123')).toBe(true);
    expect(isLocalDateTime('2026-03-03T24:00')).toBe(false);
    expect(isLocalDateTime('2026-03-03T10:15Z')).toBe(false);
    expect(isLocalDateTime('2026-02-30T10:15')).toBe(false);
    expect(isLocalDateTime('2026-03-03')).toBe(false);
    expect(isLocalDateTime(42)).toBe(false);
  });

  it('compares across precisions and reads the date', () => {
    expect(compareLocalDateTimes('2026-03-03T10:15', '2026-03-03T10:15:00')).toBe(0);
    expect(compareLocalDateTimes('2026-03-03T10:15', '2026-03-03T10:15:00.001')).toBe(-1);
    expect(compareLocalDateTimes('2026-03-04T00:00', '2026-03-03T23:59:59.999')).toBe(1);
    expect(localDateOf('2026-01-01T00:10')).toBe('2026-01-01');
    expect(() => localDateOf('nope')).toThrow(RangeError);
  });
});
