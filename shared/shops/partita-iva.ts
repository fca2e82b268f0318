/**
 * Italian VAT number (partita IVA): 11 digits — 7 of the company's serial number, 3 of the
 * provincial office, and a check digit (DM 23/12/1976). The check digit is the Luhn digit of
 * the first ten: odd positions (1st, 3rd…) count as they are, even positions are doubled and
 * reduced by 9 above 9; the check digit makes the total a multiple of 10.
 *
 * Main has no shared partita IVA check yet (shared/codice-fiscale holds only the personal code):
 * this small one lives here until one exists for every service.
 */

export type PartitaIvaProblem = 'format' | 'check_digit';

export function partitaIvaProblem(raw: string): PartitaIvaProblem | null {
  const v = normalizePartitaIva(raw);
  if (!/^\d{11}$/.test(v) || v === '00000000000') return 'format';
  return checkDigitOf(v.slice(0, 10)) === Number(v[10]) ? null : 'check_digit';
}

/** "IT 01234567890" or "012 345 678 90" as typed → "01234567890". */
export function normalizePartitaIva(raw: string): string {
  return raw
    .replace(/[\s.-]/g, '')
    .replace(/^IT/i, '')
    .trim();
}

export function checkDigitOf(first10: string): number {
  let sum = 0;
  for (let i = 0; i < 10; i++) {
    const d = Number(first10[i]);
    if (i % 2 === 0) sum += d;
    else sum += d * 2 > 9 ? d * 2 - 9 : d * 2;
  }
  return (10 - (sum % 10)) % 10;
}

/** A valid number from its first ten digits (test fixtures and demo data). */
export const withCheckDigit = (first10: string): string => first10 + String(checkDigitOf(first10));
