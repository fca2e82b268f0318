/**
 * Vehicle plates as typed at the counter or read by a ZTL camera. One normal form, so that a
 * permit's plate and a transit's plate compare as equal strings: upper case, no spaces, no
 * dashes ("ab 123 cd" and "AB-123-CD" are both "AB123CD").
 *
 * Italy is 'I', its international distinguishing sign (the "I" on the plate's blue band), as
 * camera vendors and the default of `parsePlate` use it; 'IT' is read as 'I'. Other countries
 * are ISO 3166-1 alpha-2 codes, and their plates are checked only for length and characters
 * (2-10 letters or digits): we do not know every country's formats.
 */

export const ITALY = 'I';

export type PlateFormat =
  /** 1994-: AA 000 AA, letters without I, O, Q, U */
  | 'current'
  /** motorcycles 1999-: AA 00000, same letters */
  | 'motorcycle'
  /** provincial plates before 1994: province code ("AL", "ROMA"), then digits with at most one letter */
  | 'legacy'
  | 'foreign';

export interface PlateValue {
  plate: string;
  country: string;
}

export type PlateResult =
  | { ok: true; plate: string; country: string; format: PlateFormat }
  | { ok: false; code: 'plate_invalid'; params: { plate: string; country: string }; detail: string };

/** Letters used on current Italian plates: I, O, Q, U are left out (read as 1, 0, 0, V). */
const L = '[A-HJ-NPR-TV-Z]';
const CURRENT = new RegExp(`^${L}{2}\\d{3}${L}{2}$`);
const MOTORCYCLE = new RegExp(`^${L}{2}\\d{5}$`);

/**
 * Province codes used on the old provincial plates (up to 1994), including the historical FO
 * (Forlì) and PS (Pesaro) and the provinces created in 1992; Rome's plates read "ROMA".
 */
const PROVINCES = new Set(
  (
    'AG AL AN AO AP AQ AR AT AV BA BG BI BL BN BO BR BS BZ CA CB CE CH CL CN CO CR CS CT CZ EN ' +
    'FE FG FI FO FR GE GO GR IM IS KR LC LE LI LO LT LU MC ME MI MN MO MS MT NA NO NU OR PA PC ' +
    'PD PE PG PI PN PO PR PS PT PV PZ RA RC RE RG RI RN RO SA SI SO SP SR SS SV TA TE TN TO TP ' +
    'TR TS TV UD VA VB VC VE VI VR VT VV'
  ).split(' '),
);
/**
 * After the province code: up to 6 digits (the first series), then, when those ran out, one
 * letter in first or second place and digits to 6 characters ("TO A12345", "MI 5B1234"). An
 * approximation of the historical series, tight enough to refuse "AO123BC" (a current plate
 * mistyped with an O) although AO is Aosta's code.
 */
const LEGACY_BODY = /^(?:\d{1,6}|[A-Z]\d{5}|\d[A-Z]\d{4})$/;
const FOREIGN = /^[A-Z0-9]{2,10}$/;
const ISO_COUNTRY = /^[A-Z]{2}$/;

/** Upper case, without spaces (any white space) and dashes. */
export function normalizePlate(input: string): string {
  return String(input ?? '')
    .toUpperCase()
    .replace(/[\s\-‐‑–—]+/g, '');
}

/** 'I', 'IT', ' it ' → 'I'; other codes upper-cased and trimmed. */
export function normalizeCountry(country: string | null | undefined): string {
  const c = String(country ?? '')
    .trim()
    .toUpperCase();
  return c === '' || c === 'IT' ? ITALY : c;
}

function isLegacy(plate: string): boolean {
  if (plate.startsWith('ROMA') && LEGACY_BODY.test(plate.slice(4))) return true;
  return PROVINCES.has(plate.slice(0, 2)) && LEGACY_BODY.test(plate.slice(2));
}

function invalid(plate: string, country: string, detail: string): PlateResult {
  return { ok: false, code: 'plate_invalid', params: { plate, country }, detail };
}

/** Reads a plate for `country` ('I' by default): its normal form and format, or why not. */
export function parsePlate(input: string, country: string = ITALY): PlateResult {
  const plate = normalizePlate(input);
  const nation = normalizeCountry(country);
  if (plate === '') return invalid(plate, nation, 'empty');
  if (nation !== ITALY) {
    if (!ISO_COUNTRY.test(nation)) return invalid(plate, nation, 'country: two letters (ISO 3166-1)');
    if (!FOREIGN.test(plate)) return invalid(plate, nation, 'foreign plate: 2 to 10 letters or digits');
    return { ok: true, plate, country: nation, format: 'foreign' };
  }
  if (CURRENT.test(plate)) return { ok: true, plate, country: nation, format: 'current' };
  if (MOTORCYCLE.test(plate)) return { ok: true, plate, country: nation, format: 'motorcycle' };
  if (isLegacy(plate)) return { ok: true, plate, country: nation, format: 'legacy' };
  return invalid(plate, nation, 'Italian plate: AA000AA (no I, O, Q, U), AA00000 or an old provincial plate');
}

/** Same vehicle: same normal plate and country. */
export function samePlate(a: PlateValue, b: PlateValue): boolean {
  return (
    normalizePlate(a.plate) === normalizePlate(b.plate) &&
    normalizeCountry(a.country) === normalizeCountry(b.country)
  );
}
