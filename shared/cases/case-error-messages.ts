import type { Locale } from '../i18n/locale';

/**
 * Error wording of the case engine, merged into shared/errors/error-messages.ts. The rules in
 * shared/cases already word their refusals in both languages: those travel as `detail_it` and
 * `detail_en` parameters, each language's template picking its own, with the rule's stable
 * `reason` beside them for code and tests.
 */
export const CASE_ERROR_MESSAGES = {
  case_refused: {
    it: 'Operazione non consentita sulla pratica: {detail_it}',
    en: 'Operation not allowed on the case: {detail_en}',
  },
  case_intake_invalid: {
    it: 'Dichiarazione non accettata: {detail_it}',
    en: 'Declaration not accepted: {detail_en}',
  },
  case_not_found: {
    it: 'Pratica {id} non trovata.',
    en: 'Case {id} not found.',
  },
  case_assignee_unknown: {
    it: 'Operatore «{assignee}» sconosciuto o disabilitato: la pratica non è stata assegnata.',
    en: 'Clerk “{assignee}” is unknown or disabled: the case was not assigned.',
  },
  case_mover_not_resident: {
    it: '{name} non è un residente attuale di questo comune: va dichiarato come persona che arriva da fuori.',
    en: '{name} is not a current resident of this comune: declare them as a person arriving from elsewhere.',
  },
  case_cf_required: {
    it: 'Per iscrivere {name} in anagrafe serve il codice fiscale (attribuito tramite ANPR prima della dichiarazione).',
    en: 'Registering {name} requires the codice fiscale (assigned through ANPR before the declaration).',
  },
  case_cf_taken: {
    it: 'Il codice fiscale {codiceFiscale} è già di un residente in anagrafe: indicare la persona dalla ricerca.',
    en: 'Codice fiscale {codiceFiscale} already belongs to a resident: pick the person from the search.',
  },
  case_family_not_found: {
    it: 'La famiglia anagrafica {familyId} non esiste in questo comune.',
    en: 'Household {familyId} does not exist in this comune.',
  },
  case_not_residence: {
    it: 'La pratica {id} non è un cambio di residenza.',
    en: 'Case {id} is not a change of residence.',
  },
  case_closed: {
    it: 'La pratica {id} è {status}: non si possono più registrare accessi o esiti di controllo.',
    en: 'Case {id} is {status}: visits and check outcomes can no longer be recorded.',
  },
  case_file_too_large: {
    it: 'Allegato troppo grande ({size} byte): al massimo {max}.',
    en: 'Attachment too large ({size} bytes): at most {max}.',
  },
  case_file_missing: {
    it: 'Il contenuto dell’allegato {sha256} non è ancora arrivato al server centrale.',
    en: 'The content of attachment {sha256} has not reached the hub yet.',
  },
  case_file_mismatch: {
    it: 'Il contenuto ricevuto non corrisponde all’impronta SHA-256 dichiarata ({sha256}).',
    en: 'The content received does not match the declared SHA-256 digest ({sha256}).',
  },
  case_attachment_not_found: {
    it: 'Allegato {id} non trovato.',
    en: 'Attachment {id} not found.',
  },
  case_hub_required: {
    it: 'Serve il collegamento con il server centrale: {what}.',
    en: 'This needs the central hub: {what}.',
  },
  case_baseline_invalid: {
    it: 'Valore di riferimento non valido: {detail}.',
    en: 'Invalid baseline: {detail}.',
  },
  protocol_not_found: {
    it: 'Registrazione di protocollo {number} non trovata.',
    en: 'Protocol registration {number} not found.',
  },
  protocol_already_cancelled: {
    it: 'La registrazione {number} è già stata annullata.',
    en: 'Registration {number} has already been cancelled.',
  },
  protocol_refused: {
    it: 'Operazione sul registro di protocollo non consentita: {detail_it}',
    en: 'Protocol register operation not allowed: {detail_en}',
  },
} as const satisfies Record<string, Record<Locale, string>>;
