import {
  addDays,
  compareIsoDates,
  daysBetween,
  isIsoDate,
  isWithin,
  type IsoDate,
} from '../calendar/iso-date';
import { ZERO_CENTS, type Cents } from '../money/cents';
import { parseEuro } from '../money/euro-format';
import {
  CSV_MESSAGES,
  normalizeColumnName,
  parseCsvDate,
  parseCsvInteger,
  parseCsvTime,
  parseYesNo,
  problemMaker,
  readCsvTable,
  type CsvReason,
  type CsvRow,
  type ImportMessages,
  type ImportProblem,
  type ImportReport,
  type RejectedRow,
} from '../pagopa/csv-import';
import { parseNoticeNumber } from '../pagopa/notice-number';
import type { Notification, NotificationOutcome } from './notification';
import { VIOLATION_TARIFFS, type ViolationTariff } from './tariffs';

/**
 * Import at the hub of the Polizia Locale's verbali from CSV, with a line-by-line report of the
 * refused rows. Reading rules (encoding, delimiter, quotes): pagopa/csv-import.ts.
 *
 * Header (semicolon-separated, as Italian Excel writes it; comma or tab are recognised too):
 *
 *   numero_verbale;serie;targa;data_violazione;ora;articolo;comma;data_notifica;modalita_notifica;spese_notifica;punti;conducente_identificato
 *
 * and an optional last column `codice_avviso` (the verbale's pagoPA notice, DOMAIN.md §4.4:
 * verbali carry one since 28 Feb 2021). Example row:
 *
 *   999;Z;AB123CD;15/03/2025;08:40;142;8;20/03/2025;posta;13,80;3;no
 *
 * | column                  | content                                                                      |
 * |-------------------------|------------------------------------------------------------------------------|
 * | numero_verbale          | digits; "999Z" is read as number 999, series Z (DOMAIN.md §4.5)              |
 * | serie                   | 0-8 letters or digits, may be empty                                          |
 * | targa                   | plate, spaces and hyphens dropped, upper-cased                               |
 * | data_violazione         | GG/MM/AAAA or AAAA-MM-GG; picks the tariff (tariffs.ts)                       |
 * | ora                     | hh:mm                                                                        |
 * | articolo, comma         | CdS article and comma ("142", "9-bis"); comma may be empty (art. 172, 193)   |
 * | data_notifica           | empty = not yet notified; otherwise the day the verbale counts as notified   |
 * | modalita_notifica       | mani, posta, cad (collected after the CAD notice), compiuta_giacenza         |
 * | spese_notifica          | euro, comma or point ("13,80", "13.80"); empty = 0                           |
 * | punti                   | licence points, 0-20; empty = 0                                              |
 * | conducente_identificato | si / no                                                                      |
 *
 * A row with any problem is refused with ALL its problems; good rows are kept. Every occurrence
 * of a verbale (number + series) or notice after the first is refused, even when the first was
 * refused for another reason: the file is wrong whichever row is right. Checks that depend on facts the file does not carry (the
 * 90-day term of art. 201, points) give warnings on the kept row rather than a refusal.
 */

export const VERBALI_REQUIRED_COLUMNS = [
  'numero_verbale',
  'serie',
  'targa',
  'data_violazione',
  'ora',
  'articolo',
  'comma',
  'data_notifica',
  'modalita_notifica',
  'spese_notifica',
  'punti',
  'conducente_identificato',
] as const;
export const VERBALI_OPTIONAL_COLUMNS = ['codice_avviso'] as const;

/**
 * Art. 201 c.1 CdS: a violation not contested on the spot must be notified within 90 days of the
 * assessment (360 for residents abroad) [K]. The file has neither the assessment date nor the
 * residence, so a later notification is a warning, not a refusal.
 */
export const NOTIFICATION_TERM_DAYS = 90;

/**
 * The most points one violation of the table takes is 10 (art. 142 c.9-bis), doubled in the
 * first 3 years of the licence (art. 126-bis c.5): 20. A higher value is a typing error.
 */
