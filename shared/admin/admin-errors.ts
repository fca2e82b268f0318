import type { Locale } from '../i18n/locale';

/** Refusals of the admin screens and the hub's admin routes (duplicate and short passwords: login-errors.ts). */
export const ADMIN_ERROR_MESSAGES = {
  role_unknown: {
    it: 'Ruolo {role} sconosciuto: i ruoli sono {roles}.',
    en: 'Unknown role {role}: the roles are {roles}.',
  },
  office_unknown: {
    it: 'Ufficio {office} sconosciuto: gli uffici sono {offices}.',
    en: 'Unknown office {office}: the offices are {offices}.',
  },
  password_weak: {
    it: 'Password troppo debole: non deve contenere il nome utente né ripetere pochi caratteri.',
    en: 'Password too weak: it must not contain the username nor repeat a few characters.',
  },
  last_admin: {
    it: "{username} è l'ultimo amministratore attivo del comune: nominare prima un altro amministratore.",
    en: '{username} is the comune’s last active administrator: appoint another administrator first.',
  },
  admin_user_not_found: {
    it: 'Nessun utente {username} in questo comune.',
    en: 'No user {username} in this comune.',
  },
  admin_workstation_not_found: {
    it: 'Nessuna postazione attiva {workstation} in questo comune.',
    en: 'No active workstation {workstation} in this comune.',
  },
  workstation_revoke_self: {
    it: 'Non si può revocare la postazione da cui si lavora: farlo da un’altra postazione.',
    en: 'You cannot revoke the workstation you are working at: do it from another one.',
  },
} as const satisfies Record<string, Record<Locale, string>>;
