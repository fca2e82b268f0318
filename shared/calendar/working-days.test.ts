import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, daysBetween, fromDayNumber, toDayNumber } from './iso-date';
import { addWorkingDays, isWorkingDay, nextWorkingDay, termEnd, workingDayOnOrAfter } from './working-days';

const casale = { comune: 'B885' };
const noSaturday = { saturdayIsWorkingDay: false };

describe('working days', () => {
  it('counts Saturday as a working day unless configured', () => {
    expect(isWorkingDay('2025-12-20')).toBe(true);
    expect(isWorkingDay('2025-12-20', noSaturday)).toBe(false);
    expect(isWorkingDay('2025-12-21')).toBe(false); // Sunday
    expect(isWorkingDay('2025-12-25')).toBe(false);
    expect(isWorkingDay('2025-12-22')).toBe(true);
  });

  it("closes Casale on Sant'Evasio and the days the comune adds", () => {
    expect(isWorkingDay('2025-11-12', casale)).toBe(false);
    expect(isWorkingDay('2025-11-12')).toBe(true);
    expect(isWorkingDay('2025-11-10', { extraClosures: ['2025-11-10'] })).toBe(false);
  });

  it('finds the next working day, or keeps a working day', () => {
    expect(workingDayOnOrAfter('2025-12-22')).toBe('2025-12-22');
    expect(workingDayOnOrAfter('2025-12-25')).toBe('2025-12-27');
    expect(workingDayOnOrAfter('2025-12-25', noSaturday)).toBe('2025-12-29');
    expect(nextWorkingDay('2025-12-22')).toBe('2025-12-23');
    expect(nextWorkingDay('2025-12-24')).toBe('2025-12-27');
    expect(nextWorkingDay('2025-12-31')).toBe('2026-01-02');
    expect(nextWorkingDay('2025-11-11', casale)).toBe('2025-11-13');
  });

  describe('addWorkingDays (residence: registration within 2 working days, DOMAIN.md §3)', () => {
    it('does not count the start day', () => {
      expect(addWorkingDays('2025-12-19', 2)).toBe('2025-12-22'); // Fri → Sat, Mon
      expect(addWorkingDays('2025-12-19', 2, noSaturday)).toBe('2025-12-23');
      expect(addWorkingDays('2025-12-19', 0)).toBe('2025-12-19');
    });

    it('skips Christmas, St Stephen and the year boundary', () => {
      expect(addWorkingDays('2025-12-24', 2)).toBe('2025-12-29');
      expect(addWorkingDays('2025-12-24', 2, noSaturday)).toBe('2025-12-30');
      expect(addWorkingDays('2025-12-31', 1)).toBe('2026-01-02');
      expect(addWorkingDays('2025-12-31', 3)).toBe('2026-01-05');
      expect(addWorkingDays('2025-12-31', 4)).toBe('2026-01-07'); // 6 Jan is Epiphany
    });

    it("skips Sant'Evasio in Casale only", () => {
      expect(addWorkingDays('2025-11-11', 1, casale)).toBe('2025-11-13');
      expect(addWorkingDays('2025-11-11', 1)).toBe('2025-11-12');
    });

    it('counts backwards for a negative number', () => {
      expect(addWorkingDays('2026-01-07', -1)).toBe('2026-01-05');
      expect(addWorkingDays('2025-12-29', -2)).toBe('2025-12-24');
    });

    it('property: the result is a working day and exactly n working days follow the start', () => {
      fc.assert(
        fc.property(
          fc.integer({ min: toDayNumber('2020-01-01'), max: toDayNumber('2030-12-31') }),
          fc.integer({ min: 1, max: 40 }),
          fc.boolean(),
          (n, k, saturday) => {
            const options = { comune: 'B885', saturdayIsWorkingDay: saturday };
            const start = fromDayNumber(n);
            const end = addWorkingDays(start, k, options);
            let count = 0;
            for (let d = addDays(start, 1); d <= end; d = addDays(d, 1))
              if (isWorkingDay(d, options)) count++;
            return isWorkingDay(end, options) && count === k;
          },
        ),
      );
    });
  });

  describe('termEnd (art. 2963 c.c.: start day not counted, last day moved off holidays)', () => {
    it('DOMAIN.md §4.1: fined Saturday 20 Dec → 5th day the 25th → pay by the 27th', () => {
      expect(termEnd('2025-12-20', 5)).toBe('2025-12-27');
    });

    it('moves to Monday when Saturday is configured as non-working', () => {
      expect(termEnd('2025-12-20', 5, noSaturday)).toBe('2025-12-29');
    });

    it('counts holidays inside the term (they only matter on the last day)', () => {
      expect(termEnd('2026-04-29', 5)).toBe('2026-05-04'); // 1 May and Sunday 3 May inside the term
      expect(termEnd('2024-02-24', 5)).toBe('2024-02-29'); // leap day
    });

    it('property: the end is a working day, at least `days` after the start, at most a week later', () => {
      fc.assert(
        fc.property(
          fc.integer({ min: toDayNumber('2020-01-01'), max: toDayNumber('2030-12-31') }),
          fc.integer({ min: 1, max: 365 }),
          (n, days) => {
            const start = fromDayNumber(n);
            const end = termEnd(start, days, casale);
            const gap = daysBetween(start, end);
            return isWorkingDay(end, casale) && gap >= days && gap <= days + 7;
          },
        ),
      );
    });
  });
});
