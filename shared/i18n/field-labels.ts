import { CASE_UI_MESSAGES, type CaseUiKey } from '../cases/case-ui-messages';
import type { Locale } from './locale';

/**
 * The one place where a data path ("address.houseNumber", "movers[2].birthDate", a schema
 * issue's path) becomes the label the clerk sees next to the field ("Civico"), in the clerk's
 * language: an error never names a raw field. The labels are the forms' own wording.
 */
const FIELD_LABELS: Record<string, CaseUiKey> = {
  declarationDate: 'caseDeclarationDate',
  movedOn: 'caseMovedOn',
  protocolDate: 'caseProtocolDate',
  'address.streetName': 'caseStreet',
  'address.houseNumber': 'caseHouseNumber',
  'address.interior': 'caseInterior',
  'address.stair': 'caseStair',
  'address.floor': 'caseFloor',
  'address.cap': 'caseCap',
  'origin.fromComune': 'caseFromComune',
  'origin.fromCountry': 'caseFromCountry',
  occupation: 'caseTitle',
  'occupation.description': 'caseTitleOther',
  'occupation.registration': 'caseRegNumber',
  'occupation.registration.number': 'caseRegNumber',
  'occupation.registration.office': 'caseRegOffice',
  movers: 'caseWhoMoves',
  'movers[].surname': 'caseSurname',
  'movers[].givenNames': 'caseGivenNames',
  'movers[].sex': 'caseSex',
  'movers[].birthDate': 'caseBirthDate',
  'movers[].birthPlaceCode': 'caseBirthPlaceCode',
  'movers[].birthPlaceName': 'caseBirthPlaceName',
  'movers[].codiceFiscale': 'caseCf',
  'movers[].citizenship': 'caseCitizenship',
  'movers[].civilStatus': 'caseCivilStatus',
  'movers[].relationship': 'caseRelationship',
  'movers[].residencePermit': 'casePermit',
  'movers[].residencePermit.number': 'casePermit',
  'movers[].residencePermit.expiresOn': 'casePermitExpiry',
  'signatures[]': 'caseSigned',
  'drivingLicences[].number': 'caseLicence',
  'vehiclePlates[].plate': 'casePlate',
};

/** fields outside the case forms, worded as on their screens (the resident's contacts card) */
const OTHER_LABELS: Record<string, Record<Locale, string>> = {
  phone: { it: 'Telefono', en: 'Phone' },
  email: { it: 'E-mail', en: 'E-mail' },
};

/** what is said when a path has no label of its own: still never the raw path */
const SOME_FIELD: Record<Locale, string> = { it: 'un dato del modulo', en: 'a field of the form' };

/** "movers[2].birthDate", "movers.2.birthDate" or ['movers', 2, 'birthDate'] → "movers[].birthDate" */
function normalise(path: string | readonly PropertyKey[]): string[] {
  const parts = typeof path === 'string' ? path.split(/[.[\]]+/).filter(Boolean) : path.map(String);
  const out: string[] = [];
  for (const p of parts) {
    if (/^\d+$/.test(p)) {
      if (out.length > 0) out[out.length - 1] += '[]';
    } else out.push(p);
  }
  return out;
}

/**
 * The label for a path, in `locale`. A longer path whose tail is known ("intake.address.cap",
 * a contract input wrapping the form) gets the tail's label; an index becomes the person's row.
 */
export function fieldLabel(path: string | readonly PropertyKey[], locale: Locale): string {
  const parts = normalise(path);
  for (let from = 0; from < parts.length; from++) {
    const key = FIELD_LABELS[parts.slice(from).join('.')];
    if (key) return CASE_UI_MESSAGES[locale][key];
    const other = OTHER_LABELS[parts.slice(from).join('.')];
    if (other) return other[locale];
  }
  return SOME_FIELD[locale];
}

/** What a schema found wrong, in the clerk's words (zod's own messages are English and technical). */
const ISSUE_WORDS: Record<string, Record<Locale, string>> = {
  too_small: { it: 'mancante o troppo breve', en: 'missing or too short' },
  too_big: { it: 'troppo lungo', en: 'too long' },
  invalid_type: { it: 'mancante o del tipo sbagliato', en: 'missing or of the wrong kind' },
  invalid_format: { it: 'nel formato sbagliato', en: 'in the wrong format' },
  invalid_value: { it: 'non tra i valori ammessi', en: 'not one of the allowed values' },
  unrecognized_keys: { it: 'con dati in più non previsti', en: 'with unexpected extra data' },
};

/** «Civico»: mancante o troppo breve */
export function describeIssue(issue: { path: readonly PropertyKey[]; code: string }, locale: Locale): string {
  const words = ISSUE_WORDS[issue.code] ?? { it: 'non valido', en: 'not valid' };
  return locale === 'it'
    ? `«${fieldLabel(issue.path, locale)}» ${words.it}`
    : `“${fieldLabel(issue.path, locale)}” ${words.en}`;
}
