import type { Locale } from '../i18n/locale';

/**
 * Why an ISEE or tariff rule refused something, as data: the pure rules never throw on what a
 * clerk typed or loaded. The services turn a problem into an `AppError` with the same code;
 * every code is listed in `ISEE_RULE_CODES` so each service declares a message for it (the
 * wording below is offered for that, `{param}` placeholders filled from `params`). Band numbers
 * in params are 1-based ("fascia 2"), as the office reads the table.
 */
export const ISEE_RULE_CODES = [
  'isee_value_invalid',
  'isee_protocol_invalid',
  'isee_type_unknown',
  'isee_dates_invalid',
  'tariff_band_overlap',
  'tariff_band_gap',
  'tariff_band_reversed',
  'tariff_price_invalid',
  'tariff_no_band',
  'tariff_operators_invalid',
  'tariff_sibling_rank_invalid',
  'tariff_csv_invalid',
  'tariff_no_table',
] as const;
export type IseeRuleCode = (typeof ISEE_RULE_CODES)[number];

export type ProblemParams = Record<string, string | number>;

export interface IseeProblem {
  code: IseeRuleCode;
  params: ProblemParams;
}

export type Fail = { ok: false; error: IseeProblem };

export function iseeFail(code: IseeRuleCode, params: ProblemParams = {}): Fail {
  return { ok: false, error: { code, params } };
}

/**
 * Suggested wording. `reason` params are stable words for tests and logs: isee_value_invalid:
 * `empty`, `not_a_number`, `negative`, `too_many_decimals`, `too_large`; tariff_price_invalid:
 * `negative`, `not_cents`, `linear_open_band`; tariff_band_gap: `start`, `between`, `above`;
 * tariff_csv_invalid: `unknown_row`, `missing_field`, `bad_amount`, `bad_date`, `bad_period`,
 * `bad_unit`, `bad_price`, `bad_confidence`, `bad_rank`, `bad_value`, `duplicate`, `no_bands` (with `detailIt`/`detailEn`: the reason in words).
 */
export const ISEE_RULE_MESSAGES = {
  isee_value_invalid: {
    it: 'Valore ISEE non valido ({value}): indicare un importo in euro non negativo, con al massimo due decimali e non oltre 10.000.000,00.',
    en: 'Invalid ISEE value ({value}): give a non-negative euro amount with at most two decimals and at most 10,000,000.00.',
  },
  isee_protocol_invalid: {
    it: 'Protocollo DSU non valido ({protocol}): atteso un codice come INPS-ISEE-2026-XXXXXXXXX-XX.',
    en: 'Invalid DSU protocol ({protocol}): expected a code like INPS-ISEE-2026-XXXXXXXXX-XX.',
  },
  isee_type_unknown: {
    it: 'Tipo di ISEE sconosciuto: «{type}» (ordinario, sociosanitario, corrente, minorenni).',
    en: 'Unknown ISEE type: “{type}” (ordinario, sociosanitario, corrente, minorenni).',
  },
  isee_dates_invalid: {
    it: 'Date dell’attestazione ISEE non valide: rilasciata il {issuedOn}, scade il {expiresOn}; la scadenza non può precedere il rilascio.',
    en: 'Invalid ISEE statement dates: issued on {issuedOn}, expires on {expiresOn}; it cannot expire before it was issued.',
  },
  tariff_band_overlap: {
    it: 'Tabella tariffe {table}: la fascia {band} si sovrappone alla fascia {other}.',
    en: 'Tariff table {table}: band {band} overlaps band {other}.',
  },
  tariff_band_gap: {
    it: 'Tabella tariffe {table}: manca una fascia prima della fascia {band} (valori ISEE da {fromEuro} non coperti).',
    en: 'Tariff table {table}: a band is missing before band {band} (ISEE values from {fromEuro} not covered).',
  },
  tariff_band_reversed: {
    it: 'Tabella tariffe {table}: nella fascia {band} il limite inferiore supera quello superiore.',
    en: 'Tariff table {table}: in band {band} the lower bound is above the upper bound.',
  },
  tariff_price_invalid: {
    it: 'Tabella tariffe {table}: prezzo non valido nella fascia {band}.',
    en: 'Tariff table {table}: invalid price in band {band}.',
  },
  tariff_no_band: {
    it: 'Nessuna fascia della tabella {table} comprende l’ISEE di {iseeEuro}.',
    en: 'No band of table {table} covers an ISEE of {iseeEuro}.',
  },
  tariff_operators_invalid: {
    it: 'Numero di operatori non valido ({operators}): almeno 1.',
    en: 'Invalid number of operators ({operators}): at least 1.',
  },
  tariff_sibling_rank_invalid: {
    it: 'Posizione tra i fratelli non valida ({rank}): 1 per il primo figlio, 2 per il secondo…',
    en: 'Invalid sibling rank ({rank}): 1 for the first child, 2 for the second…',
  },
  tariff_csv_invalid: {
    it: 'Tabella tariffe rifiutata, riga {line}: {detailIt}.',
    en: 'Tariff table refused, line {line}: {detailEn}.',
  },
  tariff_no_table: {
    it: 'Nessuna tabella tariffe per il servizio {service} del comune {comune} in vigore al {date}.',
    en: 'No tariff table for service {service} of comune {comune} in force on {date}.',
  },
} as const satisfies Record<IseeRuleCode, Record<Locale, string>>;

/** How sure we are of a value (DOMAIN.md's marks): verified, known but unchecked, uncertain. */
export type Confidence = 'V' | 'K' | 'U';
