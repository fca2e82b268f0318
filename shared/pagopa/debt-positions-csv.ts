import { compareIsoDates, isIsoDate, type IsoDate } from '../calendar/iso-date';
import { describeCfProblem } from '../codice-fiscale/cf-messages';
import { checkCodiceFiscale, normalizeCodiceFiscale } from '../codice-fiscale/codice-fiscale';
import type { Cents } from '../money/cents';
import { parseEuro } from '../money/euro-format';
import {
  CSV_MESSAGES,
  parseCsvDate,
  parseCsvInteger,
  problemMaker,
  readCsvTable,
  type CsvReason,
  type CsvRow,
  type ImportMessages,
  type ImportProblem,
  type ImportReport,
  type RejectedRow,
} from './csv-import';
import { parseEnteFiscalCode } from './ente-fiscal-code';
import { parseNoticeNumber, type AuxDigit } from './notice-number';

/**
 * Import at the hub of the debt positions (posizioni debitorie) the comune's offices issue as
 * pagoPA notices: TARI, IMU, school canteen, others (DOMAIN.md §6.5-6.6). Paying the notice at
 * the counter closes its position, so the position must be known before the citizen arrives.
 * Reading rules (encoding, delimiter, quotes): csv-import.ts.
 *
 * Header (semicolon-separated; comma or tab are recognised too), `rata` optional:
 *
 *   codice_avviso;codice_fiscale_debitore;causale;tipo;importo;scadenza;rata
 *
 * Example row:
 *
 *   301000000000000144;RSSMRA80A01B885X;TARI 2026 rata 1;TARI;120,50;16/06/2026;1
 *
 * | column                  | content                                                                |
 * |-------------------------|------------------------------------------------------------------------|
 * | codice_avviso           | 18 digits, spaces allowed; structure and check digits (mod 93) checked  |
 * | codice_fiscale_debitore | a person's CF (16, check character) or a body's (11 digits, P.IVA)      |
 * | causale                 | what is paid, up to 140 characters                                     |
 * | tipo                    | TARI, IMU, MENSA or ALTRO                                              |
 * | importo                 | euro, comma or point ("120,50"), more than zero                        |
 * | scadenza                | GG/MM/AAAA or AAAA-MM-GG                                               |
 * | rata                    | instalment number 1-99; empty = single payment (rata unica)            |
 *
 * A row with any problem is refused with ALL its problems. A notice identifies one position
 * (DOMAIN.md §6.1: the IUV is unique over time), so every row after the first with the same notice
 * number is refused, even when the first was refused for another reason: the file is wrong
 * whichever row is right, and silently keeping one would hide it.
 */

export const DEBT_POSITION_REQUIRED_COLUMNS = [
  'codice_avviso',
  'codice_fiscale_debitore',
  'causale',
  'tipo',
  'importo',
  'scadenza',
] as const;
export const DEBT_POSITION_OPTIONAL_COLUMNS = ['rata'] as const;

export const DEBT_POSITION_KINDS = ['TARI', 'IMU', 'MENSA', 'ALTRO'] as const;
export type DebtPositionKind = (typeof DEBT_POSITION_KINDS)[number];

/**
 * The causale travels in the pagoPA payment request and receipt, where it is a text of at most
 * 140 characters [K: the RPT/RT "causaleVersamento" limit]. Longer would be cut by the PSP.
 */
export const MAX_CAUSALE_LENGTH = 140;
export const MAX_INSTALMENT = 99;
/** the largest amount a pagoPA QR can carry: 11 digits of cents (DOMAIN.md §6.3) */
export const MAX_POSITION_CENTS = 99_999_999_999;

export type DebtPositionImportReason =
  | CsvReason
  | 'invalid_notice_number'
  | 'foreign_notice'
  | 'invalid_debtor_code'
  | 'amount_too_large'
  | 'duplicate_notice';

export type DebtPositionWarningReason = 'due_date_past' | 'deprecated_aux_digit' | 'central_service_notice';

const MESSAGES = {
  ...CSV_MESSAGES,
  invalid_notice_number: { it: '«{column}»: {detail}', en: '“{column}”: {detail}' },
  foreign_notice: {
    it: 'Il codice avviso {value} non è del comune: il codice di segregazione è «{found}», quello del comune «{expected}».',
    en: 'The notice number {value} is not the comune’s: its segregation code is “{found}”, the comune’s is “{expected}”.',
  },
  invalid_debtor_code: {
    it: '«{column}»: «{value}» non è un codice fiscale valido. {detail}',
    en: '“{column}”: “{value}” is not a valid fiscal code. {detail}',
  },
  amount_too_large: {
    it: '«{column}»: un avviso pagoPA porta al massimo 999.999.999,99 euro.',
    en: '“{column}”: a pagoPA notice carries at most 999,999,999.99 euro.',
  },
  duplicate_notice: {
    it: 'Il codice avviso {value} è già nel file alla riga {firstLine}: scartata questa seconda occorrenza.',
    en: 'The notice number {value} is already in the file at line {firstLine}: this second occurrence is refused.',
  },
} as const satisfies ImportMessages<DebtPositionImportReason>;

