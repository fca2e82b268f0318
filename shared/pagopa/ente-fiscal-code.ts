import { fail, firstNonDigit, stripSpaces, type PagoPaResult } from './pagopa-errors';

/**
 * The 11-digit codice fiscale of a body (comune, company), built like a partita IVA
 * (DOMAIN.md §7.6 last bullet, DPR 605/1973 and DM 23 Dec 1976): digits in even positions
 * (2nd … 10th) are doubled, minus 9 when over 9; the ten values are summed;
 * check = (10 − sum mod 10) mod 10. It is the Luhn scheme, so every single-digit error is caught
 * (doubling is a permutation of 0-9).
 */

export const ENTE_FISCAL_CODE_LENGTH = 11;

/** The check digit for the first ten digits. */
export function enteFiscalCodeCheckDigit(firstTen: string): string {
  if (!/^\d{10}$/.test(firstTen)) throw new RangeError(`Need exactly 10 digits: ${firstTen}`);
  let sum = 0;
  for (let i = 0; i < 10; i++) {
    const digit = Number(firstTen.charAt(i));
    if (i % 2 === 0) {
      sum += digit; // odd position (1st, 3rd …)
    } else {
      const doubled = digit * 2;
      sum += doubled > 9 ? doubled - 9 : doubled;
    }
  }
  return String((10 - (sum % 10)) % 10);
}

/** Checks an 11-digit CF of a body; spaces are ignored. Returns the 11 digits. Never throws. */
export function parseEnteFiscalCode(raw: string): PagoPaResult<string> {
  const field = 'creditorFiscalCode';
  const digits = stripSpaces(raw);
  if (digits === '') return fail({ reason: 'empty', field });
  const bad = firstNonDigit(digits);
  if (bad !== undefined) return fail({ reason: 'invalid_characters', field, found: bad });
  if (digits.length !== ENTE_FISCAL_CODE_LENGTH) {
    return fail({ reason: 'wrong_length', field, expected: '11', length: digits.length });
  }
  const expected = enteFiscalCodeCheckDigit(digits.slice(0, 10));
  const found = digits.charAt(10);
  if (expected !== found) return fail({ reason: 'wrong_check_digit', field, expected, found });
  return { ok: true, value: digits };
}
