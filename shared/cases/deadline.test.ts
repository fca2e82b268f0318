import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, daysBetween, fromDayNumber, toDayNumber } from '../calendar/iso-date';
import { isWorkingDay } from '../calendar/working-days';
import type { InformationRequestSuspension, RefusalNoticeSuspension, Suspension } from './case-model';
import {
  deadlineColour,
  deadlineStatus,
  dueDate,
  handlingDays,
  handlingStats,
  isSuspendedOn,
  percentile,
  silenceFormsOn,
  substituteDueDate,
  suspendedDays,
  totalSuspendedDays,
} from './deadline';

const casale = { comune: 'B885' };

const info = (from: string, resumedOn: string | null, maxDays = 30): InformationRequestSuspension => ({
  kind: 'information_request',
  from,
  maxDays,
  resumedOn,
  reason: 'documenti',
  reference: null,
});

const notice = (
  from: string,
  extra: Partial<
    Pick<RefusalNoticeSuspension, 'noticeReceivedOn' | 'observationsReceivedOn' | 'resumedOn'>
  > = {},
): RefusalNoticeSuspension => ({
  kind: 'refusal_notice',
  from,
  observationDays: 10,
  restartDelayDays: 10,
  noticeReceivedOn: null,
  observationsReceivedOn: null,
  resumedOn: null,
  reason: 'requisiti mancanti',
  reference: null,
  ...extra,
});

describe('due date = legal start + term + suspensions, moved to a working day', () => {
  it('counts calendar days, not the start day', () => {
    // Monday 2 March 2026 + 30 = Wednesday 1 April
    expect(dueDate({ legalStart: '2026-03-02', days: 30, suspensions: [] }, '2026-03-02', casale)).toBe(
      '2026-04-01',
    );
  });

  it('moves off Easter Monday (6 April 2026)', () => {
    const facts = { legalStart: '2026-03-07', days: 30, suspensions: [] };
    expect(addDays('2026-03-07', 30)).toBe('2026-04-06');
    expect(dueDate(facts, '2026-03-07', casale)).toBe('2026-04-07');
    // residence: declared Friday 20 February 2026, 45 days = Easter Monday
    expect(dueDate({ legalStart: '2026-02-20', days: 45, suspensions: [] }, '2026-02-20')).toBe('2026-04-07');
  });

  it("moves off Sant'Evasio (12 November) in Casale only", () => {
    const facts = { legalStart: '2026-10-13', days: 30, suspensions: [] };
    expect(dueDate(facts, '2026-10-13', casale)).toBe('2026-11-13');
    expect(dueDate(facts, '2026-10-13', { comune: 'A859' })).toBe('2026-11-12');
    expect(dueDate({ legalStart: '2026-09-28', days: 45, suspensions: [] }, '2026-09-28', casale)).toBe(
      '2026-11-13',
    );
  });

  it('moves off Saturday only when the office says Saturday is not a working day', () => {
    // 2 March + 40 = Saturday 11 April 2026
    const facts = { legalStart: '2026-03-02', days: 40, suspensions: [] };
    expect(dueDate(facts, '2026-03-02', casale)).toBe('2026-04-11');
    expect(dueDate(facts, '2026-03-02', { ...casale, saturdayIsWorkingDay: false })).toBe('2026-04-13');
  });

  it('adds suspension days', () => {
    const facts = { legalStart: '2026-03-02', days: 30, suspensions: [info('2026-03-10', '2026-03-20')] };
    expect(dueDate(facts, '2026-04-01', casale)).toBe('2026-04-11'); // +10 days
  });

  it('silence forms the day after the last day of the term', () => {
    expect(
      silenceFormsOn({ legalStart: '2026-03-02', days: 45, suspensions: [] }, '2026-03-02', casale),
    ).toBe('2026-04-17');
    expect(
      silenceFormsOn({ legalStart: '2026-02-20', days: 45, suspensions: [] }, '2026-03-02', casale),
    ).toBe('2026-04-08');
  });
});

