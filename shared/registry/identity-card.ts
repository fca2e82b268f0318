/**
 * The identity card the comune issued to a resident, as its registry office records it
 * (TULPS art. 3, r.d. 773/1931: the comune issues the carta d'identità to its residents). A
 * citizen often sits down with the card in hand, so its number is a way to find them.
 *
 * Two shapes are in circulation: the electronic card (CIE, d.m. 23/12/2015) numbered
 * "CA12345AB" (two letters, five digits, two letters) and the paper card still valid until its
 * expiry, numbered "AU1234567" (two letters, seven digits). Clerks type them with or without the
 * spaces printed on the card.
 */
export type IdentityCardKind = 'cie' | 'carta_identita';

export interface IdentityCard {
  kind: IdentityCardKind;
  /** upper case, no spaces: identityCardKey of the printed number */
  number: string;
}

const CIE = /^[A-Z]{2}\d{5}[A-Z]{2}$/;
const PAPER = /^[A-Z]{2}\d{7}$/;

/** "ca 12345 ab" → "CA12345AB": the key the mirror indexes and the search compares. */
export function identityCardKey(raw: string): string {
  return raw.toUpperCase().replace(/[^A-Z0-9]/g, '');
}

/** Which card a whole number is, or null when it is neither shape. */
export function identityCardKind(key: string): IdentityCardKind | null {
  if (CIE.test(key)) return 'cie';
  if (PAPER.test(key)) return 'carta_identita';
  return null;
}

/**
 * Whether a typed key can be the start of a card number as the clerk types it: two letters and
 * at least three digits ("CA123"), never a codice fiscale (which has six letters first). Shorter
 * starts ("CA1") match too many cards to be worth listing.
 */
export function isIdentityCardPrefix(key: string): boolean {
  return /^[A-Z]{2}\d{3,7}$/.test(key) || /^[A-Z]{2}\d{5}[A-Z]{1,2}$/.test(key);
}
