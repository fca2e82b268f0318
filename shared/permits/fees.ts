import { isHoliday, type HolidayTables } from '../calendar/holidays';
import { isIsoDate, isoWeekday, type IsoDate } from '../calendar/iso-date';
import type { Cents } from '../money/cents';
import { isLocalDateTime, localDateOf, type LocalDateTime } from '../protocol/local-date-time';
import {
  isPermitKind,
  kindRowOn,
  PERMIT_KIND_ROWS,
  type PermitKindRow,
  type TimedTariff,
} from './permit-kinds';

/**
 * What a permit costs, in integer cents, from the kind's row in force on the day of issue (`at`):
 * the tariff of the day the permit is sold, not of the day it starts (a ticket bought on 31
 * December for 2 January pays December's price) [U: check with the comune].
 *
 * The temporary ticket's price depends on its START instant (DOMAIN.md §5.1, 2017): €2.50 when
 * it starts in a loading window of a working weekday (08:00-11:00, 14:30-16:30; start included,
 * end excluded, so 11:00 sharp is outside), €15 at other weekday times. Saturdays, Sundays and
 * public holidays (national and the comune's patron saint) cost `weekendCents`, €15 in our table:
 * DOMAIN.md does not say [U].
 */

export type FeeBand = 'flat' | 'free' | 'loading_window' | 'other_weekday' | 'weekend_holiday';

export type PermitFeeResult =
  | { ok: true; feeCents: Cents; band: FeeBand; row: PermitKindRow; uncertain: boolean }
  | {
      ok: false;
      code: 'permit_kind_unknown' | 'invalid_start';
      params: Record<string, string>;
    };

export interface PermitFeeRequest {
  /** Belfiore code of the issuing comune */
  comune: string;
  /** temporary ticket: its first minute (local time) */
  startAt?: LocalDateTime | null;
}

export interface PermitFeeTables extends HolidayTables {
  kinds?: readonly PermitKindRow[];
}

/** 'HH:mm' of a local date-time, as minutes of the day. */
const minuteOfDay = (at: LocalDateTime): number => Number(at.slice(11, 13)) * 60 + Number(at.slice(14, 16));
const minutesOf = (hhmm: string): number => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** The band and price of a temporary ticket starting at `startAt` in `comune`. */
export function timedBand(
  tariff: TimedTariff,
  startAt: LocalDateTime,
  comune: string,
  tables: HolidayTables = {},
): { band: FeeBand; feeCents: Cents } {
  const date = localDateOf(startAt);
  const weekday = isoWeekday(date);
  if (weekday >= 6 || isHoliday(date, comune, tables)) {
    return { band: 'weekend_holiday', feeCents: tariff.weekendCents };
  }
  const minute = minuteOfDay(startAt);
  const inWindow = tariff.loadingWindows.some((w) => minute >= minutesOf(w.from) && minute < minutesOf(w.to));
  return inWindow
    ? { band: 'loading_window', feeCents: tariff.loadingWindowCents }
    : { band: 'other_weekday', feeCents: tariff.otherWeekdayCents };
}

/** The fee of a permit of `kind` issued at `at` (a date, or the moment of sale). */
export function permitFee(
  kind: string,
  request: PermitFeeRequest,
  at: IsoDate | LocalDateTime,
  tables: PermitFeeTables = {},
): PermitFeeResult {
  const day = isLocalDateTime(at) ? localDateOf(at) : at;
  if (!isIsoDate(day)) return { ok: false, code: 'invalid_start', params: { start: String(at) } };
  const row = isPermitKind(kind)
    ? kindRowOn(kind, request.comune, day, tables.kinds ?? PERMIT_KIND_ROWS)
    : null;
  if (row === null) return { ok: false, code: 'permit_kind_unknown', params: { kind: String(kind) } };
  if (row.timedTariff !== null) {
    const startAt = request.startAt ?? null;
    if (startAt === null || !isLocalDateTime(startAt)) {
      return { ok: false, code: 'invalid_start', params: { start: String(startAt) } };
    }
    const { band, feeCents } = timedBand(row.timedTariff, startAt, request.comune, tables);
    return { ok: true, feeCents, band, row, uncertain: row.uncertain };
  }
  return {
    ok: true,
    feeCents: row.feeCents,
    band: row.feeCents === 0 ? 'free' : 'flat',
    row,
    uncertain: row.uncertain,
  };
}

/**
 * A duplicate after loss, theft or damage: DOMAIN.md names no charge, so it is free [U] until a
 * comune's resolution says otherwise. One rule for the counter that issues it and the hub that
 * records it, so the hub never takes the amount on the desk's word.
 */
export const DUPLICATE_FEE_CENTS = 0;
