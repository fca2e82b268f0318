/**
 * Why the hub refused to print a payment notice. Merged into ERROR_MESSAGES through the cash desk
 * service (shared/cashdesk/service.ts), which owns the debt positions the notices are printed for.
 * HTTP status by name (hub/http-errors.ts): `*_not_found` 404, `*_already_*` 409, else 400.
 */
export const AVVISO_ERROR_MESSAGES = {
  avviso_notice_invalid: {
    it: 'Codice avviso non valido: {detail}',
    en: 'Invalid notice number: {detail}',
  },
  avviso_notice_not_found: {
    it: 'Nessun avviso {noticeNumber} tra le posizioni di questo comune.',
    en: 'No notice {noticeNumber} among this comune’s positions.',
  },
  avviso_notice_already_paid: {
    it: 'L’avviso {noticeNumber} risulta già pagato: non si stampa un avviso per un debito estinto.',
    en: 'Notice {noticeNumber} is already paid: no notice is printed for a settled debt.',
  },
  avviso_fine_not_payable: {
    it: 'Per questo verbale non si può ancora stampare l’avviso: {reason}',
    en: 'No notice can be printed for this fine yet: {reason}',
  },
  avviso_ente_not_configured: {
    it: 'Il comune non ha ancora codice fiscale e codice di segregazione pagoPA configurati: gli avvisi non si possono stampare.',
    en: 'The comune has no pagoPA fiscal code and segregation code configured yet: notices cannot be printed.',
  },
  avvisi_too_many: {
    it: 'La selezione comprende {count} avvisi: se ne stampano al massimo {max} per volta. Restringere le date o il tipo.',
    en: 'The selection holds {count} notices: at most {max} are printed at a time. Narrow the dates or the kind.',
  },
  avviso_hub_required: {
    it: 'Per stampare l’avviso serve il collegamento al server del comune: riprovare quando la postazione è in linea.',
    en: 'Printing the notice needs the comune’s server: try again when this counter is online.',
  },
  avvisi_not_found: {
    it: 'Nessun avviso da stampare con questi criteri.',
    en: 'No notice to print with these criteria.',
  },
} as const;
