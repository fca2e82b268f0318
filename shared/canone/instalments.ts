import { addDays, compareIsoDates, isoDate, yearOf, type IsoDate } from '../calendar/iso-date';
import type { InstalmentRule } from './tariffs';

/**
 * The pagoPA notices of a fee: how many, how much, by when (DOMAIN.md §5.4 gives no rule: every
 * value comes from the comune's setting and is [U]).
 *
 * - Temporary occupation: one payment, due `temporaryDueDays` (30) after the approval.
 * - Permanent concession, a year billed by the yearly run (`when` = the year): above the
 *   threshold, one instalment per due date of the year (e.g. 31/1, 30/4, 31/7, 31/10); at or
 *   below it, one payment on the first due date.
 * - Permanent concession approved during its first year (`when` = its first day, `decidedOn` =
 *   the approval): the first payment is due 30 days after the approval, and above the threshold
 *   the year's due dates that come later are the further instalments.
 *
 * Amounts are whole cents summing exactly to the total: the remainder cents go on the first.
 * Each instalment becomes its own notice (its own IUV) under segregation code 47.
 */

export interface Instalment {
  /** 1-based */
  n: number;
  amountCents: number;
  dueDate: IsoDate;
}

/** Splits `totalCents` over `dueDates` (in order): equal parts, the remainder on the first. */
export function splitInstalments(totalCents: number, dueDates: readonly IsoDate[]): Instalment[] {
  if (!Number.isSafeInteger(totalCents) || totalCents < 0)
    throw new RangeError(`Not a fee in cents: ${totalCents}`);
  const n = dueDates.length;
  if (n === 0 || totalCents === 0) return [];
  const base = Math.floor(totalCents / n);
  const remainder = totalCents - base * n;
  return dueDates.map((dueDate, i) => ({
    n: i + 1,
    amountCents: i === 0 ? base + remainder : base,
    dueDate,
  }));
}

/** The rule's 'MM-DD' due dates in `year`, in order. */
function dueDatesIn(year: number, rule: InstalmentRule): IsoDate[] {
  return rule.dueDates
    .map((md) => isoDate(year, Number(md.slice(0, 2)), Number(md.slice(3, 5))))
    .sort(compareIsoDates);
}

export function noticeInstalments(
  totalCents: number,
  regime: 'permanent' | 'temporary',
  when: number | IsoDate,
  setting: { instalments: InstalmentRule },
  decidedOn: IsoDate | null = null,
): Instalment[] {
  const rule = setting.instalments;
  if (regime === 'temporary') {
    const decision = decidedOn ?? (typeof when === 'string' ? when : null);
    if (decision === null) throw new RangeError('A temporary occupation’s notice needs the approval date');
    return splitInstalments(totalCents, [addDays(decision, rule.temporaryDueDays)]);
  }
  const aboveThreshold = totalCents > rule.thresholdCents;
  if (typeof when === 'number') {
    const dates = dueDatesIn(when, rule);
    return splitInstalments(totalCents, aboveThreshold ? dates : dates.slice(0, 1));
  }
  const first = addDays(decidedOn ?? when, rule.temporaryDueDays);
  const later = dueDatesIn(yearOf(when), rule).filter((d) => compareIsoDates(d, first) > 0);
  return splitInstalments(totalCents, aboveThreshold ? [first, ...later] : [first]);
}
