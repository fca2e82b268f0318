import { interpolate, type Locale } from '../i18n/locale';
import { cents, type Cents } from '../money/cents';
import { parseEnteFiscalCode } from './ente-fiscal-code';
import { parseNoticeNumber, type NoticeNumber } from './notice-number';
import type { PagoPaError } from './pagopa-errors';
import { parseNoticeQrPayload } from './qr-payload';

/**
 * What a keyboard-wedge barcode/QR reader typed into the counter's lookup field, read as a pagoPA
 * notice. A wedge reader "types" the code as keystrokes, so besides the code itself we get
 * scanner noise and, when the reader's keyboard layout differs from the PC's, wrong punctuation.
 *
 * Codes recognised (`format`):
 * - `qr`: the notice's QR code (DOMAIN.md §6.3), `PAGOPA|002|<notice 18>|<CF ente 11>|<cents>`,
 *   read by qr-payload.ts (spaces, lower case and 2-11 digit amounts are already tolerated there).
 * - `datamatrix`: the Poste Data Matrix on the notice's "bollettino postale PA" block (DOMAIN.md
 *   §6.4 names it but does not give its layout). The layout read here is the one public pagoPA
 *   client code decodes [K]: `codfase=NBPA;` then tagged fixed-width fields:
 *   `18`+notice(18), `12`+postal account(12), `10`+amount in cents(10), `3`+document type
 *   ("896"), `1P1`, CF ente(11), then the debtor's CF, name and the causale (not read). Read
 *   leniently: the notice after the `18` tag is required and must pass its check digits; the
 *   amount and CF ente are taken only where the rest of the layout matches (and the CF passes
 *   its check digit), else they are null and the lookup goes by notice number alone.
 * - `gs1_128`: the 1D barcode of older notices [K]: `415`+GLN(13) `8020`+notice(18)
 *   `3902`+amount in cents(10); no CF ente.
 * - `rpt_id`: 29 digits, CF ente(11) + notice(18) (DOMAIN.md §6.3, what payment apps use).
 * - `notice_number`: the 18 digits alone, spaces allowed (typed, or a code printed as digits).
 *
 * Noise tolerated:
 * - leading and trailing whitespace, and every control character anywhere (the CR, LF or TAB
 *   suffix readers send, STX/ETX framing, the GS that stands for FNC1 in GS1 codes);
 * - an AIM symbology identifier prefix ("]Q1", "]d2", "]C1"), which readers can be set to send;
 * - Caps Lock: letters are matched in any case;
 * - keyboard-layout mismatch: the QR separator may arrive as any single character that is not
 *   a letter, digit or space, provided the same one separates all five fields. The usual ones:
 *   '§' (reader set to US layout, PC in Italian: Shift + the ù key), '~' (reader set to Italian,
 *   PC in US layout), "'" (reader US, PC German). For the Data Matrix the '=' and ';' of
 *   "codfase=NBPA;" likewise become any single character ("codfaseìNBPAò" on an Italian PC).
 *   Digits and the letters used here are in the same place on QWERTY and QWERTZ layouts; an AZERTY
 *   PC shifts digits and cannot be repaired: the reader must be set to the PC's layout.
 */

export type ScanFormat = 'qr' | 'datamatrix' | 'gs1_128' | 'rpt_id' | 'notice_number';

export interface ScannedNotice {
  kind: 'notice';
  format: ScanFormat;
  /** the 18 digits, check digits verified */
  noticeNumber: string;
  notice: NoticeNumber;
  /** the creditor body's CF (11 digits), when the code carries it */
  enteFiscalCode: string | null;
  /** the amount printed in the code, when it carries one: the position's current amount may differ */
  amountCents: Cents | null;
}

export type ScanProblem =
  | { reason: 'empty' }
  /** a code was recognised but is not valid: `cause` says what (check digits, length...) */
  | { reason: 'invalid_code'; format: ScanFormat; cause: PagoPaError }
  /** the QR separator arrived as two different characters: the reader's layout is half set */
  | { reason: 'mixed_separators'; found: string }
  /** the QR of one of our certificates, scanned at the payment lookup */
  | { reason: 'certificate_code' }
  | { reason: 'unrecognised'; sample: string };

export type ScanError = ScanProblem & { message: Record<Locale, string> };

export type ScanResult = { ok: true; value: ScannedNotice } | { ok: false; error: ScanError };

const FORMAT_NAMES = {
  qr: { it: 'il QR code pagoPA', en: 'the pagoPA QR code' },
  datamatrix: { it: 'il Data Matrix di Poste', en: 'the Poste Data Matrix' },
  gs1_128: { it: 'il codice a barre dell’avviso', en: 'the notice barcode' },
  rpt_id: { it: 'codice fiscale ente e codice avviso', en: 'creditor fiscal code and notice number' },
  notice_number: { it: 'un codice avviso', en: 'a notice number' },
} as const satisfies Record<ScanFormat, Record<Locale, string>>;

const MESSAGES = {
  empty: {
    it: 'Nessun codice letto: avvicinare il lettore al QR code dell’avviso e riprovare.',
    en: 'No code read: hold the reader to the notice’s QR code and try again.',
  },
  invalid_code: {
    it: 'Letto {format}, ma non è valido: {cause}',
    en: 'Read {format}, but it is not valid: {cause}',
  },
  mixed_separators: {
    it: 'Il QR code è arrivato con separatori diversi ({found}): controllare la tastiera impostata sul lettore e riprovare.',
    en: 'The QR code arrived with different separators ({found}): check the keyboard layout set on the reader and try again.',
  },
  certificate_code: {
    it: 'È il QR code di un certificato, non di un avviso di pagamento.',
    en: 'This is the QR code of a certificate, not of a payment notice.',
  },
  unrecognised: {
    it: 'Codice non riconosciuto («{sample}»): leggere il QR code o il Data Matrix dell’avviso pagoPA, o digitare i 18 numeri del codice avviso.',
    en: 'Code not recognised (“{sample}”): scan the pagoPA notice’s QR code or Data Matrix, or type the 18 digits of the notice number.',
  },
} as const satisfies Record<ScanProblem['reason'], Record<Locale, string>>;

