import {
  bookingRefusal as planRefusal,
  confirmedAtBooking,
  planOn,
  slotsForDay as planSlots,
  type Slot,
  type SlotPlan,
  type SlotRefusalCode,
  type WeeklyHours,
} from '../../shared/booking/slot-plan';
import { OFFICE_SLOT_PLANS } from '../../shared/booking/slot-plan-casale';
import { WHAT_TO_BRING, type ServiceBriefing } from '../../shared/booking/what-to-bring';
import type { IsoDate } from '../../shared/calendar/iso-date';
import type { Locale } from '../../shared/i18n/locale';

/**
 * The hub's view of an office's appointment plan, made from the shared planner's dated plans
 * (shared/booking/slot-plan-casale.ts) and the shared what-to-bring lists: one source for the
 * slots the hub books, the slots bench:visits simulates and the list the confirmation prints.
 * The view carries what the pages and mails show (names, lines, lengths, lists); which slots a
 * day offers is always asked of the plan in force on that day.
 */

export interface PlanService {
  key: string;
  /** the ticket line (A141) */
  line: string;
  label: Record<Locale, string>;
  /** the slot's length: what the service takes at the counter */
  minutes: number;
  /** what to bring, in the confirmation */
  bring: Record<Locale, readonly string[]>;
}

export interface OfficePlan {
  comune: string;
  office: string;
  name: Record<Locale, string>;
  address: string;
  counters: number;
  hours: WeeklyHours;
  /** how far ahead one may book */
  horizonDays: number;
  services: PlanService[];
}

const briefingOf = (key: string): ServiceBriefing | undefined =>
  (WHAT_TO_BRING as Readonly<Record<string, ServiceBriefing | undefined>>)[key];

function viewOf(plan: SlotPlan): OfficePlan {
  return {
    comune: plan.comune,
    office: plan.office,
    name: plan.name,
    address: plan.address,
    counters: plan.counters,
    hours: plan.hours,
    horizonDays: plan.horizonDays,
    services: Object.entries(plan.services).map(([key, rule]) => {
      const briefing = briefingOf(key);
      return {
        key,
        line: rule.line,
        label: briefing?.label ?? { it: key, en: key },
        minutes: rule.slotMinutes,
        bring: briefing?.bring ?? { it: [], en: [] },
      };
    }),
  };
}

/** The plan rows of one office, newest last (validFrom order). */
const rowsOf = (comune: string, office: string): SlotPlan[] =>
  OFFICE_SLOT_PLANS.filter((p) => p.comune === comune && p.office === office).sort((a, b) =>
    a.validFrom.localeCompare(b.validFrom),
  );

/** An office's plan as the pages show it: its newest row (names and lists do not change by date). */
export function planOf(comune: string, office: string): OfficePlan | undefined {
  const newest = rowsOf(comune, office).at(-1);
  return newest ? viewOf(newest) : undefined;
}

/** Every office of the comune that takes bookings or tickets. */
export function plansOf(comune: string): OfficePlan[] {
  const offices = [...new Set(OFFICE_SLOT_PLANS.filter((p) => p.comune === comune).map((p) => p.office))];
  return offices.flatMap((office) => planOf(comune, office) ?? []);
}

/** The day's slots of a service under the plan in force that day (none on a holiday or closed day). */
export function slotsForDay(plan: OfficePlan, serviceKey: string, day: IsoDate): Slot[] {
  const row = planOn(OFFICE_SLOT_PLANS, plan.comune, plan.office, day);
  return row ? planSlots(row, day, serviceKey) : [];
}

export interface BookingRefusal {
  code: SlotRefusalCode;
  params: Record<string, string | number>;
}

const ddmmyyyy = (day: string) => `${day.slice(8, 10)}/${day.slice(5, 7)}/${day.slice(0, 4)}`;

/**
 * Why a slot cannot be booked now (`now` a Rome LocalDateTime), or null when it can: the shared
 * planner's rules, with the params worded for the citizen's page (dates as dd/mm/yyyy, the
 * holiday's name in the page's language).
 */
export function bookingRefusal(
  plan: OfficePlan,
  serviceKey: string,
  slotStart: string,
  now: string,
  locale: Locale,
): BookingRefusal | null {
  const day = slotStart.slice(0, 10);
  const today = now.slice(0, 10);
  // the plan in force on the slot's day; a day no plan covers is judged by today's (past, or no slot)
  const row =
    (/^\d{4}-\d{2}-\d{2}$/.test(day) ? planOn(OFFICE_SLOT_PLANS, plan.comune, plan.office, day) : null) ??
    planOn(OFFICE_SLOT_PLANS, plan.comune, plan.office, today);
  if (!row) return { code: 'booking_office_closed', params: { date: ddmmyyyy(day) } };
  const refusal = planRefusal(row, slotStart, serviceKey, now);
  if (!refusal) return null;
  const params = { ...refusal.params };
  if (typeof params.date === 'string' && params.date) params.date = ddmmyyyy(params.date);
  if (typeof params.latest === 'string') params.latest = ddmmyyyy(params.latest);
  if (refusal.code === 'booking_holiday' && locale === 'en' && params.holiday_en !== undefined)
    params.holiday = params.holiday_en;
  delete params.holiday_en;
  return { code: refusal.code, params };
}

/** A booking made this close to its day needs no later confirmation (nobody to remind in time). */
export const confirmedAtOnce = (slotStart: string, today: IsoDate): boolean =>
  confirmedAtBooking(slotStart, today);
