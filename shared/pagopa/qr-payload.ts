import { cents, type Cents } from '../money/cents';
import { parseEnteFiscalCode } from './ente-fiscal-code';
import { parseNoticeNumber, type NoticeNumber } from './notice-number';
import { fail, firstNonDigit, stripSpaces, type PagoPaResult } from './pagopa-errors';

/**
 * The QR code printed on a pagoPA notice (DOMAIN.md §6.3; pagoPA "Avviso di pagamento",
 * Allegato 2): `PAGOPA|002|<codice avviso 18>|<CF ente creditore 11>|<importo in centesimi>`.
 * Official example: `PAGOPA|002|000000000000000000|00000000000|9999`.
 *
 * The amount is in euro cents, digits only, 2 to 11 characters. Old parsers demanded 10
 * zero-padded digits, newer ones 2-10: we read leniently and write the shortest form (the spec
 * example is unpadded), with an option to pad for a PSP that wants 10 digits.
 */

export const QR_IDENTIFIER = 'PAGOPA';
export const QR_VERSION = '002';
export const QR_AMOUNT_MIN_DIGITS = 2;
export const QR_AMOUNT_MAX_DIGITS = 11;
const MAX_QR_AMOUNT = 99_999_999_999; // 11 digits of cents

export interface NoticeQr {
  notice: NoticeNumber;
  creditorFiscalCode: string;
  amountCents: Cents;
  /** CF ente (11) + notice number (18): the 29-digit id payment apps use */
  rptId: string;
}

/** RptId = CF ente (11) + notice number (18), DOMAIN.md §6.3. */
export function rptId(creditorFiscalCode: string, noticeNumber: string): string {
  return creditorFiscalCode + noticeNumber;
}

function readAmount(raw: string): PagoPaResult<Cents> {
  const field = 'amount';
  const text = stripSpaces(raw);
  if (text === '') return fail({ reason: 'empty', field });
  const bad = firstNonDigit(text);
  if (bad !== undefined) return fail({ reason: 'invalid_characters', field, found: bad });
  if (text.length < QR_AMOUNT_MIN_DIGITS || text.length > QR_AMOUNT_MAX_DIGITS) {
    return fail({ reason: 'wrong_length', field, expected: '2-11', length: text.length });
  }
  const value = Number(text); // ≤ 11 digits: exact in a double
  if (value < 1) return fail({ reason: 'amount_out_of_range', field, found: text });
  return { ok: true, value: cents(value) };
}

/**
 * Reads a scanned or pasted QR payload. Lenient on form: spaces and line breaks around and
 * inside fields, lower-case "pagopa", the notice in blocks of 4, amounts of 2-11 digits with or
 * without leading zeros. Strict on substance: version 002, notice and CF check digits, amount
 * at least 1 cent. Never throws.
 */
export function parseNoticeQrPayload(raw: string): PagoPaResult<NoticeQr> {
  const fields = raw.trim().split('|');
  const identifier = stripSpaces(fields[0] ?? '').toUpperCase();
  if (identifier !== QR_IDENTIFIER) return fail({ reason: 'not_pagopa_qr', field: 'payload' });
  if (fields.length !== 5)
    return fail({ reason: 'wrong_field_count', field: 'payload', count: fields.length });
  const [, versionRaw = '', noticeRaw = '', cfRaw = '', amountRaw = ''] = fields;
  const version = stripSpaces(versionRaw);
  if (version !== QR_VERSION)
    return fail({ reason: 'unsupported_version', field: 'payload', found: version });
  const notice = parseNoticeNumber(noticeRaw);
  if (!notice.ok) return notice;
  const cf = parseEnteFiscalCode(cfRaw);
  if (!cf.ok) return cf;
  const amount = readAmount(amountRaw);
  if (!amount.ok) return amount;
  return {
    ok: true,
    value: {
      notice: notice.value,
      creditorFiscalCode: cf.value,
      amountCents: amount.value,
      rptId: rptId(cf.value, notice.value.noticeNumber),
    },
  };
}

export interface NoticeQrInput {
  /** exactly 18 digits, no spaces */
  noticeNumber: string;
  /** exactly 11 digits, no spaces */
  creditorFiscalCode: string;
  amountCents: Cents;
  /** left-pad the amount to this many digits (2-11, default 2); 10 for PSPs that want padding */
  amountDigits?: number;
}

/**
 * Builds the payload to encode in the QR (ISO/IEC 18004, version 4, ECC M: the caller's QR
 * library). Strict: no spaces, valid check digits, a whole positive amount of cents that fits
 * 11 digits. Never throws.
 */
export function buildNoticeQrPayload(input: NoticeQrInput): PagoPaResult<string> {
  for (const [field, value] of [
    ['noticeNumber', input.noticeNumber],
    ['creditorFiscalCode', input.creditorFiscalCode],
  ] as const) {
    const bad = firstNonDigit(value);
    if (bad !== undefined) return fail({ reason: 'invalid_characters', field, found: bad });
  }
  const notice = parseNoticeNumber(input.noticeNumber);
  if (!notice.ok) return notice;
  const cf = parseEnteFiscalCode(input.creditorFiscalCode);
  if (!cf.ok) return cf;
  const amount = input.amountCents;
  if (!Number.isSafeInteger(amount) || amount < 1 || amount > MAX_QR_AMOUNT) {
    return fail({ reason: 'amount_out_of_range', field: 'amount', found: String(amount) });
  }
  const width = Math.min(
    QR_AMOUNT_MAX_DIGITS,
    Math.max(QR_AMOUNT_MIN_DIGITS, Math.trunc(input.amountDigits ?? QR_AMOUNT_MIN_DIGITS)),
  );
  const amountText = String(amount).padStart(width, '0');
  return {
    ok: true,
    value: [QR_IDENTIFIER, QR_VERSION, notice.value.noticeNumber, cf.value, amountText].join('|'),
  };
}
