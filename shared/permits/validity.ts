import {
  addDays,
  compareIsoDates,
  fromDayNumber,
  isIsoDate,
  minIsoDate,
  toDayNumber,
  type IsoDate,
} from '../calendar/iso-date';
import { addMonthsClamped } from '../certificates/validity';
import { isLocalDateTime, localDateOf, type LocalDateTime } from '../protocol/local-date-time';
import type { PermitKindRow } from './permit-kinds';

/**
 * How long a permit lasts (permit-kinds.ts `validity`), from its first day (or, for the
 * temporary ticket, its first minute).
 *
 * A permit of N months runs from its first day to the day before the same date N months later:
 * 2026-04-01 for 24 months ends on 2028-03-31 (the day it was issued is its first day, so 24
 * months are 24 months, not 24 months and a day). A first day with no match in the end month
 * (31 August + 6 months) is clamped to the month's end, then the day before is taken.
 *
 * Temporary tickets count wall-clock minutes (Europe/Rome, LocalDateTime): a ticket bought at
 * 02:45 on the night clocks go back lasts 30 minutes on the kiosk's clock, not of elapsed time.
 */

export type ValidityResult =
  | {
      ok: true;
      validFrom: IsoDate;
      validTo: IsoDate;
      /** temporary tickets only */
      validFromAt: LocalDateTime | null;
      validToAt: LocalDateTime | null;
    }
  | { ok: false; code: 'permit_end_required' | 'invalid_start'; params: Record<string, string> };

export interface ValidityOptions {
  /** domiciliati: the day the domicile ends (the permit never outlives it) */
  domicileEnd?: IsoDate | null;
  /** cude temporaneo: the last day of the certified condition; also a shorter end for `upTo` kinds */
  certifiedEnd?: IsoDate | null;
}

/** '2026-03-01T08:10' + 30 → '2026-03-01T08:40' (wall clock; seconds dropped). */
export function addMinutesLocal(at: LocalDateTime, minutes: number): LocalDateTime {
  if (!isLocalDateTime(at)) throw new RangeError(`Not a local date-time: ${JSON.stringify(at)}`);
  const day = toDayNumber(localDateOf(at));
  const hh = Number(at.slice(11, 13));
  const mm = Number(at.slice(14, 16));
  const total = day * 1440 + hh * 60 + mm + minutes;
  const newDay = Math.floor(total / 1440);
  const rest = total - newDay * 1440;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${fromDayNumber(newDay)}T${pad(Math.floor(rest / 60))}:${pad(rest % 60)}`;
}

/** Whole wall-clock minutes from `from` to `to` (negative if `to` is earlier; seconds dropped). */
export function minutesBetweenLocal(from: LocalDateTime, to: LocalDateTime): number {
  const minutes = (at: LocalDateTime): number => {
    if (!isLocalDateTime(at)) throw new RangeError(`Not a local date-time: ${JSON.stringify(at)}`);
    return toDayNumber(localDateOf(at)) * 1440 + Number(at.slice(11, 13)) * 60 + Number(at.slice(14, 16));
  };
  return minutes(to) - minutes(from);
}

/** The last day of a permit of `months` months starting on `from`. */
export function lastDayAfterMonths(from: IsoDate, months: number): IsoDate {
  return addDays(addMonthsClamped(from, months), -1);
}

/**
 * The validity of a permit of `kind` (its row in force) starting at `start`: an IsoDate, or a
 * LocalDateTime for the temporary ticket.
 */
export function permitValidity(
  kind: PermitKindRow,
  start: IsoDate | LocalDateTime,
  opts: ValidityOptions = {},
): ValidityResult {
  const rule = kind.validity;
  if (rule.unit === 'minutes') {
    if (!isLocalDateTime(start))
      return { ok: false, code: 'invalid_start', params: { start: String(start) } };
    const from = start.slice(0, 16);
    const to = addMinutesLocal(from, rule.minutes);
    return {
      ok: true,
      validFrom: localDateOf(from),
      validTo: localDateOf(to),
      validFromAt: from,
      validToAt: to,
    };
  }
  if (!isIsoDate(start)) return { ok: false, code: 'invalid_start', params: { start: String(start) } };
  const end = (to: IsoDate): ValidityResult =>
    compareIsoDates(to, start) < 0
      ? { ok: false, code: 'invalid_start', params: { start, end: to } }
      : { ok: true, validFrom: start, validTo: to, validFromAt: null, validToAt: null };

  if (rule.unit === 'until_date') {
    const certified = opts.certifiedEnd ?? null;
    if (certified === null || !isIsoDate(certified))
      return { ok: false, code: 'permit_end_required', params: {} };
    return end(
      rule.maxMonths === null ? certified : minIsoDate(certified, lastDayAfterMonths(start, rule.maxMonths)),
    );
  }
  let to = lastDayAfterMonths(start, rule.months);
  if (rule.upTo) {
    // domiciliati: "up to 3 years", and never beyond the domicile (DOMAIN.md §5.1)
    for (const cap of [opts.domicileEnd, opts.certifiedEnd]) {
      if (cap !== undefined && cap !== null && isIsoDate(cap)) to = minIsoDate(to, cap);
    }
  }
  return end(to);
}

/** The permit being renewed, as far as the renewal's start depends on it. */
export interface RenewedPermit {
  validTo: IsoDate;
  status: string;
}

/**
 * First day of a renewal: the day after the old permit ends if it is still in force today (no
 * gap, no overlap), else today (an expired permit is renewed from the day it is asked).
 */
export function renewalStart(old: RenewedPermit, today: IsoDate): IsoDate {
  const inForce =
    (old.status === 'active' || old.status === 'revocation_proposed') &&
    compareIsoDates(old.validTo, today) >= 0;
  return inForce ? addDays(old.validTo, 1) : today;
}