export const MAX_POINTS_PER_VERBALE = 20;

export type VerbaleImportReason =
  | CsvReason
  | 'invalid_verbale_number'
  | 'invalid_series'
  | 'series_mismatch'
  | 'invalid_plate'
  | 'invalid_article'
  | 'invalid_comma'
  | 'unknown_violation'
  | 'no_tariff_on_date'
  | 'notification_incomplete'
  | 'invalid_notification_mode'
  | 'notified_before_violation'
  | 'invalid_notice_number'
  | 'duplicate_verbale'
  | 'duplicate_notice';

export type VerbaleWarningReason =
  'tariff_not_confirmed' | 'several_violations_match' | 'points_differ_from_tariff' | 'notified_after_term';

const MESSAGES = {
  ...CSV_MESSAGES,
  invalid_verbale_number: {
    it: '«{column}»: «{value}» non è un numero di verbale (cifre, eventualmente seguite dalla lettera della serie).',
    en: '“{column}”: “{value}” is not a verbale number (digits, possibly followed by the series letter).',
  },
  invalid_series: {
    it: '«{column}»: «{value}» non è una serie valida (fino a 8 lettere o cifre).',
    en: '“{column}”: “{value}” is not a valid series (up to 8 letters or digits).',
  },
  series_mismatch: {
    it: 'Il numero «{value}» porta la serie «{suffix}», ma la colonna serie dice «{series}».',
    en: 'The number “{value}” carries the series “{suffix}”, but the series column says “{series}”.',
  },
  invalid_plate: {
    it: '«{column}»: «{value}» non è una targa (da 2 a 10 lettere e cifre, almeno una cifra).',
    en: '“{column}”: “{value}” is not a plate (2 to 10 letters and digits, at least one digit).',
  },
  invalid_article: {
    it: '«{column}»: «{value}» non è un articolo del Codice della Strada (es. 142, 126-bis).',
    en: '“{column}”: “{value}” is not an article of the Codice della Strada (e.g. 142, 126-bis).',
  },
  invalid_comma: {
    it: '«{column}»: «{value}» non è un comma (es. 8, 9-bis, oppure vuoto).',
    en: '“{column}”: “{value}” is not a comma (e.g. 8, 9-bis, or empty).',
  },
  unknown_violation: {
    it: 'Art. {article}{commaText}: violazione non presente nel tariffario.',
    en: 'Art. {article}{commaText}: violation not in the tariff table.',
  },
  no_tariff_on_date: {
    it: 'Art. {article}{commaText}: nessuna tariffa in vigore alla data della violazione ({date}).',
    en: 'Art. {article}{commaText}: no tariff in force on the violation date ({date}).',
  },
  notification_incomplete: {
    it: 'Data e modalità di notifica vanno indicate insieme (entrambe vuote se il verbale non è ancora notificato).',
    en: 'Notification date and mode go together (both empty if the verbale is not notified yet).',
  },
  invalid_notification_mode: {
    it: '«{column}»: «{value}» non è ammesso (mani, posta, cad, compiuta_giacenza).',
    en: '“{column}”: “{value}” is not allowed (mani, posta, cad, compiuta_giacenza).',
  },
  notified_before_violation: {
    it: 'La notifica ({notifiedOn}) precede la violazione ({violationDate}).',
    en: 'The notification ({notifiedOn}) precedes the violation ({violationDate}).',
  },
  invalid_notice_number: { it: '«{column}»: {detail}', en: '“{column}”: {detail}' },
  duplicate_verbale: {
    it: 'Il verbale {value} è già nel file alla riga {firstLine}: scartata questa seconda occorrenza.',
    en: 'Verbale {value} is already in the file at line {firstLine}: this second occurrence is refused.',
  },
  duplicate_notice: {
    it: 'Il codice avviso {value} è già usato dal verbale alla riga {firstLine}.',
    en: 'The notice number {value} is already used by the verbale at line {firstLine}.',
  },
} as const satisfies ImportMessages<VerbaleImportReason>;

