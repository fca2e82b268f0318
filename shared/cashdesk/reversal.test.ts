import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Actor } from '../cases/case-model';
import { cents } from '../money/cents';
import type { CashdeskResult } from './cashdesk-errors';
import { validateReversal, type OriginalPayment, type ReversalRequest } from './reversal';

const reasonOf = (r: CashdeskResult<unknown>): string => (r.ok ? 'ok' : r.error.reason);

const ANNA: Actor = { id: 'a.bianchi', role: 'clerk' };
const LUCA: Actor = { id: 'l.verdi', role: 'clerk' };
const SARA: Actor = { id: 's.neri', role: 'supervisor' };
const SETTINGS = { cashEnabled: true };

const POS_PAYMENT: OriginalPayment = {
  id: 'pay-1',
  receiptNumber: 'RIC-B885-P1-2026-000042',
  channel: 'pos',
  amountCents: cents(17300),
};

const request = (over: Partial<ReversalRequest> = {}): ReversalRequest => ({
  kind: 'refund',
  original: POS_PAYMENT,
  previousReversals: [],
  amountCents: 17300,
  reason: 'Verbale annullato in autotutela',
  requestedBy: ANNA,
  approvedBy: SARA,
  ...over,
});

describe('validateReversal', () => {
  it('approves a refund referencing the original, by the same way back', () => {
    const r = validateReversal(request(), SETTINGS);
    expect(r).toEqual({
      ok: true,
      value: {
        kind: 'refund',
        reversesPaymentId: 'pay-1',
        reversesReceiptNumber: 'RIC-B885-P1-2026-000042',
        channel: 'pos',
        amountCents: 17300,
        reason: 'Verbale annullato in autotutela',
        refundMethod: 'pos',
        requestedBy: ANNA.id,
        approvedBy: SARA.id,
        remainingCents: 0,
      },
    });
  });

  it('cannot exceed the original minus what was already reversed', () => {
    const partial = validateReversal(
      request({ amountCents: 5000, previousReversals: [{ amountCents: cents(10000) }] }),
      SETTINGS,
    );
    expect(partial.ok && partial.value.remainingCents).toBe(2300);
    const over = validateReversal(
      request({ amountCents: 7400, previousReversals: [{ amountCents: cents(10000) }] }),
      SETTINGS,
    );
    expect(reasonOf(over)).toBe('reversal_exceeds_original');
    expect(!over.ok && over.error.message.it).toBe(
      'Storno di € 74,00: del pagamento originale (€ 173,00) restano stornabili € 73,00.',
    );
    expect(reasonOf(validateReversal(request({ amountCents: 17301 }), SETTINGS))).toBe(
      'reversal_exceeds_original',
    );
    const full = validateReversal(
      request({ amountCents: 1, previousReversals: [{ amountCents: cents(17300) }] }),
      SETTINGS,
    );
    expect(reasonOf(full)).toBe('reversal_exceeds_original');
    expect(reasonOf(validateReversal(request({ amountCents: 0 }), SETTINGS))).toBe('invalid_amount');
  });

  it('needs a reason of at least 10 characters', () => {
    const r = validateReversal(request({ reason: '  errore  ' }), SETTINGS);
    expect(reasonOf(r)).toBe('reason_too_short');
    expect(!r.ok && r.error.message.en).toContain('(6 characters): at least 10');
  });

  it('needs the approval of another person who is a supervisor', () => {
    expect(reasonOf(validateReversal(request({ approvedBy: null }), SETTINGS))).toBe('approval_required');
    expect(reasonOf(validateReversal(request({ approvedBy: LUCA }), SETTINGS))).toBe(
      'approver_not_supervisor',
    );
    expect(reasonOf(validateReversal(request({ requestedBy: SARA, approvedBy: SARA }), SETTINGS))).toBe(
      'approver_is_requester',
    );
    expect(
      reasonOf(
        validateReversal(
          request({ requestedBy: SARA, approvedBy: { id: 'p.rosa', role: 'supervisor' } }),
          SETTINGS,
        ),
      ),
    ).toBe('ok');
    expect(reasonOf(validateReversal(request({ requestedBy: { id: 'c', role: 'citizen' } }), SETTINGS))).toBe(
      'role_not_allowed',
    );
  });

  it('refund methods fit the channel: pagoPA only by bank transfer, cash only while the till takes cash', () => {
    const notice: OriginalPayment = { ...POS_PAYMENT, channel: 'pagopa_notice' };
    const cash: OriginalPayment = { ...POS_PAYMENT, channel: 'cash' };
    const byDefault = validateReversal(request({ original: notice }), SETTINGS);
    expect(byDefault.ok && byDefault.value.refundMethod).toBe('bank_transfer');
    const r = validateReversal(request({ original: notice, refundMethod: 'cash' }), SETTINGS);
    expect(reasonOf(r)).toBe('refund_method_not_allowed');
    expect(!r.ok && r.error.message.it).toBe(
      'Un pagamento con avviso pagoPA non si rimborsa con contanti dalla cassa.',
    );
    expect(reasonOf(validateReversal(request({ refundMethod: 'cash' }), SETTINGS))).toBe(
      'refund_method_not_allowed',
    );
    const cashDefault = validateReversal(request({ original: cash }), SETTINGS);
    expect(cashDefault.ok && cashDefault.value.refundMethod).toBe('cash');
    const cashOff = validateReversal(request({ original: cash }), { cashEnabled: false });
    expect(cashOff.ok && cashOff.value.refundMethod).toBe('bank_transfer');
    expect(
      reasonOf(validateReversal(request({ original: cash, refundMethod: 'cash' }), { cashEnabled: false })),
    ).toBe('refund_method_not_allowed');
  });

  it('a correction moves no money', () => {
    const c = validateReversal(
      request({ kind: 'correction', reason: 'Registrato come POS, era contante' }),
      SETTINGS,
    );
    expect(c.ok && c.value).toMatchObject({ kind: 'correction', refundMethod: null });
    expect(reasonOf(validateReversal(request({ kind: 'correction', refundMethod: 'pos' }), SETTINGS))).toBe(
      'correction_moves_no_money',
    );
  });

  it('property: however a payment is split into approved reversals, they never add up to more than it', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.array(fc.integer({ min: 1, max: 1_000_000 }), { maxLength: 12 }),
        (original, attempts) => {
          const payment = { ...POS_PAYMENT, amountCents: cents(original) };
          const done: { amountCents: ReturnType<typeof cents> }[] = [];
          for (const amount of attempts) {
            const r = validateReversal(
              request({ original: payment, previousReversals: done, amountCents: amount }),
              SETTINGS,
            );
            if (r.ok) done.push({ amountCents: r.value.amountCents });
          }
          return done.reduce((s, d) => s + d.amountCents, 0) <= original;
        },
      ),
    );
  });
});
