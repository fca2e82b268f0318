import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cents } from '../money/cents';
import { enteFiscalCodeCheckDigit, parseEnteFiscalCode } from './ente-fiscal-code';
import type { PagoPaResult } from './pagopa-errors';
import { buildNoticeQrPayload, parseNoticeQrPayload } from './qr-payload';

const reasonOf = <T>(r: PagoPaResult<T>): string => (r.ok ? 'ok' : r.error.reason);

// Public codes of two comuni, used only as check-digit vectors.
const MILANO = '01199250158';
const ROMA = '02438750586';

describe('CF of a body (11 digits, partita IVA check digit)', () => {
  it('accepts real codes', () => {
    expect(parseEnteFiscalCode(MILANO)).toEqual({ ok: true, value: MILANO });
    expect(parseEnteFiscalCode('024 387 505 86')).toEqual({ ok: true, value: ROMA });
    expect(parseEnteFiscalCode('00000000000').ok).toBe(true);
  });

  it('explains what is wrong', () => {
    expect(reasonOf(parseEnteFiscalCode(''))).toBe('empty');
    expect(reasonOf(parseEnteFiscalCode('0119925015'))).toBe('wrong_length');
    expect(reasonOf(parseEnteFiscalCode('IT01199250158'))).toBe('invalid_characters');
    const r = parseEnteFiscalCode('01199250157');
    expect(!r.ok && r.error).toMatchObject({ reason: 'wrong_check_digit', expected: '8', found: '7' });
  });

  it('property: any single-digit change is detected (Luhn: doubling permutes 0-9)', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^\d{10}$/),
        fc.integer({ min: 0, max: 10 }),
        fc.integer({ min: 1, max: 9 }),
        (first, pos, shift) => {
          const code = first + enteFiscalCodeCheckDigit(first);
          const changedDigit = String((Number(code.charAt(pos)) + shift) % 10);
          const changed = code.slice(0, pos) + changedDigit + code.slice(pos + 1);
          return parseEnteFiscalCode(code).ok && !parseEnteFiscalCode(changed).ok;
        },
      ),
    );
  });
});

describe('QR payload', () => {
  const notice = '301000000000000144';

  it('reads the official example', () => {
    const r = parseNoticeQrPayload('PAGOPA|002|000000000000000000|00000000000|9999');
    expect(r.ok && r.value).toMatchObject({ creditorFiscalCode: '00000000000', amountCents: 9999 });
    expect(r.ok && r.value.rptId).toBe('00000000000000000000000000000');
    expect(r.ok && r.value.rptId).toHaveLength(29);
  });

  it.each([
    [`PAGOPA|002|${notice}|${MILANO}|12110`, 12110],
    [`PAGOPA|002|${notice}|${MILANO}|0000012110`, 12110], // old 10-digit padding
    [`PAGOPA|002|${notice}|${MILANO}|00000012110`, 12110], // 11 digits
    [`PAGOPA|002|${notice}|${MILANO}|05`, 5],
    [`  PAGOPA | 002 | 3010 0000 0000 0001 44 | ${MILANO} | 12110 \r\n`, 12110],
    [`pagopa|002|${notice}|${MILANO}|12110`, 12110],
  ])('reads the variant %j leniently', (payload, amount) => {
    const r = parseNoticeQrPayload(payload);
    expect(r.ok && r.value.amountCents).toBe(amount);
    expect(r.ok && r.value.notice.iuv).toBe('01000000000000144');
    expect(r.ok && r.value.rptId).toBe(MILANO + notice);
  });

  it.each([
    ['', 'not_pagopa_qr'],
    ['hello world', 'not_pagopa_qr'],
    [`PAGOPA|002|${notice}|${MILANO}`, 'wrong_field_count'],
    [`PAGOPA|002|${notice}|${MILANO}|100|x`, 'wrong_field_count'],
    [`PAGOPA|001|${notice}|${MILANO}|100`, 'unsupported_version'],
    [`PAGOPA|002|301000000000000145|${MILANO}|100`, 'wrong_check_digits'],
    [`PAGOPA|002|${notice}|01199250157|100`, 'wrong_check_digit'],
    [`PAGOPA|002|${notice}|${MILANO}|5`, 'wrong_length'],
    [`PAGOPA|002|${notice}|${MILANO}|123456789012`, 'wrong_length'],
    [`PAGOPA|002|${notice}|${MILANO}|121,10`, 'invalid_characters'],
    [`PAGOPA|002|${notice}|${MILANO}|00`, 'amount_out_of_range'],
    [`PAGOPA|002|${notice}|${MILANO}|`, 'empty'],
  ])('refuses %j with %s', (payload, reason) => {
    expect(reasonOf(parseNoticeQrPayload(payload))).toBe(reason);
  });

  it('builds the shortest form by default, padded on request', () => {
    const input = { noticeNumber: notice, creditorFiscalCode: MILANO, amountCents: cents(12110) };
    expect(buildNoticeQrPayload(input)).toEqual({ ok: true, value: `PAGOPA|002|${notice}|${MILANO}|12110` });
    expect(buildNoticeQrPayload({ ...input, amountDigits: 10 })).toEqual({
      ok: true,
      value: `PAGOPA|002|${notice}|${MILANO}|0000012110`,
    });
    expect(buildNoticeQrPayload({ ...input, amountCents: cents(5) })).toEqual({
      ok: true,
      value: `PAGOPA|002|${notice}|${MILANO}|05`,
    });
  });

  it('builds strictly', () => {
    const input = { noticeNumber: notice, creditorFiscalCode: MILANO, amountCents: cents(100) };
    expect(reasonOf(buildNoticeQrPayload({ ...input, noticeNumber: '3010 0000 0000 0001 44' }))).toBe(
      'invalid_characters',
    );
    expect(reasonOf(buildNoticeQrPayload({ ...input, noticeNumber: '301000000000000145' }))).toBe(
      'wrong_check_digits',
    );
    expect(reasonOf(buildNoticeQrPayload({ ...input, creditorFiscalCode: '01199250157' }))).toBe(
      'wrong_check_digit',
    );
    expect(reasonOf(buildNoticeQrPayload({ ...input, amountCents: cents(0) }))).toBe('amount_out_of_range');
    expect(reasonOf(buildNoticeQrPayload({ ...input, amountCents: cents(100_000_000_000) }))).toBe(
      'amount_out_of_range',
    );
  });

  it('property: what is built is read back identically', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 99_999_999_999 }),
        fc.integer({ min: 2, max: 11 }),
        (amount, width) => {
          const built = buildNoticeQrPayload({
            noticeNumber: notice,
            creditorFiscalCode: ROMA,
            amountCents: cents(amount),
            amountDigits: width,
          });
          if (!built.ok) return false;
          const read = parseNoticeQrPayload(built.value);
          return read.ok && read.value.amountCents === amount && read.value.creditorFiscalCode === ROMA;
        },
      ),
    );
  });

  it('property: never throws on arbitrary input', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        parseNoticeQrPayload(s);
        parseNoticeQrPayload(`PAGOPA|002|${s}`);
      }),
    );
  });
});
