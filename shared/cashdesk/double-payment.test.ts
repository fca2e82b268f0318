import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cents } from '../money/cents';
import type { CashdeskResult } from './cashdesk-errors';
import { decideDoublePayment, type DebtRef, type RecordedPayment } from './double-payment';

function value<T>(r: CashdeskResult<T>): T {
  if (!r.ok) throw new Error(`unexpected: ${r.error.reason} ${r.error.message.en}`);
  return r.value;
}
const reasonOf = (r: CashdeskResult<unknown>): string => (r.ok ? 'ok' : r.error.reason);

const FINE: DebtRef = { kind: 'fine', key: '999/Z', label: 'verbale 999/Z' };
const SETTINGS = { cashEnabled: true };

const payment = (over: Partial<RecordedPayment>): RecordedPayment => ({
  paymentId: 'p',
  debtKind: 'fine',
  debtKey: '999/Z',
  hubSequence: 1,
  workstation: 'P1',
  clerkId: 'a.bianchi',
  receiptNumber: 'RIC-B885-P1-2026-000001',
  channel: 'pos',
  amountCents: cents(12110),
  paidAt: '2026-03-10T09:15',
  ...over,
});

// Offline at two counters: P2 took the money first by its clock, but P1 reached the hub first.
const AT_P1 = payment({
  paymentId: '0195-a',
  hubSequence: 501,
  workstation: 'P1',
  receiptNumber: 'RIC-B885-P1-2026-000007',
  channel: 'pos',
  amountCents: cents(12110),
  paidAt: '2026-03-10T09:15',
});
const AT_P2 = payment({
  paymentId: '0195-b',
  hubSequence: 733,
  workstation: 'P2',
  clerkId: 'l.verdi',
  receiptNumber: 'RIC-B885-P2-2026-000003',
  channel: 'cash',
  amountCents: cents(17300),
  paidAt: '2026-03-10T09:02',
});

describe('decideDoublePayment', () => {
  it('accepts the first to reach the hub, whatever the desk clocks say', () => {
    const d = value(decideDoublePayment(FINE, [AT_P2, AT_P1], SETTINGS));
    expect(d.accepted?.paymentId).toBe('0195-a');
    expect(d.exceptions).toHaveLength(1);
  });

  it('turns the second into an exception with a refund of what it took, by its own channel', () => {
    const [exception] = value(decideDoublePayment(FINE, [AT_P1, AT_P2], SETTINGS)).exceptions;
    expect(exception).toMatchObject({
      kind: 'double_payment',
      debt: FINE,
      payment: { paymentId: '0195-b' },
      acceptedPaymentId: '0195-a',
      acceptedReceiptNumber: 'RIC-B885-P1-2026-000007',
      refund: { amountCents: 17300, method: 'cash' },
    });
    expect(exception?.refund.reason.it).toBe(
      'Pagamento doppio di verbale 999/Z: era già stato pagato con la ricevuta RIC-B885-P1-2026-000007 (postazione P1, 10 marzo 2026 09:15), registrata per prima dall’hub. Si propone di rimborsare € 173,00 della ricevuta RIC-B885-P2-2026-000003 con contanti dalla cassa.',
    );
    expect(exception?.refund.reason.en).toContain('refund €173.00 of receipt RIC-B885-P2-2026-000003');
  });

  it('refunds what the payment still holds, proposes a transfer when the till takes no cash or for pagoPA', () => {
    const partlyReversed = { ...AT_P2, reversedCents: cents(5190) };
    const d = value(decideDoublePayment(FINE, [AT_P1, partlyReversed], { cashEnabled: false }));
    expect(d.exceptions[0]?.refund).toMatchObject({ amountCents: 12110, method: 'bank_transfer' });
    const notice = { ...AT_P2, channel: 'pagopa_notice' as const };
    expect(value(decideDoublePayment(FINE, [AT_P1, notice], SETTINGS)).exceptions[0]?.refund.method).toBe(
      'bank_transfer',
    );
    const pos = { ...AT_P2, channel: 'pos' as const };
    expect(value(decideDoublePayment(FINE, [AT_P1, pos], SETTINGS)).exceptions[0]?.refund.method).toBe('pos');
  });

  it('a payment wholly reversed at its desk is void: the next one is accepted', () => {
    const voided = { ...AT_P1, reversedCents: AT_P1.amountCents };
    const d = value(decideDoublePayment(FINE, [voided, AT_P2], SETTINGS));
    expect(d.accepted?.paymentId).toBe('0195-b');
    expect(d.voided.map((p) => p.paymentId)).toEqual(['0195-a']);
    expect(d.exceptions).toEqual([]);
  });

  it('a replayed payment counts once; payments not yet at the hub wait', () => {
    const replay = { ...AT_P1, hubSequence: 900 };
    const later = payment({ paymentId: '0195-c', hubSequence: null });
    const d = value(decideDoublePayment(FINE, [replay, AT_P1, later], SETTINGS));
    expect(d.accepted?.hubSequence).toBe(501);
    expect(d.exceptions).toEqual([]);
    expect(d.pending.map((p) => p.paymentId)).toEqual(['0195-c']);
    expect(value(decideDoublePayment(FINE, [], SETTINGS))).toEqual({
      accepted: null,
      exceptions: [],
      voided: [],
      pending: [],
    });
  });

  it('refuses inconsistent data rather than guess', () => {
    const tie = { ...AT_P2, hubSequence: 501 };
    expect(reasonOf(decideDoublePayment(FINE, [AT_P1, tie], SETTINGS))).toBe('duplicate_hub_sequence');
    expect(reasonOf(decideDoublePayment(FINE, [{ ...AT_P1, debtKey: '1000/Z' }], SETTINGS))).toBe(
      'payment_of_other_debt',
    );
    expect(reasonOf(decideDoublePayment(FINE, [{ ...AT_P1, reversedCents: cents(99999) }], SETTINGS))).toBe(
      'invalid_amount',
    );
  });

  it('property: exactly one accepted, the rest refunded in full; a later arrival never changes the accepted one', () => {
    const arb = fc
      .uniqueArray(fc.integer({ min: 1, max: 10_000 }), { minLength: 1, maxLength: 8 })
      .chain((sequences) =>
        fc.tuple(
          fc.constant(sequences),
          fc.array(fc.integer({ min: 1, max: 100_000 }), {
            minLength: sequences.length,
            maxLength: sequences.length,
          }),
          fc.array(fc.constantFrom('pos' as const, 'cash' as const, 'pagopa_notice' as const), {
            minLength: sequences.length,
            maxLength: sequences.length,
          }),
        ),
      );
    fc.assert(
      fc.property(arb, ([sequences, amounts, channels]) => {
        const payments = sequences.map((seq, i) =>
          payment({
            paymentId: `p${i}`,
            hubSequence: seq,
            amountCents: cents(amounts[i] ?? 1),
            channel: channels[i] ?? 'pos',
          }),
        );
        const d = value(decideDoublePayment(FINE, payments, SETTINGS));
        const first = Math.min(...sequences);
        const refundsOk = d.exceptions.every((e) => e.refund.amountCents === e.payment.amountCents);
        const later = payment({ paymentId: 'late', hubSequence: 10_001 });
        const again = value(decideDoublePayment(FINE, [...payments, later], SETTINGS));
        return (
          d.accepted?.hubSequence === first &&
          d.exceptions.length === payments.length - 1 &&
          refundsOk &&
          again.accepted?.paymentId === d.accepted.paymentId &&
          again.exceptions.some((e) => e.payment.paymentId === 'late')
        );
      }),
    );
  });
});
