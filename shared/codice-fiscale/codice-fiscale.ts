import { CheckDigitizer, Parser } from '@marketto/codice-fiscale-utils';

/**
 * Codice fiscale checks for the counter (DOMAIN.md §7). The arithmetic comes from
 * @marketto/codice-fiscale-utils (MIT); this module only turns its answers into reasons a
 * clerk can act on. A stored code is never "corrected": the Agenzia delle Entrate's code is
 * authoritative even where a computed one differs (omocodia, assignment errors).
 */

// The name, date and omocodia functions of Parser never consult the Belfiore connector; place
// lookups (which would) are not used here, so no 2 MB place dataset is bundled into shared/.
const parser = new Parser(undefined as unknown as ConstructorParameters<typeof Parser>[0]);

export const CF_LENGTH = 16;
const MONTH_LETTERS = 'ABCDEHLMPRST';
const OMOCODE_LETTERS = 'LMNPQRSTUV';
/** 0-based positions that hold digits, or their omocodia letters (DOMAIN.md §7.6). */
const DIGIT_POSITIONS = [6, 7, 9, 10, 12, 13, 14];
const LETTER_POSITIONS = [0, 1, 2, 3, 4, 5, 11, 15];

export type CfProblem =
  | { kind: 'length'; length: number }
  | { kind: 'letter_expected'; position: number; found: string }
  | { kind: 'digit_expected'; position: number; found: string }
  | { kind: 'month'; found: string }
  | { kind: 'day'; day: number }
  | { kind: 'impossible_date'; day: number; month: number; year: string }
  | { kind: 'check_char'; expected: string; found: string };

export interface CfDecoded {
  sex: 'M' | 'F';
  /** YY only: the century is ambiguous in the code itself */
  yearTwoDigits: string;
  month: number;
  day: number;
  placeCode: string;
  omocodia: boolean;
}

export interface CfCheck {
  code: string;
  valid: boolean;
  problems: CfProblem[];
  decoded: CfDecoded | null;
}

/** Upper-cases and drops spaces, so "rss mra 72l09 h501s" is read as typed on a card. */
export function normalizeCodiceFiscale(raw: string): string {
  return raw.replace(/\s+/g, '').toUpperCase();
}

const isDigit = (c: string): boolean => c >= '0' && c <= '9';
const isLetter = (c: string): boolean => c >= 'A' && c <= 'Z';
const digitOf = (c: string): string => (isDigit(c) ? c : String(OMOCODE_LETTERS.indexOf(c)));

function daysInMonth(month: number, yearTwoDigits: number): number {
  if (month === 2) return yearTwoDigits % 4 === 0 ? 29 : 28; // 2000 was leap, so YY%4 is exact for 1901-2099
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Checks a full codice fiscale and explains every problem found, in order of position. */
export function checkCodiceFiscale(raw: string): CfCheck {
  const code = normalizeCodiceFiscale(raw);
  const problems: CfProblem[] = [];
  if (code.length !== CF_LENGTH) {
    return { code, valid: false, problems: [{ kind: 'length', length: code.length }], decoded: null };
  }
  const at = (i: number): string => code.charAt(i);
  for (const i of LETTER_POSITIONS) {
    if (!isLetter(at(i))) problems.push({ kind: 'letter_expected', position: i + 1, found: at(i) });
  }
  for (const i of DIGIT_POSITIONS) {
    if (!isDigit(at(i)) && !OMOCODE_LETTERS.includes(at(i))) {
      problems.push({ kind: 'digit_expected', position: i + 1, found: at(i) });
    }
  }
  const monthIndex = MONTH_LETTERS.indexOf(at(8));
  if (monthIndex < 0) problems.push({ kind: 'month', found: at(8) });
  if (problems.length > 0) return { code, valid: false, problems, decoded: null };

  const plain = parser.cfDeomocode(code);
  const yy = plain.slice(6, 8);
  const rawDay = Number(digitOf(at(9)) + digitOf(at(10)));
  const sex = rawDay > 40 ? 'F' : 'M';
  const day = sex === 'F' ? rawDay - 40 : rawDay;
  const month = monthIndex + 1;
  if (day < 1 || day > 31) {
    problems.push({ kind: 'day', day: rawDay });
  } else if (day > daysInMonth(month, Number(yy))) {
    problems.push({ kind: 'impossible_date', day, month, year: yy });
  }
  const expected = CheckDigitizer.checkDigit(code.slice(0, 15)) ?? '';
  if (expected !== at(15)) problems.push({ kind: 'check_char', expected, found: at(15) });

  const decoded: CfDecoded = {
    sex,
    yearTwoDigits: yy,
    month,
    day,
    placeCode: plain.slice(11, 15),
    omocodia: plain.slice(0, 15) !== code.slice(0, 15),
  };
  return { code, valid: problems.length === 0, problems, decoded };
}

/** A prefix a clerk may be typing (letters of surname/name, then the date part...). */
export function isPlausibleCfPrefix(raw: string): boolean {
  const code = normalizeCodiceFiscale(raw);
  return /^[A-Z]{1,6}$|^[A-Z]{6}[0-9LMNPQRSTUV]{1,2}$|^[A-Z]{6}[0-9LMNPQRSTUV]{2}[A-Z][0-9A-Z]{0,6}$/.test(
    code,
  );
}