const WARNING_MESSAGES = {
  tariff_not_confirmed: {
    it: 'Gli importi in vigore al {date} non sono confermati dalle fonti (possibile aggiornamento biennale): verificare il tariffario.',
    en: 'The amounts in force on {date} are not confirmed by the sources (possible biennial update): check the tariff table.',
  },
  several_violations_match: {
    it: 'Art. {article}{commaText} corrisponde a più violazioni ({ids}): indicare quale al primo accesso al verbale.',
    en: 'Art. {article}{commaText} matches several violations ({ids}): pick one when the verbale is first opened.',
  },
  points_differ_from_tariff: {
    it: 'Punti {points}: il tariffario indica {expected} (il doppio per i neopatentati).',
    en: 'Points {points}: the tariff table says {expected} (double for new drivers).',
  },
  notified_after_term: {
    it: 'Notificato {days} giorni dopo la violazione: oltre i {term} giorni dell’art. 201 CdS (salvo residenti all’estero o accertamento successivo).',
    en: 'Notified {days} days after the violation: beyond the {term} days of art. 201 CdS (unless resident abroad or assessed later).',
  },
} as const satisfies ImportMessages<VerbaleWarningReason>;

const problem = problemMaker<VerbaleImportReason>(MESSAGES);
const warning = problemMaker<VerbaleWarningReason>(WARNING_MESSAGES);

/** How the verbale was notified, as the file says it; the modes are those of notification.ts. */
export interface VerbaleNotification {
  mode: Notification['mode'];
  /** cad splits into collected at the post office or compiuta giacenza */
  how: NotificationOutcome['how'];
  /** the day the verbale counts as notified (not itself counted in the terms) */
  notifiedOn: IsoDate;
}

export interface VerbaleRecord {
  /** Belfiore code of the comune (the option given to the importer) */
  comune: string;
  /** line of the file, for the import log */
  line: number;
  /** verbaleKey(series, number): unique within the comune */
  key: string;
  /** digits without leading zeros */
  number: string;
  /** upper case, '' when the verbale has none */
  series: string;
  /** upper case, no spaces or hyphens: the lookup key of DOMAIN.md §4.5 */
  plate: string;
  /** `italian`: the current AA000AA format; `other`: older, foreign or special plates */
  plateFormat: 'italian' | 'other';
  violationDate: IsoDate;
  /** 'HH:mm' (art. 195 c.2-bis: night hours raise some fines by one third) */
  violationTime: string;
  article: string;
  comma: string | null;
  /** ids of the tariff rows matching article and comma on the violation date (tariffs.ts) */
  violationIds: readonly string[];
  /** the only match; null when several match (art. 158 c.2: disabled bay or bus lane) */
  violationId: string | null;
  /** null while not notified */
  notification: VerbaleNotification | null;
  notificationCostsCents: Cents;
  licencePoints: number;
  driverIdentified: boolean;
  /** 18 digits, null when the file has none */
  noticeNumber: string | null;
  warnings: ImportProblem<VerbaleWarningReason>[];
}

export interface VerbaliCsvOptions {
  /** Belfiore code of the comune the file belongs to */
  comune: string;
  tariffs?: readonly ViolationTariff[];
  /**
   * The hub's civil date (Europe/Rome). Dates after it are refused; without it they are not
   * checked (shared/ never reads the clock).
   */
  today?: IsoDate;
}

/**
 * The stable key of a verbale within its comune: "999/Z", or "999" without a series. Leading
 * zeros and case do not matter ("000999", "z" → "999/Z"), so the same verbale typed two ways is
 * one key. The number must be digits; anything else is returned upper-cased as it is.
 */
