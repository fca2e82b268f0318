/**
 * Small date and chance helpers shared by every household composer. Ages are fractional
 * years converted with DAYS_PER_YEAR so that "born 30 years before the reference date" and
 * "30 years old on the reference date" agree to the day.
 */
import type { CivilStatus, Sex } from '../../shared/registry/model';
import { DAYS_PER_YEAR } from './civil-date';
import type { Scope } from './household-draft';

export const clamp = (x: number, lo: number, hi: number): number => (x < lo ? lo : x > hi ? hi : x);

/** The day someone born on `birth` reaches `years` (negative: that many years before birth). */
export function dayAtAge(birth: number, years: number): number {
  return birth + Math.floor(years * DAYS_PER_YEAR);
}

export function birthForAge(s: Scope, years: number): number {
  return s.ref - Math.floor(years * DAYS_PER_YEAR);
}

/** Age in fractional years on the reference date. */
export function ageOf(s: Scope, birth: number): number {
  return (s.ref - birth) / DAYS_PER_YEAR;
}

/** A day in [from, to]; `from` when the range is empty, so callers need not guard. */
export function dayBetween(s: Scope, from: number, to: number): number {
  return to <= from ? from : from + s.rng.int(to - from + 1);
}

export function sexWith(s: Scope, pMale: number): Sex {
  return s.rng.chance(pMale) ? 'M' : 'F';
}

export function otherSex(sex: Sex): Sex {
  return sex === 'M' ? 'F' : 'M';
}

/**
 * A civil status drawn from relative weights. Object key order is insertion order, which is
 * what keeps this deterministic: callers list the statuses in a fixed order.
 */
export function civilStatus(s: Scope, weights: Partial<Record<CivilStatus, number>>): CivilStatus {
  const entries = Object.entries(weights) as [CivilStatus, number][];
  let r = s.rng.next() * entries.reduce((a, [, w]) => a + w, 0);
  for (const [status, w] of entries) {
    r -= w;
    if (r < 0) return status;
  }
  return entries[entries.length - 1]?.[0] ?? 'celibe_nubile';
}
