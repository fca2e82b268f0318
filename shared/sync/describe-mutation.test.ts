import { describe, expect, it } from 'vitest';
import { describeMutation } from './describe-mutation';

describe('describeMutation (the line a supervisor reads in the exceptions list)', () => {
  it('prints a payment with the euro formatting of receipts, thousands separator included', () => {
    expect(
      describeMutation('cashdesk.recordPayment', {
        receiptNumber: 'RIC-B885-CASSA1-2026-000012',
        amountCents: 116600,
        debt: { kind: 'fine', key: '1001/A' },
      }),
    ).toBe('Incasso RIC-B885-CASSA1-2026-000012: € 1.166,00 per il verbale 1001/A');
  });

  it('prints small amounts and notices', () => {
    expect(
      describeMutation('cashdesk.recordPayment', {
        receiptNumber: 'RIC-B885-CASSA1-2026-000013',
        amountCents: 2940,
        debt: { kind: 'notice', key: '301000000000000123' },
      }),
    ).toBe("Incasso RIC-B885-CASSA1-2026-000013: € 29,40 per l'avviso 301000000000000123");
  });

  it('does not throw on a malformed amount in a rejected mutation', () => {
    expect(describeMutation('cashdesk.recordPayment', { amountCents: 12.5 })).toBe(
      "Incasso —: € — per l'avviso —",
    );
  });

  it('describes reversals, session steps and case mutations', () => {
    expect(
      describeMutation('cashdesk.recordReversal', {
        kind: 'refund',
        approvedBy: 'supervisore',
        reason: 'pagamento doppio',
      }),
    ).toBe('Rimborso approvato da supervisore: pagamento doppio');
    expect(describeMutation('cashdesk.openSession', { businessDate: '2026-03-02' })).toBe(
      'Apertura cassa del 2026-03-02',
    );
    expect(describeMutation('cases.open', { caseId: 'c-1' })).toBe('Pratica: open c-1');
    expect(describeMutation('unknown.thing', null)).toBe('unknown.thing');
  });
});
