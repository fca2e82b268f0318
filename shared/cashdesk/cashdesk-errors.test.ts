import { describe, expect, it } from 'vitest';
import { cashdeskError, type CashdeskProblem, type CashdeskReason } from './cashdesk-errors';

/** One sample of every problem: a new reason without a sample fails to compile. */
const SAMPLES: { [R in CashdeskReason]: Extract<CashdeskProblem, { reason: R }> } = {
  invalid_receipt_number: { reason: 'invalid_receipt_number', value: 'x', detail: 'd' },
  invalid_series_code: { reason: 'invalid_series_code', value: 'x' },
  receipt_series_exhausted: { reason: 'receipt_series_exhausted', series: 'P1', year: 2026 },
  receipt_clock_backwards: { reason: 'receipt_clock_backwards', lastYear: 2027, date: '2026-01-01' },
  invalid_date: { reason: 'invalid_date', field: 'f', value: 'v' },
  invalid_timestamp: { reason: 'invalid_timestamp', field: 'f', value: 'v' },
  invalid_amount: { reason: 'invalid_amount', field: 'f', value: 'v' },
  role_not_allowed: { reason: 'role_not_allowed', step: 'approve', role: 'clerk' },
  unknown_channel: { reason: 'unknown_channel', value: 'x' },
  nothing_due: { reason: 'nothing_due' },
  amount_mismatch: { reason: 'amount_mismatch', amountCents: 100, dueCents: 200 },
  cash_not_enabled: { reason: 'cash_not_enabled' },
  cash_over_limit: { reason: 'cash_over_limit', amountCents: 100, limitCents: 50 },
  tendered_not_cash: { reason: 'tendered_not_cash', channel: 'pos' },
  tendered_too_little: { reason: 'tendered_too_little', tenderedCents: 1, amountCents: 2 },
  psp_transaction_id_required: { reason: 'psp_transaction_id_required' },
  invalid_psp_transaction_id: { reason: 'invalid_psp_transaction_id', value: 'x' },
  notice_number_required: { reason: 'notice_number_required' },
  invalid_notice_number: {
    reason: 'invalid_notice_number',
    value: 'x',
    detail: { it: 'dettaglio', en: 'detail' },
  },
  notice_mismatch: { reason: 'notice_mismatch', given: 'a', expected: 'b' },
  session_closed: { reason: 'session_closed', sessionId: 'S1' },
  illegal_session_step: { reason: 'illegal_session_step', step: 'reopen', status: 'open' },
  session_already_exists: {
    reason: 'session_already_exists',
    clerkId: 'c',
    businessDate: 'd',
    sessionId: 's',
  },
  workstation_busy: { reason: 'workstation_busy', workstation: 'w', clerkId: 'c', sessionId: 's' },
  previous_session_open: { reason: 'previous_session_open', sessionId: 's', businessDate: 'd' },
  session_of_other_day: { reason: 'session_of_other_day', businessDate: 'd', date: 'e' },
  not_session_clerk: { reason: 'not_session_clerk', actorId: 'a', clerkId: 'c' },
  own_session_sign_off: { reason: 'own_session_sign_off', actorId: 'a' },
  discrepancy_note_required: { reason: 'discrepancy_note_required', discrepancyCents: -5 },
  time_goes_backwards: { reason: 'time_goes_backwards', at: 'a', last: 'b' },
  reason_too_short: { reason: 'reason_too_short', min: 10, length: 3 },
  reversal_exceeds_original: {
    reason: 'reversal_exceeds_original',
    amountCents: 3,
    availableCents: 2,
    originalCents: 5,
  },
  approval_required: { reason: 'approval_required' },
  approver_not_supervisor: { reason: 'approver_not_supervisor', approverId: 'a', role: 'clerk' },
  approver_is_requester: { reason: 'approver_is_requester', approverId: 'a' },
  refund_method_not_allowed: { reason: 'refund_method_not_allowed', method: 'cash', channel: 'pos' },
  correction_moves_no_money: { reason: 'correction_moves_no_money' },
  duplicate_hub_sequence: { reason: 'duplicate_hub_sequence', sequence: 1, paymentIds: 'a, b' },
  payment_of_other_debt: { reason: 'payment_of_other_debt', paymentId: 'p' },
};

describe('cash desk messages', () => {
  it.each(Object.values(SAMPLES))('$reason has both messages with every placeholder filled', (problem) => {
    const error = cashdeskError(problem);
    for (const text of [error.message.it, error.message.en]) {
      expect(text).not.toMatch(/\{\w+\}/);
      expect(text).not.toContain('[object Object]');
      expect(text.length).toBeGreaterThan(10);
    }
    expect(error.message.it).not.toBe(error.message.en);
  });

  it('writes amounts as euro and names roles, channels and steps in the reader’s language', () => {
    expect(cashdeskError(SAMPLES.amount_mismatch).message.it).toContain('€ 1,00');
    expect(cashdeskError(SAMPLES.amount_mismatch).message.en).toContain('€2.00');
    expect(cashdeskError(SAMPLES.role_not_allowed).message.it).toBe(
      'Il ruolo «istruttore» non può approvare uno storno.',
    );
    expect(cashdeskError(SAMPLES.refund_method_not_allowed).message.en).toBe(
      'A payment by card (POS) cannot be refunded by cash from the till.',
    );
  });
});
