import type { Locale } from '../i18n/locale';
import { holidaysOn, type HolidayTables } from '../calendar/holidays';
import { rowOn, type DatedRow } from '../calendar/dated-rows';
import { addDays, daysBetween, isoWeekday, type IsoDate } from '../calendar/iso-date';
import {
  compareLocalDateTimes,
  isLocalDateTime,
  localDateOf,
  type LocalDateTime,
} from '../protocol/local-date-time';

/**
 * An office's appointment plan as dated data, and the slots it offers on a day.
 *
 * Capacity model (why slots of different services never overbook the counters): each window of
 * opening hours holds `counters × minutes` of counter time. `walkInPercent` of it is never
 * bookable (kept for those who come without an appointment); the rest is split between the
 * bookable services by `bookedPercent`. A service's share is cut into slots of its own length,
 * and the whole bookings it can hold are spread evenly over those slots (integer arithmetic, so
 * the same plan always gives the same slots). Hence, in every window,
 * Σ capacity × slotMinutes ≤ counters × minutes × (100 − walkInPercent) / 100.
 *
 * Times are wall-clock times in Italy (Europe/Rome), 'YYYY-MM-DDTHH:MM' (a LocalDateTime): no
 * Date, no time zone, so a slot never moves by an hour across daylight saving.
 */

/** 'HH:MM', 24-hour clock */
export type ClockTime = string;

export interface OpeningWindow {
  from: ClockTime;
  to: ClockTime;
}

/** ISO weekday 1 (Monday) … 7 (Sunday) → the windows the office is open that day (none: closed). */
export type WeeklyHours = Partial<Record<1 | 2 | 3 | 4 | 5 | 6 | 7, readonly OpeningWindow[]>>;

export interface ServiceSlotRule {
  /** length of one appointment, minutes */
  slotMinutes: number;
  /** share (percent) of the bookable counter time given to this service */
  bookedPercent: number;
  /** the ticket line (one capital letter) its visitors queue in */
  line: string;
}

export interface SlotPlan extends DatedRow {
  /** Belfiore code of the comune (its patron saint's day is a holiday too) */
  comune: string;
  /** the office's code within the comune, e.g. 'anagrafe' */
  office: string;
  name: Record<Locale, string>;
  /** where the citizen goes: printed in the confirmation and on the public pages */
  address: string;
  /** counters (desks) open during every window */
  counters: number;
  hours: WeeklyHours;
  /** service key → its slot rule; a service missing here is not bookable at this office */
  services: Readonly<Record<string, ServiceSlotRule>>;
  /** share (percent) of counter time never offered for booking: kept for walk-ins */
  walkInPercent: number;
  /** how many days ahead a slot may be booked */
  horizonDays: number;
}

/** What slotsForDay takes besides the national calendar: other tables, local closures. */
export interface ClosureCalendar extends HolidayTables {
  /** closing days decided locally (an ordinance, a strike, the move of the office) */
  extraClosures?: readonly IsoDate[];
}

export interface Slot {
  start: LocalDateTime;
  end: LocalDateTime;
  /** appointments this slot can take */
  capacity: number;
}

const CLOCK = /^([01]\d|2[0-3]):([0-5]\d)$/;

export function isClockTime(value: unknown): value is ClockTime {
  return typeof value === 'string' && CLOCK.test(value);
}

/** Minutes since midnight of 'HH:MM'; throws on a malformed value (plans are checked data). */
export function clockMinutes(time: ClockTime): number {
  const match = CLOCK.exec(time);
  if (!match) throw new RangeError(`Not a clock time (HH:MM): ${JSON.stringify(time)}`);
  return Number(match[1]) * 60 + Number(match[2]);
}

const pad2 = (n: number): string => String(n).padStart(2, '0');

/** 'HH:MM' of minutes since midnight. */
export function clockOf(minutes: number): ClockTime {
  return `${pad2(Math.floor(minutes / 60))}:${pad2(minutes % 60)}`;
}

/** The plan of `office` in force on `date`, or null when none (or two: a table error). */
export function planOn(
  plans: readonly SlotPlan[],
  comune: string,
  office: string,
  date: IsoDate,
): SlotPlan | null {
  const found = rowOn(plans, (p) => p.comune === comune && p.office === office, date);
  return found.ok ? found.row : null;
}

export function windowsOn(plan: SlotPlan, date: IsoDate): readonly OpeningWindow[] {
  return plan.hours[isoWeekday(date) as 1 | 2 | 3 | 4 | 5 | 6 | 7] ?? [];
}

export type DayClosure =
  { kind: 'holiday'; name: Record<Locale, string> } | { kind: 'closure' } | { kind: 'no_hours' };

