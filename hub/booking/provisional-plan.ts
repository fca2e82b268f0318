import {
  addDays,
  compareIsoDates,
  daysBetween,
  isoWeekday,
  type IsoDate,
} from '../../shared/calendar/iso-date';
import { holidaysOn } from '../../shared/calendar/holidays';
import type { Locale } from '../../shared/i18n/locale';

/**
 * PROVISIONAL: the office plans and slot generation the hub books against, until the pure planner
 * (shared/booking/slot-plan.ts, written in the visits-bench branch) lands; then this module only
 * adapts it. Casale's anagrafe as the issue gives it: 4 counters, Monday–Friday 8:30–12:30,
 * Tuesday and Thursday also 14:30–16:30; one counter kept for walk-ins.
 */

export interface PlanService {
  key: string;
  /** the ticket line (A141) */
  line: string;
  label: Record<Locale, string>;
  /** the slot's length: what the service takes at the counter */
  minutes: number;
  /** what to bring, in the confirmation */
  bring: Record<Locale, string[]>;
}

export interface OfficePlan {
  comune: string;
  office: string;
  name: Record<Locale, string>;
  address: string;
  counters: number;
  /** counters kept back for walk-ins: the others take bookings */
  walkInCounters: number;
  /** opening intervals by ISO weekday (1 Monday), 'HH:MM' */
  hours: Record<number, [string, string][]>;
  /** how far ahead one may book */
  horizonDays: number;
  /** a booking not confirmed this many days ahead is released (Agenda CIE's rule) */
  confirmDaysAhead: number;
  services: PlanService[];
}

const ID_DOC = {
  it: 'un documento d’identità valido',
  en: 'a valid identity document',
};

export const CASALE_ANAGRAFE: OfficePlan = {
  comune: 'B885',
  office: 'anagrafe',
  name: { it: 'Ufficio anagrafe – Casale Monferrato', en: 'Registry office – Casale Monferrato' },
  address: 'Via Mameli 10, 15033 Casale Monferrato',
  counters: 4,
  walkInCounters: 1,
  hours: {
    1: [['08:30', '12:30']],
    2: [
      ['08:30', '12:30'],
      ['14:30', '16:30'],
    ],
    3: [['08:30', '12:30']],
    4: [
      ['08:30', '12:30'],
      ['14:30', '16:30'],
    ],
    5: [['08:30', '12:30']],
  },
  horizonDays: 60,
  confirmDaysAhead: 3,
  services: [
    {
      key: 'cie',
      line: 'C',
      label: { it: 'Carta d’identità elettronica', en: 'Electronic identity card' },
      minutes: 20,
      bring: {
        it: [
          'la carta d’identità scaduta o in scadenza (o la denuncia di smarrimento o furto)',
          'una fototessera recente, a colori, su sfondo chiaro',
          'la tessera sanitaria',
          'la ricevuta del pagamento di € 22,21 (o il pagamento allo sportello)',
        ],
        en: [
          'the expired or expiring identity card (or the police report of its loss or theft)',
          'one recent colour passport photo on a light background',
          'the health insurance card',
          'the receipt of the €22.21 payment (or pay at the counter)',
        ],
      },
    },
    {
      key: 'certificato',
      line: 'A',
      label: { it: 'Certificato anagrafico', en: 'Registry certificate' },
      minutes: 5,
      bring: {
        it: [ID_DOC.it, 'una marca da bollo da € 16,00 se il certificato non è in esenzione'],
        en: [ID_DOC.en, 'a €16.00 revenue stamp unless the certificate is exempt'],
      },
    },
    {
      key: 'residenza',
      line: 'R',
      label: { it: 'Cambio di residenza', en: 'Change of residence' },
      minutes: 15,
      bring: {
        it: [
          ID_DOC.it,
          'i codici fiscali di tutte le persone che si trasferiscono',
          'il titolo dell’abitazione (contratto d’affitto registrato o atto di proprietà)',
          'targhe dei veicoli e numeri delle patenti',
        ],
        en: [
          ID_DOC.en,
          'the tax codes of everyone moving',
          'the title to the home (registered lease or deed)',
          'vehicle plates and driving licence numbers',
        ],
      },
    },
    {
      key: 'pagamento',
      line: 'P',
      label: { it: 'Pagamento di avvisi e sanzioni', en: 'Paying notices and fines' },
      minutes: 5,
      bring: {
        it: ['l’avviso o il verbale da pagare', 'bancomat o carta di credito'],
        en: ['the notice or fine to pay', 'a debit or credit card'],
      },
    },
  ],
};

