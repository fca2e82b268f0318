import {
  checkCodiceFiscale,
  CF_LENGTH,
  isPlausibleCfPrefix,
  normalizeCodiceFiscale,
  type CfCheck,
} from '../codice-fiscale/codice-fiscale';
import { identityCardKey, identityCardKind, isIdentityCardPrefix } from './identity-card';
import { normalizeName } from './normalize-name';

/**
 * What the clerk typed, read the way a counter reads it. One box takes names, codici fiscali
 * (whole or the first characters) and birth dates, so there is no mode to switch.
 */
export type SearchPlan =
  | { kind: 'too_short' }
  | { kind: 'cf_full'; code: string }
  | { kind: 'cf_invalid'; check: CfCheck }
  | { kind: 'birth_date'; date: string }
  | { kind: 'invalid_date'; text: string }
  | {
      kind: 'name';
      /** Each way to split the words into surname + given names, most likely first. */
      splits: { surname: string; givenNames: string }[];
      /** Also try the text as the start of a codice fiscale ("RSSMRA"). */
      cfPrefix: string | null;
      /**
       * Given names first ("Ionuț Ștefănescu", as a citizen says it): each split read the other
       * way round, tried after the surname-first ones.
       */
      givenFirst: { surname: string; givenNames: string }[];
      /**
       * A lone word long enough to be a given name ("Ionuț"): residents with that given name
       * are listed after those whose surname it starts, exact given names first.
       */
      givenNameAlone: string | null;
    }
  | {
      kind: 'identity_card';
      /** identityCardKey of what was typed: the whole number, or its start while typing */
      number: string;
      whole: boolean;
    }
  | { kind: 'cf_prefix'; prefix: string }
  | {
      kind: 'address';
      /** normalizeName of street type + name, as typed so far ("VIAROMA", "CORSOVAL") */
      street: string;
      /** the civic number when typed ("12", "12A", "12/B" → "12B"), else null */
      houseNumber: string | null;
      /** "Corso", "Piazza", "Via" are surnames too: the same text read as a name, when it can be one */
      asName: NamePlan | null;
    };

export type NamePlan = Extract<SearchPlan, { kind: 'name' }>;

export const MIN_QUERY_LENGTH = 2;
export const MAX_SPLIT_WORDS = 4;
/**
 * Below this a lone word is too common a start of given names to list them (every "AN…"): at
 * four letters ("Ioan", "Ilir", "Ewa") a given name narrows the registry to a list a clerk reads.
 */
export const GIVEN_NAME_MIN_LENGTH = 4;

const DATE_DMY = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/;
const DATE_ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

