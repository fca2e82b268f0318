import { interpolate, type Locale } from '../i18n/locale';

/** Why an amount could not be computed. `reason` is stable API; `message` is for the screen. */
export type FineProblem =
  | { reason: 'invalid_date'; field: string; value: string }
  | { reason: 'unknown_violation'; violationId: string }
  | { reason: 'no_tariff_on_date'; violationId: string; date: string }
  | { reason: 'ambiguous_tariff'; violationId: string; date: string }
  | { reason: 'no_rules_on_date'; date: string }
  | { reason: 'reduced_payment_not_allowed'; violationId: string }
  | { reason: 'notified_before_violation'; notifiedOn: string; violationDate: string }
  | { reason: 'collected_before_deposit'; collectedOn: string; depositedOn: string }
  | { reason: 'date_before_violation'; date: string; violationDate: string }
  | { reason: 'invalid_cost'; kind: string };

export type FineError = FineProblem & { message: Record<Locale, string> };

export type FineResult<T> = { ok: true; value: T } | { ok: false; error: FineError };

const MESSAGES = {
  invalid_date: {
    it: 'Data non valida in «{field}»: «{value}» (formato AAAA-MM-GG).',
    en: 'Invalid date in “{field}”: “{value}” (format YYYY-MM-DD).',
  },
  unknown_violation: {
    it: 'Violazione sconosciuta nel tariffario: «{violationId}».',
    en: 'Violation not in the tariff table: “{violationId}”.',
  },
  no_tariff_on_date: {
    it: 'Nessuna tariffa per «{violationId}» alla data della violazione ({date}).',
    en: 'No tariff for “{violationId}” on the violation date ({date}).',
  },
  ambiguous_tariff: {
    it: 'Il tariffario ha più righe valide per «{violationId}» al {date}: correggere la tabella.',
    en: 'The tariff table has several rows for “{violationId}” on {date}: fix the table.',
  },
  no_rules_on_date: {
    it: 'Nessuna regola di calcolo in vigore al {date}.',
    en: 'No calculation rules in force on {date}.',
  },
  reduced_payment_not_allowed: {
    it: 'Per questa violazione il pagamento in misura ridotta non è ammesso (art. 202 CdS): il verbale va al Prefetto.',
    en: 'No reduced payment is allowed for this violation (art. 202 CdS): the report goes to the Prefetto.',
  },
  notified_before_violation: {
    it: 'La notifica ({notifiedOn}) precede la violazione ({violationDate}).',
    en: 'The notification ({notifiedOn}) precedes the violation ({violationDate}).',
  },
  collected_before_deposit: {
    it: 'Il ritiro ({collectedOn}) precede il deposito all’ufficio postale ({depositedOn}).',
    en: 'The collection ({collectedOn}) precedes the deposit at the post office ({depositedOn}).',
  },
  date_before_violation: {
    it: 'La data del pagamento ({date}) precede la violazione ({violationDate}).',
    en: 'The payment date ({date}) precedes the violation ({violationDate}).',
  },
  invalid_cost: {
    it: 'Spesa «{kind}» non valida: deve essere un numero intero di centesimi, non negativo.',
    en: 'Invalid “{kind}” cost: it must be a non-negative whole number of cents.',
  },
} as const satisfies Record<FineProblem['reason'], Record<Locale, string>>;

/** The problem with its message in every locale. */
export function fineError(problem: FineProblem): FineError {
  const params: Record<string, string | number> = { ...problem };
  const template = MESSAGES[problem.reason];
  return {
    ...problem,
    message: { it: interpolate(template.it, params), en: interpolate(template.en, params) },
  };
}

export function fineFail<T>(problem: FineProblem): FineResult<T> {
  return { ok: false, error: fineError(problem) };
}
