import { can } from '../auth/policy';
import type { Actor } from '../cases/case-model';
import { addCents, cents, isCents, subtractCents, type Cents } from '../money/cents';
import { cashdeskFail, cashdeskOk, type CashdeskResult } from './cashdesk-errors';
import type { PaymentChannel, RefundMethod } from './cashdesk-messages';
import type { CashdeskSettings } from './payment';

export type { RefundMethod } from './cashdesk-messages';

/**
 * Refunds and corrections at the counter, only as reversing entries. A recorded payment is never
 * edited or deleted: money records of a public body must show who did what and why, and a closed
 * till must add up to what was counted. So a mistake or a refund is a new entry that points at
 * the original, carries its own reason, and needs a supervisor's approval given by someone other
 * than the clerk who asks (four eyes, as for the other irreversible acts of the comune: the
 * protocol cancellation of DOMAIN.md §8.3 needs an authorising act too).
 *
 * - `refund`: money goes back to the payer, by a method that fits how it came in: cash from the
 *   till for cash (while the comune takes cash), a card refund through the PSP for POS, a bank
 *   transfer by the treasury for anything (and the only way for a pagoPA notice, whose money
 *   never entered the till).
 * - `correction`: the original entry was wrong (wrong channel, amount or position) and no money
 *   moves now: the entry is cancelled and the right one recorded anew. It has no refund method.
 *
 * Several partial reversals of one payment are allowed; together they never exceed it.
 */

export type ReversalKind = 'refund' | 'correction';

/** At least this many characters, so the reason says something to whoever audits it later (our choice). */
export const MIN_REVERSAL_REASON_LENGTH = 10;

/** Refund methods that fit each channel, the first being the default. */
export const REFUND_METHODS: Readonly<Record<PaymentChannel, readonly RefundMethod[]>> = {
  cash: ['cash', 'bank_transfer'],
  pos: ['pos', 'bank_transfer'],
  pagopa_notice: ['bank_transfer'],
};

/** The default refund method of a channel: the same way back, unless the till may not pay cash. */
export function defaultRefundMethod(channel: PaymentChannel, settings: CashdeskSettings): RefundMethod {
  if (channel === 'cash' && !settings.cashEnabled) return 'bank_transfer';
  return REFUND_METHODS[channel][0] ?? 'bank_transfer';
}

export interface OriginalPayment {
  id: string;
  receiptNumber: string;
  channel: PaymentChannel;
  amountCents: Cents;
}

export interface ReversalRequest {
  kind: ReversalKind;
  original: OriginalPayment;
  /** reversals already recorded against the original, of either kind */
  previousReversals: readonly { amountCents: Cents }[];
  amountCents: number;
  reason: string;
  /** refund only; default `defaultRefundMethod` */
  refundMethod?: RefundMethod | null;
  requestedBy: Actor;
  approvedBy: Actor | null;
}

export interface ApprovedReversal {
  kind: ReversalKind;
  reversesPaymentId: string;
  reversesReceiptNumber: string;
  /** the channel of the original: the closing totals book the reversal against it */
  channel: PaymentChannel;
  amountCents: Cents;
  /** trimmed, inner runs of spaces collapsed */
  reason: string;
  /** null for a correction */
  refundMethod: RefundMethod | null;
  requestedBy: string;
  approvedBy: string;
  /** what can still be reversed afterwards */
  remainingCents: Cents;
}

/** Checks a reversal and its approval. Never throws; the first problem found is returned. */
export function validateReversal(
  request: ReversalRequest,
  settings: CashdeskSettings,
): CashdeskResult<ApprovedReversal> {
  const { original, requestedBy, approvedBy } = request;
  if (!can(requestedBy.role, 'cashdesk.recordPayment')) {
    return cashdeskFail({ reason: 'role_not_allowed', step: 'reverse', role: requestedBy.role });
  }
  if (!isCents(request.amountCents) || request.amountCents <= 0) {
    return cashdeskFail({
      reason: 'invalid_amount',
      field: 'amountCents',
      value: String(request.amountCents),
    });
  }
  const amount = cents(request.amountCents);
  const already = addCents(...request.previousReversals.map((r) => r.amountCents));
  const available = subtractCents(original.amountCents, already);
  if (amount > available) {
    return cashdeskFail({
      reason: 'reversal_exceeds_original',
      amountCents: amount,
      availableCents: Math.max(0, available),
      originalCents: original.amountCents,
    });
  }
  const reason = request.reason.trim().replace(/\s+/g, ' ');
  if (reason.length < MIN_REVERSAL_REASON_LENGTH) {
    return cashdeskFail({
      reason: 'reason_too_short',
      min: MIN_REVERSAL_REASON_LENGTH,
      length: reason.length,
    });
  }

  let refundMethod: RefundMethod | null = null;
  if (request.kind === 'correction') {
    if (request.refundMethod !== undefined && request.refundMethod !== null) {
      return cashdeskFail({ reason: 'correction_moves_no_money' });
    }
  } else {
    const method = request.refundMethod ?? defaultRefundMethod(original.channel, settings);
    const cashClosed = method === 'cash' && !settings.cashEnabled;
    if (!REFUND_METHODS[original.channel].includes(method) || cashClosed) {
      return cashdeskFail({ reason: 'refund_method_not_allowed', method, channel: original.channel });
    }
    refundMethod = method;
  }

  if (approvedBy === null) return cashdeskFail({ reason: 'approval_required' });
  if (!can(approvedBy.role, 'cashdesk.recordReversal')) {
    return cashdeskFail({
      reason: 'approver_not_supervisor',
      approverId: approvedBy.id,
      role: approvedBy.role,
    });
  }
  if (approvedBy.id === requestedBy.id)
    return cashdeskFail({ reason: 'approver_is_requester', approverId: approvedBy.id });

  return cashdeskOk({
    kind: request.kind,
    reversesPaymentId: original.id,
    reversesReceiptNumber: original.receiptNumber,
    channel: original.channel,
    amountCents: amount,
    reason,
    refundMethod,
    requestedBy: requestedBy.id,
    approvedBy: approvedBy.id,
    remainingCents: subtractCents(available, amount),
  });
}
