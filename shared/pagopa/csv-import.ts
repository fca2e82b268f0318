import { isIsoDate, type IsoDate } from '../calendar/iso-date';
import { interpolate, type Locale } from '../i18n/locale';

/**
 * Reading the CSV files the hub imports (the Polizia Locale's verbali, the tributi office's debt
 * positions) into rows and a line-by-line report of what was refused. The domain checks live with
 * each importer (fines/verbali-csv.ts, pagopa/debt-positions-csv.ts); this module only knows CSV.
 * It sits in pagopa/ because both importers may depend on pagopa/ (a verbale carries a pagoPA
 * notice) and shared/ has no neutral folder open to it yet: it belongs in shared/util/.
 *
 * What Italian offices actually export, and so what is accepted:
 * - UTF-8, with or without the BOM Excel writes ("\uFEFF");
 * - semicolon-separated (Excel with Italian regional settings uses ";" because "," is the decimal
 *   mark), or comma- or tab-separated: the delimiter is the one the HEADER line uses most
 *   (outside quotes), ";" on a tie. The header names contain none of the three;
 * - CRLF, LF or CR line ends;
 * - quoted fields (RFC 4180): delimiters and line breaks inside quotes, "" for a quote;
 * - header names in any case, with spaces or hyphens for underscores, accents dropped
 *   ("Modalità notifica" = modalita_notifica); unknown columns are ignored and listed;
 * - blank lines, and lines of empty cells (Excel's ";;;;"), are skipped.
 *
 * Line numbers are the physical line where a record starts (the header is line 1), so they match
 * what a text editor shows even when a quoted field spans lines.
 */

export type CsvDelimiter = ';' | ',' | '\t';

/** One thing wrong with a row (or a column, or the file). `reason` is stable API. */
export interface ImportProblem<R extends string = string> {
  /** the column as named in the header, null for the row or the file as a whole */
  field: string | null;
  reason: R;
  message: Record<Locale, string>;
}

export interface RejectedRow<R extends string = string> {
  /** physical line where the record starts (header = 1) */
  line: number;
  /** the record as it stands in the file, without its line end */
  raw: string;
  /** every problem of the row, not just the first: the office fixes them in one pass */
  problems: ImportProblem<R>[];
}

export interface ImportReport<T, R extends string = string> {
  /** rows that passed every check; each may still carry warnings */
  rows: T[];
  rejected: RejectedRow<R>[];
  /** problems of the file itself (empty, missing columns): when any, no row was read */
  fileProblems: ImportProblem<R>[];
  /** null when the file is empty */
  delimiter: CsvDelimiter | null;
  /** header columns the importer does not know, ignored */
  ignoredColumns: string[];
}

export type CsvReason =
  | 'empty_file'
  | 'missing_columns'
  | 'duplicate_column'
  | 'unterminated_quote'
  | 'wrong_field_count'
  | 'missing_value'
  | 'invalid_date'
  | 'invalid_time'
  | 'invalid_amount'
  | 'amount_not_positive'
  | 'invalid_integer'
  | 'integer_out_of_range'
  | 'invalid_choice'
  | 'invalid_yes_no'
  | 'date_in_future'
  | 'too_long';

export type ImportMessages<R extends string> = Record<R, Record<Locale, string>>;

