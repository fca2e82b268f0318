import type { Locale } from '../i18n/locale';
import type { SlotRefusalCode } from './slot-plan';

/**
 * Why a slot cannot be booked, in words a citizen reads on the booking page. `{param}`
 * placeholders are filled from SlotRefusal.params (dates as the page formats them; the holiday's
 * name in the page's language is `holiday_it` / `holiday_en`). Merged into the booking service's
 * errors.
 */
export const SLOT_REFUSAL_MESSAGES: Record<SlotRefusalCode, Record<Locale, string>> = {
  booking_slot_past: {
    it: 'L’orario scelto ({start}) è già passato: scegliere un altro orario.',
    en: 'The time chosen ({start}) has already passed: please pick another time.',
  },
  booking_holiday: {
    it: 'Il {date} è festivo ({holiday_it}): l’ufficio è chiuso.',
    en: '{date} is a public holiday ({holiday_en}): the office is closed.',
  },
  booking_office_closed: {
    it: 'Il {date} l’ufficio non riceve il pubblico.',
    en: 'The office is not open to the public on {date}.',
  },
  booking_outside_plan: {
    it: 'L’orario {start} non è tra quelli prenotabili per questo servizio: scegliere uno degli orari proposti.',
    en: 'The time {start} is not one of the bookable times for this service: please pick one of those shown.',
  },
  booking_service_not_bookable: {
    it: 'Questo servizio non si prenota presso questo ufficio.',
    en: 'This service cannot be booked at this office.',
  },
  booking_too_far_ahead: {
    it: 'Il {date} è troppo lontano: si prenota al massimo {max} giorni prima.',
    en: '{date} is too far ahead: bookings open at most {max} days before.',
  },
};
