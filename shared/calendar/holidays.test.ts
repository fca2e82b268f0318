import { describe, expect, it } from 'vitest';
import { easterSunday } from './easter';
import { holidaysInYear, holidaysOn, isHoliday, type PatronSaint } from './holidays';

describe('Easter Sunday (anonymous Gregorian algorithm)', () => {
  it.each([
    [2024, '2024-03-31'],
    [2025, '2025-04-20'],
    [2026, '2026-04-05'],
    [2027, '2027-03-28'],
    [2019, '2019-04-21'],
    [2000, '2000-04-23'],
    [2008, '2008-03-23'],
    [2011, '2011-04-24'],
    [1818, '1818-03-22'], // earliest possible date
    [2038, '2038-04-25'], // latest possible date
  ])('%i → %s', (year, date) => {
    expect(easterSunday(year)).toBe(date);
  });

  it('refuses years outside the Gregorian range', () => {
    expect(() => easterSunday(1500)).toThrow(RangeError);
    expect(() => easterSunday(2025.5)).toThrow(RangeError);
  });
});

describe('public holidays', () => {
  it('lists the national holidays of 2025 in date order', () => {
    expect(holidaysInYear(2025).map((h) => h.date)).toEqual([
      '2025-01-01',
      '2025-01-06',
      '2025-04-20',
      '2025-04-21',
      '2025-04-25',
      '2025-05-01',
      '2025-06-02',
      '2025-08-15',
      '2025-11-01',
      '2025-12-08',
      '2025-12-25',
      '2025-12-26',
    ]);
  });

  it('makes Easter Monday a holiday, moving with Easter', () => {
    expect(isHoliday('2025-04-21')).toBe(true);
    expect(isHoliday('2026-04-06')).toBe(true);
    expect(isHoliday('2027-03-29')).toBe(true);
    expect(isHoliday('2026-04-21')).toBe(false);
    expect(holidaysOn('2026-04-06')[0]?.name.it).toBe("Lunedì dell'Angelo");
  });

  it('adds 4 October (San Francesco, L. 151/2025) from 2026 only', () => {
    expect(isHoliday('2025-10-04')).toBe(false);
    expect(isHoliday('2026-10-04')).toBe(true);
    expect(isHoliday('2027-10-04')).toBe(true);
  });

  it('dates the changes of L. 54/1977, DPR 792/1985 and L. 336/2000', () => {
    expect(isHoliday('1985-01-06')).toBe(false);
    expect(isHoliday('1986-01-06')).toBe(true);
    expect(isHoliday('2000-06-02')).toBe(false);
    expect(isHoliday('2001-06-02')).toBe(true);
  });

  it("makes Sant'Evasio (12 November) a holiday in Casale Monferrato only", () => {
    expect(isHoliday('2025-11-12', 'B885')).toBe(true);
    expect(holidaysOn('2025-11-12', 'B885')).toEqual([
      {
        date: '2025-11-12',
        id: 'patrono-B885',
        name: { it: "Sant'Evasio", en: 'Saint Evasius' },
        scope: 'patron',
      },
    ]);
    expect(isHoliday('2025-11-12')).toBe(false);
    expect(isHoliday('2025-11-12', 'A859')).toBe(false); // Biella
    expect(isHoliday('2025-11-11', 'B885')).toBe(false);
  });

  it('takes another patron table from configuration', () => {
    const patronSaints: PatronSaint[] = [
      {
        comune: 'X000',
        comuneName: 'Test',
        saint: { it: 'San Test', en: 'Saint Test' },
        month: 3,
        day: 3,
        validFrom: '2020-01-01',
        validTo: null,
      },
    ];
    expect(isHoliday('2025-03-03', 'X000', { patronSaints })).toBe(true);
    expect(isHoliday('2019-03-03', 'X000', { patronSaints })).toBe(false);
    expect(isHoliday('2025-11-12', 'B885', { patronSaints })).toBe(false);
  });

  it('handles the year boundary (31 Dec is not a holiday, 1 Jan is)', () => {
    expect(isHoliday('2025-12-31')).toBe(false);
    expect(isHoliday('2026-01-01')).toBe(true);
  });
});
