import type { Locale } from '../i18n/locale';

/** Error wording: who acts — hub sessions, authorship of mutations, the role policy. */
export const IDENTITY_ERROR_MESSAGES = {
  action_not_allowed: {
    it: 'Operazione «{action_it}» non consentita al ruolo {role_it}.',
    en: '“{action_en}” is not allowed for the {role_en} role.',
  },
  author_mismatch: {
    it: "Operazione registrata a nome di {clerk} ma inviata con la sessione di {user}: rifiutata. Deve inviarla {clerk}, dopo l'accesso a questa postazione.",
    en: 'Operation recorded in the name of {clerk} but sent with the session of {user}: refused. {clerk} must send it after logging in at this workstation.',
  },
  author_disabled: {
    it: "L'account di {clerk} è disabilitato: le sue operazioni non sono accettate.",
    en: "{clerk}'s account is disabled: their operations are not accepted.",
  },
  clerk_session_required: {
    it: "Invio rifiutato: manca la sessione dell'operatore che ha eseguito le operazioni.",
    en: 'Upload refused: the session of the clerk who made the operations is missing.',
  },
  clerk_session_invalid: {
    it: "Sessione dell'operatore scaduta, chiusa o di un'altra postazione: accedere di nuovo.",
    en: 'Clerk session expired, closed or from another workstation: log in again.',
  },
} as const satisfies Record<string, Record<Locale, string>>;