function scanError(problem: ScanProblem): ScanError {
  const message = (locale: Locale): string => {
    const params: Record<string, string> = {};
    if (problem.reason === 'invalid_code') {
      params.format = FORMAT_NAMES[problem.format][locale];
      params.cause = problem.cause.message[locale];
    }
    if (problem.reason === 'unrecognised') params.sample = problem.sample;
    if (problem.reason === 'mixed_separators') params.found = problem.found;
    return interpolate(MESSAGES[problem.reason][locale], params);
  };
  return { ...problem, message: { it: message('it'), en: message('en') } };
}

const fail = (problem: ScanProblem): ScanResult => ({ ok: false, error: scanError(problem) });

function notice(
  format: ScanFormat,
  value: NoticeNumber,
  enteFiscalCode: string | null,
  amountCents: Cents | null,
): ScanResult {
  return {
    ok: true,
    value: {
      kind: 'notice',
      format,
      noticeNumber: value.noticeNumber,
      notice: value,
      enteFiscalCode,
      amountCents,
    },
  };
}

// eslint-disable-next-line no-control-regex -- control characters are exactly the noise to drop
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;
const AIM_PREFIX = /^\][A-Za-z][0-9A-Za-z]/;

/** The scanned text without framing noise: control characters, outer spaces, AIM prefix. */
export function cleanScan(raw: string): string {
  return raw.replace(CONTROL, '').trim().replace(AIM_PREFIX, '').trim();
}

/** A short, printable excerpt of what was read, for the error message. */
function sampleOf(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

function readQr(text: string): ScanResult {
  const afterId = text.slice('PAGOPA'.length).trimStart();
  const separator = afterId.charAt(0);
  let payload = text;
  if (separator !== '|' && separator !== '' && !/[A-Za-z0-9\s]/.test(separator)) {
    if (text.includes('|')) return fail({ reason: 'mixed_separators', found: `${separator} |` });
    payload = text.split(separator).join('|');
  }
  const qr = parseNoticeQrPayload(payload);
  if (!qr.ok) return fail({ reason: 'invalid_code', format: 'qr', cause: qr.error });
  return notice('qr', qr.value.notice, qr.value.creditorFiscalCode, qr.value.amountCents);
}

// codfase=NBPA; with the '=' and ';' as any single character (layout mismatch) or none, any
// case; never a digit, so a missing ';' does not swallow the "1" of the "18" tag
const DATAMATRIX_HEAD = /^codfase[^0-9a-z]?nbpa[^0-9]?/i;
const DATAMATRIX_REST = /^12(\d{12})10(\d{10})3(\d{3})(.{3})(\d{11})/;

function readDataMatrix(text: string, head: string): ScanResult {
  const body = text.slice(head.length);
  // the notice follows the 2-character tag "18"; the tag itself is not insisted on, since the
  // notice's own check digits vouch for the 18 digits read
  const parsed = parseNoticeNumber(body.slice(2, 20));
  if (!parsed.ok) return fail({ reason: 'invalid_code', format: 'datamatrix', cause: parsed.error });
  const rest = DATAMATRIX_REST.exec(body.slice(20));
  if (!rest) return notice('datamatrix', parsed.value, null, null);
  const amount = Number(rest[2]);
  const cf = parseEnteFiscalCode(rest[5] ?? '');
  return notice('datamatrix', parsed.value, cf.ok ? cf.value : null, amount > 0 ? cents(amount) : null);
}

const GS1 = /^\(?415\)?(\d{13})\(?8020\)?(\d{18})\(?3902\)?(\d{10})$/;

function digitsResult(format: ScanFormat, digits: string, enteCf: string | null, amount: Cents | null) {
  const parsed = parseNoticeNumber(digits);
  if (!parsed.ok) return fail({ reason: 'invalid_code', format, cause: parsed.error });
  return notice(format, parsed.value, enteCf, amount);
}

/**
 * Reads what the reader typed. Never throws: an unreadable scan is a typed error with a message
 * for the clerk in Italian and English.
 */
export function readScannedNotice(raw: string): ScanResult {
  const text = cleanScan(String(raw ?? ''));
  if (text === '') return fail({ reason: 'empty' });

  if (/^pagopa/i.test(text)) return readQr(text);

  const head = DATAMATRIX_HEAD.exec(text);
  if (head) return readDataMatrix(text, head[0]);

  const compact = text.replace(/\s+/g, '');
  const gs1 = GS1.exec(compact);
  if (gs1) {
    const amount = Number(gs1[3]);
    return digitsResult('gs1_128', gs1[2] ?? '', null, amount > 0 ? cents(amount) : null);
  }
  if (/^\d{29}$/.test(compact)) {
    const cf = parseEnteFiscalCode(compact.slice(0, 11));
    if (!cf.ok) return fail({ reason: 'invalid_code', format: 'rpt_id', cause: cf.error });
    return digitsResult('rpt_id', compact.slice(11), cf.value, null);
  }
  // any other run of digits is taken as a notice number, so a short or long one is explained
  // ("must have 18 digits: it has 17") rather than called unrecognised
  if (/^\d+$/.test(compact)) return digitsResult('notice_number', compact, null, null);

  if (/\/verifica\/[A-Za-z]\d{3}-/.test(text)) return fail({ reason: 'certificate_code' });
  return fail({ reason: 'unrecognised', sample: sampleOf(text) });
}