const WARNING_MESSAGES = {
  due_date_past: {
    it: 'Scadenza già passata ({dueDate}): l’avviso resta pagabile, eventuali maggiorazioni non sono calcolate qui.',
    en: 'Due date already past ({dueDate}): the notice stays payable, any surcharges are not computed here.',
  },
  deprecated_aux_digit: {
    it: 'Codice avviso con aux digit {aux}, deprecato: i nuovi avvisi usano il 3.',
    en: 'Notice number with aux digit {aux}, deprecated: new notices use 3.',
  },
  central_service_notice: {
    it: 'Il codice di segregazione {code} è riservato a un servizio centrale ({service}): verificare che la posizione sia del comune.',
    en: 'Segregation code {code} is reserved for a central service ({service}): check the position is the comune’s.',
  },
} as const satisfies ImportMessages<DebtPositionWarningReason>;

const problem = problemMaker<DebtPositionImportReason>(MESSAGES);
const warning = problemMaker<DebtPositionWarningReason>(WARNING_MESSAGES);

export interface DebtPositionRecord {
  /** Belfiore code of the comune (the option given to the importer) */
  comune: string;
  line: number;
  /** 18 digits without spaces */
  noticeNumber: string;
  /** what receipts and reporting use with the CF of the body (DOMAIN.md §14 fact 1) */
  iuv: string;
  auxDigit: AuxDigit;
  /** aux 3 only */
  segregationCode: string | null;
  /** upper case, no spaces */
  debtorFiscalCode: string;
  /** a person (16 characters) or a company or body (11 digits) */
  debtorKind: 'person' | 'body';
  description: string;
  kind: DebtPositionKind;
  amountCents: Cents;
  dueDate: IsoDate;
  /** null: single payment (rata unica) */
  instalment: number | null;
  warnings: ImportProblem<DebtPositionWarningReason>[];
}

export interface DebtPositionsCsvOptions {
  /** Belfiore code of the comune the file belongs to */
  comune: string;
  /**
   * The comune's segregation code (aux 3, DOMAIN.md §6.1). When given, every notice must be aux 3
   * with it: a notice generated by another body's station cannot be closed at our counter.
   */
  segregationCode?: string;
  /** the hub's civil date (Europe/Rome), for the past-due warning; not checked without it */
  today?: IsoDate;
}

function readDebtor(
  raw: string,
): { code: string; kind: 'person' | 'body' } | { detail: Record<'it' | 'en', string> } {
  const code = normalizeCodiceFiscale(raw);
  if (/^\d+$/.test(code)) {
    const body = parseEnteFiscalCode(code);
    return body.ok ? { code: body.value, kind: 'body' } : { detail: body.error.message };
  }
  const check = checkCodiceFiscale(code);
  if (check.valid) return { code, kind: 'person' };
  const first = check.problems[0];
  return {
    detail: first
      ? { it: describeCfProblem(first, 'it'), en: describeCfProblem(first, 'en') }
      : { it: '', en: '' },
  };
}

interface RowOutcome {
  problems: ImportProblem<DebtPositionImportReason>[];
  record: DebtPositionRecord | null;
  noticeNumber: string | null;
}

