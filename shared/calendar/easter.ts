import { isoDate, MAX_YEAR, MIN_YEAR, type IsoDate } from './iso-date';

/**
 * Easter Sunday (Gregorian) by the anonymous algorithm ("Meeus/Jones/Butcher"), valid for every
 * Gregorian year. Easter Monday ("Lunedì dell'Angelo") is a national holiday (L. 260/1949 art. 2)
 * and moves every year, so it cannot sit in a table of fixed dates.
 */
export function easterSunday(year: number): IsoDate {
  if (!Number.isInteger(year) || year < MIN_YEAR || year > MAX_YEAR) {
    throw new RangeError(`Year outside ${MIN_YEAR}-${MAX_YEAR}: ${year}`);
  }
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return isoDate(year, month, day);
}
