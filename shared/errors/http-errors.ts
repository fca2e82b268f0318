import type { Locale } from '../i18n/locale';

/** Error wording: HTTP boundary of the hub: malformed requests, content types, sizes. Merged by errorMessages() (error-messages.ts). */
export const HTTP_ERROR_MESSAGES = {
  /** one mutation of a batch that the hub cannot read: refused alone, the rest of the batch applies */
  mutation_invalid: {
    it: 'Operazione {name} non leggibile dal server centrale ({field}: {detail}): non applicata.',
    en: 'Operation {name} cannot be read by the hub ({field}: {detail}): not applied.',
  },
  /** an unexpected failure while applying one mutation: refused alone, logged at the hub */
  mutation_failed: {
    it: 'Il server centrale non è riuscito ad applicare {name}: non applicata, segnalata ai responsabili.',
    en: 'The hub could not apply {name}: not applied, reported to supervisors.',
  },
  route_not_found: {
    it: 'Indirizzo sconosciuto al server centrale: {path}',
    en: 'Address unknown to the hub: {path}',
  },
  method_not_allowed: {
    it: 'Metodo {method} non consentito per {path}.',
    en: 'Method {method} not allowed for {path}.',
  },
  malformed_json: {
    it: 'Richiesta illeggibile: il contenuto non è JSON valido.',
    en: 'Unreadable request: the body is not valid JSON.',
  },
  unsupported_media_type: {
    it: 'Tipo di contenuto non accettato ({type}): usare application/json.',
    en: 'Content type not accepted ({type}): use application/json.',
  },
  body_too_large: {
    it: 'Richiesta troppo grande: al massimo {limit} byte.',
    en: 'Request too large: at most {limit} bytes.',
  },
} as const satisfies Record<string, Record<Locale, string>>;
