import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatIsoDate } from './format-date';
import {
  addDays,
  compareIsoDates,
  daysBetween,
  fromDayNumber,
  isIsoDate,
  isLeapYear,
  isoDate,
  isoWeekday,
  isWithin,
  parseIsoDate,
  toDayNumber,
} from './iso-date';

describe('ISO calendar dates', () => {
  it('accepts existing dates only', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2025-02-29')).toBe(false);
    expect(isIsoDate('2025-04-31')).toBe(false);
    expect(isIsoDate('2025-13-01')).toBe(false);
    expect(isIsoDate('2025-1-01')).toBe(false);
    expect(isIsoDate('2025-01-01T00:00:00Z')).toBe(false);
    expect(isIsoDate(20250101)).toBe(false);
    expect(parseIsoDate('2000-02-29')).toEqual({ year: 2000, month: 2, day: 29 });
  });

  it('knows the Gregorian leap-year rule', () => {
    expect(isLeapYear(2024)).toBe(true);
    expect(isLeapYear(2025)).toBe(false);
    expect(isLeapYear(1900)).toBe(false);
    expect(isLeapYear(2000)).toBe(true);
    expect(isLeapYear(2100)).toBe(false);
  });

  it('throws on a malformed date: that is a programming error, not user input', () => {
    expect(() => addDays('2025-02-30', 1)).toThrow(RangeError);
    expect(() => isoDate(2025, 4, 31)).toThrow(RangeError);
    expect(() => addDays('2025-01-01', 0.5)).toThrow(RangeError);
  });

  it('counts from the Unix epoch', () => {
    expect(toDayNumber('1970-01-01')).toBe(0);
    expect(toDayNumber('1969-12-31')).toBe(-1);
    expect(fromDayNumber(0)).toBe('1970-01-01');
  });

  it('crosses month, year and leap-day boundaries', () => {
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2024-02-29', 1)).toBe('2024-03-01');
    expect(addDays('2025-02-28', 1)).toBe('2025-03-01');
    expect(addDays('2100-02-28', 1)).toBe('2100-03-01');
    expect(addDays('2000-02-28', 1)).toBe('2000-02-29');
    expect(addDays('2024-01-01', 366)).toBe('2025-01-01');
    expect(addDays('2025-01-01', 365)).toBe('2026-01-01');
  });

  it('measures signed distances', () => {
    expect(daysBetween('2025-12-31', '2026-01-01')).toBe(1);
    expect(daysBetween('2026-01-01', '2025-12-31')).toBe(-1);
    expect(daysBetween('2024-01-01', '2025-01-01')).toBe(366);
    expect(daysBetween('2024-03-30', '2024-04-01')).toBe(2); // across the DST change in Italy
  });

  it('knows the weekday (1 Monday … 7 Sunday)', () => {
    expect(isoWeekday('2025-12-20')).toBe(6); // Saturday (DOMAIN.md §4.1 example)
    expect(isoWeekday('2025-12-21')).toBe(7);
    expect(isoWeekday('2026-01-05')).toBe(1);
    expect(isoWeekday('1970-01-01')).toBe(4);
    expect(isoWeekday('1969-12-29')).toBe(1);
  });

  it('compares and tests ranges', () => {
    expect(compareIsoDates('2024-12-13', '2024-12-14')).toBe(-1);
    expect(isWithin('2024-12-14', '2024-12-14', null)).toBe(true);
    expect(isWithin('2024-12-14', '2019-01-01', '2024-12-13')).toBe(false);
  });

  it('formats dates for people', () => {
    expect(formatIsoDate('2025-12-03', 'it')).toBe('3 dicembre 2025');
    expect(formatIsoDate('2025-12-03', 'en')).toBe('3 December 2025');
  });

  describe('properties (checked against Date.UTC, which is exact at UTC midnight)', () => {
    const dayNumber = fc.integer({ min: toDayNumber('1600-01-01'), max: toDayNumber('2400-12-31') });

    it('fromDayNumber and toDayNumber are inverse', () => {
      fc.assert(fc.property(dayNumber, (n) => toDayNumber(fromDayNumber(n)) === n));
    });

    it('agree with the JavaScript calendar', () => {
      fc.assert(
        fc.property(dayNumber, (n) => {
          const d = new Date(n * 86_400_000);
          return (
            fromDayNumber(n) === d.toISOString().slice(0, 10) &&
            isoWeekday(fromDayNumber(n)) === (d.getUTCDay() || 7)
          );
        }),
      );
    });

    it('addDays then daysBetween gives back the offset', () => {
      fc.assert(
        fc.property(dayNumber, fc.integer({ min: -5000, max: 5000 }), (n, k) => {
          const start = fromDayNumber(n);
          return daysBetween(start, addDays(start, k)) === k;
        }),
      );
    });
  });
});
