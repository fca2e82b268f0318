import { describe, expect, it } from 'vitest';
import type { SchoolAccountRecord } from '../../../shared/school/school-wire';
import { enrolmentYear } from './school-service';
import { accountView } from './school-views';

describe('the school year the counter enrols for', () => {
  it('is the current one while lessons last, from this month; the next one in July and August', () => {
    expect(enrolmentYear('2026-09-01')).toEqual({ schoolYear: '2026/27', startMonth: '2026-09' });
    expect(enrolmentYear('2026-12-06')).toEqual({ schoolYear: '2026/27', startMonth: '2026-12' });
    expect(enrolmentYear('2027-06-30')).toEqual({ schoolYear: '2026/27', startMonth: '2027-06' });
    expect(enrolmentYear('2027-07-01')).toEqual({ schoolYear: '2027/28', startMonth: '2027-09' });
    expect(enrolmentYear('2027-08-31')).toEqual({ schoolYear: '2027/28', startMonth: '2027-09' });
  });
});

describe('a family account at the counter', () => {
  const month = (
    m: string,
    notice: string | null,
    amountCents: number,
    status: 'open' | 'paid' | 'none',
  ) => ({
    month: m,
    noticeNumber: notice,
    amountCents,
    carriedCents: 0,
    dueDate: null,
    status,
    lines: [],
    billedAt: `${m}-28T10:00:00`,
  });
  const account: SchoolAccountRecord = {
    id: 'B885:FRRPLA85M10B885M',
    comune: 'B885',
    payer: {
      residentId: 'r-paolo',
      codiceFiscale: 'FRRPLA85M10B885M',
      name: 'Ferrari Paolo',
      address: 'Via Roma 30',
    },
    months: [
      month('2026-10', '301000000000000123', 1890, 'paid'),
      month('2026-11', '301000000000000124', 2520, 'open'),
    ],
    paidCents: 1890,
    owedCents: 2520,
    iseeHistory: [],
  };

  it('shows the newest month first, as the hub sent it', () => {
    const v = accountView(account, new Set());
    expect(v.months.map((m) => [m.month, m.status])).toEqual([
      ['2026-11', 'open'],
      ['2026-10', 'paid'],
    ]);
    expect([v.paidCents, v.owedCents]).toEqual([1890, 2520]);
  });

  it('a notice paid at this counter’s cash desk shows paid at once, and is no longer owed', () => {
    const v = accountView(account, new Set(['301000000000000124']));
    expect(v.months[0]?.status).toBe('paid');
    expect([v.paidCents, v.owedCents]).toEqual([4410, 0]);
  });
});
