import { interpolate, type Locale } from '../i18n/locale';

/**
 * Why a pagoPA code was refused. Parsers and builders return these as data and never throw on
 * what a person typed or a scanner read: the counter screen shows `message[locale]`, tests and
 * code match on `reason` (stable API).
 */

export type PagoPaField =
  'noticeNumber' | 'creditorFiscalCode' | 'segregationCode' | 'base' | 'amount' | 'payload';

export type PagoPaProblem =
  | { reason: 'empty'; field: PagoPaField }
  | { reason: 'invalid_characters'; field: PagoPaField; found: string }
  | { reason: 'wrong_length'; field: PagoPaField; expected: string; length: number }
  | { reason: 'unknown_aux_digit'; field: 'noticeNumber'; found: string }
  | { reason: 'wrong_check_digits'; field: 'noticeNumber'; expected: string; found: string }
  | { reason: 'wrong_check_digit'; field: 'creditorFiscalCode'; expected: string; found: string }
  | { reason: 'segregation_code_not_assignable'; field: 'segregationCode'; found: string }
  | { reason: 'not_pagopa_qr'; field: 'payload' }
  | { reason: 'wrong_field_count'; field: 'payload'; count: number }
  | { reason: 'unsupported_version'; field: 'payload'; found: string }
  | { reason: 'amount_out_of_range'; field: 'amount'; found: string };

export type PagoPaReason = PagoPaProblem['reason'];

export type PagoPaError = PagoPaProblem & { message: Record<Locale, string> };

export type PagoPaResult<T> = { ok: true; value: T } | { ok: false; error: PagoPaError };

const FIELD_NAMES = {
  noticeNumber: { it: 'Il codice avviso', en: 'The notice number' },
  creditorFiscalCode: { it: "Il codice fiscale dell'ente", en: "The creditor body's fiscal code" },
  segregationCode: { it: 'Il codice di segregazione', en: 'The segregation code' },
  base: { it: 'La parte progressiva dello IUV', en: 'The IUV base' },
  amount: { it: "L'importo", en: 'The amount' },
  payload: { it: 'Il QR code', en: 'The QR code' },
} as const satisfies Record<PagoPaField, Record<Locale, string>>;

const MESSAGES = {
  empty: { it: '{field} è vuoto.', en: '{field} is empty.' },
  invalid_characters: {
    it: '{field} contiene «{found}»: sono ammesse solo cifre.',
    en: '{field} contains “{found}”: only digits are allowed.',
  },
  wrong_length: {
    it: '{field} deve avere {expected} cifre: ne ha {length}.',
    en: '{field} must have {expected} digits: it has {length}.',
  },
  unknown_aux_digit: {
    it: '{field} inizia con «{found}»: la prima cifra (aux digit) deve essere 0, 1, 2 o 3.',
    en: '{field} starts with “{found}”: the first digit (aux digit) must be 0, 1, 2 or 3.',
  },
  wrong_check_digits: {
    it: '{field} non è valido: le cifre di controllo sono «{found}», dovrebbero essere «{expected}». Probabile errore di battitura.',
    en: '{field} is not valid: the check digits are “{found}”, they should be “{expected}”. Probably a typing error.',
  },
  wrong_check_digit: {
    it: '{field} non è valido: l’ultima cifra è «{found}», dovrebbe essere «{expected}». Probabile errore di battitura.',
    en: '{field} is not valid: the last digit is “{found}”, it should be “{expected}”. Probably a typing error.',
  },
  segregation_code_not_assignable: {
    it: '{field} «{found}» non può essere usato dall’ente: PagoPA assegna i codici 00–49, esclusi quelli riservati ai servizi centrali.',
    en: '{field} “{found}” cannot be used by the body: PagoPA assigns codes 00–49, except those reserved for central services.',
  },
  not_pagopa_qr: {
    it: '{field} non è un avviso pagoPA (deve iniziare con PAGOPA|).',
    en: '{field} is not a pagoPA notice (it must start with PAGOPA|).',
  },
  wrong_field_count: {
    it: '{field} ha {count} campi separati da «|»: ne servono 5.',
    en: '{field} has {count} fields separated by “|”: 5 are required.',
  },
  unsupported_version: {
    it: '{field} usa la versione «{found}»: è supportata solo la 002.',
    en: '{field} uses version “{found}”: only 002 is supported.',
  },
  amount_out_of_range: {
    it: '{field} «{found}» non è ammesso: da 1 centesimo a 999.999.999,99 euro.',
    en: '{field} “{found}” is not allowed: from 1 cent to 999,999,999.99 euro.',
  },
} as const satisfies Record<PagoPaReason, Record<Locale, string>>;

function messageFor(problem: PagoPaProblem, locale: Locale): string {
  const params: Record<string, string | number> = { ...problem, field: FIELD_NAMES[problem.field][locale] };
  return interpolate(MESSAGES[problem.reason][locale], params);
}

export function pagoPaError(problem: PagoPaProblem): PagoPaError {
  return { ...problem, message: { it: messageFor(problem, 'it'), en: messageFor(problem, 'en') } };
}

export function fail<T>(problem: PagoPaProblem): PagoPaResult<T> {
  return { ok: false, error: pagoPaError(problem) };
}

/** Drops every kind of space (a notice is printed in groups of 4; scanners add line breaks). */
export function stripSpaces(raw: string): string {
  return raw.replace(/[\s\u00a0\u202f]+/g, '');
}

/** The first character that is not a digit, if any. */
export function firstNonDigit(text: string): string | undefined {
  return [...text].find((c) => c < '0' || c > '9');
}
