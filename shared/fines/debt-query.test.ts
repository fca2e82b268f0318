import { describe, expect, it } from 'vitest';
import { readScannedNotice } from '../pagopa/scanner-input';
import {
  debtNotFoundMessage,
  invalidDebtQueryMessage,
  planDebtLookup,
  unknownNoticeMessage,
} from './debt-query';

const NOTICE = '301000000000000144';
const QR = `PAGOPA|002|${NOTICE}|01199250158|12110`;

describe('planDebtLookup: what the clerk typed or scanned at the cash desk', () => {
  it('reads a scanned notice QR as the notice', () => {
    expect(planDebtLookup(QR)).toEqual({ kind: 'notice', notice: NOTICE });
    expect(planDebtLookup(`  ${NOTICE} `)).toEqual({ kind: 'notice', notice: NOTICE });
  });

  it('reads verbale number + plate (+ a date) as a verbale', () => {
    expect(planDebtLookup('1001/A AB123CD')).toEqual({
      kind: 'verbale',
      key: '1001/A',
      plate: 'AB123CD',
      date: null,
    });
    expect(planDebtLookup('1001/a ab123cd 03/02/2026')).toEqual({
      kind: 'verbale',
      key: '1001/A',
      plate: 'AB123CD',
      date: '2026-02-03',
    });
  });

  it('reads a plate spelled out as people read it aloud', () => {
    expect(planDebtLookup('ab 123 cd')).toEqual({ kind: 'plate', plate: 'AB123CD' });
  });

  it('reads a codice fiscale (or 11 digits) as the debtor', () => {
    expect(planDebtLookup('rssmra80a01h501u')).toEqual({ kind: 'debtor', cf: 'RSSMRA80A01H501U' });
    expect(planDebtLookup('00190540062')).toEqual({ kind: 'debtor', cf: '00190540062' });
  });

  it('explains a garbled scan with the scanner reader’s own message', () => {
    const garbled = 'PAGOPA|002|301000000000000010|x';
    const scan = readScannedNotice(garbled);
    if (scan.ok) throw new Error('expected a scan error');
    const plan = planDebtLookup(garbled);
    expect(plan).toEqual({ kind: 'invalid', scanError: scan.error.message });
    if (plan.kind !== 'invalid') throw new Error('expected invalid');
    expect(invalidDebtQueryMessage(plan, 'it')).toBe(scan.error.message.it);
  });

  it('refuses text that is none of the accepted forms, with the generic hint', () => {
    const plan = planDebtLookup('1001/A');
    expect(plan).toEqual({ kind: 'invalid' });
    if (plan.kind !== 'invalid') throw new Error('expected invalid');
    expect(invalidDebtQueryMessage(plan, 'it')).toMatch(/^Scrivere il numero del verbale e la targa/);
    expect(planDebtLookup('   ')).toEqual({ kind: 'invalid' });
  });
});

describe('lookup messages', () => {
  it('quote what was searched', () => {
    expect(debtNotFoundMessage('  ZZ999ZZ ', 'it')).toBe('Nessun verbale o avviso trovato per «ZZ999ZZ».');
    expect(unknownNoticeMessage(NOTICE, 'en')).toMatch(new RegExp(`^Unknown notice ${NOTICE}:`));
  });
});
