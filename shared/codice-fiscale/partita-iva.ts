import type { Locale } from '../i18n/locale';

/**
 * Italian VAT number (partita IVA): 11 digits. Digits 1-7 are the company's number in its tax
 * office's register, 8-10 the provincial office code (001-100, plus 120 and 121 for the offices
 * added later, 888 and 999 for numbers given by the Agenzia centrally) [K], and digit 11 the check
 * digit (Luhn-like, DOMAIN.md §7.6 [K]): the digits in odd positions summed as they are, those in
 * even positions doubled (minus 9 when the double is over 9), check = (10 − sum mod 10) mod 10.
 * A company's codice fiscale is the same 11 digits, so this checks both.
 *
 * What a clerk typed is never "corrected": the result says which rule failed.
 */

export const PARTITA_IVA_CODES = ['partita_iva_invalid', 'partita_iva_check_digit'] as const;
export type PartitaIvaCode = (typeof PARTITA_IVA_CODES)[number];

export type PartitaIvaResult =
  | { ok: true; value: string }
  | { ok: false; error: { code: PartitaIvaCode; params: Record<string, string | number> } };

/** `reason`: 'length' | 'characters' | 'office'. */
export const PARTITA_IVA_MESSAGES = {
  partita_iva_invalid: {
    it: 'Partita IVA non valida ({value}): sono 11 cifre, e le cifre 8–10 sono il codice di un ufficio provinciale.',
    en: 'Invalid VAT number ({value}): it has 11 digits, and digits 8–10 are a provincial office code.',
  },
  partita_iva_check_digit: {
    it: 'Partita IVA errata ({value}): l’ultima cifra è {found}, dovrebbe essere {expected}. Probabile errore di battitura.',
    en: 'Wrong VAT number ({value}): the last digit is {found}, it should be {expected}. Probably a typing error.',
  },
} as const satisfies Record<PartitaIvaCode, Record<Locale, string>>;

const LENGTH = 11;

/** The check digit of the first ten digits. */
export function partitaIvaCheckDigit(firstTen: string): string {
  let sum = 0;
  for (let i = 0; i < 10; i += 1) {
    let d = Number(firstTen[i]);
    if (i % 2 === 1) {
      // 2nd, 4th … 10th digit (1-based even positions)
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return String((10 - (sum % 10)) % 10);
}

function isOfficeCode(code: number): boolean {
  return (code >= 1 && code <= 100) || code === 120 || code === 121 || code === 888 || code === 999;
}

/** Spaces, dots and the "IT" prefix of the EU VAT form (IT00190540062) are dropped. */
export function normalizePartitaIva(raw: string): string {
  const compact = raw.replace(/[\s.\u00a0]+/g, '').toUpperCase();
  return compact.startsWith('IT') ? compact.slice(2) : compact;
}

export function checkPartitaIva(input: string): PartitaIvaResult {
  const value = normalizePartitaIva(input);
  const invalid = (reason: string): PartitaIvaResult => ({
    ok: false,
    error: { code: 'partita_iva_invalid', params: { value: input, reason, length: value.length } },
  });
  if (!/^\d*$/.test(value)) return invalid('characters');
  if (value.length !== LENGTH) return invalid('length');
  if (!isOfficeCode(Number(value.slice(7, 10)))) return invalid('office');
  const expected = partitaIvaCheckDigit(value);
  const found = value.charAt(10);
  if (found !== expected) {
    return { ok: false, error: { code: 'partita_iva_check_digit', params: { value, expected, found } } };
  }
  return { ok: true, value };
}