export function verbaleKey(series: string, number: string): string {
  const s = series.replace(/\s+/g, '').toUpperCase();
  const trimmed = number.replace(/\s+/g, '').toUpperCase();
  const n = /^\d+$/.test(trimmed) ? trimmed.replace(/^0+(?=\d)/, '') : trimmed;
  return s === '' ? n : `${n}/${s}`;
}

const ITALIAN_PLATE = /^[A-HJ-NPR-TV-Z]{2}\d{3}[A-HJ-NPR-TV-Z]{2}$/;

/**
 * A plate as the lookup key: upper case, without spaces, hyphens or dots. Current Italian plates
 * (AA000AA, since 1994, without I, O, Q, U) are recognised; older Italian plates ("TO 123456"),
 * motorcycles, mopeds and foreign plates are accepted leniently: 2 to 10 letters and digits with
 * at least one digit. Null when not even that.
 */
export function normalizePlate(raw: string): { plate: string; format: 'italian' | 'other' } | null {
  const plate = raw.replace(/[\s.\-·]+/g, '').toUpperCase();
  if (!/^[A-Z0-9]{2,10}$/.test(plate) || !/\d/.test(plate)) return null;
  return { plate, format: ITALIAN_PLATE.test(plate) ? 'italian' : 'other' };
}

const LATIN_SUFFIXES = [
  'bis',
  'ter',
  'quater',
  'quinquies',
  'sexies',
  'septies',
  'octies',
  'novies',
  'decies',
];

/**
 * "142", "Art. 142", "126 bis", "126BIS" → "142", "126-bis"; with `comma`, "c. 9-bis" and
 * "comma 8" too. Null when it is not a number with an optional Latin suffix.
 */
export function normalizeArticleOrComma(raw: string, kind: 'article' | 'comma'): string | null {
  const prefix = kind === 'article' ? /^(art\.?|articolo)\s*/ : /^(c\.?|comma)\s*/;
  const text = raw.trim().toLowerCase().replace(prefix, '');
  const match = /^(\d{1,3})\s*-?\s*([a-z]+)?$/.exec(text);
  if (!match) return null;
  const number = String(Number(match[1]));
  const suffix = match[2];
  if (suffix === undefined) return number;
  return LATIN_SUFFIXES.includes(suffix) ? `${number}-${suffix}` : null;
}

const NOTIFICATION_MODES: Readonly<
  Record<string, { mode: Notification['mode']; how: VerbaleNotification['how'] }>
> = {
  mani: { mode: 'hand', how: 'hand' },
  a_mani: { mode: 'hand', how: 'hand' },
  hand: { mode: 'hand', how: 'hand' },
  posta: { mode: 'post', how: 'post' },
  post: { mode: 'post', how: 'post' },
  cad: { mode: 'cad', how: 'cad-collected' },
  compiuta_giacenza: { mode: 'cad', how: 'cad-compiuta-giacenza' },
  giacenza: { mode: 'cad', how: 'cad-compiuta-giacenza' },
};

/**
 * The `Notification` amount-due.ts needs, from what the file says. The file gives the day the
 * verbale counts as notified, not the day of deposit at the post office, so the CAD cases are
 * rebuilt to give that same day through `notificationOutcome`: collected → deposited and
 * collected the same day; compiuta giacenza → deposited `cadPerfectedAfterDays` before (the rule
 * of L. 890/1982 art. 8 read backwards). Pass the days of the rules in force (fine-rules.ts).
 */
export function toFineNotification(n: VerbaleNotification, cadPerfectedAfterDays: number): Notification {
  switch (n.how) {
    case 'hand':
    case 'post':
      return { mode: n.how, deliveredOn: n.notifiedOn };
    case 'cad-collected':
      return { mode: 'cad', depositedOn: n.notifiedOn, collectedOn: n.notifiedOn };
    case 'cad-compiuta-giacenza':
      return { mode: 'cad', depositedOn: addDays(n.notifiedOn, -cadPerfectedAfterDays), collectedOn: null };
  }
}

