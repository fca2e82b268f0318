import type { Locale } from '../i18n/locale';

/**
 * IBAN of a beneficiary (contributo economico payments, DOMAIN.md §10.2), checked before the
 * treasury refuses a transfer months later: ISO 13616 length per country and characters, the
 * Italian BBAN shape (CIN letter, ABI 5 digits, CAB 5 digits, account 12 characters), and the
 * mod-97 check digits. Spaces and lower case as typed are accepted and normalized away.
 */
export const IBAN_RULE_CODES = ['iban_invalid', 'iban_check_digits'] as const;
export type IbanRuleCode = (typeof IBAN_RULE_CODES)[number];

export const IBAN_RULE_MESSAGES = {
  iban_invalid: {
    it: 'IBAN non valido ({iban}): {expected}.',
    en: 'Invalid IBAN ({iban}): check the country code, the length and the characters ({reason}).',
  },
  iban_check_digits: {
    it: 'IBAN non valido ({iban}): i caratteri di controllo non corrispondono, probabilmente un errore di battitura.',
    en: 'Invalid IBAN ({iban}): the check digits do not match, probably a typing error.',
  },
} as const satisfies Record<IbanRuleCode, Record<Locale, string>>;

/** IBAN lengths of SEPA countries (ISO 13616 registry) [K]. */
export const IBAN_LENGTHS: Readonly<Record<string, number>> = {
  AD: 24,
  AT: 20,
  BE: 16,
  BG: 22,
  CH: 21,
  CY: 28,
  CZ: 24,
  DE: 22,
  DK: 18,
  EE: 20,
  ES: 24,
  FI: 18,
  FR: 27,
  GB: 22,
  GI: 23,
  GR: 27,
  HR: 21,
  HU: 28,
  IE: 22,
  IS: 26,
  IT: 27,
  LI: 21,
  LT: 20,
  LU: 20,
  LV: 21,
  MC: 27,
  MT: 31,
  NL: 18,
  NO: 15,
  PL: 28,
  PT: 25,
  RO: 24,
  SE: 24,
  SI: 19,
  SK: 24,
  SM: 27,
  VA: 22,
};

export type IbanResult =
  | { ok: true; iban: string; formatted: string; country: string }
  | { ok: false; error: { code: IbanRuleCode; params: { iban: string; reason: string; expected: string } } };

/** "IT60 X054 2811 1010 0000 0123 456": groups of four, as printed on a bank statement. */
export function formatIban(iban: string): string {
  return iban.replace(/(.{4})(?=.)/g, '$1 ');
}

/** ISO 7064 mod 97-10 of the rearranged IBAN, computed digit by digit (no big numbers). */
export function ibanMod97(iban: string): number {
  const rearranged = iban.slice(4) + iban.slice(0, 4);
  let rest = 0;
  for (const ch of rearranged) {
    const value = ch >= 'A' && ch <= 'Z' ? ch.charCodeAt(0) - 55 : Number(ch);
    rest = value >= 10 ? (rest * 100 + value) % 97 : (rest * 10 + value) % 97;
  }
  return rest;
}

const ITALIAN_BBAN = /^[A-Z]\d{5}\d{5}[A-Z0-9]{12}$/;

export function checkIban(text: string): IbanResult {
  const iban = text.replace(/[\s\u00a0-]/g, '').toUpperCase();
  const shown = text.trim().slice(0, 40);
  const invalid = (reason: string, expected: { it: string }) =>
    ({
      ok: false,
      error: { code: 'iban_invalid', params: { iban: shown, reason, expected: expected.it } },
    }) as const;
  if (iban === '') return invalid('empty', { it: 'IBAN mancante' });
  if (!/^[A-Z0-9]+$/.test(iban)) return invalid('characters', { it: 'solo lettere e cifre' });
  const country = iban.slice(0, 2);
  if (!/^[A-Z]{2}\d{2}/.test(iban))
    return invalid('format', { it: 'inizia con la sigla del paese e due cifre, es. IT60' });
  const length = IBAN_LENGTHS[country];
  if (length === undefined) return invalid('country', { it: `paese ${country} non gestito` });
  if (iban.length !== length)
    return invalid('length', { it: `un IBAN ${country} ha ${length} caratteri, qui ${iban.length}` });
  if (country === 'IT' && !ITALIAN_BBAN.test(iban.slice(4))) {
    return invalid('bban', {
      it: 'dopo IT e le due cifre: una lettera (CIN), ABI e CAB di 5 cifre, conto di 12 caratteri',
    });
  }
  if (ibanMod97(iban) !== 1) {
    return {
      ok: false,
      error: { code: 'iban_check_digits', params: { iban: shown, reason: 'mod97', expected: '' } },
    };
  }
  return { ok: true, iban, formatted: formatIban(iban), country };
}