/** Messages of the generic reasons. {column} is the header name, the same in both languages. */
export const CSV_MESSAGES = {
  empty_file: { it: 'Il file è vuoto.', en: 'The file is empty.' },
  missing_columns: {
    it: 'Mancano le colonne: {columns}. Intestazione attesa: {expected}.',
    en: 'Missing columns: {columns}. Expected header: {expected}.',
  },
  duplicate_column: {
    it: 'La colonna «{column}» compare più volte nell’intestazione.',
    en: 'The column “{column}” appears more than once in the header.',
  },
  unterminated_quote: {
    it: 'Virgolette aperte e mai chiuse: la riga è stata letta fino a qui e scartata.',
    en: 'A quote is opened and never closed: the row was read up to here and refused.',
  },
  wrong_field_count: {
    it: 'La riga ha {count} campi, l’intestazione {expected}: controllare i separatori («{delimiter}») e le virgolette.',
    en: 'The row has {count} fields, the header {expected}: check the separators (“{delimiter}”) and the quotes.',
  },
  missing_value: { it: '«{column}» è obbligatorio.', en: '“{column}” is required.' },
  invalid_date: {
    it: '«{column}»: «{value}» non è una data valida (GG/MM/AAAA o AAAA-MM-GG).',
    en: '“{column}”: “{value}” is not a valid date (DD/MM/YYYY or YYYY-MM-DD).',
  },
  invalid_time: {
    it: '«{column}»: «{value}» non è un orario valido (hh:mm).',
    en: '“{column}”: “{value}” is not a valid time (hh:mm).',
  },
  invalid_amount: { it: '«{column}»: {detail}', en: '“{column}”: {detail}' },
  amount_not_positive: {
    it: '«{column}» deve essere maggiore di zero.',
    en: '“{column}” must be greater than zero.',
  },
  invalid_integer: {
    it: '«{column}»: «{value}» non è un numero intero.',
    en: '“{column}”: “{value}” is not a whole number.',
  },
  integer_out_of_range: {
    it: '«{column}»: {value} è fuori dall’intervallo ammesso ({min}–{max}).',
    en: '“{column}”: {value} is outside the allowed range ({min}–{max}).',
  },
  invalid_choice: {
    it: '«{column}»: «{value}» non è ammesso (valori: {allowed}).',
    en: '“{column}”: “{value}” is not allowed (values: {allowed}).',
  },
  invalid_yes_no: {
    it: '«{column}»: «{value}» non è ammesso (si o no).',
    en: '“{column}”: “{value}” is not allowed (si or no).',
  },
  date_in_future: {
    it: '«{column}» ({value}) è nel futuro rispetto a oggi ({today}).',
    en: '“{column}” ({value}) is in the future: today is {today}.',
  },
  too_long: {
    it: '«{column}» supera {max} caratteri (ne ha {length}).',
    en: '“{column}” exceeds {max} characters (it has {length}).',
  },
} as const satisfies ImportMessages<CsvReason>;

/** A parameter is plain, or already worded in each language (another module's message). */
export type ProblemParams = Record<string, string | number | Record<Locale, string>>;

export type ProblemMaker<R extends string> = (
  field: string | null,
  reason: R,
  params?: ProblemParams,
) => ImportProblem<R>;

function paramsFor(params: ProblemParams, locale: Locale): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(params)) {
    out[key] = typeof value === 'object' ? value[locale] : value;
  }
  return out;
}

/** A problem builder over a message table: {column} defaults to the field's name. */
export function problemMaker<R extends string>(messages: ImportMessages<R>): ProblemMaker<R> {
  return (field, reason, params = {}) => {
    const all: ProblemParams = { column: field ?? '', ...params };
    const template = messages[reason];
    return {
      field,
      reason,
      message: {
        it: interpolate(template.it, paramsFor(all, 'it')),
        en: interpolate(template.en, paramsFor(all, 'en')),
      },
    };
  };
}

// ---- tokenising --------------------------------------------------------------------------------

interface RawRecord {
  line: number;
  raw: string;
  fields: string[];
  unterminated: boolean;
}

function isLineBreak(c: string | undefined): boolean {
  return c === '\n' || c === '\r';
}

/** Length of the line break at `i` (CRLF counts as one), 0 if none. */
function lineBreakAt(text: string, i: number): number {
  const c = text[i];
  if (c === '\r') return text[i + 1] === '\n' ? 2 : 1;
  return c === '\n' ? 1 : 0;
}

/** End (exclusive) of the physical line starting at `i`. */
function endOfLine(text: string, i: number): number {
  let j = i;
  while (j < text.length && !isLineBreak(text[j])) j++;
  return j;
}

