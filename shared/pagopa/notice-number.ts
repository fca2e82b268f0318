import { iuvCheckDigits } from './check-digits';
import { fail, firstNonDigit, stripSpaces, type PagoPaResult } from './pagopa-errors';

/**
 * Numero avviso / codice avviso: 18 digits (DOMAIN.md §6.1, pagoPA SACI "Generazione
 * dell'identificativo univoco di versamento").
 *
 * | aux | layout                                  | IUV                          |
 * |-----|-----------------------------------------|------------------------------|
 * | 0   | 0 + application code 2 + base 13 + cc 2 | last 15 (base + check)       |
 * | 1   | 1 + base 17                             | last 17, no check digits     |
 * | 2   | 2 + base 15 + cc 2                      | last 17                      |
 * | 3   | 3 + segregation code 2 + base 13 + cc 2 | last 17 (segregation + ...)  |
 *
 * The IUV, not the notice number, identifies the payment in receipts and reporting, together
 * with the CF of the body (DOMAIN.md §14 fact 1). Aux 0, 1 and 2 are deprecated; aux 3 is the
 * current scheme and the only one this module generates.
 */

export const NOTICE_NUMBER_LENGTH = 18;

export type AuxDigit = 0 | 1 | 2 | 3;

/**
 * Segregation codes PagoPA reserves for central services (DOMAIN.md §6.1). A notice with one of
 * them is valid but was not issued by the comune's own systems.
 */
export const RESERVED_SEGREGATION_CODES: Readonly<Record<string, string>> = {
  '99': 'Ministero dell’Interno, emissione CIE online',
  '98': 'Ministero dell’Interno, certificati ANPR',
  '97': 'Unioncamere, SUAP',
  '96': 'ACI, tassa automobilistica',
  '85': 'PagoPA S.p.A., sussidiarietà TARI/TEFA',
  '81': 'PagoPA S.p.A.',
  '47': 'PagoPA S.p.A., Canone Unico',
};

/** PagoPA assigns segregation codes 00-49 to intermediaries (some spec versions say 00-45). */
export const MAX_ASSIGNABLE_SEGREGATION_CODE = 49;

export interface NoticeNumber {
  /** the 18 digits, without spaces */
  noticeNumber: string;
  auxDigit: AuxDigit;
  /** aux 3 only */
  segregationCode: string | null;
  /** aux 0 only; not part of the IUV */
  applicationCode: string | null;
  /** Identificativo Univoco di Versamento: 15 digits (aux 0) or 17 */
  iuv: string;
  /** the progressive part: 13 digits (aux 0, 3), 15 (aux 2), 17 (aux 1) */
  base: string;
  /** null for aux 1, which has none */
  checkDigits: string | null;
  /** aux 0, 1 and 2 are deprecated in favour of 3 */
  deprecated: boolean;
  /** the central service owning a reserved segregation code (aux 3), else null */
  centralService: string | null;
}

function splitNotice(digits: string): NoticeNumber {
  const aux = Number(digits.charAt(0)) as AuxDigit;
  const common = { noticeNumber: digits, auxDigit: aux, deprecated: aux !== 3 };
  switch (aux) {
    case 0:
      return {
        ...common,
        segregationCode: null,
        applicationCode: digits.slice(1, 3),
        iuv: digits.slice(3),
        base: digits.slice(3, 16),
        checkDigits: digits.slice(16),
        centralService: null,
      };
    case 1:
      return {
        ...common,
        segregationCode: null,
        applicationCode: null,
        iuv: digits.slice(1),
        base: digits.slice(1),
        checkDigits: null,
        centralService: null,
      };
    case 2:
      return {
        ...common,
        segregationCode: null,
        applicationCode: null,
        iuv: digits.slice(1),
        base: digits.slice(1, 16),
        checkDigits: digits.slice(16),
        centralService: null,
      };
    case 3: {
      const segregationCode = digits.slice(1, 3);
      return {
        ...common,
        segregationCode,
        applicationCode: null,
        iuv: digits.slice(1),
        base: digits.slice(3, 16),
        checkDigits: digits.slice(16),
        centralService: RESERVED_SEGREGATION_CODES[segregationCode] ?? null,
      };
    }
  }
}

/**
 * Reads a notice number as printed or typed ("3010 0000 0000 0001 44" is fine), checks its
 * structure and check digits, and splits it. Never throws.
 */