/** Why the office takes no appointment on `date`, or null when it is open. */
export function closureOn(plan: SlotPlan, date: IsoDate, calendar: ClosureCalendar = {}): DayClosure | null {
  const holiday = holidaysOn(date, plan.comune, calendar)[0];
  if (holiday) return { kind: 'holiday', name: holiday.name };
  if (isoWeekday(date) === 7) return { kind: 'holiday', name: { it: 'domenica', en: 'Sunday' } };
  if (calendar.extraClosures?.includes(date)) return { kind: 'closure' };
  if (windowsOn(plan, date).length === 0) return { kind: 'no_hours' };
  return null;
}

/**
 * The bookable slots of `serviceKey` on `date`, in time order; none on a holiday (national or
 * the comune's patron, L. 260/1949), a Sunday, a local closure, a day without opening hours, a
 * date outside the plan's validity or a service the office does not book. Slots whose share
 * rounds to no whole appointment are left out.
 */
export function slotsForDay(
  plan: SlotPlan,
  date: IsoDate,
  serviceKey: string,
  holidays: ClosureCalendar = {},
): Slot[] {
  const rule = plan.services[serviceKey];
  if (!rule || !inForce(plan, date) || closureOn(plan, date, holidays) !== null) return [];
  const slots: Slot[] = [];
  for (const window of windowsOn(plan, date)) {
    const from = clockMinutes(window.from);
    const minutes = clockMinutes(window.to) - from;
    const count = Math.floor(minutes / rule.slotMinutes);
    if (count <= 0) continue;
    // whole appointments this service may hold in the window: its share of the bookable time
    const total = Math.floor(
      (plan.counters * minutes * (100 - plan.walkInPercent) * rule.bookedPercent) /
        (100 * 100 * rule.slotMinutes),
    );
    for (let i = 0; i < count; i++) {
      // spread `total` evenly: slot i gets the whole appointments its stretch of the window adds
      // (rounding up, so the window's first slot is always offered)
      const capacity = Math.ceil((total * (i + 1)) / count) - Math.ceil((total * i) / count);
      if (capacity === 0) continue;
      const start = from + i * rule.slotMinutes;
      slots.push({
        start: `${date}T${clockOf(start)}`,
        end: `${date}T${clockOf(start + rule.slotMinutes)}`,
        capacity,
      });
    }
  }
  return slots;
}

function inForce(plan: SlotPlan, date: IsoDate): boolean {
  return (
    daysBetween(plan.validFrom, date) >= 0 && (plan.validTo === null || daysBetween(date, plan.validTo) >= 0)
  );
}

/** The plan's problems, one sentence each (empty when sound): for tests and the admin screen. */
export function slotPlanProblems(plan: SlotPlan): string[] {
  const problems: string[] = [];
  if (!Number.isInteger(plan.counters) || plan.counters < 1)
    problems.push('counters must be a whole number ≥ 1');
  if (!Number.isInteger(plan.walkInPercent) || plan.walkInPercent < 0 || plan.walkInPercent > 100) {
    problems.push('walkInPercent must be a whole number 0-100');
  }
  if (!Number.isInteger(plan.horizonDays) || plan.horizonDays < 1) problems.push('horizonDays must be ≥ 1');
  let shares = 0;
  for (const [key, rule] of Object.entries(plan.services)) {
    if (!Number.isInteger(rule.slotMinutes) || rule.slotMinutes < 1)
      problems.push(`${key}: slotMinutes must be ≥ 1`);
    if (!Number.isInteger(rule.bookedPercent) || rule.bookedPercent < 0) {
      problems.push(`${key}: bookedPercent must be a whole number ≥ 0`);
    }
    if (!/^[A-Z]$/.test(rule.line)) problems.push(`${key}: line must be one capital letter`);
    shares += rule.bookedPercent;
  }
  if (shares > 100) problems.push(`bookedPercent adds up to ${shares} (> 100)`);
  for (const [day, windows] of Object.entries(plan.hours)) {
    let previousEnd = -1;
    for (const w of windows ?? []) {
      if (!isClockTime(w.from) || !isClockTime(w.to)) {
        problems.push(`weekday ${day}: malformed window ${w.from}-${w.to}`);
        continue;
      }
      if (clockMinutes(w.to) <= clockMinutes(w.from))
        problems.push(`weekday ${day}: window ${w.from}-${w.to} ends before it starts`);
      if (clockMinutes(w.from) < previousEnd)
        problems.push(`weekday ${day}: windows overlap or are out of order`);
      previousEnd = clockMinutes(w.to);
    }
  }
  return problems;
}

// ---- booking rules ------------------------------------------------------------------------

/**
 * Refusal codes, worded in Italian and English by the booking service's errors
 * (shared/booking/booking-errors.ts, same codes and params).
 */
