import { interpolate, type Locale } from '../i18n/locale';
import { citizenshipLabel } from '../i18n/registry-labels';
import type { CertificateFact, StoricoFact } from './facts';
import { FACT_DEFINITIONS } from './facts';

/**
 * What the counter can do instead of a refused certificate. Shown with the refusal, never applied
 * on its own: the clerk asks the citizen.
 */
export type RefusalSuggestion =
  /** a storico of the same fact at the given date (DOMAIN.md §1.2: "issued as of the date they left") */
  | { kind: 'storico'; facts: readonly StoricoFact[]; referenceDate: string | null }
  /** death is certified by the ufficiale di stato civile (certificato/estratto di morte) */
  | { kind: 'death_certificate' }
  /** the person lives in another comune now: that comune (or ANPR online) certifies the current state */
  | { kind: 'comune_of_residence' };

/**
 * Why a certificate (or a piece of it: fees, identifier, URL) cannot be produced. `reason` is
 * stable API; `message` is for the screen. Three families (see `CERTIFICATE_PROBLEM_KIND`):
 * refusals the law implies, requests that are malformed, and tables that are missing a row.
 */
export type CertificateProblem =
  // --- malformed request ---
  | { reason: 'invalid_date'; field: string; value: string }
  | { reason: 'no_facts' }
  | { reason: 'unknown_fact'; fact: string }
  | { reason: 'duplicate_fact'; fact: CertificateFact }
  | { reason: 'redundant_facts'; fact: CertificateFact; other: CertificateFact }
  | { reason: 'invalid_destination'; value: string }
  | { reason: 'invalid_signature'; value: string }
  | { reason: 'household_missing'; fact: CertificateFact }
  | { reason: 'household_mismatch'; detail: string }
  | { reason: 'holder_of_other_comune'; holderComune: string; comune: string }
  | { reason: 'invalid_certificate_id'; value: string; detail: string }
  | { reason: 'certificate_id_mismatch'; id: string; detail: string }
  | { reason: 'invalid_series_code'; value: string }
  | { reason: 'series_exhausted'; series: string; year: number }
  | { reason: 'invalid_hub_base'; value: string }
  | { reason: 'invalid_verification_url'; value: string }
  | { reason: 'bollo_choice_missing' }
  | { reason: 'marca_missing' }
  | { reason: 'invalid_marca_id'; value: string }
  | { reason: 'marca_dated_after_certificate'; marcaDate: string; date: string }
  | { reason: 'unknown_exemption_ground'; code: string }
  | { reason: 'exemption_ground_not_in_force'; code: string; date: string }
  | { reason: 'exemption_evidence_missing'; code: string }
  | { reason: 'storico_motivation_missing' }
  | { reason: 'storico_reference_date_missing' }
  | { reason: 'storico_reference_date_in_future'; referenceDate: string; requestDate: string }
  | { reason: 'storico_not_available'; fact: CertificateFact }
  | { reason: 'storico_history_missing' }
  // --- refusals the law implies ---
  | { reason: 'record_not_certifiable'; name: string }
  | { reason: 'member_not_certifiable'; fact: CertificateFact; name: string }
  | { reason: 'not_italian_citizen'; name: string; citizenship: string }
  | {
      reason: 'holder_deceased';
      fact: CertificateFact;
      name: string;
      statusDate: string;
      suggestion: RefusalSuggestion;
    }
  | {
      reason: 'no_longer_resident';
      fact: CertificateFact;
      name: string;
      status: 'deceased' | 'emigrated';
      statusDate: string;
      suggestion: RefusalSuggestion | null;
    }
  | { reason: 'not_free_status'; name: string; civilStatus: string }
  | { reason: 'storico_after_cancellation'; referenceDate: string; statusDate: string }
  | { reason: 'no_residence_on_date'; referenceDate: string }
  | { reason: 'inconsistent_history'; referenceDate: string; detail: string }
  // --- configuration (a dated table has no row) ---
  | { reason: 'no_bollo_rate_on_date'; date: string }
  | { reason: 'no_diritti_setting'; comune: string; date: string }
  | { reason: 'ambiguous_table'; table: string; key: string; date: string };