describe('suspension days (L. 241/1990 art. 2 c.7 and art. 10-bis)', () => {
  it('information request: the days until the information arrived, at most the days granted', () => {
    expect(suspendedDays(info('2026-03-10', '2026-03-20'), '2026-04-01')).toBe(10);
    expect(suspendedDays(info('2026-03-10', '2026-05-20'), '2026-06-01')).toBe(30);
    expect(suspendedDays(info('2026-03-10', '2026-03-25', 10), '2026-06-01')).toBe(10);
    expect(suspendedDays(info('2026-03-10', '2026-03-10'), '2026-06-01')).toBe(0);
  });

  it('information request still pending: the days so far, growing to the limit', () => {
    const s = info('2026-03-10', null);
    expect(suspendedDays(s, '2026-03-10')).toBe(0);
    expect(suspendedDays(s, '2026-03-15')).toBe(5);
    expect(suspendedDays(s, '2026-05-01')).toBe(30);
    expect(suspendedDays(s, '2026-03-01')).toBe(0); // asked about a day before it started
    expect(isSuspendedOn([s], '2026-03-10')).toBe(true);
    expect(isSuspendedOn([s], '2026-04-08')).toBe(true);
    expect(isSuspendedOn([s], '2026-04-09')).toBe(false); // 30 days passed: the term runs again
    expect(isSuspendedOn([s], '2026-03-09')).toBe(false);
  });

  it('refusal notice without observations: 10 days from receipt of the notice', () => {
    expect(suspendedDays(notice('2026-03-10'), '2026-03-11')).toBe(10);
    expect(suspendedDays(notice('2026-03-10', { noticeReceivedOn: '2026-03-12' }), '2026-03-12')).toBe(12);
    expect(isSuspendedOn([notice('2026-03-10')], '2026-03-19')).toBe(true);
    expect(isSuspendedOn([notice('2026-03-10')], '2026-03-20')).toBe(false);
  });

  it('refusal notice with observations: the term restarts 10 days after them (DL 76/2020)', () => {
    const s = notice('2026-03-10', { observationsReceivedOn: '2026-03-15', resumedOn: '2026-03-16' });
    expect(suspendedDays(s, '2026-03-16')).toBe(15);
    expect(isSuspendedOn([s], '2026-03-24')).toBe(true); // resumed, but the term is still stopped
    expect(isSuspendedOn([s], '2026-03-25')).toBe(false);
    // observations after the 10 days are late: they do not extend the suspension
    expect(suspendedDays(notice('2026-03-10', { observationsReceivedOn: '2026-03-25' }), '2026-03-25')).toBe(
      10,
    );
  });

  it('sums several suspensions', () => {
    const list: Suspension[] = [info('2026-03-05', '2026-03-12'), notice('2026-03-20')];
    expect(totalSuspendedDays(list, '2026-04-01')).toBe(17);
    expect(dueDate({ legalStart: '2026-03-02', days: 30, suspensions: list }, '2026-04-01')).toBe(
      '2026-04-18',
    );
  });

  it('property: suspensions only push the due date later, never earlier', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: toDayNumber('2021-01-01'), max: toDayNumber('2030-12-31') }),
        fc.integer({ min: 1, max: 180 }),
        fc.integer({ min: 0, max: 60 }),
        fc.integer({ min: 0, max: 40 }),
        (start, days, offset, length) => {
          const legalStart = fromDayNumber(start);
          const from = addDays(legalStart, offset);
          const s = info(from, addDays(from, length));
          const asOf = addDays(from, 100);
          const plain = dueDate({ legalStart, days, suspensions: [] }, asOf, casale);
          const suspended = dueDate({ legalStart, days, suspensions: [s] }, asOf, casale);
          const added = Math.min(length, 30);
          return (
            daysBetween(plain, suspended) >= 0 &&
            daysBetween(legalStart, suspended) >= days + added &&
            daysBetween(legalStart, suspended) <= days + added + 7 &&
            isWorkingDay(suspended, casale)
          );
        },
      ),
    );
  });
});

describe('colour (amber at ≤ 20% of the term or ≤ 5 days, red when overdue)', () => {
  it.each([
    [30, 7, 'green'],
    [30, 6, 'amber'], // 20% of 30
    [30, 1, 'amber'],
    [30, 0, 'amber'], // the due day itself: still in time
    [30, -1, 'red'],
    [45, 10, 'green'],
    [45, 9, 'amber'], // 20% of 45
    [10, 6, 'green'],
    [10, 5, 'amber'], // the 5-day floor on a short term
  ])('term %i, %i days left → %s', (term, left, colour) => {
    expect(deadlineColour(left, term)).toBe(colour);
  });

  it('takes other thresholds as a parameter', () => {
    expect(deadlineColour(10, 30, { amberFraction: 0.5, amberDays: 0 })).toBe('amber');
    expect(deadlineColour(16, 30, { amberFraction: 0.5, amberDays: 0 })).toBe('green');
    expect(deadlineColour(3, 30, { amberFraction: 0, amberDays: 2 })).toBe('green');
  });
});

