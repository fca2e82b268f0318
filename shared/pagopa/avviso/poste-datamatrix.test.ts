import { describe, expect, it } from 'vitest';
import { posteDataMatrixText, posteText, readPosteDataMatrix } from './poste-datamatrix';

const INPUT = {
  noticeNumber: '301000000000000144',
  postalAccount: '1234567',
  amountCents: 10_447,
  enteFiscalCode: '00190540062',
  debtorFiscalCode: 'BNCNNA80A41B885M',
  debtorName: 'Anna Bianchi-Čapek',
  subject: 'Mensa scolastica – novembre',
};

describe('posteDataMatrixText', () => {
  it('lays the fields out at fixed places, 256 characters in all', () => {
    const text = posteDataMatrixText(INPUT);
    expect(text).toHaveLength(256);
    expect(text.slice(0, 13)).toBe('codfase=NBPA;');
    // the code line: each field after its length, then document type 896
    expect(text.slice(13, 63)).toBe('18301000000000000144' + '12000001234567' + '100000010447' + '3896');
    expect(text.slice(63, 66)).toBe('1P1');
    expect(text.slice(66, 77)).toBe('00190540062');
    expect(text.slice(77, 93)).toBe('BNCNNA80A41B885M');
    expect(text.slice(93, 133)).toBe('ANNA BIANCHI-CAPEK'.padEnd(40));
    expect(text.slice(133, 243)).toBe('Mensa scolastica   novembre'.padEnd(110));
    expect(text.slice(243)).toBe(' '.repeat(12) + 'A');
  });

  it('reads back as a payment app reads it', () => {
    expect(readPosteDataMatrix(posteDataMatrixText(INPUT))).toEqual({
      noticeNumber: '301000000000000144',
      postalAccount: '000001234567',
      amountCents: 10_447,
      enteFiscalCode: '00190540062',
    });
    expect(readPosteDataMatrix('PAGOPA|002|301000000000000144|00190540062|10447')).toBeNull();
  });

  it('cuts long free text to its field; keeps plain ASCII only', () => {
    const text = posteDataMatrixText({ ...INPUT, debtorName: 'X'.repeat(60), subject: 'Y'.repeat(200) });
    expect(text).toHaveLength(256);
    expect(posteText('Città € 5 «ok»')).toBe('Citta   5  ok ');
  });

  it('refuses what the schema should have stopped', () => {
    expect(() => posteDataMatrixText({ ...INPUT, postalAccount: '1234567890123' })).toThrow(RangeError);
    expect(() => posteDataMatrixText({ ...INPUT, amountCents: 0 })).toThrow(RangeError);
    expect(() => posteDataMatrixText({ ...INPUT, noticeNumber: '30100000000000014' + 'x' })).toThrow(
      RangeError,
    );
  });
});
