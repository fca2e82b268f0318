import { describe, expect, it } from 'vitest';
import { CASALE_DEMO_TABLES } from '../isee/schedules';
import type { IseeStatement } from '../isee/statement';
import {
  activeIn,
  bandFor,
  dueDateOf,
  iseeFromMonth,
  nextMonth,
  payerMonthLines,
  siblingRanks,
  statementFor,
  withdrawalFromMonth,
  type EnrolmentMonth,
} from './billing';
import { monthsOfSchoolYear, noSchoolReason, schoolYearOfMonth } from './school-catalogue';

const statement = (valueCents: number, expiresOn = '2026-12-31'): IseeStatement => ({
  type: 'ordinario',
  valueCents,
  dsuProtocol: 'INPS-ISEE-2026-123456789-00',
  issuedOn: '2026-01-15',
  expiresOn,
});
const band = (month: string, over: Partial<Parameters<typeof bandFor>[0]> = {}) => {
  const r = bandFor({
    tables: CASALE_DEMO_TABLES,
    comune: 'B885',
    service: 'mensa',
    month,
    resident: true,
    siblingRank: 1,
    statement: statement(500_000),
    ...over,
  });
  if (!r.ok) throw new Error(r.error.code);
  return r.band;
};

describe('sibling ranks', () => {
  it('ranks each household by age, eldest first, twins by tax code', () => {
    const ranks = siblingRanks([
      { id: 'young', household: 'F:1', birthDate: '2019-06-15', childCf: 'B' },
      { id: 'old', household: 'F:1', birthDate: '2016-01-01', childCf: 'Z' },
      { id: 'twinB', household: 'F:2', birthDate: '2018-03-03', childCf: 'TWB' },
      { id: 'twinA', household: 'F:2', birthDate: '2018-03-03', childCf: 'TWA' },
      { id: 'alone', household: 'F:3', birthDate: '2015-01-01', childCf: 'C' },
    ]);
    expect(Object.fromEntries(ranks)).toEqual({ old: 1, young: 2, twinA: 1, twinB: 2, alone: 1 });
  });
});

describe('band of a month', () => {
  it('prices the band of the ISEE, the sibling discount, non-residents and no ISEE (Casale DEMO table)', () => {
    expect(band('2026-10')).toMatchObject({ chosenBy: 'isee', unitPriceCents: 200, unit: 'meal' });
    expect(band('2026-10', { siblingRank: 2 }).unitPriceCents).toBe(160);
    expect(band('2026-10', { siblingRank: 3 }).unitPriceCents).toBe(100);
    expect(band('2026-10', { resident: false })).toMatchObject({
      chosenBy: 'non_resident',
      unitPriceCents: 550,
    });
    expect(band('2026-10', { statement: null })).toMatchObject({
      chosenBy: 'no_isee',
      unitPriceCents: 480,
      warning: null,
    });
    expect(band('2026-10', { service: 'trasporto' })).toMatchObject({ unit: 'month', unitPriceCents: 1500 });
    // €3,000.00 is exempt, €3,000.01 pays the second band
    expect(band('2026-10', { statement: statement(300_000) })).toMatchObject({
      exempt: true,
      unitPriceCents: 0,
    });
    expect(band('2026-10', { statement: statement(300_001) }).unitPriceCents).toBe(200);
  });

  it('falls to the no-ISEE band with a warning once the statement has expired, never silently', () => {
    const jan = band('2027-01');
    expect(jan).toMatchObject({ chosenBy: 'no_isee', unitPriceCents: 480, iseeCents: null });
    expect(jan.warning).toContain('scaduta');
  });

  it('has no band outside the tables in force', () => {
    const r = bandFor({
      tables: CASALE_DEMO_TABLES,
      comune: 'B885',
      service: 'mensa',
      month: '2030-10',
      resident: true,
      siblingRank: 1,
      statement: null,
    });
    expect(r).toMatchObject({ ok: false, error: { code: 'tariff_no_table' } });
  });
});