export type CertificateProblemReason = CertificateProblem['reason'];
export type CertificateProblemKind = 'invalid_request' | 'refusal' | 'configuration';

export type CertificateError = CertificateProblem & {
  kind: CertificateProblemKind;
  message: Record<Locale, string>;
};

export type CertificateResult<T> =
  { ok: true; value: T } | { ok: false; errors: readonly CertificateError[] };

export const CERTIFICATE_PROBLEM_KIND = {
  invalid_date: 'invalid_request',
  no_facts: 'invalid_request',
  unknown_fact: 'invalid_request',
  duplicate_fact: 'invalid_request',
  redundant_facts: 'invalid_request',
  invalid_destination: 'invalid_request',
  invalid_signature: 'invalid_request',
  household_missing: 'invalid_request',
  household_mismatch: 'invalid_request',
  holder_of_other_comune: 'invalid_request',
  invalid_certificate_id: 'invalid_request',
  certificate_id_mismatch: 'invalid_request',
  invalid_series_code: 'invalid_request',
  series_exhausted: 'invalid_request',
  invalid_hub_base: 'invalid_request',
  invalid_verification_url: 'invalid_request',
  bollo_choice_missing: 'invalid_request',
  marca_missing: 'invalid_request',
  invalid_marca_id: 'invalid_request',
  marca_dated_after_certificate: 'invalid_request',
  unknown_exemption_ground: 'invalid_request',
  exemption_ground_not_in_force: 'invalid_request',
  exemption_evidence_missing: 'invalid_request',
  storico_motivation_missing: 'refusal',
  storico_reference_date_missing: 'refusal',
  storico_reference_date_in_future: 'invalid_request',
  storico_not_available: 'refusal',
  storico_history_missing: 'invalid_request',
  record_not_certifiable: 'refusal',
  member_not_certifiable: 'refusal',
  not_italian_citizen: 'refusal',
  holder_deceased: 'refusal',
  no_longer_resident: 'refusal',
  not_free_status: 'refusal',
  storico_after_cancellation: 'refusal',
  no_residence_on_date: 'refusal',
  inconsistent_history: 'configuration',
  no_bollo_rate_on_date: 'configuration',
  no_diritti_setting: 'configuration',
  ambiguous_table: 'configuration',
} as const satisfies Record<CertificateProblemReason, CertificateProblemKind>;

