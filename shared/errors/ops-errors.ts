import type { Locale } from '../i18n/locale';

/** Error wording: the hub's operations side (rate limits, enrolment lockout, admin endpoints). Merged by errorMessages() (error-messages.ts). */
export const OPS_ERROR_MESSAGES = {
  too_many_requests: {
    it: 'Troppe richieste da questo indirizzo: riprovare tra {seconds} secondi.',
    en: 'Too many requests from this address: try again in {seconds} seconds.',
  },
  /** an address that guessed enrolment codes too often: like a user's lockout, for a workstation */
  enrolment_locked: {
    it: "Registrazione bloccata per troppi codici errati da questa postazione. Riprovare dopo le {until} o rivolgersi all'amministratore.",
    en: 'Enrolment locked after too many wrong codes from this workstation. Try again after {until} or contact the administrator.',
  },
  admin_only: {
    it: 'Riservato agli amministratori del server centrale.',
    en: 'Reserved for the hub administrators.',
  },
} as const satisfies Record<string, Record<Locale, string>>;
