import type { Locale } from '../i18n/locale';

/**
 * Why a canone rule refused a request, as data: the pure rules never throw on what a clerk typed.
 * The service turns a problem into an `AppError` with the same code; every code the rules can
 * return is listed in `CANONE_RULE_CODES` so the service declares a message for each (the
 * wording below is offered for that purpose, `{param}` placeholders filled from `params`).
 */
export const CANONE_RULE_CODES = [
  'canone_measure_invalid',
  'canone_period_invalid',
  'canone_category_unknown',
  'canone_zone_unknown',
  'canone_no_tariff',
  'canone_hours_not_allowed',
  'canone_hours_invalid',
] as const;
export type CanoneRuleCode = (typeof CANONE_RULE_CODES)[number];

export interface CanoneProblem {
  code: CanoneRuleCode;
  params: Record<string, string | number>;
}

export type CanoneResult<T> = { ok: true; value: T } | { ok: false; error: CanoneProblem };

export const canoneOk = <T>(value: T): CanoneResult<T> => ({ ok: true, value });

export function canoneFail<T>(
  code: CanoneRuleCode,
  params: Record<string, string | number> = {},
): CanoneResult<T> {
  return { ok: false, error: { code, params } };
}

/**
 * Suggested wording for the service's error table. `reason` params are stable words
 * (`not_positive`, `too_large`, `not_a_number`; `end_before_start`, `no_end`, `too_long`,
 * `bad_date`; `bad_format`, `not_after_start`) for tests and logs; the sentences name the values.
 */
export const CANONE_RULE_MESSAGES = {
  canone_measure_invalid: {
    it: 'Misura non valida ({measure}): deve essere un numero maggiore di zero e non oltre {max}.',
    en: 'Invalid measure ({measure}): it must be a number above zero and at most {max}.',
  },
  canone_period_invalid: {
    it: 'Periodo non valido dal {start} al {end}: la fine non può precedere l’inizio, un’occupazione temporanea ha una data di fine e dura al massimo {maxDays} giorni.',
    en: 'Invalid period from {start} to {end}: the end cannot precede the start, a temporary occupation has an end date and lasts at most {maxDays} days.',
  },
  canone_category_unknown: {
    it: 'Tipo di occupazione sconosciuto per questo comune: «{category}».',
    en: 'Unknown occupation type for this comune: “{category}”.',
  },
  canone_zone_unknown: {
    it: 'Zona tariffaria sconosciuta per questo comune: «{zone}».',
    en: 'Unknown tariff zone for this comune: “{zone}”.',
  },
  canone_no_tariff: {
    it: 'Nessuna tariffa del canone unico in vigore per il comune {comune} al {date}.',
    en: 'No canone unico tariff in force for comune {comune} on {date}.',
  },
  canone_hours_not_allowed: {
    it: 'Il comune {comune} non ammette occupazioni a ore: si paga la tariffa giornaliera intera.',
    en: 'Comune {comune} does not allow hourly occupations: the whole daily tariff is charged.',
  },
  canone_hours_invalid: {
    it: 'Orario non valido ({from}–{to}): indicare ore HH:mm con la fine dopo l’inizio, nello stesso giorno.',
    en: 'Invalid hours ({from}–{to}): give HH:mm times with the end after the start, within one day.',
  },
} as const satisfies Record<CanoneRuleCode, Record<Locale, string>>;

/** How sure we are of a value (DOMAIN.md's marks): verified, known but unchecked, uncertain. */
export type Confidence = 'V' | 'K' | 'U';