interface Context {
  comune: string;
  tariffs: readonly ViolationTariff[];
  today: IsoDate | null;
}

const commaText = (comma: string | null): string => (comma === null ? '' : ` c.${comma}`);

/** Rows of the table for article + comma; a row without comma covers the whole article. */
function tariffsFor(table: readonly ViolationTariff[], article: string, comma: string | null) {
  return table.filter((t) => t.article === article && (t.comma === null || t.comma === comma));
}

function readDate(
  row: CsvRow,
  column: string,
  ctx: Context,
  problems: ImportProblem<VerbaleImportReason>[],
): IsoDate | null {
  const raw = row.values[column] ?? '';
  if (raw === '') {
    problems.push(problem(column, 'missing_value'));
    return null;
  }
  const date = parseCsvDate(raw);
  if (date === null) {
    problems.push(problem(column, 'invalid_date', { value: raw }));
    return null;
  }
  if (ctx.today !== null && compareIsoDates(date, ctx.today) > 0) {
    problems.push(problem(column, 'date_in_future', { value: raw, today: ctx.today }));
  }
  return date;
}

interface RowOutcome {
  problems: ImportProblem<VerbaleImportReason>[];
  record: VerbaleRecord | null;
  /** when number and series could be read, for the duplicate check even on a refused row */
  key: string | null;
  noticeNumber: string | null;
}