describe('deadline status for the supervisor', () => {
  const facts = { legalStart: '2026-03-02', days: 30, suspensions: [] };

  it('gives elapsed and remaining days and the colour', () => {
    expect(deadlineStatus(facts, '2026-03-12', { calendar: casale })).toEqual({
      legalStart: '2026-03-02',
      dueDate: '2026-04-01',
      termDays: 30,
      suspendedDays: 0,
      suspendedNow: false,
      asOf: '2026-03-12',
      daysElapsed: 10,
      daysRemaining: 20,
      overdueDays: 0,
      colour: 'green',
      concluded: false,
      escalate: false,
    });
    const late = deadlineStatus(facts, '2026-04-04', { calendar: casale });
    expect(late).toMatchObject({ daysRemaining: -3, overdueDays: 3, colour: 'red', escalate: true });
  });

  it('excludes suspended days from the elapsed days and flags a running suspension', () => {
    const s = deadlineStatus({ ...facts, suspensions: [info('2026-03-10', null)] }, '2026-03-15', {
      calendar: casale,
    });
    // 1 April + 5 = Easter Monday 6 April → 7 April
    expect(s).toMatchObject({ suspendedDays: 5, suspendedNow: true, daysElapsed: 8, dueDate: '2026-04-07' });
  });

  it('freezes the figures on the conclusion day', () => {
    const onTime = deadlineStatus(facts, '2026-06-01', { calendar: casale, concludedOn: '2026-03-30' });
    expect(onTime).toMatchObject({ asOf: '2026-03-30', daysRemaining: 2, concluded: true, escalate: false });
    const late = deadlineStatus(facts, '2026-06-01', { calendar: casale, concludedOn: '2026-04-03' });
    expect(late).toMatchObject({ colour: 'red', overdueDays: 2, concluded: true, escalate: false });
  });

  it('gives the substitute officer half the term, rounded up (art. 2 c.9-ter)', () => {
    expect(substituteDueDate('2026-04-02', 30, casale)).toBe('2026-04-17');
    // 23 days = 25 April (Liberation Day), then Sunday 26 → Monday 27
    expect(substituteDueDate('2026-04-02', 45, casale)).toBe('2026-04-27');
  });
});

describe('handling-time statistics', () => {
  it('nearest-rank percentiles', () => {
    const tens = [10, 1, 9, 2, 8, 3, 7, 4, 6, 5];
    expect(percentile(tens, 90)).toBe(9);
    expect(percentile(tens, 50)).toBe(5);
    expect(percentile(tens, 100)).toBe(10);
    expect(percentile([42], 90)).toBe(42);
    expect(percentile([], 90)).toBeNull();
    expect(() => percentile(tens, 0)).toThrow(RangeError);
    expect(() => percentile([-1], 50)).toThrow(RangeError);
  });

  it('average, median, p90 and maximum', () => {
    expect(handlingStats([])).toBeNull();
    expect(handlingStats([12, 30, 18, 45, 20])).toEqual({ count: 5, mean: 25, median: 20, p90: 45, max: 45 });
    expect(() => handlingStats([Number.NaN])).toThrow(RangeError);
  });

  it('net handling days exclude suspensions', () => {
    expect(handlingDays('2026-03-02', '2026-03-30')).toBe(28);
    expect(handlingDays('2026-03-02', '2026-03-30', [info('2026-03-10', '2026-03-20')])).toBe(18);
  });

  it('property: p90 is one of the values, with ≥ 90% at or below it', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 400 }), { minLength: 1, maxLength: 200 }), (values) => {
        const p = percentile(values, 90);
        if (p === null || !values.includes(p)) return false;
        const atOrBelow = values.filter((v) => v <= p).length;
        const below = values.filter((v) => v < p).length;
        return atOrBelow >= 0.9 * values.length && below < 0.9 * values.length;
      }),
    );
  });
});
