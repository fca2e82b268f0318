import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readScannedNotice, type ScanResult } from './scanner-input';

const NOTICE = '301000000000000144';
const MILANO = '01199250158';
const QR = `PAGOPA|002|${NOTICE}|${MILANO}|12110`;

/** A Poste Data Matrix laid out as scanner-input.ts documents it (our own values). */
function dataMatrix(opts: { head?: string; notice?: string; cf?: string; amount?: string } = {}): string {
  return [
    opts.head ?? 'codfase=NBPA;',
    '18',
    opts.notice ?? NOTICE,
    '12',
    '000012345678',
    '10',
    opts.amount ?? '0000012110',
    '3',
    '896',
    '1P1',
    opts.cf ?? MILANO,
    'RSSMRA72L09H501S',
    'MARIO ROSSI'.padEnd(40),
    'TARI 2026'.padEnd(110),
    ' '.repeat(12),
    'A',
  ].join('');
}

const value = (r: ScanResult) => {
  if (!r.ok) throw new Error(`unexpected: ${r.error.reason} ${r.error.message.en}`);
  return r.value;
};
const reasonOf = (r: ScanResult): string =>
  r.ok ? 'ok' : r.error.reason === 'invalid_code' ? `invalid_code:${r.error.cause.reason}` : r.error.reason;