function readRow(row: CsvRow, ctx: Context): RowOutcome {
  const problems: ImportProblem<VerbaleImportReason>[] = [];
  const warnings: ImportProblem<VerbaleWarningReason>[] = [];
  const v = (column: string): string => row.values[column] ?? '';

  // number and series
  let series: string | null = v('serie').replace(/\s+/g, '').toUpperCase();
  if (!/^[A-Z0-9]{0,8}$/.test(series)) {
    problems.push(problem('serie', 'invalid_series', { value: v('serie') }));
    series = null;
  }
  let number: string | null = null;
  const numberRaw = v('numero_verbale');
  const numberMatch = /^(\d{1,12})([A-Z]{1,8})?$/.exec(numberRaw.replace(/\s+/g, '').toUpperCase());
  if (numberRaw === '') {
    problems.push(problem('numero_verbale', 'missing_value'));
  } else if (!numberMatch || /^0+$/.test(numberMatch[1] ?? '')) {
    problems.push(problem('numero_verbale', 'invalid_verbale_number', { value: numberRaw }));
  } else {
    number = (numberMatch[1] ?? '').replace(/^0+/, '');
    const suffix = numberMatch[2];
    if (suffix !== undefined && series !== null) {
      if (series === '') series = suffix;
      else if (series !== suffix) {
        problems.push(problem('numero_verbale', 'series_mismatch', { value: numberRaw, suffix, series }));
      }
    }
  }

  // plate
  const plateRaw = v('targa');
  const plate = plateRaw === '' ? null : normalizePlate(plateRaw);
  if (plateRaw === '') problems.push(problem('targa', 'missing_value'));
  else if (plate === null) problems.push(problem('targa', 'invalid_plate', { value: plateRaw }));

  // date and time
  const violationDate = readDate(row, 'data_violazione', ctx, problems);
  const timeRaw = v('ora');
  const violationTime = timeRaw === '' ? null : parseCsvTime(timeRaw);
  if (timeRaw === '') problems.push(problem('ora', 'missing_value'));
  else if (violationTime === null) problems.push(problem('ora', 'invalid_time', { value: timeRaw }));

  // article, comma and the tariff in force on the violation date
  const articleRaw = v('articolo');
  const article = articleRaw === '' ? null : normalizeArticleOrComma(articleRaw, 'article');
  if (articleRaw === '') problems.push(problem('articolo', 'missing_value'));
  else if (article === null) problems.push(problem('articolo', 'invalid_article', { value: articleRaw }));
  const commaRaw = v('comma');
  const comma = commaRaw === '' ? null : normalizeArticleOrComma(commaRaw, 'comma');
  const commaOk = commaRaw === '' || comma !== null;
  if (!commaOk) problems.push(problem('comma', 'invalid_comma', { value: commaRaw }));
  let inForce: ViolationTariff[] = [];
  if (article !== null && commaOk) {
    const rows = tariffsFor(ctx.tariffs, article, comma);
    const params = { article, commaText: commaText(comma) };
    if (rows.length === 0) {
      problems.push(problem('articolo', 'unknown_violation', params));
    } else if (violationDate !== null) {
      inForce = rows.filter((t) => isWithin(violationDate, t.validFrom, t.validTo));
      if (inForce.length === 0) {
        problems.push(problem('data_violazione', 'no_tariff_on_date', { ...params, date: violationDate }));
      }
    }
  }

  // notification
  const notifiedRaw = v('data_notifica');
  const modeRaw = v('modalita_notifica');
  let notification: VerbaleNotification | null = null;
  if ((notifiedRaw === '') !== (modeRaw === '')) {
    problems.push(
      problem(notifiedRaw === '' ? 'data_notifica' : 'modalita_notifica', 'notification_incomplete'),
    );
  }
  const modeKey = normalizeColumnName(modeRaw);
  // own keys only: "constructor" typed in the file must not find Object.prototype's
  const mode = Object.hasOwn(NOTIFICATION_MODES, modeKey) ? (NOTIFICATION_MODES[modeKey] ?? null) : null;
  if (modeRaw !== '' && mode === null) {
    problems.push(problem('modalita_notifica', 'invalid_notification_mode', { value: modeRaw }));
  }
  if (notifiedRaw !== '') {
    const notifiedOn = readDate(row, 'data_notifica', ctx, problems);
    if (notifiedOn !== null && violationDate !== null && compareIsoDates(notifiedOn, violationDate) < 0) {
      problems.push(
        problem('data_notifica', 'notified_before_violation', { notifiedOn, violationDate: violationDate }),
      );
    }
    if (notifiedOn !== null && mode !== null) notification = { ...mode, notifiedOn };
  }

  // costs, points, driver
  const costsRaw = v('spese_notifica');
  let costs: Cents | null = ZERO_CENTS;
  if (costsRaw !== '') {
    const parsed = parseEuro(costsRaw, 'it');
    if (parsed.ok) costs = parsed.value;
    else {
      costs = null;
      problems.push(problem('spese_notifica', 'invalid_amount', { detail: parsed.error.message }));
    }
  }
  const pointsRaw = v('punti');
  let points: number | null = 0;
  if (pointsRaw !== '') {
    points = parseCsvInteger(pointsRaw);
    if (points === null) problems.push(problem('punti', 'invalid_integer', { value: pointsRaw }));
    else if (points > MAX_POINTS_PER_VERBALE) {
      problems.push(
        problem('punti', 'integer_out_of_range', { value: points, min: 0, max: MAX_POINTS_PER_VERBALE }),
      );
      points = null;
    }
  }
  const driverRaw = v('conducente_identificato');
  const driverIdentified = driverRaw === '' ? null : parseYesNo(driverRaw);
  if (driverRaw === '') problems.push(problem('conducente_identificato', 'missing_value'));
  else if (driverIdentified === null) {
    problems.push(problem('conducente_identificato', 'invalid_yes_no', { value: driverRaw }));
  }

  // pagoPA notice
  const noticeRaw = v('codice_avviso');
  let noticeNumber: string | null = null;
  if (noticeRaw !== '') {
    const parsed = parseNoticeNumber(noticeRaw);
    if (parsed.ok) noticeNumber = parsed.value.noticeNumber;
    else problems.push(problem('codice_avviso', 'invalid_notice_number', { detail: parsed.error.message }));
  }

  const key = number !== null && series !== null ? verbaleKey(series, number) : null;
  if (
    problems.length > 0 ||
    number === null ||
    series === null ||
    plate === null ||
    violationDate === null ||
    violationTime === null ||
    article === null ||
    costs === null ||
    points === null ||
    driverIdentified === null
  ) {
    return { problems, record: null, key, noticeNumber };
  }

  // warnings: facts the file cannot settle
  const ids = [...new Set(inForce.map((t) => t.id))];
  if (
    inForce.some((t) => t.confirmedUntil !== null && compareIsoDates(violationDate, t.confirmedUntil) > 0)
  ) {
    warnings.push(warning('data_violazione', 'tariff_not_confirmed', { date: violationDate }));
  }
  if (ids.length > 1) {
    warnings.push(
      warning('articolo', 'several_violations_match', {
        article,
        commaText: commaText(comma),
        ids: ids.join(', '),
      }),
    );
  }
  const expectedPoints = [...new Set(inForce.map((t) => t.licencePoints))];
  if (!expectedPoints.some((p) => points === p || points === 2 * p)) {
    warnings.push(
      warning('punti', 'points_differ_from_tariff', { points, expected: expectedPoints.join(' / ') }),
    );
  }
  if (notification !== null && notification.how !== 'hand') {
    const days = daysBetween(violationDate, notification.notifiedOn);
    if (days > NOTIFICATION_TERM_DAYS) {
      warnings.push(warning('data_notifica', 'notified_after_term', { days, term: NOTIFICATION_TERM_DAYS }));
    }
  }

  return {
    problems,
    key,
    noticeNumber,
    record: {
      comune: ctx.comune,
      line: row.line,
      key: verbaleKey(series, number),
      number,
      series,
      plate: plate.plate,
      plateFormat: plate.format,
      violationDate,
      violationTime,
      article,
      comma,
      violationIds: ids,
      violationId: ids.length === 1 ? (ids[0] ?? null) : null,
      notification,
      notificationCostsCents: costs,
      licencePoints: points,
      driverIdentified,
      noticeNumber,
      warnings,
    },
  };
}

