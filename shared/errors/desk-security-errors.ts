import type { Locale } from '../i18n/locale';

/**
 * Error wording: the workstation's managed configuration, its connection to the hub and its
 * encrypted local archive. Merged by errorMessages() (error-messages.ts). Read by IT as much as by
 * clerks: each says what to fix and where.
 */
export const DESK_SECURITY_ERROR_MESSAGES = {
  managed_config_invalid: {
    it: 'Configurazione gestita {file} non valida: {problem}. Correggere il file (Servizi Informatici) e riavviare Sportello.',
    en: 'Managed configuration {file} is not valid: {problem}. Fix the file (IT) and restart Sportello.',
  },
  managed_setting_locked: {
    it: "L'impostazione «{setting}» è fissata dai Servizi Informatici (configurazione gestita) e non si può cambiare da questa postazione.",
    en: 'The setting "{setting}" is fixed by IT (managed configuration) and cannot be changed on this workstation.',
  },
  managed_enrolment_mismatch: {
    it: 'Il codice di registrazione appartiene a {actual}, ma la configurazione gestita prevede {expected}: la postazione non è stata registrata. Chiedere un nuovo codice ai Servizi Informatici.',
    en: 'The enrolment code belongs to {actual}, but the managed configuration expects {expected}: the workstation was not enrolled. Ask IT for a new code.',
  },
  insecure_hub_url: {
    it: 'Indirizzo della centrale {url} rifiutato: la connessione deve essere cifrata (https://). http:// è ammesso solo verso questa stessa macchina.',
    en: 'Hub address {url} refused: the connection must be encrypted (https://). http:// is allowed only to this same machine.',
  },
  hub_certificate_untrusted: {
    it: 'Il certificato della centrale ({host}) non è attendibile: {detail}. Rivolgersi ai Servizi Informatici.',
    en: 'The hub certificate ({host}) is not trusted: {detail}. Contact IT.',
  },
  ca_certificate_unreadable: {
    it: 'Certificato CA {file} indicato dalla configurazione gestita non leggibile: {detail}.',
    en: 'CA certificate {file} named by the managed configuration cannot be read: {detail}.',
  },
  mirror_key_wrong: {
    it: "L'archivio locale {file} non si apre con la chiave di questa postazione: chiave errata o archivio danneggiato. Nulla è stato modificato; rivolgersi ai Servizi Informatici.",
    en: 'The local archive {file} does not open with this workstation key: wrong key or damaged archive. Nothing was changed; contact IT.',
  },
  mirror_key_missing: {
    it: "L'archivio locale {file} è cifrato ma la chiave di questa postazione manca: registrare di nuovo la postazione.",
    en: 'The local archive {file} is encrypted but this workstation key is missing: enrol the workstation again.',
  },
} as const satisfies Record<string, Record<Locale, string>>;
