import { describe, expect, it } from 'vitest';
import { checkTariffTable, isReducedPaymentExcluded, tariffFor, VIOLATION_TARIFFS } from './tariffs';

describe('tariff table (DOMAIN.md §4.2)', () => {
  it('is consistent: no overlapping rows, minimum ≤ maximum', () => {
    expect(checkTariffTable(VIOLATION_TARIFFS)).toEqual([]);
  });

  it('catches overlapping rows and impossible ranges in a configured table', () => {
    const [first] = VIOLATION_TARIFFS;
    if (!first) throw new Error('empty table');
    const problems = checkTariffTable([
      first,
      { ...first, validFrom: '2024-01-01' },
      { ...first, id: 'x', minCents: first.maxCents, maxCents: first.minCents },
      { ...first, id: 'y', article: '83', comma: '6' },
    ]);
    expect(problems).toHaveLength(3);
  });

  it('keeps the frozen 2019-2025 amounts (speeding 10-40: 173-694, 3 points)', () => {
    const r = tariffFor('speeding-10-40', '2025-06-01');
    expect(r.ok && r.tariff).toMatchObject({ minCents: 17300, maxCents: 69400, licencePoints: 3 });
    expect(r.ok && r.confirmed).toBe(true);
  });

  it('switches to the L. 177/2024 amounts on 14 December 2024', () => {
    const before = tariffFor('phone-while-driving', '2024-12-13');
    const after = tariffFor('phone-while-driving', '2024-12-14');
    expect(before.ok && [before.tariff.minCents, before.tariff.maxCents]).toEqual([16500, 66000]);
    expect(after.ok && [after.tariff.minCents, after.tariff.maxCents]).toEqual([25000, 100000]);
  });

  it('excludes the 30% for violations that always carry suspension', () => {
    for (const id of ['speeding-40-60', 'speeding-over-60', 'speeding-10-40-repeat-urban']) {
      const r = tariffFor(id, '2025-06-01');
      expect(r.ok && r.tariff.thirtyPercentAllowed).toBe(false);
    }
  });

  it('knows the articles with no reduced payment (art. 202 CdS)', () => {
    expect(isReducedPaymentExcluded('83', '6')).toBe(true);
    expect(isReducedPaymentExcluded('218', '6')).toBe(true);
    expect(isReducedPaymentExcluded('142', '8')).toBe(false);
  });

  it('flags amounts past the last confirmed date instead of guessing', () => {
    const r = tariffFor('parking-prohibited-car', '2026-02-01');
    expect(r.ok && r.confirmed).toBe(false);
    expect(tariffFor('parking-prohibited-car', '2018-12-31')).toEqual({
      ok: false,
      reason: 'no_tariff_on_date',
    });
  });
});