/**
 * Reads a verbali CSV. Never throws: a broken file gives `fileProblems`, broken rows are in
 * `rejected` with their line, text and every problem, the rest are in `rows`.
 */
export function parseVerbaliCsv(
  text: string,
  opts: VerbaliCsvOptions,
): ImportReport<VerbaleRecord, VerbaleImportReason> {
  const table = readCsvTable(text, {
    required: VERBALI_REQUIRED_COLUMNS,
    optional: VERBALI_OPTIONAL_COLUMNS,
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
  const ctx: Context = {
    comune: opts.comune,
    tariffs: opts.tariffs ?? VIOLATION_TARIFFS,
    today: opts.today !== undefined && isIsoDate(opts.today) ? opts.today : null,
  };
  const rows: VerbaleRecord[] = [];
  const rejected: RejectedRow<VerbaleImportReason>[] = [...table.rejected];
  const firstLineOfKey = new Map<string, number>();
  const firstLineOfNotice = new Map<string, number>();
  for (const row of table.rows) {
    const { problems, record, key, noticeNumber } = readRow(row, ctx);
    const keyLine = key === null ? undefined : firstLineOfKey.get(key);
    if (key !== null && keyLine !== undefined) {
      problems.push(problem('numero_verbale', 'duplicate_verbale', { value: key, firstLine: keyLine }));
    }
    const noticeLine = noticeNumber === null ? undefined : firstLineOfNotice.get(noticeNumber);
    if (noticeNumber !== null && noticeLine !== undefined) {
      problems.push(
        problem('codice_avviso', 'duplicate_notice', { value: noticeNumber, firstLine: noticeLine }),
      );
    }
    // the first occurrence claims the key even when refused: two rows for one verbale are an
    // error of the file whichever is right, and keeping the second would hide it
    if (key !== null && keyLine === undefined) firstLineOfKey.set(key, row.line);
    if (noticeNumber !== null && noticeLine === undefined) firstLineOfNotice.set(noticeNumber, row.line);
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
