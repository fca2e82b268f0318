import type { Locale } from '../i18n/locale';

/** Error wording: Keyed audit trail at the hub and the desk. Merged by errorMessages() (error-messages.ts). */
export const AUDIT_ERROR_MESSAGES = {
  audit_chain_conflict: {
    it: 'Il registro degli accessi di questa postazione non prosegue quello già ricevuto dal server (riga {seq}): avvisare il responsabile.',
    en: "This workstation's access log does not continue the one the server already holds (row {seq}): tell your supervisor.",
  },
} as const satisfies Record<string, Record<Locale, string>>;
