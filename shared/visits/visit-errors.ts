/**
 * Refusals of the queue (tickets, calls, the counter's actions), Italian first. Codes are stable
 * API; `{param}` placeholders are filled by AppError. Merged into ERROR_MESSAGES through the
 * booking service's declaration (shared/booking/service.ts).
 */
export const VISIT_ERROR_MESSAGES = {
  visit_ticket_not_found: {
    it: 'Il biglietto {ticket} non esiste.',
    en: 'Ticket {ticket} does not exist.',
  },
  visit_ticket_already_called: {
    it: 'Il biglietto {code} è già stato chiamato dallo sportello {counter}.',
    en: 'Ticket {code} has already been called by counter {counter}.',
  },
  visit_ticket_other_counter: {
    it: 'Il biglietto {code} è dello sportello {owner}, non di questo ({counter}).',
    en: 'Ticket {code} belongs to counter {owner}, not to this one ({counter}).',
  },
  visit_ticket_wrong_state: {
    it: 'Il biglietto {code} è «{status}»: non si può {action}.',
    en: 'Ticket {code} is “{status}”: it cannot be {action}.',
  },
  visit_line_unknown: {
    it: 'La fila {line} non esiste in questo ufficio.',
    en: 'There is no line {line} at this office.',
  },
  visit_office_unknown: {
    it: 'L’ufficio «{office}» non ha un piano di prenotazione in questo comune.',
    en: 'Office “{office}” has no booking plan in this comune.',
  },
  visit_counter_unknown: {
    it: 'Lo sportello {counter} non esiste in questo ufficio (sportelli: {counters}).',
    en: 'Counter {counter} does not exist at this office (counters: {counters}).',
  },
  visit_counter_taken: {
    it: 'Lo sportello {counter} è in uso oggi dalla postazione «{workstation}»: scegliere un altro sportello, oppure riprenderlo dopo {minutes} minuti senza attività e senza biglietti aperti.',
    en: 'Counter {counter} is in use today by workstation “{workstation}”: choose another counter, or take it over after {minutes} minutes with no activity and no open ticket.',
  },
  visit_office_not_served: {
    it: 'Questa postazione non serve l’ufficio «{office}» (serve: {offices}).',
    en: 'This workstation does not serve office “{office}” (it serves: {offices}).',
  },
  visit_office_required: {
    it: 'Indicare l’ufficio: il comune ne ha più d’uno con la coda ({offices}).',
    en: 'Please name the office: the comune has more than one with a queue ({offices}).',
  },
  visit_stats_range: {
    it: 'Periodo non valido: dal {from} al {to}, al massimo {max} giorni.',
    en: 'Invalid period: {from} to {to}, at most {max} days.',
  },
} as const;