export const OFFICE_PLANS: readonly OfficePlan[] = [CASALE_ANAGRAFE];

export const planOf = (comune: string, office: string): OfficePlan | undefined =>
  OFFICE_PLANS.find((p) => p.comune === comune && p.office === office);

export const plansOf = (comune: string): OfficePlan[] => OFFICE_PLANS.filter((p) => p.comune === comune);

export interface Slot {
  start: string;
  capacity: number;
}

const minutesOf = (hhmm: string): number => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
const hhmmOf = (m: number): string =>
  `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;

/**
 * The day's slots of a service: back to back from each opening, the last ending by the closing;
 * each has one seat per counter taking bookings. None on a holiday or a closed day.
 */
export function slotsForDay(plan: OfficePlan, serviceKey: string, day: IsoDate): Slot[] {
  const service = plan.services.find((s) => s.key === serviceKey);
  if (!service || holidaysOn(day, plan.comune).length > 0) return [];
  const slots: Slot[] = [];
  for (const [from, to] of plan.hours[isoWeekday(day)] ?? []) {
    for (let m = minutesOf(from); m + service.minutes <= minutesOf(to); m += service.minutes) {
      slots.push({
        start: `${day}T${hhmmOf(m)}`,
        capacity: Math.max(1, plan.counters - plan.walkInCounters),
      });
    }
  }
  return slots;
}

export type BookingRefusal =
  | { code: 'booking_service_unknown'; params: { service: string } }
  | { code: 'booking_in_past'; params: { date: string; time: string } }
  | { code: 'booking_too_far_ahead'; params: { max: number; latest: string } }
  | { code: 'booking_holiday'; params: { date: string; holiday: string } }
  | { code: 'booking_office_closed'; params: { date: string } }
  | { code: 'booking_slot_unknown'; params: { date: string; time: string } };

const ddmmyyyy = (day: IsoDate) => `${day.slice(8, 10)}/${day.slice(5, 7)}/${day.slice(0, 4)}`;

/** Why a slot cannot be booked now (`now` LocalDateTime), or null when it can. */
export function bookingRefusal(
  plan: OfficePlan,
  serviceKey: string,
  slotStart: string,
  now: string,
  locale: Locale,
): BookingRefusal | null {
  if (!plan.services.some((s) => s.key === serviceKey))
    return { code: 'booking_service_unknown', params: { service: serviceKey } };
  const day = slotStart.slice(0, 10);
  const time = slotStart.slice(11, 16);
  if (slotStart <= now) return { code: 'booking_in_past', params: { date: ddmmyyyy(day), time } };
  const latest = addDays(now.slice(0, 10), plan.horizonDays);
  if (compareIsoDates(day, latest) > 0)
    return { code: 'booking_too_far_ahead', params: { max: plan.horizonDays, latest: ddmmyyyy(latest) } };
  const holiday = holidaysOn(day, plan.comune)[0];
  if (holiday)
    return { code: 'booking_holiday', params: { date: ddmmyyyy(day), holiday: holiday.name[locale] } };
  if ((plan.hours[isoWeekday(day)] ?? []).length === 0)
    return { code: 'booking_office_closed', params: { date: ddmmyyyy(day) } };
  if (!slotsForDay(plan, serviceKey, day).some((s) => s.start === slotStart))
    return { code: 'booking_slot_unknown', params: { date: ddmmyyyy(day), time } };
  return null;
}

/** A booking made this close to its day needs no later confirmation. */
export const confirmedAtOnce = (plan: OfficePlan, slotDay: IsoDate, today: IsoDate): boolean =>
  daysBetween(today, slotDay) <= plan.confirmDaysAhead;