function readRow(row: CsvRow, opts: DebtPositionsCsvOptions, today: IsoDate | null): RowOutcome {
  const problems: ImportProblem<DebtPositionImportReason>[] = [];
  const warnings: ImportProblem<DebtPositionWarningReason>[] = [];
  const v = (column: string): string => row.values[column] ?? '';

  const noticeRaw = v('codice_avviso');
  const notice = noticeRaw === '' ? null : parseNoticeNumber(noticeRaw);
  if (notice === null) problems.push(problem('codice_avviso', 'missing_value'));
  else if (!notice.ok) {
    problems.push(problem('codice_avviso', 'invalid_notice_number', { detail: notice.error.message }));
  } else {
    const { noticeNumber, auxDigit, segregationCode, centralService } = notice.value;
    if (opts.segregationCode !== undefined && segregationCode !== opts.segregationCode) {
      problems.push(
        problem('codice_avviso', 'foreign_notice', {
          value: noticeNumber,
          found: segregationCode ?? `aux ${auxDigit}`,
          expected: opts.segregationCode,
        }),
      );
    }
    if (auxDigit !== 3) warnings.push(warning('codice_avviso', 'deprecated_aux_digit', { aux: auxDigit }));
    if (centralService !== null && segregationCode !== null) {
      warnings.push(
        warning('codice_avviso', 'central_service_notice', {
          code: segregationCode,
          service: centralService,
        }),
      );
    }
  }

  const debtorRaw = v('codice_fiscale_debitore');
  const debtor = debtorRaw === '' ? null : readDebtor(debtorRaw);
  if (debtor === null) problems.push(problem('codice_fiscale_debitore', 'missing_value'));
  else if ('detail' in debtor) {
    problems.push(
      problem('codice_fiscale_debitore', 'invalid_debtor_code', { value: debtorRaw, detail: debtor.detail }),
    );
  }

  const description = v('causale').replace(/\s+/g, ' ');
  if (description === '') problems.push(problem('causale', 'missing_value'));
  else if (description.length > MAX_CAUSALE_LENGTH) {
    problems.push(problem('causale', 'too_long', { max: MAX_CAUSALE_LENGTH, length: description.length }));
  }

  const kindRaw = v('tipo');
  const kind = DEBT_POSITION_KINDS.find((k) => k === kindRaw.toUpperCase()) ?? null;
  if (kindRaw === '') problems.push(problem('tipo', 'missing_value'));
  else if (kind === null) {
    problems.push(
      problem('tipo', 'invalid_choice', { value: kindRaw, allowed: DEBT_POSITION_KINDS.join(', ') }),
    );
  }

  const amountRaw = v('importo');
  let amount: Cents | null = null;
  if (amountRaw === '') problems.push(problem('importo', 'missing_value'));
  else {
    const parsed = parseEuro(amountRaw, 'it');
    if (!parsed.ok) problems.push(problem('importo', 'invalid_amount', { detail: parsed.error.message }));
    else if (parsed.value <= 0) problems.push(problem('importo', 'amount_not_positive'));
    else if (parsed.value > MAX_POSITION_CENTS) problems.push(problem('importo', 'amount_too_large'));
    else amount = parsed.value;
  }

  const dueRaw = v('scadenza');
  const dueDate = dueRaw === '' ? null : parseCsvDate(dueRaw);
  if (dueRaw === '') problems.push(problem('scadenza', 'missing_value'));
  else if (dueDate === null) problems.push(problem('scadenza', 'invalid_date', { value: dueRaw }));

  const instalmentRaw = v('rata');
  let instalment: number | null = null;
  let instalmentOk = true;
  if (instalmentRaw !== '') {
    instalment = parseCsvInteger(instalmentRaw);
    if (instalment === null) {
      problems.push(problem('rata', 'invalid_integer', { value: instalmentRaw }));
      instalmentOk = false;
    } else if (instalment < 1 || instalment > MAX_INSTALMENT) {
      problems.push(
        problem('rata', 'integer_out_of_range', { value: instalment, min: 1, max: MAX_INSTALMENT }),
      );
      instalmentOk = false;
    }
  }

  const noticeNumber = notice?.ok ? notice.value.noticeNumber : null;
  if (
    problems.length > 0 ||
    notice === null ||
    !notice.ok ||
    debtor === null ||
    'detail' in debtor ||
    kind === null ||
    amount === null ||
    dueDate === null ||
    !instalmentOk
  ) {
    return { problems, record: null, noticeNumber };
  }
  if (today !== null && compareIsoDates(dueDate, today) < 0) {
    warnings.push(warning('scadenza', 'due_date_past', { dueDate }));
  }
  return {
    problems,
    noticeNumber,
    record: {
      comune: opts.comune,
      line: row.line,
      noticeNumber: notice.value.noticeNumber,
      iuv: notice.value.iuv,
      auxDigit: notice.value.auxDigit,
      segregationCode: notice.value.segregationCode,
      debtorFiscalCode: debtor.code,
      debtorKind: debtor.kind,
      description,
      kind,
      amountCents: amount,
      dueDate,
      instalment,
      warnings,
    },
  };
}

/**
 * Reads a debt-positions CSV. Never throws: a broken file gives `fileProblems`, broken rows are
 * in `rejected` with their line, text and every problem, the rest are in `rows`.
 */
export function parseDebtPositionsCsv(
  text: string,
  opts: DebtPositionsCsvOptions,
): ImportReport<DebtPositionRecord, DebtPositionImportReason> {
  const table = readCsvTable(text, {
    required: DEBT_POSITION_REQUIRED_COLUMNS,
    optional: DEBT_POSITION_OPTIONAL_COLUMNS,
  });
  if (!table.ok) {
    return {
      rows: [],
      rejected: [],
      fileProblems: table.fileProblems,
      delimiter: table.delimiter,
      ignoredColumns: [],
    };
  }
  const today = opts.today !== undefined && isIsoDate(opts.today) ? opts.today : null;
  const rows: DebtPositionRecord[] = [];
  const rejected: RejectedRow<DebtPositionImportReason>[] = [...table.rejected];
  const firstLineOfNotice = new Map<string, number>();
  for (const row of table.rows) {
    const { problems, record, noticeNumber } = readRow(row, opts, today);
    const firstLine = noticeNumber === null ? undefined : firstLineOfNotice.get(noticeNumber);
    if (noticeNumber !== null && firstLine !== undefined) {
      problems.push(problem('codice_avviso', 'duplicate_notice', { value: noticeNumber, firstLine }));
    }
    // the first occurrence claims the notice even when refused (see the file comment)
    if (noticeNumber !== null && firstLine === undefined) firstLineOfNotice.set(noticeNumber, row.line);
    if (record === null || problems.length > 0) {
      rejected.push({ line: row.line, raw: row.raw, problems });
      continue;
    }
    rows.push(record);
  }
  rejected.sort((a, b) => a.line - b.line);
  return {
    rows,
    rejected,
    fileProblems: [],
    delimiter: table.delimiter,
    ignoredColumns: table.ignoredColumns,
  };
}