const MESSAGES = {
  invalid_date: {
    it: 'Data non valida in «{field}»: «{value}» (formato AAAA-MM-GG).',
    en: 'Invalid date in “{field}”: “{value}” (format YYYY-MM-DD).',
  },
  no_facts: {
    it: 'Scegliere almeno un dato da certificare.',
    en: 'Choose at least one fact to certify.',
  },
  unknown_fact: {
    it: 'Dato non certificabile da questo ufficio: «{fact}».',
    en: 'Not a fact this office certifies: “{fact}”.',
  },
  duplicate_fact: {
    it: 'Il dato «{factLabel}» è stato scelto due volte.',
    en: 'The fact “{factLabelEn}” was chosen twice.',
  },
  redundant_facts: {
    it: '«{factLabel}» e «{otherLabel}» sono lo stesso dato: sceglierne uno.',
    en: '“{factLabelEn}” and “{otherLabelEn}” are the same fact: choose one.',
  },
  invalid_destination: {
    it: 'Destinazione non valida («{value}»): il certificato è rilasciato solo per uso tra privati in Italia o per l’estero. Con la pubblica amministrazione e i gestori di pubblici servizi si usa l’autocertificazione (art. 40 d.P.R. 445/2000).',
    en: 'Invalid destination (“{value}”): a certificate is issued only for use between private parties in Italy or abroad. Public administrations and public-service operators take a self-declaration instead (DPR 445/2000 art. 40).',
  },
  invalid_signature: {
    it: 'Modalità di firma non valida: «{value}».',
    en: 'Invalid signature mode: “{value}”.',
  },
  household_missing: {
    it: 'Per certificare «{factLabel}» servono i dati della famiglia anagrafica.',
    en: 'Certifying “{factLabelEn}” needs the household data.',
  },
  household_mismatch: {
    it: 'La famiglia indicata non è quella dell’intestatario del certificato ({detail}).',
    en: 'The household given is not the holder’s ({detail}).',
  },
  holder_of_other_comune: {
    it: 'La scheda appartiene al comune {holderComune}, non al comune che rilascia ({comune}).',
    en: 'The record belongs to comune {holderComune}, not to the issuing comune ({comune}).',
  },
  invalid_certificate_id: {
    it: 'Identificativo del certificato non valido: «{value}» ({detail}).',
    en: 'Invalid certificate identifier: “{value}” ({detail}).',
  },
  certificate_id_mismatch: {
    it: 'L’identificativo «{id}» non corrisponde al certificato: {detail}.',
    en: 'The identifier “{id}” does not match the certificate: {detail}.',
  },
  invalid_series_code: {
    it: 'Codice di serie della postazione non valido: «{value}» (da 1 a 8 lettere maiuscole o cifre).',
    en: 'Invalid workstation series code: “{value}” (1 to 8 capital letters or digits).',
  },
  series_exhausted: {
    it: 'La serie {series} ha esaurito i numeri per il {year}: assegnare una nuova serie alla postazione.',
    en: 'Series {series} has run out of numbers for {year}: give the workstation a new series.',
  },
  invalid_hub_base: {
    it: 'Indirizzo del servizio di verifica non valido: «{value}» (https://host[/percorso], senza parametri).',
    en: 'Invalid verification service address: “{value}” (https://host[/path], no query).',
  },
  invalid_verification_url: {
    it: 'Indirizzo di verifica non valido: «{value}».',
    en: 'Invalid verification address: “{value}”.',
  },
  bollo_choice_missing: {
    it: 'Indicare la marca da bollo oppure il motivo di esenzione dichiarato dal richiedente.',
    en: 'Give the revenue stamp (marca da bollo) or the exemption ground the applicant declared.',
  },
  marca_missing: {
    it: 'Il certificato è soggetto a imposta di bollo: indicare l’identificativo della marca (14 cifre).',
    en: 'The certificate owes stamp duty: give the revenue stamp identifier (14 digits).',
  },
  invalid_marca_id: {
    it: 'Identificativo della marca da bollo non valido: «{value}» (servono 14 cifre).',
    en: 'Invalid revenue stamp identifier: “{value}” (14 digits needed).',
  },
  marca_dated_after_certificate: {
    it: 'La marca da bollo ({marcaDate}) è successiva alla data del certificato ({date}): non è utilizzabile.',
    en: 'The revenue stamp ({marcaDate}) is dated after the certificate ({date}): it cannot be used.',
  },
  unknown_exemption_ground: {
    it: 'Motivo di esenzione dal bollo sconosciuto: «{code}».',
    en: 'Unknown stamp-duty exemption ground: “{code}”.',
  },
  exemption_ground_not_in_force: {
    it: 'Il motivo di esenzione «{code}» non è in vigore al {date}.',
    en: 'The exemption ground “{code}” is not in force on {date}.',
  },
  exemption_evidence_missing: {
    it: 'L’esenzione «{code}» richiede la prova dell’uso dichiarato (es. estremi del ricorso depositato): indicarla.',
    en: 'The exemption “{code}” needs evidence of the declared use (e.g. the filed case reference): record it.',
  },
  storico_motivation_missing: {
    it: 'Il certificato storico si rilascia solo su richiesta motivata: indicare la motivazione.',
    en: 'A historical certificate is issued only on a motivated request: record the motivation.',
  },
  storico_reference_date_missing: {
    it: 'Il certificato storico richiede la data di riferimento.',
    en: 'A historical certificate needs a reference date.',
  },
  storico_reference_date_in_future: {
    it: 'La data di riferimento ({referenceDate}) è successiva alla data della richiesta ({requestDate}).',
    en: 'The reference date ({referenceDate}) is after the request date ({requestDate}).',
  },
  storico_not_available: {
    it: '«{factLabel}» non si rilascia in forma storica (solo residenza e stato di famiglia).',
    en: '“{factLabelEn}” is not issued as a historical certificate (only residence and household).',
  },
  storico_history_missing: {
    it: 'Per il certificato storico servono i dati storici della scheda (residenze e composizione familiare).',
    en: 'A historical certificate needs the record’s history (residences and household composition).',
  },
  record_not_certifiable: {
    it: 'La scheda di {name} è segnata come non certificabile: nessun certificato può essere rilasciato finché il segno non è rimosso.',
    en: 'The record of {name} is marked not certifiable: no certificate can be issued until the mark is removed.',
  },
  member_not_certifiable: {
    it: 'La scheda di {name}, componente della famiglia, è segnata come non certificabile: «{factLabel}» non può essere rilasciato.',
    en: 'The record of {name}, a household member, is marked not certifiable: “{factLabelEn}” cannot be issued.',
  },
  not_italian_citizen: {
    it: 'Il certificato di cittadinanza italiana non può essere rilasciato: {name} non è cittadino/a italiano/a (cittadinanza: {citizenshipIt}).',
    en: 'No Italian citizenship certificate can be issued: {name} is not an Italian citizen (citizenship: {citizenshipEn}).',
  },
  holder_deceased: {
    it: '{name} risulta deceduto/a il {statusDate}: «{factLabel}» non può essere certificato.',
    en: '{name} died on {statusDate}: “{factLabelEn}” cannot be certified.',
  },
  no_longer_resident: {
    it: '{name} non è più residente ({statusIt} il {statusDate}): «{factLabel}» alla data odierna non può essere certificato.',
    en: '{name} is no longer resident ({statusEn} on {statusDate}): current “{factLabelEn}” cannot be certified.',
  },
  not_free_status: {
    it: 'Il certificato di stato libero non può essere rilasciato: {name} risulta {civilStatusIt}.',
    en: 'No stato libero certificate can be issued: {name} is recorded as {civilStatusEn}.',
  },
  storico_after_cancellation: {
    it: 'La data di riferimento ({referenceDate}) è successiva alla cancellazione della scheda ({statusDate}).',
    en: 'The reference date ({referenceDate}) is after the record was cancelled ({statusDate}).',
  },
  no_residence_on_date: {
    it: 'Alla data del {referenceDate} la persona non risultava residente in questo comune.',
    en: 'On {referenceDate} the person was not resident in this comune.',
  },
  inconsistent_history: {
    it: 'I dati storici della scheda sono incoerenti alla data del {referenceDate} ({detail}): verificare la scheda.',
    en: 'The record’s history is inconsistent on {referenceDate} ({detail}): check the record.',
  },
  no_bollo_rate_on_date: {
    it: 'Nessuna misura dell’imposta di bollo in tabella al {date}.',
    en: 'No stamp-duty amount in the table on {date}.',
  },
  no_diritti_setting: {
    it: 'Diritti di segreteria non configurati per il comune {comune} al {date}.',
    en: 'Secretarial fees not configured for comune {comune} on {date}.',
  },
  ambiguous_table: {
    it: 'La tabella «{table}» ha più righe valide per «{key}» al {date}: correggere la tabella.',
    en: 'The “{table}” table has several rows for “{key}” on {date}: fix the table.',
  },
} as const satisfies Record<CertificateProblemReason, Record<Locale, string>>;

