/**
 * Refusals of the public booking page and of the kiosk, Italian first: what a citizen reads on the
 * phone or at the door. None names or hints at a person (the page never reveals whether a CF is on
 * the registry). Merged into ERROR_MESSAGES through shared/booking/service.ts.
 */
export const BOOKING_ERROR_MESSAGES = {
  booking_service_unknown: {
    it: 'Il servizio «{service}» non si prenota in questo ufficio.',
    en: 'Service “{service}” cannot be booked at this office.',
  },
  booking_slot_unknown: {
    it: 'Alle {time} del {date} non c’è un appuntamento per questo servizio: scegliere un orario dell’elenco.',
    en: 'There is no appointment for this service at {time} on {date}: please pick a time from the list.',
  },
  booking_slot_taken: {
    it: 'L’appuntamento delle {time} del {date} è appena stato preso da un’altra persona: sceglierne un altro.',
    en: 'The {time} appointment on {date} has just been taken by someone else: please pick another.',
  },
  booking_in_past: {
    it: 'Il {date} alle {time} è già passato: scegliere un appuntamento futuro.',
    en: '{date} at {time} is already past: please pick a future appointment.',
  },
  booking_holiday: {
    it: 'Il {date} è festivo ({holiday}): l’ufficio è chiuso.',
    en: '{date} is a public holiday ({holiday}): the office is closed.',
  },
  booking_office_closed: {
    it: 'Il {date} l’ufficio non riceve per questo servizio.',
    en: 'On {date} the office does not receive for this service.',
  },
  booking_too_far_ahead: {
    it: 'Si prenota al massimo {max} giorni avanti, cioè entro il {latest}.',
    en: 'Bookings are open at most {max} days ahead, that is until {latest}.',
  },
  booking_cf_invalid: {
    it: 'Il codice fiscale non è valido: {reason}',
    en: 'The tax code is not valid: {reason}',
  },
  booking_contact_missing: {
    it: 'Indicare un indirizzo e-mail o un numero di telefono per ricevere la conferma.',
    en: 'Please give an e-mail address or a phone number to receive the confirmation.',
  },
  booking_contact_invalid: {
    it: 'Il recapito «{value}» non è un indirizzo e-mail o un numero di telefono valido.',
    en: '“{value}” is not a valid e-mail address or phone number.',
  },
  booking_name_invalid: {
    it: 'Indicare nome e cognome (da 2 a 100 caratteri).',
    en: 'Please give your full name (2 to 100 characters).',
  },
  booking_code_unknown: {
    it: 'Il codice {code} non corrisponde a nessuna prenotazione di oggi in questo ufficio.',
    en: 'Code {code} matches no booking for today at this office.',
  },
  booking_code_stale: {
    it: 'La prenotazione {code} non è più valida (annullata perché non confermata in tempo): prendere un biglietto alla colonnina.',
    en: 'Booking {code} is no longer valid (released, as it was not confirmed in time): please take a ticket at the kiosk.',
  },
  booking_already_checked_in: {
    it: 'La prenotazione {code} è già stata registrata: il biglietto è {ticket}.',
    en: 'Booking {code} has already been checked in: the ticket is {ticket}.',
  },
  booking_wrong_day: {
    it: 'La prenotazione {code} è per il {date}, non per oggi.',
    en: 'Booking {code} is for {date}, not for today.',
  },
  booking_office_unknown: {
    it: 'Nessun ufficio «{office}» prenotabile nel comune {comune}.',
    en: 'No bookable office “{office}” in comune {comune}.',
  },
  kiosk_rate_limited: {
    it: 'Troppi biglietti in poco tempo da questa colonnina: attendere un minuto.',
    en: 'Too many tickets from this kiosk in a short time: please wait a minute.',
  },
} as const;