describe('ISEE history and months', () => {
  it('applies a change from the month after it is recorded, keeping the earlier months', () => {
    expect(iseeFromMonth('2026-11-20', null)).toBe('2026-12');
    expect(iseeFromMonth('2026-12-31', null)).toBe('2027-01');
    expect(iseeFromMonth('2026-07-10', '2026-09')).toBe('2026-09');
    const history = [
      { fromMonth: '2026-09', statement: statement(500_000) },
      { fromMonth: '2026-12', statement: statement(1_600_000) },
    ];
    expect(statementFor(history, '2026-08')).toBeNull();
    expect(statementFor(history, '2026-11')?.valueCents).toBe(500_000);
    expect(statementFor(history, '2026-12')?.valueCents).toBe(1_600_000);
  });

  it('counts months of the school year and of an enrolment', () => {
    expect(schoolYearOfMonth('2026-09')).toBe('2026/27');
    expect(schoolYearOfMonth('2027-06')).toBe('2026/27');
    expect(monthsOfSchoolYear('2026/27')).toHaveLength(10);
    expect(nextMonth('2026-12')).toBe('2027-01');
    expect(dueDateOf('2027-01')).toBe('2027-02-28');
    expect(activeIn({ startMonth: '2026-09', endMonth: '2026-12' }, '2026-11')).toBe(true);
    expect(activeIn({ startMonth: '2026-09', endMonth: '2026-12' }, '2026-12')).toBe(false);
  });

  it('knows the days without school: weekends, holidays, breaks, outside the year', () => {
    expect(noSchoolReason('B885', '2026/27', '2026-10-05')).toBeNull();
    expect(noSchoolReason('B885', '2026/27', '2026-10-10')).toBe('weekend');
    expect(noSchoolReason('B885', '2026/27', '2026-12-08')).toBe('holiday');
    expect(noSchoolReason('B885', '2026/27', '2026-11-02')).toBe('break');
    expect(noSchoolReason('B885', '2026/27', '2026-09-01')).toBe('outside_year');
    expect(noSchoolReason('B885', '2030/31', '2030-10-01')).toBe('no_calendar');
  });
});

describe('a payer’s month', () => {
  const month = (over: Partial<EnrolmentMonth>): EnrolmentMonth => ({
    enrolmentId: 'e1',
    childName: 'Rossi Anna',
    service: 'mensa',
    month: '2026-11',
    meals: 4,
    band: band('2026-11'),
    ...over,
  });

  it('bills meals × price and the bus fee, credits a late absence and carries a credit', () => {
    const { lines, totalCents } = payerMonthLines({
      month: '2026-11',
      current: [
        month({}),
        month({ enrolmentId: 'bus', service: 'trasporto', band: band('2026-11', { service: 'trasporto' }) }),
      ],
      past: [
        // October was billed 5 meals; one was an absence marked later
        {
          now: month({
            enrolmentId: 'e2',
            month: '2026-10',
            meals: 4,
            band: band('2026-10', { siblingRank: 2 }),
          }),
          charged: { meals: 5, amountCents: 800 },
        },
        // unchanged: no line
        {
          now: month({ month: '2026-10', meals: 5, band: band('2026-10') }),
          charged: { meals: 5, amountCents: 1000 },
        },
      ],
      carriedCents: -300,
    });
    expect(lines.map((l) => [l.kind, l.month, l.meals, l.amountCents])).toEqual([
      ['mensa', '2026-11', 4, 800],
      ['trasporto', '2026-11', null, 1500],
      ['correzione', '2026-10', -1, -160],
      ['correzione', '2026-11', null, -300],
    ]);
    expect(totalCents).toBe(800 + 1500 - 160 - 300);
  });

  it('bills late meals as a debit on the next month', () => {
    const { lines } = payerMonthLines({
      month: '2026-11',
      current: [],
      past: [{ now: month({ month: '2026-10', meals: 7 }), charged: { meals: 5, amountCents: 1000 } }],
      carriedCents: 0,
    });
    expect(lines).toEqual([expect.objectContaining({ kind: 'correzione', meals: 2, amountCents: 400 })]);
    expect(lines[0]?.note).toContain('Conguaglio');
  });
});

describe('withdrawal', () => {
  it('stops billing from the month after the day, or from that month when withdrawn on the 1st', () => {
    expect(withdrawalFromMonth('2026-12-07')).toBe('2027-01');
    expect(withdrawalFromMonth('2026-12-31')).toBe('2027-01');
    expect(withdrawalFromMonth('2027-01-01')).toBe('2027-01');
    expect(withdrawalFromMonth('2026-10-02')).toBe('2026-11');
  });
});
