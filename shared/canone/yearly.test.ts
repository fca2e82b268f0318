import { describe, expect, it } from 'vitest';
import { yearlyDue, type PermanentConcessionFacts } from './yearly';

const kiosk: PermanentConcessionFacts = {
  comune: 'B885',
  category: 'chiosco',
  zone: '1',
  measure: 7,
  start: '2025-03-01',
  end: null,
  status: 'active',
};

describe('yearlyDue: what the yearly run bills', () => {
  it('an active kiosk pays the year at the tariff in force on 1 January, once on 31/1', () => {
    const due = yearlyDue(kiosk, 2026);
    expect(due).toMatchObject({
      ok: true,
      totalCents: 29400,
      instalments: [{ n: 1, amountCents: 29400, dueDate: '2026-01-31' }],
    });
    const next = yearlyDue(kiosk, 2027);
    expect(next?.ok && next.totalCents).toBe(30576);
    expect(next?.ok && next.fee.tariffVersion).toBe('2027');
  });

  it('a large dehors above €1,500 is billed in four instalments summing to the total', () => {
    // 50.00 × 1.0 × 0.700 × 60 = 2,100.00
    const due = yearlyDue({ ...kiosk, category: 'dehors', measure: 60 }, 2026);
    expect(due?.ok && due.totalCents).toBe(210_000);
    expect(due?.ok && due.instalments.map((i) => i.amountCents)).toEqual([52_500, 52_500, 52_500, 52_500]);
  });

  it('revoked, ended before the year, or starting after it: nothing', () => {
    expect(yearlyDue({ ...kiosk, status: 'revoked' }, 2026)).toBeNull();
    expect(yearlyDue({ ...kiosk, status: 'ended', end: '2025-12-31' }, 2026)).toBeNull();
    expect(yearlyDue({ ...kiosk, end: '2025-12-31' }, 2026)).toBeNull();
    expect(yearlyDue({ ...kiosk, start: '2027-01-01' }, 2026)).toBeNull();
  });

  it('ended during the year: the months up to the end (part-year rule)', () => {
    const due = yearlyDue({ ...kiosk, status: 'ended', end: '2026-03-15' }, 2026);
    expect(due?.ok && due.totalCents).toBe(7350); // 3/12 of 294.00
  });

  it('an own sign within 5 m² owes nothing', () => {
    expect(yearlyDue({ ...kiosk, category: 'insegna', measure: 4.5, ownSign: true }, 2026)).toBeNull();
  });

  it('data the rules refuse is reported, not skipped', () => {
    expect(yearlyDue({ ...kiosk, category: 'piscina' }, 2026)).toEqual({
      ok: false,
      error: { code: 'canone_category_unknown', params: { category: 'piscina' } },
    });
  });
});