function toIsoDate(y: number, m: number, d: number): string | null {
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/**
 * A date as a clerk types it (dd/mm/yyyy, d/m/yyyy or yyyy-mm-dd) → ISO; null for an impossible
 * date (31/02/1980), undefined for text that is not a date at all.
 */
export function parseTypedDate(text: string): string | null | undefined {
  const dmy = DATE_DMY.exec(text);
  if (dmy) return toIsoDate(Number(dmy[3]), Number(dmy[2]), Number(dmy[1]));
  const iso = DATE_ISO.exec(text);
  if (iso) return toIsoDate(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  return undefined;
}

/**
 * The words an Italian address starts with (toponomastica: DUG, denominazione urbanistica
 * generica), with the abbreviations clerks type. A search starting with one is an address.
 */
const STREET_TYPES: Readonly<Record<string, string>> = {
  via: 'Via',
  viale: 'Viale',
  vle: 'Viale',
  corso: 'Corso',
  cso: 'Corso',
  piazza: 'Piazza',
  pza: 'Piazza',
  pzza: 'Piazza',
  piazzale: 'Piazzale',
  piazzetta: 'Piazzetta',
  strada: 'Strada',
  str: 'Strada',
  vicolo: 'Vicolo',
  largo: 'Largo',
  lungo: 'Lungo',
  borgo: 'Borgo',
  regione: 'Regione',
  localita: 'Località',
  loc: 'Località',
  cascina: 'Cascina',
  salita: 'Salita',
  contrada: 'Contrada',
};

/** The search key of an address's street: its type and name together, as normalizeName reads them. */
export function streetKey(streetType: string, streetName: string): string {
  return normalizeName(`${streetType} ${streetName}`);
}

/** The civic number as compared: upper case, without spaces or slashes ("12/b" → "12B"). */
export function houseNumberKey(houseNumber: string): string {
  return houseNumber.toUpperCase().replace(/[^0-9A-Z]/g, '');
}

function planAddress(text: string): SearchPlan | undefined {
  const words = text.split(/[\s,]+/).filter((w) => w !== '');
  const type = STREET_TYPES[normalizeName(words[0] ?? '').toLowerCase()];
  if (!type || words.length < 2) return undefined;
  let rest = words.slice(1);
  const last = rest.at(-1) ?? '';
  const number = rest.length > 1 && /^\d+[a-z]?(\/?[a-z0-9]+)?$/i.test(last) ? houseNumberKey(last) : null;
  if (number !== null) rest = rest.slice(0, -1);
  const name = rest.join(' ');
  if (normalizeName(name) === '') return undefined;
  return {
    kind: 'address',
    street: streetKey(type, name),
    houseNumber: number,
    asName: /\d/.test(text) ? null : planNames(text),
  };
}

export function planSearch(raw: string): SearchPlan {
  const text = raw.trim();
  if (text.length < MIN_QUERY_LENGTH) return { kind: 'too_short' };

  const address = planAddress(text);
  if (address) return address;

  const date = parseTypedDate(text);
  if (date === null) return { kind: 'invalid_date', text };
  if (date !== undefined) return { kind: 'birth_date', date };

  const compact = normalizeCodiceFiscale(text);
  const hasDigit = /\d/.test(compact);
  if (compact.length === CF_LENGTH && /^[A-Z0-9]+$/.test(compact) && hasDigit) {
    const check = checkCodiceFiscale(compact);
    return check.valid ? { kind: 'cf_full', code: check.code } : { kind: 'cf_invalid', check };
  }
  if (hasDigit && isPlausibleCfPrefix(compact)) return { kind: 'cf_prefix', prefix: compact };
  const card = identityCardKey(text);
  // A card number has two letters then digits; a codice fiscale six letters: they never meet.
  if (hasDigit && /^[\sA-Za-z0-9-]+$/.test(text) && isIdentityCardPrefix(card)) {
    return { kind: 'identity_card', number: card, whole: identityCardKind(card) !== null };
  }
  if (hasDigit) {
    // Digits where a name cannot have them, yet not a code shape: explain it as a code.
    return { kind: 'cf_invalid', check: checkCodiceFiscale(compact) };
  }

  return planNames(text) ?? { kind: 'too_short' };
}

function planNames(text: string): NamePlan | null {
  const words = text
    .split(/\s+/)
    .map(normalizeName)
    .filter((w) => w.length > 0)
    .slice(0, MAX_SPLIT_WORDS);
  if (words.length === 0) return null;
  const splits: { surname: string; givenNames: string }[] = [];
  // Surname first is how counters ask ("Rossi Mario"); multi-word surnames ("De Luca") come next.
  for (let cut = 1; cut <= words.length; cut++) {
    splits.push({ surname: words.slice(0, cut).join(''), givenNames: words.slice(cut).join('') });
  }
  const givenFirst: { surname: string; givenNames: string }[] = [];
  for (let cut = words.length - 1; cut >= 1; cut--) {
    givenFirst.push({ surname: words.slice(cut).join(''), givenNames: words.slice(0, cut).join('') });
  }
  const single = words.length === 1 ? words[0] : undefined;
  const cfPrefix =
    single && single.length >= 3 && single.length <= 6 && /^[A-Z]+$/.test(single) ? single : null;
  const givenNameAlone = single && single.length >= GIVEN_NAME_MIN_LENGTH ? single : null;
  return { kind: 'name', splits, cfPrefix, givenFirst, givenNameAlone };
}

/** Why a typed date found nobody: it does not exist (31/02, 30/02/2023…). */
export function describeInvalidDate(text: string, locale: 'it' | 'en'): string {
  return locale === 'it' ? `«${text}» non è una data esistente.` : `“${text}” is not a real date.`;
}