/** Delimiter the header line uses most, outside quotes; ";" on a tie or when none is present. */
export function sniffDelimiter(headerLine: string): CsvDelimiter {
  const counts: Record<CsvDelimiter, number> = { ';': 0, ',': 0, '\t': 0 };
  let quoted = false;
  for (const c of headerLine) {
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === ';' || c === ',' || c === '\t')) counts[c]++;
  }
  const best = (['\t', ',', ';'] as const).reduce<CsvDelimiter>(
    (winner, d) => (counts[d] >= counts[winner] ? d : winner),
    ';',
  );
  return counts[best] === 0 ? ';' : best;
}

/** Splits the text (BOM already removed) into records: RFC 4180 with lenient edges. */
function tokenize(text: string, delimiter: CsvDelimiter): RawRecord[] {
  const out: RawRecord[] = [];
  let i = 0;
  let line = 1;
  while (i < text.length) {
    const start = i;
    const startLine = line;
    const fields: string[] = [];
    let field = '';
    let quoted = false;
    let wasQuoted = false;
    let end = text.length;
    let unterminated = false;
    for (;;) {
      if (i >= text.length) {
        unterminated = quoted;
        break;
      }
      const c = text.charAt(i);
      if (quoted) {
        if (c === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i += 2;
          } else {
            quoted = false;
            i++;
          }
          continue;
        }
        const br = lineBreakAt(text, i);
        if (br > 0) {
          field += '\n';
          i += br;
          line++;
          continue;
        }
        field += c;
        i++;
        continue;
      }
      // a quote opens a quoted field only at its start (spaces before it are dropped); elsewhere
      // it is a literal character, as Excel reads it
      if (c === '"' && !wasQuoted && field.trim() === '') {
        quoted = true;
        wasQuoted = true;
        field = '';
        i++;
        continue;
      }
      if (c === delimiter) {
        fields.push(field);
        field = '';
        wasQuoted = false;
        i++;
        continue;
      }
      const br = lineBreakAt(text, i);
      if (br > 0) {
        end = i;
        i += br;
        line++;
        break;
      }
      field += c;
      i++;
    }
    fields.push(field);
    if (unterminated) {
      // Report the record on its first line and resume on the next physical line: a stray quote
      // must not swallow the rest of the file.
      const firstLineEnd = endOfLine(text, start);
      out.push({ line: startLine, raw: text.slice(start, firstLineEnd), fields, unterminated: true });
      i = firstLineEnd + lineBreakAt(text, firstLineEnd);
      line = startLine + 1;
      continue;
    }
    out.push({ line: startLine, raw: text.slice(start, end), fields, unterminated: false });
  }
  return out;
}

/** "Modalità notifica" → "modalita_notifica". */
export function normalizeColumnName(raw: string): string {
  return raw
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
}

export interface CsvColumns {
  required: readonly string[];
  optional?: readonly string[];
}

export interface CsvRow {
  line: number;
  raw: string;
  /** cell of each known column, trimmed ('' when empty) */
  values: Readonly<Record<string, string>>;
}

export type CsvTable =
  | {
      ok: true;
      delimiter: CsvDelimiter;
      ignoredColumns: string[];
      rows: CsvRow[];
      /** records that could not be split into the header's columns */
      rejected: RejectedRow<CsvReason>[];
    }
  | { ok: false; delimiter: CsvDelimiter | null; fileProblems: ImportProblem<CsvReason>[] };

const csvProblem = problemMaker<CsvReason>(CSV_MESSAGES);

const DELIMITER_NAMES: Record<CsvDelimiter, string> = { ';': ';', ',': ',', '\t': 'TAB' };