describe('readScannedNotice: what a keyboard-wedge reader types', () => {
  it('reads the pagoPA QR code', () => {
    expect(value(readScannedNotice(QR))).toMatchObject({
      kind: 'notice',
      format: 'qr',
      noticeNumber: NOTICE,
      enteFiscalCode: MILANO,
      amountCents: 12110,
    });
    expect(value(readScannedNotice(QR)).notice.iuv).toBe('01000000000000144');
  });

  it.each([
    ['Enter suffix (CRLF)', `${QR}\r\n`],
    ['Tab suffix and spaces', `  ${QR}\t`],
    ['STX/ETX framing', `\u0002${QR}\u0003`],
    ['AIM symbology prefix', `]Q1${QR}`],
    ['Caps Lock', QR.toLowerCase()],
    ['US reader on an Italian PC: | → §', QR.replaceAll('|', '§')],
    ['Italian reader on a US PC: | → ~', QR.replaceAll('|', '~')],
    ["US reader on a German PC: | → '", QR.replaceAll('|', "'")],
    ['old 10-digit padded amount', `PAGOPA|002|${NOTICE}|${MILANO}|0000012110`],
  ])('tolerates scanner noise: %s', (_label, scanned) => {
    expect(value(readScannedNotice(scanned))).toMatchObject({
      format: 'qr',
      noticeNumber: NOTICE,
      enteFiscalCode: MILANO,
      amountCents: 12110,
    });
  });

  it('refuses a QR whose separator is not used consistently, or with a bad check digit', () => {
    const mixed = readScannedNotice(`PAGOPA§002|${NOTICE}|${MILANO}|12110`);
    expect(reasonOf(mixed)).toBe('mixed_separators');
    expect(!mixed.ok && mixed.error.message.en).toContain('(§ |)');
    expect(reasonOf(readScannedNotice(`PAGOPA§002§${NOTICE}§${MILANO}`))).toBe(
      'invalid_code:wrong_field_count',
    );
    const r = readScannedNotice(`PAGOPA|002|301000000000000145|${MILANO}|12110`);
    expect(reasonOf(r)).toBe('invalid_code:wrong_check_digits');
    expect(!r.ok && r.error.message.it).toMatch(
      /^Letto il QR code pagoPA, ma non è valido: Il codice avviso/,
    );
    expect(!r.ok && r.error.message.en).toMatch(
      /^Read the pagoPA QR code, but it is not valid: The notice number/,
    );
  });

  it('reads the Poste Data Matrix: notice, amount and CF ente', () => {
    expect(value(readScannedNotice(dataMatrix()))).toMatchObject({
      format: 'datamatrix',
      noticeNumber: NOTICE,
      enteFiscalCode: MILANO,
      amountCents: 12110,
    });
  });

  it.each([
    ['US reader on an Italian PC (= → ì, ; → ò)', dataMatrix({ head: 'codfaseìNBPAò' })],
    ['Italian reader on a US PC (= → ), ; → <)', dataMatrix({ head: 'codfase)NBPA<' })],
    ['Caps Lock', dataMatrix().replace('codfase=NBPA;', 'CODFASE=nbpa;')],
    ['AIM prefix and Enter', `]d2${dataMatrix()}\r`],
    ['separators lost', dataMatrix({ head: 'codfaseNBPA' })],
  ])('tolerates Data Matrix noise: %s', (_label, scanned) => {
    expect(value(readScannedNotice(scanned))).toMatchObject({ format: 'datamatrix', noticeNumber: NOTICE });
  });

  it('reads the Data Matrix leniently: the notice alone when the rest does not match the layout', () => {
    expect(value(readScannedNotice(`codfase=NBPA;18${NOTICE}`))).toMatchObject({
      noticeNumber: NOTICE,
      enteFiscalCode: null,
      amountCents: null,
    });
    // a CF that fails its check digit is dropped, the notice (with its own check digits) kept
    expect(value(readScannedNotice(dataMatrix({ cf: '01199250157' })))).toMatchObject({
      noticeNumber: NOTICE,
      enteFiscalCode: null,
      amountCents: 12110,
    });
    expect(reasonOf(readScannedNotice(dataMatrix({ notice: '301000000000000145' })))).toBe(
      'invalid_code:wrong_check_digits',
    );
  });

  it('reads a bare notice number, with the spaces it is printed with', () => {
    for (const scanned of [NOTICE, '3010 0000 0000 0001 44', ` 3010 0000 0000 0001 44\n`]) {
      expect(value(readScannedNotice(scanned))).toMatchObject({
        format: 'notice_number',
        noticeNumber: NOTICE,
        enteFiscalCode: null,
        amountCents: null,
      });
    }
    expect(reasonOf(readScannedNotice('3010 0000 0000 0001 4'))).toBe('invalid_code:wrong_length');
    expect(reasonOf(readScannedNotice('301000000000000145'))).toBe('invalid_code:wrong_check_digits');
  });

  it('reads the 29-digit CF ente + notice, and the GS1-128 barcode of older notices', () => {
    expect(value(readScannedNotice(MILANO + NOTICE))).toMatchObject({
      format: 'rpt_id',
      noticeNumber: NOTICE,
      enteFiscalCode: MILANO,
    });
    expect(reasonOf(readScannedNotice('01199250157' + NOTICE))).toBe('invalid_code:wrong_check_digit');
    const gs1 = `4158012345678901\u001d8020${NOTICE}\u001d39020000012110`;
    expect(value(readScannedNotice(gs1))).toMatchObject({
      format: 'gs1_128',
      noticeNumber: NOTICE,
      enteFiscalCode: null,
      amountCents: 12110,
    });
  });

  it('explains garbage, an empty scan and a certificate QR', () => {
    expect(reasonOf(readScannedNotice(''))).toBe('empty');
    expect(reasonOf(readScannedNotice('\r\n'))).toBe('empty');
    const garbage = readScannedNotice('hello world');
    expect(reasonOf(garbage)).toBe('unrecognised');
    expect(!garbage.ok && garbage.error.message.it).toContain('«hello world»');
    expect(!garbage.ok && garbage.error.message.en).toContain('type the 18 digits');
    const long = readScannedNotice('x'.repeat(100));
    expect(!long.ok && long.error.message.it).toContain(`«${'x'.repeat(40)}…»`);
    expect(reasonOf(readScannedNotice('https://hub.casale.example/verifica/B885-A2-2025-000042'))).toBe(
      'certificate_code',
    );
  });

  it('property: never throws, and whatever it accepts has a valid 18-digit notice', () => {
    const noisy = fc.oneof(
      fc.string(),
      fc.string().map((s) => `PAGOPA${s}`),
      fc.string().map((s) => `codfase=NBPA;18${s}`),
      fc.stringMatching(/^[0-9 ]{0,40}$/),
    );
    fc.assert(
      fc.property(noisy, (s) => {
        const r = readScannedNotice(s);
        return !r.ok || /^\d{18}$/.test(r.value.noticeNumber);
      }),
    );
  });
});