const STATUS_WORDS = {
  deceased: { it: 'deceduto/a', en: 'died' },
  emigrated: { it: 'emigrato/a', en: 'moved away' },
} as const;

const CIVIL_STATUS_WORDS: Record<string, Record<Locale, string>> = {
  coniugato: { it: 'coniugato/a', en: 'married' },
  unito_civilmente: { it: 'unito/a civilmente', en: 'in a civil union' },
};

const SUGGESTIONS = {
  storico: {
    it: ' Si può rilasciare il certificato storico di {facts} alla data del {referenceDate}, su richiesta motivata.',
    en: ' A historical {factsEn} certificate as of {referenceDate} can be issued on a motivated request.',
  },
  storico_no_date: {
    it: ' Si può rilasciare il certificato storico di {facts}, su richiesta motivata con data di riferimento.',
    en: ' A historical {factsEn} certificate can be issued on a motivated request with a reference date.',
  },
  death_certificate: {
    it: ' Il decesso si attesta con il certificato di morte dell’ufficiale di stato civile.',
    en: ' Death is attested by the death certificate of the civil-status office.',
  },
  comune_of_residence: {
    it: ' La situazione attuale è certificata dal comune di nuova residenza (o online tramite ANPR).',
    en: ' The current situation is certified by the comune of the new residence (or online through ANPR).',
  },
} as const;

