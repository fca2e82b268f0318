import type { Locale } from '../i18n/locale';

/** Error wording: Logins, lockout, password hashing, demo mode. Merged by errorMessages() (error-messages.ts). */
export const LOGIN_ERROR_MESSAGES = {
  username_invalid: {
    it: 'Nome utente non valido: da 3 a 64 caratteri tra lettere minuscole, cifre, punto, trattino e trattino basso.',
    en: 'Invalid username: 3 to 64 characters among lower-case letters, digits, dot, hyphen and underscore.',
  },
  username_taken: {
    it: 'Il nome utente {username} esiste già.',
    en: 'The username {username} already exists.',
  },
  password_too_short: {
    it: 'Password troppo corta: almeno {min} caratteri.',
    en: 'Password too short: at least {min} characters.',
  },
  password_change_required: {
    it: "La password in uso è provvisoria (data dall'amministratore): sceglierne una nuova prima di continuare.",
    en: 'The password in use is a temporary one (given by the administrator): choose a new one before going on.',
  },
  password_unchanged: {
    it: 'La nuova password deve essere diversa da quella in uso.',
    en: 'The new password must differ from the current one.',
  },
  offline_login_locked: {
    it: "Troppi tentativi errati senza collegamento al server centrale: su questa postazione l'accesso fuori linea di questo operatore è disattivato fino al prossimo accesso in linea.",
    en: 'Too many failed attempts while the hub is unreachable: offline login for this user is disabled at this workstation until the next online login.',
  },
  comune_unknown: {
    it: 'Comune {comune} sconosciuto: i comuni del servizio associato sono {known}.',
    en: 'Unknown comune {comune}: the partner comuni are {known}.',
  },
} as const satisfies Record<string, Record<Locale, string>>;
