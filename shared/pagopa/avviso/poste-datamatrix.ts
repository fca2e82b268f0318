import type { Cents } from '../../money/cents';

/**
 * The content of the Data Matrix printed on the Poste "bollettino PA" block of a pagoPA notice
 * (DOMAIN.md §6.4: "laid out according to the Poste 'stampa in proprio' manual and carries a Poste
 * data matrix"). Poste's manual itself was not available to us; the layout below is the one two
 * independent public implementations write and the pagoPA IO app reads back (it takes the notice
 * number at characters 15–33, the amount at 49–59 and the CF ente at 66–77 of this string), so the
 * offsets are confirmed, the meaning of the fixed parts only by those implementations [U]:
 *
 * | part                        | length | content                                             |
 * |-----------------------------|-------:|-----------------------------------------------------|
 * | `codfase=NBPA;`             |     13 | fixed: the reading phase for "bollettino PA"         |
 * | `18` + codice avviso        |  2+18  | each code-line field is preceded by its length      |
 * | `12` + postal account       |  2+12  | zero-padded on the left                             |
 * | `10` + amount in cents      |  2+10  | zero-padded on the left                             |
 * | `3` + `896`                 |  1+3   | document type 896 (the PA bollettino)               |
 * | `1P1`                       |      3 | fixed                                               |
 * | CF ente                     |     11 |                                                     |
 * | CF / P.IVA of the debtor    |     16 | padded with spaces on the right                     |
 * | debtor's name               |     40 | upper case, padded with spaces                      |
 * | causale (oggetto)           |    110 | padded with spaces                                  |
 * | filler                      |     12 | spaces                                              |
 * | `A`                         |      1 | fixed end                                           |
 *
 * 256 characters in all. Free text is reduced to what a postal reader surely accepts (ASCII
 * letters, digits, space and plain punctuation: accents dropped, anything else a space); the
 * implementations we saw filter to a list of "allowed characters" we could not see [U].
 */

export const POSTE_DATAMATRIX_PREFIX = 'codfase=NBPA;';
export const POSTE_DOCUMENT_TYPE = '896';
export const POSTE_DATAMATRIX_LENGTH = 256;

export interface PosteDataMatrixInput {
  noticeNumber: string;
  postalAccount: string;
  amountCents: Cents | number;
  enteFiscalCode: string;
  debtorFiscalCode: string;
  debtorName: string;
  subject: string;
}

/** Plain ASCII a postal reader takes: accents dropped, anything else a space. */
export function posteText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[^A-Za-z0-9 .,'/()\-+:;]/g, ' ');
}

const fixed = (text: string, width: number): string => posteText(text).slice(0, width).padEnd(width, ' ');

function digits(value: string, width: number, field: string): string {
  if (!/^\d+$/.test(value) || value.length > width) {
    throw new RangeError(`${field}: at most ${width} digits, got "${value}"`);
  }
  return value.padStart(width, '0');
}

/**
 * The 256-character string to encode. Throws on a malformed number (the avviso model's schema has
 * already checked them: a throw here is a defect, never input).
 */
export function posteDataMatrixText(input: PosteDataMatrixInput): string {
  if (!Number.isSafeInteger(input.amountCents) || input.amountCents < 1) {
    throw new RangeError(`amount: a positive number of cents, got ${input.amountCents}`);
  }
  const codeLine =
    '18' +
    digits(input.noticeNumber, 18, 'noticeNumber') +
    '12' +
    digits(input.postalAccount, 12, 'postalAccount') +
    '10' +
    digits(String(input.amountCents), 10, 'amount') +
    '3' +
    POSTE_DOCUMENT_TYPE;
  const text =
    POSTE_DATAMATRIX_PREFIX +
    codeLine +
    '1P1' +
    digits(input.enteFiscalCode, 11, 'enteFiscalCode') +
    fixed(input.debtorFiscalCode.toUpperCase(), 16) +
    fixed(input.debtorName.toUpperCase(), 40) +
    fixed(input.subject, 110) +
    ' '.repeat(12) +
    'A';
  return text;
}

/** The fields a reader takes back from the string (the offsets the IO app uses). */
export function readPosteDataMatrix(
  text: string,
): { noticeNumber: string; postalAccount: string; amountCents: number; enteFiscalCode: string } | null {
  if (!text.startsWith(POSTE_DATAMATRIX_PREFIX) || text.length !== POSTE_DATAMATRIX_LENGTH) return null;
  const noticeNumber = text.slice(15, 33);
  const postalAccount = text.slice(35, 47);
  const amount = text.slice(49, 59);
  const enteFiscalCode = text.slice(66, 77);
  if (![noticeNumber, postalAccount, amount, enteFiscalCode].every((d) => /^\d+$/.test(d))) return null;
  return { noticeNumber, postalAccount, amountCents: Number(amount), enteFiscalCode };
}
