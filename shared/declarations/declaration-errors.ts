import { interpolate, type Locale } from '../i18n/locale';

/** Why a self-declaration cannot be prepared. `reason` is stable API; `message` is for the screen. */
export type DeclarationProblem =
  | { reason: 'invalid_date'; field: string; value: string }
  | { reason: 'no_facts' }
  | { reason: 'unknown_art46_letter'; letter: string }
  | { reason: 'invalid_article'; value: string }
  | { reason: 'duplicate_fact'; letter: string }
  | { reason: 'fact_text_missing'; fact: string }
  | { reason: 'missing_identification' }
  | { reason: 'unknown_document_type'; code: string }
  | { reason: 'invalid_document_number'; value: string }
  | { reason: 'declarant_deceased'; name: string; statusDate: string }
  | { reason: 'represented_deceased'; name: string; statusDate: string }
  | { reason: 'invalid_capacity'; value: string }
  | { reason: 'appointing_act_missing'; capacity: string }
  | { reason: 'prefill_unavailable'; letter: string; name: string }
  | { reason: 'household_missing'; letter: string }
  | { reason: 'household_mismatch'; detail: string }
  | { reason: 'bollo_not_applicable' };

export type DeclarationProblemReason = DeclarationProblem['reason'];

export type DeclarationError = DeclarationProblem & { message: Record<Locale, string> };

export type DeclarationResult<T> =
  { ok: true; value: T } | { ok: false; errors: readonly DeclarationError[] };

const MESSAGES = {
  invalid_date: {
    it: 'Data non valida in «{field}»: «{value}» (formato AAAA-MM-GG).',
    en: 'Invalid date in “{field}”: “{value}” (format YYYY-MM-DD).',
  },
  no_facts: {
    it: 'Scegliere almeno un fatto da dichiarare.',
    en: 'Choose at least one fact to declare.',
  },
  unknown_art46_letter: {
    it: 'Lettera dell’art. 46 sconosciuta: «{letter}».',
    en: 'Unknown letter of art. 46: “{letter}”.',
  },
  invalid_article: {
    it: 'Articolo non valido: «{value}» (solo 46 o 47).',
    en: 'Invalid article: “{value}” (46 or 47 only).',
  },
  duplicate_fact: {
    it: 'Il fatto della lettera «{letter}» è stato scelto due volte.',
    en: 'The fact of letter “{letter}” was chosen twice.',
  },
  fact_text_missing: {
    it: 'Scrivere il contenuto della dichiarazione per «{fact}».',
    en: 'Write what is declared for “{fact}”.',
  },
  missing_identification: {
    it: 'Indicare il documento con cui il dichiarante è stato identificato, oppure che è allegata copia del documento (art. 38 d.P.R. 445/2000).',
    en: 'Give the document the declarant was identified with, or state that a copy of an ID is attached (DPR 445/2000 art. 38).',
  },
  unknown_document_type: {
    it: 'Tipo di documento non ammesso: «{code}» (art. 35 d.P.R. 445/2000).',
    en: 'Document type not accepted: “{code}” (DPR 445/2000 art. 35).',
  },
  invalid_document_number: {
    it: 'Numero del documento non valido: «{value}» (da 5 a 20 lettere o cifre).',
    en: 'Invalid document number: “{value}” (5 to 20 letters or digits).',
  },
  declarant_deceased: {
    it: '{name} risulta deceduto/a il {statusDate}: non può rendere dichiarazioni.',
    en: '{name} died on {statusDate}: no declaration can be made in their name.',
  },
  represented_deceased: {
    it: '{name} risulta deceduto/a il {statusDate}: non si può dichiarare in sua rappresentanza (i fatti che lo/la riguardano si dichiarano in nome proprio, art. 47).',
    en: '{name} died on {statusDate}: nobody can declare on their behalf (facts about them are declared in one’s own name, art. 47).',
  },
  invalid_capacity: {
    it: 'Qualità del dichiarante non valida: «{value}».',
    en: 'Invalid capacity of the declarant: “{value}”.',
  },
  appointing_act_missing: {
    it: 'Indicare il provvedimento di nomina ({capacity}).',
    en: 'Give the appointing act ({capacity}).',
  },
  prefill_unavailable: {
    it: 'La lettera «{letter}» non può essere precompilata: {name} non è più residente in questo comune. Scrivere il dato dichiarato.',
    en: 'Letter “{letter}” cannot be pre-filled: {name} no longer lives in this comune. Write the declared data.',
  },
  household_missing: {
    it: 'Per la lettera «{letter}» servono i dati della famiglia anagrafica.',
    en: 'Letter “{letter}” needs the household data.',
  },
  household_mismatch: {
    it: 'La famiglia indicata non è quella della persona a cui si riferisce la dichiarazione ({detail}).',
    en: 'The household given is not the one of the person the declaration is about ({detail}).',
  },
  bollo_not_applicable: {
    it: 'Le dichiarazioni sostitutive sono esenti dall’imposta di bollo (art. 37 d.P.R. 445/2000): non indicare alcuna marca.',
    en: 'Self-declarations are exempt from stamp duty (DPR 445/2000 art. 37): give no revenue stamp.',
  },
} as const satisfies Record<DeclarationProblemReason, Record<Locale, string>>;

export function declarationError(problem: DeclarationProblem): DeclarationError {
  const params: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(problem)) {
    if (typeof value === 'string' || typeof value === 'number') params[key] = value;
  }
  const template = MESSAGES[problem.reason];
  return {
    ...problem,
    message: { it: interpolate(template.it, params), en: interpolate(template.en, params) },
  };
}
