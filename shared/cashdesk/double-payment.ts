import type { Locale } from '../i18n/locale';
import { cents, isCents, subtractCents, type Cents } from '../money/cents';
import type { LocalDateTime } from '../protocol/local-date-time';
import { cashdeskFail, cashdeskOk, type CashdeskResult } from './cashdesk-errors';
import { doublePaymentReason, type PaymentChannel, type RefundMethod } from './cashdesk-messages';
import type { CashdeskSettings } from './payment';
import { defaultRefundMethod } from './reversal';

/**
 * Never twice, never lost: two counters offline can both take the payment of one fine or notice.
 * Both payments are kept (each has its receipt and its money); the hub accepts one and turns every
 * other into an exception for the supervisors' queue with a refund proposal
 * (../shared/ARCHITECTURE.md, sync model: a rejected mutation "becomes an exception case in the
 * supervisors' queue").
 *
 * Which one is accepted: the first to REACH THE HUB, i.e. the first in the hub's serial apply
 * order (`hubSequence`: the hub applies pushed mutations one at a time, so two payments never
 * share a position in it). Not the desk clocks: two PCs' clocks can disagree by minutes, and a
 * time-ordered uuid v7 only orders the payments of one desk. Arrival order is also the only one
 * that never changes an answer already given: a payment accepted and shown as paid stays accepted
 * whatever arrives later, so the decision can be recomputed at any time with the same result.
 *
 * Each payment was checked at its desk against the full amount due (payment.ts), so the accepted
 * one alone settles the debt, and each other is refunded in full: what it took minus what its
 * desk already reversed. A payment wholly reversed at its desk (a correction) pays nothing, is
 * not a candidate, and needs no refund. The same payment pushed twice (a replay: same id) counts
 * once. Pure, so the hub's applier calls it inside its transaction.
 */

export type DebtKind = 'fine' | 'notice';

export interface DebtRef {
  kind: DebtKind;
  /** fines: verbaleKey (fines/verbali-csv.ts); notices: the 18-digit notice number */
  key: string;
  /** for people: "verbale 999/Z", "avviso 3010 0000 0000 0001 44" */
  label: string;
}

export interface RecordedPayment {
  /** the uuid v7 of the mutation that recorded it: the replay key */
  paymentId: string;
  debtKind: DebtKind;
  debtKey: string;
  /** position in the hub's serial apply order; null while not yet at the hub */
  hubSequence: number | null;
  workstation: string;
  clerkId: string;
  receiptNumber: string;
  channel: PaymentChannel;
  amountCents: Cents;
  /** desk clock (Europe/Rome): shown to people, never used to decide */
  paidAt: LocalDateTime;
  /** already reversed at the desk (refunds and corrections) */
  reversedCents?: Cents;
}

export interface RefundProposal {
  amountCents: Cents;
  method: RefundMethod;
  reason: Record<Locale, string>;
}

export interface DoublePaymentException {
  kind: 'double_payment';
  debt: DebtRef;
  /** the payment to refund */
  payment: RecordedPayment;
  acceptedPaymentId: string;
  acceptedReceiptNumber: string;
  refund: RefundProposal;
}

export interface DoublePaymentDecision {
  /** the payment that settles the debt; null when no payment at the hub pays anything */
  accepted: RecordedPayment | null;
  /** one per other payment still holding money */
  exceptions: DoublePaymentException[];
  /** wholly reversed at their desk: nothing to accept or refund */
  voided: RecordedPayment[];
  /** not yet at the hub: decided when they arrive */
  pending: RecordedPayment[];
}

const heldCents = (p: RecordedPayment): number => p.amountCents - (p.reversedCents ?? 0);

/**
 * Decides, for the payments recorded against one debt across workstations, which one the hub
 * accepts and what to propose for the others. Refuses data that breaks the hub's guarantees (two
 * payments at one sequence position, a payment of another debt) rather than guess.
 */
export function decideDoublePayment(
  debt: DebtRef,
  payments: readonly RecordedPayment[],
  settings: CashdeskSettings,
): CashdeskResult<DoublePaymentDecision> {
  // replays: one payment id, one payment (the earliest arrival is the one the hub applied)
  const byId = new Map<string, RecordedPayment>();
  for (const p of payments) {
    if (p.debtKind !== debt.kind || p.debtKey !== debt.key) {
      return cashdeskFail({ reason: 'payment_of_other_debt', paymentId: p.paymentId });
    }
    if (!isCents(p.amountCents) || p.amountCents <= 0) {
      return cashdeskFail({ reason: 'invalid_amount', field: 'amountCents', value: String(p.amountCents) });
    }
    const reversed = p.reversedCents ?? 0;
    if (!isCents(reversed) || reversed < 0 || reversed > p.amountCents) {
      return cashdeskFail({ reason: 'invalid_amount', field: 'reversedCents', value: String(reversed) });
    }
    const seen = byId.get(p.paymentId);
    if (
      !seen ||
      (p.hubSequence !== null && (seen.hubSequence === null || p.hubSequence < seen.hubSequence))
    ) {
      byId.set(p.paymentId, p);
    }
  }
  const unique = [...byId.values()];
  const pending = unique.filter((p) => p.hubSequence === null);
  const arrived = unique
    .filter((p): p is RecordedPayment & { hubSequence: number } => p.hubSequence !== null)
    .sort((a, b) => a.hubSequence - b.hubSequence);
  for (let i = 1; i < arrived.length; i++) {
    const [prev, cur] = [arrived[i - 1], arrived[i]];
    if (prev && cur && prev.hubSequence === cur.hubSequence) {
      return cashdeskFail({
        reason: 'duplicate_hub_sequence',
        sequence: cur.hubSequence,
        paymentIds: `${prev.paymentId}, ${cur.paymentId}`,
      });
    }
  }

  const voided = arrived.filter((p) => heldCents(p) === 0);
  const live = arrived.filter((p) => heldCents(p) > 0);
  const [accepted, ...others] = live;
  if (!accepted) return cashdeskOk({ accepted: null, exceptions: [], voided, pending });

  const exceptions = others.map((payment): DoublePaymentException => {
    const amount = subtractCents(payment.amountCents, cents(payment.reversedCents ?? 0));
    const method = defaultRefundMethod(payment.channel, settings);
    return {
      kind: 'double_payment',
      debt,
      payment,
      acceptedPaymentId: accepted.paymentId,
      acceptedReceiptNumber: accepted.receiptNumber,
      refund: {
        amountCents: amount,
        method,
        reason: doublePaymentReason({
          debtLabel: debt.label,
          acceptedReceipt: accepted.receiptNumber,
          acceptedWorkstation: accepted.workstation,
          acceptedAt: accepted.paidAt,
          receipt: payment.receiptNumber,
          refundCents: amount,
          method,
        }),
      },
    };
  });
  return cashdeskOk({ accepted, exceptions, voided, pending });
}
