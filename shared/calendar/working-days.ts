import { isHoliday, type HolidayTables } from './holidays';
import { addDays, isoWeekday, type IsoDate } from './iso-date';

/**
 * Working days and the end of legal terms.
 *
 * Saturday: for administrative terms (L. 241/1990, residence "2 working days", DOMAIN.md §3 and
 * §9.1) Saturday is a working day unless the comune configures otherwise, because the civil-law
 * rule on terms (art. 2963 c.c.) only moves a deadline that falls on a holiday ("giorno
 * festivo"), and Saturday is not one. Only court procedural terms move off Saturday
 * (art. 155 c.5 c.p.c., L. 263/2005), and offices closed on Saturday may choose that too: hence
 * the `saturdayIsWorkingDay` switch, default true.
 */
export interface CalendarOptions extends HolidayTables {
  /** Belfiore code: adds that comune's patron saint as a holiday */
  comune?: string;
  /** default true: Saturday counts as a working day */
  saturdayIsWorkingDay?: boolean;
  /** extra closing days decided locally (e.g. an ordinance closing the offices) */
  extraClosures?: readonly IsoDate[];
}

export function isWorkingDay(date: IsoDate, options: CalendarOptions = {}): boolean {
  const weekday = isoWeekday(date);
  if (weekday === 7) return false; // every Sunday is a holiday (L. 260/1949 art. 2)
  if (weekday === 6 && options.saturdayIsWorkingDay === false) return false;
  if (options.extraClosures?.includes(date)) return false;
  return !isHoliday(date, options.comune, options);
}

/** `date` itself when it is a working day, otherwise the first working day after it. */
export function workingDayOnOrAfter(date: IsoDate, options: CalendarOptions = {}): IsoDate {
  let day = date;
  // at most a handful of iterations: no run of non-working days is longer than a week
  while (!isWorkingDay(day, options)) day = addDays(day, 1);
  return day;
}

/** The first working day strictly after `date`. */
export function nextWorkingDay(date: IsoDate, options: CalendarOptions = {}): IsoDate {
  return workingDayOnOrAfter(addDays(date, 1), options);
}

/**
 * The date `n` working days after `date`, not counting `date` itself: Friday + 1 is Saturday
 * (or Monday when Saturday is not a working day). Negative `n` counts backwards; 0 is `date`.
 */
export function addWorkingDays(date: IsoDate, n: number, options: CalendarOptions = {}): IsoDate {
  if (!Number.isSafeInteger(n)) throw new RangeError(`Not a whole number of days: ${n}`);
  const step = n < 0 ? -1 : 1;
  let day = date;
  for (let left = Math.abs(n); left > 0;) {
    day = addDays(day, step);
    if (isWorkingDay(day, options)) left -= 1;
  }
  return day;
}

/**
 * The last day of a term of `days` calendar days starting at `start`: the start day is not
 * counted ("dies a quo non computatur", art. 2963 c.2 c.c.; art. 155 c.1 c.p.c.), the days in
 * between count even when they are holidays, and a last day that is not a working day moves to
 * the next working day (art. 2963 c.3 c.c.; art. 155 c.4 c.p.c.). DOMAIN.md §4.1: fined Saturday
 * 20 Dec → 5th day the 25th → 26th also a holiday → pay by the 27th.
 */
export function termEnd(start: IsoDate, days: number, options: CalendarOptions = {}): IsoDate {
  return workingDayOnOrAfter(addDays(start, days), options);
}