export type SlotRefusalCode =
  | 'booking_in_past'
  | 'booking_holiday'
  | 'booking_office_closed'
  | 'booking_slot_unknown'
  | 'booking_service_unknown'
  | 'booking_too_far_ahead';

export interface SlotRefusal {
  code: SlotRefusalCode;
  params: Record<string, string | number>;
}

const refusal = (code: SlotRefusalCode, params: SlotRefusal['params'] = {}): SlotRefusal => ({
  code,
  params,
});

/**
 * Why `slotStart` cannot be booked for `serviceKey` at `now` (both Rome wall-clock), or null when
 * it can. Capacity (is the slot still free?) is the hub's count of bookings in its transaction,
 * not a rule here. Checked in the order a citizen can act on: the past first, then the day, then
 * the time. Params: `date` (YYYY-MM-DD) and `time` (HH:MM) of the slot; for a holiday its name,
 * `holiday` (the official Italian one) and `holiday_en`.
 */
export function bookingRefusal(
  plan: SlotPlan,
  slotStart: LocalDateTime,
  serviceKey: string,
  now: LocalDateTime,
  holidays: ClosureCalendar = {},
): SlotRefusal | null {
  if (!isLocalDateTime(slotStart))
    return refusal('booking_slot_unknown', { date: '', time: String(slotStart) });
  const date = localDateOf(slotStart);
  const when = { date, time: slotStart.slice(11, 16) };
  if (compareLocalDateTimes(slotStart, now) <= 0) return refusal('booking_in_past', when);
  if (!plan.services[serviceKey]) return refusal('booking_service_unknown', { service: serviceKey });
  const closure = closureOn(plan, date, holidays);
  if (closure?.kind === 'holiday') {
    return refusal('booking_holiday', { date, holiday: closure.name.it, holiday_en: closure.name.en });
  }
  if (closure) return refusal('booking_office_closed', { date });
  const latest = addDays(localDateOf(now), plan.horizonDays);
  if (daysBetween(latest, date) > 0)
    return refusal('booking_too_far_ahead', { date, max: plan.horizonDays, latest });
  // a slot starts on a whole minute: '…T09:20' or '…T09:20:00', never '…T09:20:30'
  const onTheMinute = slotStart.length === 16 || /^:00(\.0+)?$/.test(slotStart.slice(16));
  const minute = slotStart.slice(0, 16);
  if (!onTheMinute || !slotsForDay(plan, date, serviceKey, holidays).some((s) => s.start === minute)) {
    return refusal('booking_slot_unknown', when);
  }
  return null;
}

// ---- confirmation and release (as Agenda CIE) ----------------------------------------------

export type BookingState = 'pending' | 'confirmed' | 'released' | 'cancelled' | 'checked_in' | 'no_show';

export interface BookingTerms {
  slotStart: LocalDateTime;
  state: BookingState;
}

/** Days before the slot's day by which a booking must be confirmed (Agenda CIE releases it after). */
export const CONFIRM_DAYS_BEFORE = 3;
/** Days before the slot's day the reminder asking for confirmation goes out. */
export const REMINDER_DAYS_BEFORE = 5;

/** The last day a booking of `slotStart` can still be confirmed. */
export function confirmationDeadline(slotStart: LocalDateTime): IsoDate {
  return addDays(localDateOf(slotStart), -CONFIRM_DAYS_BEFORE);
}

/**
 * Whether a booking made on `bookedOn` is born confirmed: one made after the confirmation deadline
 * has nobody to ask in time, so booking it is confirming it.
 */
export function confirmedAtBooking(slotStart: LocalDateTime, bookedOn: IsoDate): boolean {
  return daysBetween(bookedOn, localDateOf(slotStart)) <= CONFIRM_DAYS_BEFORE;
}

/**
 * A booking still unconfirmed when fewer than CONFIRM_DAYS_BEFORE days are left before its day
 * is released, so the slot goes back to others (Agenda CIE: "the appointment is cancelled if not
 * confirmed 3 days before"). Only pending bookings are ever released.
 */
export function releaseDue(booking: BookingTerms, today: IsoDate): boolean {
  return (
    booking.state === 'pending' && daysBetween(today, localDateOf(booking.slotStart)) < CONFIRM_DAYS_BEFORE
  );
}

/** The reminder asking for confirmation is due from REMINDER_DAYS_BEFORE days before until release. */
export function reminderDue(booking: BookingTerms, today: IsoDate): boolean {
  const left = daysBetween(today, localDateOf(booking.slotStart));
  return booking.state === 'pending' && left <= REMINDER_DAYS_BEFORE && left >= CONFIRM_DAYS_BEFORE;
}
