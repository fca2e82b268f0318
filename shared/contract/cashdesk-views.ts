import type { PaymentChannel, RefundMethod } from '../cashdesk/cashdesk-messages';

/** Output shapes of the fines / notices / cash desk calls (never a database row). Money in cents. */

export type PaymentChannelView = PaymentChannel;

export interface PaymentView {
  id: string;
  receiptNumber: string;
  debtKind: 'fine' | 'notice';
  debtKey: string;
  channel: PaymentChannelView;
  amountCents: number;
  paidAt: string;
  clerk: string;
  workstation: string;
  /** pending: not yet confirmed by the hub; duplicate: the debt was already paid elsewhere */
  status: 'pending' | 'accepted' | 'duplicate';
  reversedCents: number;
  refundProposal: {
    amountCents: number;
    method: RefundMethod;
    reason: string;
    acceptedReceipt: string;
  } | null;
  /** taken on this workstation: the receipt can be reprinted here */
  hasReceipt: boolean;
}

export interface AmountDueView {
  totalCents: number;
  baseCents: number;
  costsCents: number;
  phase: string;
  /** last day for this amount; null after the last threshold */
  deadline: string | null;
  next: { from: string; totalCents: number } | null;
  /** "fino al 3 dicembre 2026: € 121,10, poi € 173,00" */
  summary: string;
  schedule: { phase: string; from: string | null; until: string | null; totalCents: number }[];
  /** the 30% reduction is not available, and why */
  noReduction: string | null;
  notifiedOn: string;
  provisional: boolean;
}

export interface DebtView {
  kind: 'fine' | 'notice';
  key: string;
  title: string;
  /** 18 digits, formatted in groups */
  noticeNumber: string;
  plate: string | null;
  violationDate: string | null;
  dueDate: string | null;
  status: 'open' | 'paid';
  paidReceipt: string | null;
  /** what would be charged now; null when it cannot be paid at the counter */
  amountDueCents: number | null;
  notPayable: string | null;
  due: AmountDueView | null;
  /** art. 126-bis: the owner names the driver within this date */
  driverIdentificationBy: string | null;
  licencePoints: number;
  payments: PaymentView[];
}

export type DebtLookup =
  | { kind: 'results'; interpretedAs: 'notice' | 'verbale' | 'plate' | 'debtor'; debts: DebtView[] }
  | { kind: 'not_found'; message: string }
  | { kind: 'invalid'; message: string };

export interface SessionEntryView {
  id: string;
  kind: 'payment' | 'refund' | 'correction';
  receiptNumber: string;
  debtKey: string;
  channel: PaymentChannelView;
  amountCents: number;
  at: string;
  reason: string | null;
}

export interface ChannelTotalsView {
  paymentsCount: number;
  paymentsCents: number;
  reversalsCents: number;
  netCents: number;
}

export interface CounterSessionView {
  id: string;
  businessDate: string;
  status: 'open' | 'closing' | 'closed';
  clerk: string;
  clerkName: string;
  openingFloatCents: number;
  openedAt: string;
  entries: SessionEntryView[];
  totals: {
    byChannel: Record<PaymentChannelView, ChannelTotalsView>;
    netCents: number;
    expectedCashCents: number;
  };
  closing: { countedCashCents: number; discrepancyCents: number; note: string | null } | null;
  signOff: { by: string; at: string } | null;
  cashEnabled: boolean;
}

export interface PaymentDone {
  payment: PaymentView;
  breakdown: string[];
  pdfBase64: string;
  changeCents: number | null;
}

/** Several debts paid at once: one receipt, one line (and one payment) per debt. */
export interface BasketDone {
  receiptNumber: string;
  /** each line's payment, in the receipt's order (`…/1`, `…/2`) */
  payments: PaymentView[];
  /** one line per debt as printed: "1. Multa 1001/A · AB123CD: € 29,40" */
  lines: string[];
  totalCents: number;
  channel: PaymentChannelView;
  pdfBase64: string;
  changeCents: number | null;
}
