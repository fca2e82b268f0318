/**
 * Codice fiscale for demo residents, computed with @marketto/codice-fiscale-utils (DOMAIN §7):
 * this module only wires the library's parts together and caches them.
 *
 * Why the caches: the library's lastNameToCf/firstNameToCf strip diacritics on every call and
 * cost about 150 µs each, which alone would take minutes for a million residents; the same few
 * thousand names repeat, so each is encoded once. Date parts are cheap and are not cached.
 */
import belfioreConnector from '@marketto/belfiore-connector-embedded';
import { CheckDigitizer, Parser } from '@marketto/codice-fiscale-utils';
import type { Sex } from '../../shared/registry/model';

export interface CodiceFiscaleInput {
  surname: string;
  givenNames: string;
  sex: Sex;
  birthYear: number;
  /** 1–12 */
  birthMonth: number;
  birthDay: number;
  /** Belfiore code of the comune of birth, or Z + 3 digits for a foreign country. */
  placeCode: string;
}

/** Omocodia: positions 15, 14, 13, 11, 10, 8, 7 (1-based) may hold a letter instead of a digit. */
const CF_SHAPE = /^[A-Z]{6}[0-9LMNPQRSTUV]{2}[ABCDEHLMPRST][0-9LMNPQRSTUV]{2}[A-Z][0-9LMNPQRSTUV]{3}[A-Z]$/;
const PLACE_CODE = /^[A-Z]\d{3}$/;

// The name and date functions are synchronous; the connector is only consulted by the async
// place look-ups, which the generator does not use (its place codes are checked by a test).
const parser = new Parser(belfioreConnector);
const surnameCache = new Map<string, string>();
const givenNameCache = new Map<string, string>();

/** The 3 surname letters (DOMAIN §7.2), or null if the library cannot encode the name. */
export function trySurnamePart(surname: string): string | null {
  const cached = surnameCache.get(surname);
  if (cached !== undefined) return cached;
  const part = parser.lastNameToCf(surname);
  if (part) surnameCache.set(surname, part);
  return part;
}

/** The 3 given-name letters (1st, 3rd, 4th consonant rule), or null if not encodable. */
export function tryGivenNamePart(givenNames: string): string | null {
  const cached = givenNameCache.get(givenNames);
  if (cached !== undefined) return cached;
  const part = parser.firstNameToCf(givenNames);
  if (part) givenNameCache.set(givenNames, part);
  return part;
}

function required(part: string | null, what: string): string {
  if (part === null) throw new Error(`codice fiscale: cannot encode ${what}`);
  return part;
}

/** Year, month letter and day (+40 for women), e.g. 72L09 or 80A41. */
export function datePart(year: number, month: number, day: number, sex: Sex): string {
  const y = parser.yearToCf(year);
  const m = parser.monthToCf(month - 1);
  const d = parser.dayGenderToCf(day, sex);
  if (y === null || m === null || d === null) {
    throw new Error(`codice fiscale: cannot encode birth date ${year}-${month}-${day} (${sex})`);
  }
  return y + m + d;
}

export function checkChar(first15: string): string {
  const c = CheckDigitizer.checkDigit(first15);
  if (c === null) throw new Error(`codice fiscale: cannot compute the check character of ${first15}`);
  return c;
}

/** The ordinary (non-omocodic) codice fiscale. */
export function computeCodiceFiscale(p: CodiceFiscaleInput): string {
  if (!PLACE_CODE.test(p.placeCode)) throw new Error(`codice fiscale: bad place code ${p.placeCode}`);
  const first15 =
    required(trySurnamePart(p.surname), `surname "${p.surname}"`) +
    required(tryGivenNamePart(p.givenNames), `given names "${p.givenNames}"`) +
    datePart(p.birthYear, p.birthMonth, p.birthDay, p.sex) +
    p.placeCode;
  return first15 + checkChar(first15);
}

/**
 * Omocodic variant number `omocodeId` (1 = last place digit replaced, 2 = the one before, 3 =
 * both, …, up to 127) of an ordinary code, with the check character recomputed by the library.
 */
export function omocodeVariant(codiceFiscale: string, omocodeId: number): string {
  if (!Number.isInteger(omocodeId) || omocodeId < 1 || omocodeId > 127) {
    throw new Error(`codice fiscale: omocode id must be 1..127, got ${omocodeId}`);
  }
  return parser.cfOmocode(codiceFiscale, omocodeId);
}

/** The ordinary code behind an omocodic one (identity for an ordinary code). */
export function deomocode(codiceFiscale: string): string {
  return parser.cfDeomocode(codiceFiscale);
}

/** Number encoded by the letters in the omocodia positions; 0 for an ordinary code. */
export function omocodeId(codiceFiscale: string): number {
  return parser.cfOmocodeId(codiceFiscale);
}

/** Shape (omocodic codes accepted) and check character; says nothing about the person. */
export function isValidCodiceFiscale(codiceFiscale: string): boolean {
  return CF_SHAPE.test(codiceFiscale) && CheckDigitizer.checkDigit(codiceFiscale) === codiceFiscale[15];
}
