/**
 * Letters that carry no separable accent, so NFD cannot strip them: a clerk with an Italian
 * keyboard types the base letter ("lukasz" for Łukasz, "dorde" for Đorđe, "soren" for Søren).
 * Dotless ı and dotted İ (Turkish) fold to I like every other i.
 */
const FOLD: Readonly<Record<string, string>> = {
  ł: 'L',
  Ł: 'L',
  đ: 'D',
  Đ: 'D',
  ð: 'D',
  Ð: 'D',
  ø: 'O',
  Ø: 'O',
  æ: 'AE',
  Æ: 'AE',
  œ: 'OE',
  Œ: 'OE',
  ß: 'SS',
  ẞ: 'SS',
  þ: 'TH',
  Þ: 'TH',
  ħ: 'H',
  Ħ: 'H',
  ı: 'I',
  ŀ: 'L',
  Ŀ: 'L',
  ŧ: 'T',
  Ŧ: 'T',
  ŋ: 'N',
  Ŋ: 'N',
  ə: 'E',
  Ə: 'E',
};
/** anything but printable ASCII */
const NOT_PLAIN = /[^ -~]/;
const FOLDABLE = new RegExp(`[${Object.keys(FOLD).join('')}]`, 'gu');

/**
 * Search key for names: upper case, accents stripped, the letters above folded, and everything
 * that is not A–Z removed, so "D'Amico", "d amico" and "DAMICO" meet, "Nicolò" is found by
 * "nicolo", "Ștefănescu" by "stefanescu" and "Wąsowska-Łuczak" by "wasowskaluczak". This mirrors
 * how the codice fiscale itself treats names (DOMAIN.md §7.2).
 */
export function normalizeName(raw: string): string {
  // printable ASCII (most names): nothing to decompose or fold, the same key without the Unicode passes
  if (!NOT_PLAIN.test(raw)) return raw.toUpperCase().replace(/[^A-Z]/g, '');
  return raw
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(FOLDABLE, (c) => FOLD[c] ?? '')
    .toUpperCase()
    .replace(/[^A-Z]/g, '');
}

/** The smallest string greater than every string starting with `prefix` (for index range scans). */
export function prefixUpperBound(prefix: string): string {
  return prefix + '\uffff';
}
