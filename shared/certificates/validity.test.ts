import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, daysBetween, fromDayNumber, parseIsoDate, toDayNumber } from '../calendar/iso-date';
import { CERTIFICATE_FACTS, FACT_DEFINITIONS } from './facts';
import {
  addMonthsClamped,
  ART_41_C2_DECLARATION,
  certificateValidity,
  isValidOn,
  validityLine,
} from './validity';

describe('six months from issue (art. 41 c.1 DPR 445/2000; art. 2963 c.4 c.c.)', () => {
  it.each([
    ['2025-03-15', '2025-09-15'],
    ['2025-08-31', '2026-02-28'],
    ['2023-08-31', '2024-02-29'],
    ['2025-12-31', '2026-06-30'],
    ['2025-07-01', '2026-01-01'],
    ['2024-02-29', '2024-08-29'],
  ])('issued %s → valid through %s', (issued, until) => {
    expect(certificateValidity(['residenza'], issued)).toEqual({
      kind: 'limited',
      months: 6,
      issuedOn: issued,
      validUntil: until,
    });
  });

  it('is valid on the issue day and the last day, not the day after', () => {
    const v = certificateValidity(['residenza'], '2025-03-15');
    expect(isValidOn(v, '2025-03-14')).toBe(false);
    expect(isValidOn(v, '2025-03-15')).toBe(true);
    expect(isValidOn(v, '2025-09-15')).toBe(true);
    expect(isValidOn(v, '2025-09-16')).toBe(false);
    expect(validityLine(v)).toBe(
      'Il presente certificato ha validità di 6 mesi dalla data di rilascio, fino al 15/09/2025 (art. 41, c. 1, d.P.R. 445/2000).',
    );
  });

  it('addMonthsClamped works backwards and across years', () => {
    expect(addMonthsClamped('2025-03-31', -1)).toBe('2025-02-28');
    expect(addMonthsClamped('2025-01-15', 24)).toBe('2027-01-15');
    expect(() => addMonthsClamped('2025-02-30', 6)).toThrow(RangeError);
  });

  it('property: the last day is 181-184 days after issue, on the same day of the month or the month’s end', () => {
    fc.assert(
      fc.property(fc.integer({ min: toDayNumber('2013-06-26'), max: toDayNumber('2100-12-31') }), (n) => {
        const issued = fromDayNumber(n);
        const v = certificateValidity(['stato_famiglia'], issued);
        if (v.kind !== 'limited') return false;
        const gap = daysBetween(issued, v.validUntil);
        const a = parseIsoDate(issued)!;
        const b = parseIsoDate(v.validUntil)!;
        const monthEnd = parseIsoDate(addDays(v.validUntil, 1))!.day === 1;
        return gap >= 181 && gap <= 184 && (b.day === a.day || (b.day < a.day && monthEnd));
      }),
    );
  });
});

describe('unlimited only when every fact cannot change', () => {
  it('only birth data are unchangeable among our facts (esistenza in vita is not)', () => {
    expect(CERTIFICATE_FACTS.filter((f) => FACT_DEFINITIONS[f].unchangeable)).toEqual(['anagrafico_nascita']);
    expect(certificateValidity(['esistenza_in_vita'], '2025-03-15').kind).toBe('limited');
  });

  it('birth data alone → unlimited; with any other fact → six months', () => {
    const v = certificateValidity(['anagrafico_nascita'], '2025-03-15');
    expect(v).toEqual({ kind: 'unlimited', issuedOn: '2025-03-15' });
    expect(isValidOn(v, '2090-01-01')).toBe(true);
    expect(isValidOn(v, '2025-03-14')).toBe(false);
    expect(validityLine(v)).toBe(
      'Il presente certificato ha validità illimitata (art. 41, c. 1, d.P.R. 445/2000).',
    );
    expect(certificateValidity(['anagrafico_nascita', 'cittadinanza'], '2025-03-15').kind).toBe('limited');
    expect(certificateValidity([], '2025-03-15').kind).toBe('limited');
  });

  it('a storico gets six months (conservative reading)', () => {
    expect(certificateValidity(['residenza'], '2025-03-15', { storico: true }).kind).toBe('limited');
  });

  it('offers the art. 41 c.2 sentence for use after expiry', () => {
    expect(ART_41_C2_DECLARATION).toContain('non hanno subito variazioni');
  });
});