function suggestionText(s: RefusalSuggestion, locale: Locale): string {
  if (s.kind === 'storico') {
    const facts = s.facts.map((f) => FACT_DEFINITIONS[f].label.it).join(' e ');
    const factsEn = s.facts.map((f) => FACT_DEFINITIONS[f].label.en).join(' and ');
    const template = s.referenceDate === null ? SUGGESTIONS.storico_no_date : SUGGESTIONS.storico;
    return interpolate(template[locale], { facts, factsEn, referenceDate: s.referenceDate ?? '' });
  }
  return SUGGESTIONS[s.kind][locale];
}

/** The scalar params of a problem, plus the derived labels the templates use. */
function paramsOf(problem: CertificateProblem): Record<string, string | number> {
  const params: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(problem)) {
    if (typeof value === 'string' || typeof value === 'number') params[key] = value;
  }
  if ('fact' in problem && FACT_DEFINITIONS[problem.fact as CertificateFact]) {
    const def = FACT_DEFINITIONS[problem.fact as CertificateFact];
    params.factLabel = def.label.it;
    params.factLabelEn = def.label.en;
  }
  if ('other' in problem) {
    params.otherLabel = FACT_DEFINITIONS[problem.other].label.it;
    params.otherLabelEn = FACT_DEFINITIONS[problem.other].label.en;
  }
  if (problem.reason === 'no_longer_resident') {
    params.statusIt = STATUS_WORDS[problem.status].it;
    params.statusEn = STATUS_WORDS[problem.status].en;
  }
  if (problem.reason === 'not_italian_citizen') {
    params.citizenshipIt = citizenshipLabel(problem.citizenship, 'it');
    params.citizenshipEn = citizenshipLabel(problem.citizenship, 'en');
  }
  if (problem.reason === 'not_free_status') {
    const words = CIVIL_STATUS_WORDS[problem.civilStatus];
    params.civilStatusIt = words?.it ?? problem.civilStatus;
    params.civilStatusEn = words?.en ?? problem.civilStatus;
  }
  return params;
}

/** The problem with its kind and its message in both languages. */
export function certificateError(problem: CertificateProblem): CertificateError {
  const params = paramsOf(problem);
  const template = MESSAGES[problem.reason];
  const suggestion = 'suggestion' in problem ? problem.suggestion : null;
  const message = {
    it: interpolate(template.it, params) + (suggestion ? suggestionText(suggestion, 'it') : ''),
    en: interpolate(template.en, params) + (suggestion ? suggestionText(suggestion, 'en') : ''),
  };
  return { ...problem, kind: CERTIFICATE_PROBLEM_KIND[problem.reason], message };
}

export function certificateFail<T>(...problems: CertificateProblem[]): CertificateResult<T> {
  return { ok: false, errors: problems.map(certificateError) };
}

export function certificateOk<T>(value: T): CertificateResult<T> {
  return { ok: true, value };
}
