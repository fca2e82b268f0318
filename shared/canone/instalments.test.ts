import { describe, expect, it } from 'vitest';
import { noticeInstalments, splitInstalments } from './instalments';
import { canoneSettingOn } from './tariffs';

const casale = canoneSettingOn('B885', '2026-06-01');
if (!casale) throw new Error('no Casale setting');

const sum = (xs: { amountCents: number }[]): number => xs.reduce((s, x) => s + x.amountCents, 0);

describe('notice instalments', () => {
  it('a temporary occupation pays once, 30 days after approval', () => {
    expect(noticeInstalments(104717, 'temporary', '2026-04-10', casale)).toEqual([
      { n: 1, amountCents: 104717, dueDate: '2026-05-10' },
    ]);
    expect(noticeInstalments(104717, 'temporary', '2026-05-01', casale, '2026-04-20')[0]?.dueDate).toBe(
      '2026-05-20',
    );
  });

  it('a permanent concession above €1,500 pays four instalments 31/1, 30/4, 31/7, 31/10, summing to the total', () => {
    const parts = noticeInstalments(150_003, 'permanent', 2027, casale);
    expect(parts).toEqual([
      { n: 1, amountCents: 37_503, dueDate: '2027-01-31' },
      { n: 2, amountCents: 37_500, dueDate: '2027-04-30' },
      { n: 3, amountCents: 37_500, dueDate: '2027-07-31' },
      { n: 4, amountCents: 37_500, dueDate: '2027-10-31' },
    ]);
    expect(sum(parts)).toBe(150_003);
  });

  it('at or below the threshold, once on 31 January', () => {
    expect(noticeInstalments(150_000, 'permanent', 2027, casale)).toEqual([
      { n: 1, amountCents: 150_000, dueDate: '2027-01-31' },
    ]);
  });

  it('approved mid-year: first due 30 days after approval, then the year’s later due dates', () => {
    const parts = noticeInstalments(200_001, 'permanent', '2026-06-15', casale, '2026-06-10');
    expect(parts.map((p) => p.dueDate)).toEqual(['2026-07-10', '2026-07-31', '2026-10-31']);
    expect(parts.map((p) => p.amountCents)).toEqual([66_667, 66_667, 66_667]);
    expect(sum(parts)).toBe(200_001);
  });

  it('approved in December for a concession from 1 January: due dates of the concession’s year', () => {
    const parts = noticeInstalments(160_000, 'permanent', '2027-01-01', casale, '2026-12-10');
    expect(parts.map((p) => p.dueDate)).toEqual([
      '2027-01-09',
      '2027-01-31',
      '2027-04-30',
      '2027-07-31',
      '2027-10-31',
    ]);
    expect(sum(parts)).toBe(160_000);
  });

  it('nothing due, no notice', () => {
    expect(noticeInstalments(0, 'permanent', 2027, casale)).toEqual([]);
  });

  it('splits always sum to the total', () => {
    for (const total of [1, 2, 3, 4, 5, 99, 100, 101, 123_457]) {
      const parts = splitInstalments(total, ['2027-01-31', '2027-04-30', '2027-07-31', '2027-10-31']);
      expect(sum(parts)).toBe(total);
      expect(Math.min(...parts.map((p) => p.amountCents))).toBeGreaterThanOrEqual(0);
    }
  });
});
