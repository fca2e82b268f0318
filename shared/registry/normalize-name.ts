/**
 * Search key for names: upper case, accents stripped, and everything that is not A–Z
 * removed, so "D'Amico", "d amico" and "DAMICO" meet, and "Nicolò" is found by "nicolo".
 * This mirrors how the codice fiscale itself treats names (DOMAIN.md §7.2).
 */
export function normalizeName(raw: string): string {
  return raw
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toUpperCase()
    .replace(/[^A-Z]/g, '');
}

/** The smallest string greater than every string starting with `prefix` (for index range scans). */
export function prefixUpperBound(prefix: string): string {
  return prefix + '\uffff';
}
