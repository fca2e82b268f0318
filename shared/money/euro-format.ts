import { interpolate, type Locale } from '../i18n/locale';
import { cents, type Cents } from './cents';

/**
 * Euro amounts as the counter shows and types them. Formatting is done by hand rather than
 * with Intl: ICU data differs between Node, Electron and browsers (it-IT gives "121,10 €" with
 * a narrow no-break space in some builds), and a printed receipt must not change with the runtime.
 */

const SEPARATORS = {
  it: { decimal: ',', group: '.' },
  en: { decimal: '.', group: ',' },
} as const satisfies Record<Locale, { decimal: string; group: string }>;

function groupThousands(digits: string, separator: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, separator);
}

/**
 * "€ 1.166,00" (it) or "€1,166.00" (en). A negative amount gets a leading minus: "-€ 5,00".
 */
export function formatEuro(amount: Cents, locale: Locale): string {
  const { decimal, group } = SEPARATORS[locale];
  const abs = Math.abs(amount);
  const whole = groupThousands(String(Math.trunc(abs / 100)), group);
  const fraction = String(abs % 100).padStart(2, '0');
  const sign = amount < 0 ? '-' : '';
  const symbol = locale === 'it' ? '€ ' : '€';
  return `${sign}${symbol}${whole}${decimal}${fraction}`;
}

export type EuroParseProblem =
  | { reason: 'empty' }
  | { reason: 'invalid_characters'; found: string }
  | { reason: 'misplaced_separator' }
  | { reason: 'too_many_decimals' }
  | { reason: 'negative' }
  | { reason: 'too_large' };

export type EuroParseError = EuroParseProblem & { message: Record<Locale, string> };

export type EuroParseResult = { ok: true; value: Cents } | { ok: false; error: EuroParseError };

const MESSAGES = {
  empty: { it: 'Importo mancante.', en: 'The amount is missing.' },
  invalid_characters: {
    it: 'Importo non valido: «{found}» non è ammesso (solo cifre, virgola e punto).',
    en: 'Invalid amount: “{found}” is not allowed (digits, comma and point only).',
  },
  misplaced_separator: {
    it: 'Importo non valido: separatori fuori posto (es. 1.234,56).',
    en: 'Invalid amount: misplaced separators (e.g. 1,234.56).',
  },
  too_many_decimals: {
    it: 'Importo non valido: al massimo due cifre dopo la virgola.',
    en: 'Invalid amount: at most two digits after the decimal point.',
  },
  negative: { it: 'L’importo non può essere negativo.', en: 'The amount cannot be negative.' },
  too_large: { it: 'Importo troppo grande.', en: 'The amount is too large.' },
} as const satisfies Record<EuroParseProblem['reason'], Record<Locale, string>>;

function fail(problem: EuroParseProblem): EuroParseResult {
  const params: Record<string, string | number> = { ...problem };
  const template = MESSAGES[problem.reason];
  return {
    ok: false,
    error: {
      ...problem,
      message: { it: interpolate(template.it, params), en: interpolate(template.en, params) },
    },
  };
}

const WHITESPACE = /[\s\u00a0\u202f]/;

/** Digits with optional thousands groups: "1234", "1.234", "1 234" (the group mark given). */
function readWholePart(text: string, group: string): string | null {
  if (/^\d+$/.test(text)) return text;
  const escaped = group === '.' ? '\\.' : group;
  const grouped = new RegExp(`^\\d{1,3}((${escaped}|[\\s\\u00a0\\u202f])\\d{3})+$`);
  return grouped.test(text) ? text.replace(/\D/g, '') : null;
}

export interface ParseEuroOptions {
  allowNegative?: boolean;
}

/**
 * Reads an amount typed by a clerk or citizen into cents, never through a float:
 * "121,10" → 12110, "121" → 12100, "1.166,00" → 116600, "€ 5,5" → 550 (it).
 *
 * The locale's decimal mark is the separator for cents; the other mark is accepted only as a
 * thousands separator in groups of three. One exception, because numeric keypads differ: a single
 * "other" mark followed by one or two digits ("121.10" in it) cannot be a thousands group, so it
 * is read as the decimal mark. Never throws.
 */
export function parseEuro(
  raw: string,
  locale: Locale = 'it',
  options: ParseEuroOptions = {},
): EuroParseResult {
  const { decimal, group } = SEPARATORS[locale];
  let text = raw.trim();
  let negative = false;
  if (/^[-−]/.test(text)) {
    negative = true;
    text = text.slice(1).trim();
  }
  text = text
    .replace(/^(€|eur\b|euro\b)/i, '')
    .replace(/(€|eur|euro)$/i, '')
    .trim();
  if (/^[-−]/.test(text) && !negative) {
    negative = true; // "€ -5,00"
    text = text.slice(1).trim();
  }
  if (text === '') return fail({ reason: 'empty' });
  const bad = [...text].find((c) => !/[\d.,]/.test(c) && !WHITESPACE.test(c));
  if (bad !== undefined) return fail({ reason: 'invalid_characters', found: bad });

  let whole = text;
  let fraction = '';
  const decimalCount = text.split(decimal).length - 1;
  if (decimalCount > 1) return fail({ reason: 'misplaced_separator' });
  if (decimalCount === 1) {
    const at = text.lastIndexOf(decimal);
    whole = text.slice(0, at);
    fraction = text.slice(at + 1);
  } else {
    const keypadDecimal = new RegExp(`^(\\d+)${group === '.' ? '\\.' : group}(\\d{1,2})$`).exec(text);
    if (keypadDecimal) {
      whole = keypadDecimal[1] ?? '';
      fraction = keypadDecimal[2] ?? '';
    }
  }
  if (decimalCount === 1) {
    if (!/^\d+$/.test(fraction)) return fail({ reason: 'misplaced_separator' });
    if (fraction.length > 2) return fail({ reason: 'too_many_decimals' });
  }
  const wholeDigits = readWholePart(whole, group);
  if (wholeDigits === null) return fail({ reason: 'misplaced_separator' });

  const value = BigInt(wholeDigits) * 100n + BigInt(fraction.padEnd(2, '0'));
  if (value > BigInt(Number.MAX_SAFE_INTEGER)) return fail({ reason: 'too_large' });
  if (negative && value !== 0n && !options.allowNegative) return fail({ reason: 'negative' });
  const signed = negative ? -Number(value) : Number(value);
  return { ok: true, value: cents(signed === 0 ? 0 : signed) };
}