/** Reads the header and splits the records into the known columns. Never throws. */
export function readCsvTable(text: string, columns: CsvColumns): CsvTable {
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  if (body.trim() === '') {
    return { ok: false, delimiter: null, fileProblems: [csvProblem(null, 'empty_file')] };
  }
  // the header is the first non-blank line
  let headerStart = 0;
  while (headerStart < body.length && endOfLine(body, headerStart) === headerStart) {
    headerStart += lineBreakAt(body, headerStart);
  }
  const delimiter = sniffDelimiter(body.slice(headerStart, endOfLine(body, headerStart)));
  const records = tokenize(body, delimiter).filter((r) => r.fields.some((f) => f.trim() !== ''));
  const [header, ...data] = records;
  if (!header) return { ok: false, delimiter, fileProblems: [csvProblem(null, 'empty_file')] };

  const names = header.fields.map(normalizeColumnName);
  const known = new Set([...columns.required, ...(columns.optional ?? [])]);
  const fileProblems: ImportProblem<CsvReason>[] = [];
  const seen = new Set<string>();
  for (const name of names) {
    if (name !== '' && seen.has(name) && known.has(name)) {
      fileProblems.push(csvProblem(name, 'duplicate_column'));
    }
    seen.add(name);
  }
  const missing = columns.required.filter((c) => !seen.has(c));
  if (missing.length > 0) {
    fileProblems.push(
      csvProblem(null, 'missing_columns', {
        columns: missing.join(', '),
        expected: [...columns.required, ...(columns.optional ?? [])].join(DELIMITER_NAMES[delimiter]),
      }),
    );
  }
  if (fileProblems.length > 0) return { ok: false, delimiter, fileProblems };

  const ignoredColumns = names.filter((n) => n !== '' && !known.has(n));
  const rows: CsvRow[] = [];
  const rejected: RejectedRow<CsvReason>[] = [];
  for (const record of data) {
    if (record.unterminated) {
      rejected.push({
        line: record.line,
        raw: record.raw,
        problems: [csvProblem(null, 'unterminated_quote')],
      });
      continue;
    }
    // trailing empty cells beyond the header (a trailing ";") are harmless
    const extra = record.fields.slice(names.length);
    if (record.fields.length < names.length || extra.some((f) => f.trim() !== '')) {
      rejected.push({
        line: record.line,
        raw: record.raw,
        problems: [
          csvProblem(null, 'wrong_field_count', {
            count: record.fields.length,
            expected: names.length,
            delimiter: DELIMITER_NAMES[delimiter],
          }),
        ],
      });
      continue;
    }
    const values: Record<string, string> = {};
    names.forEach((name, index) => {
      if (known.has(name)) values[name] = (record.fields[index] ?? '').trim();
    });
    rows.push({ line: record.line, raw: record.raw, values });
  }
  return { ok: true, delimiter, ignoredColumns, rows, rejected };
}

// ---- cell readers --------------------------------------------------------------------------------

const ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
const ITALIAN = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/;

/**
 * "15/03/2025", "15-03-2025", "15.03.2025", "5/3/2025" or "2025-03-15" → '2025-03-15'; null for
 * anything else, impossible dates (31/04) and two-digit years (1925 or 2025?).
 */
export function parseCsvDate(raw: string): IsoDate | null {
  const text = raw.trim();
  const iso = ISO.exec(text);
  const it = iso ? null : ITALIAN.exec(text);
  const [y, m, d] = iso ? [iso[1], iso[2], iso[3]] : it ? [it[3], it[2], it[1]] : [];
  if (y === undefined || m === undefined || d === undefined) return null;
  const candidate = `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
  return isIsoDate(candidate) ? candidate : null;
}

/** "9:05", "09:05", "09.05", "09:05:00" → '09:05'; null otherwise. */
export function parseCsvTime(raw: string): string | null {
  const match = /^(\d{1,2})[:.](\d{2})(?::(\d{2}))?$/.exec(raw.trim());
  if (!match) return null;
  const h = Number(match[1]);
  const m = Number(match[2]);
  const s = match[3] === undefined ? 0 : Number(match[3]);
  if (h > 23 || m > 59 || s > 59) return null;
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
}

/** si / sì / s / yes / y / true / 1 / x and no / n / false / 0, any case; null otherwise. */
export function parseYesNo(raw: string): boolean | null {
  const text = raw.trim().toLowerCase();
  if (['si', 'sì', 's', 'yes', 'y', 'true', '1', 'x'].includes(text)) return true;
  if (['no', 'n', 'false', '0'].includes(text)) return false;
  return null;
}

/** Digits only (no sign, no decimals), up to 9 of them; null otherwise. */
export function parseCsvInteger(raw: string): number | null {
  const text = raw.trim();
  return /^\d{1,9}$/.test(text) ? Number(text) : null;
}