export function parseNoticeNumber(raw: string): PagoPaResult<NoticeNumber> {
  const digits = stripSpaces(raw);
  const field = 'noticeNumber';
  if (digits === '') return fail({ reason: 'empty', field });
  const bad = firstNonDigit(digits);
  if (bad !== undefined) return fail({ reason: 'invalid_characters', field, found: bad });
  if (digits.length !== NOTICE_NUMBER_LENGTH) {
    return fail({ reason: 'wrong_length', field, expected: '18', length: digits.length });
  }
  const aux = digits.charAt(0);
  if (!'0123'.includes(aux)) return fail({ reason: 'unknown_aux_digit', field, found: aux });
  if (aux !== '1') {
    // N = the first 16 digits in every checked scheme (aux + code + base 13, or aux + base 15)
    const expected = iuvCheckDigits(digits.slice(0, 16));
    const found = digits.slice(16);
    if (expected !== found) return fail({ reason: 'wrong_check_digits', field, expected, found });
  }
  return { ok: true, value: splitNotice(digits) };
}

/** "3010 0000 0000 0001 44": blocks of 4 as printed on the notice (22 characters). */
export function formatNoticeNumber(noticeNumber: string): string {
  return stripSpaces(noticeNumber).replace(/(\d{4})(?=\d)/g, '$1 ');
}

export interface GenerateNoticeInput {
  auxDigit: 3;
  /** the comune's segregation code, 2 digits ("01") or 0-49 */
  segregationCode: string | number;
  /** the progressive part: exactly 13 digits as a string, or an integer 0 … 10^13 − 1 */
  base: string | number | bigint;
}

const BASE_LENGTH = 13;

function readSegregationCode(value: string | number): PagoPaResult<string> {
  const field = 'segregationCode';
  if (typeof value === 'number' && (!Number.isInteger(value) || value < 0)) {
    return fail({ reason: 'invalid_characters', field, found: String(value) });
  }
  const text = typeof value === 'number' ? String(value).padStart(2, '0') : value;
  if (text === '') return fail({ reason: 'empty', field });
  const bad = firstNonDigit(text);
  if (bad !== undefined) return fail({ reason: 'invalid_characters', field, found: bad });
  if (text.length !== 2) return fail({ reason: 'wrong_length', field, expected: '2', length: text.length });
  if (Number(text) > MAX_ASSIGNABLE_SEGREGATION_CODE || RESERVED_SEGREGATION_CODES[text] !== undefined) {
    return fail({ reason: 'segregation_code_not_assignable', field, found: text });
  }
  return { ok: true, value: text };
}

function readBase(value: string | number | bigint): PagoPaResult<string> {
  const field = 'base';
  if (typeof value === 'string') {
    if (value === '') return fail({ reason: 'empty', field });
    const bad = firstNonDigit(value);
    if (bad !== undefined) return fail({ reason: 'invalid_characters', field, found: bad });
    if (value.length !== BASE_LENGTH) {
      return fail({ reason: 'wrong_length', field, expected: '13', length: value.length });
    }
    return { ok: true, value };
  }
  if (typeof value === 'number' && !Number.isSafeInteger(value)) {
    return fail({ reason: 'invalid_characters', field, found: String(value) });
  }
  const n = BigInt(value);
  if (n < 0n) return fail({ reason: 'invalid_characters', field, found: '-' });
  const text = n.toString().padStart(BASE_LENGTH, '0');
  if (text.length !== BASE_LENGTH) {
    return fail({ reason: 'wrong_length', field, expected: '13', length: text.length });
  }
  return { ok: true, value: text };
}

/**
 * A new aux-3 notice number for one of the comune's own debt positions:
 * "3" + segregation code + base (13) + (N mod 93, 2 digits). Keeping `base` unique over time
 * for the segregation code is the caller's job (the IUV must never be reused, DOMAIN.md §6.1).
 */
export function generateNoticeNumber(input: GenerateNoticeInput): PagoPaResult<NoticeNumber> {
  const segregation = readSegregationCode(input.segregationCode);
  if (!segregation.ok) return segregation;
  const base = readBase(input.base);
  if (!base.ok) return base;
  const n = `${input.auxDigit}${segregation.value}${base.value}`;
  return { ok: true, value: splitNotice(n + iuvCheckDigits(n)) };
}
