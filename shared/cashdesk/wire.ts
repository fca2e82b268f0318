import { z } from 'zod';
import { isoDateSchema } from '../calendar/date-schemas';
import { PAYMENT_CHANNELS, REFUND_METHOD_KINDS } from './cashdesk-messages';
import { DEBT_POSITION_KINDS } from '../pagopa/debt-positions-csv';

/**
 * What travels between hub and counters for fines, notices and the cash desk: the hub's
 * change log (entities `verbale`, `debt_position`, `payment`) and the desk's mutations. Money in
 * integer cents, dates as ISO calendar dates, instants as ISO timestamps.
 */
const cents = z.number().int();
const notice = z.string().regex(/^\d{18}$/);
const RECEIPT_NUMBER = /^RIC-[A-Z]\d{3}-[A-Z0-9]{1,8}-\d{4}-\d{6}$/;
/** a receipt's number, or one of its lines (`/1` … `/20`) */
const RECEIPT_LINE = /^RIC-[A-Z]\d{3}-[A-Z0-9]{1,8}-\d{4}-\d{6}(\/([1-9]|1\d|20))?$/;

export const verbaleNotificationSchema = z.object({
  mode: z.enum(['hand', 'post', 'cad']),
  how: z.enum(['hand', 'post', 'cad-collected', 'cad-compiuta-giacenza']),
  notifiedOn: isoDateSchema,
});

export const verbaleWireSchema = z.object({
  /** verbaleKey(series, number): "999/Z" */
  key: z.string().min(1).max(40),
  number: z.string().max(20),
  series: z.string().max(10),
  plate: z.string().max(12),
  violationDate: isoDateSchema,
  violationTime: z.string().max(5),
  article: z.string().max(10),
  comma: z.string().max(10).nullable(),
  violationId: z.string().max(60).nullable(),
  notification: verbaleNotificationSchema.nullable(),
  notificationCostsCents: cents.nonnegative(),
  licencePoints: z.number().int().min(0).max(20),
  driverIdentified: z.boolean(),
  noticeNumber: notice,
  status: z.enum(['open', 'paid']),
  /** the receipt of the payment the hub accepted */
  paidReceipt: z.string().nullable(),
});
export type VerbaleWire = z.infer<typeof verbaleWireSchema>;

/**
 * Kinds of notice on the wire: those a comune imports (debt-positions-csv.ts) and those the hub
 * issues itself (CANONE: the canone unico's concessions, hub/canone), which no CSV may bring in.
 */
export const DEBT_POSITION_WIRE_KINDS = [...DEBT_POSITION_KINDS, 'CANONE'] as const;
export type DebtPositionWireKind = (typeof DEBT_POSITION_WIRE_KINDS)[number];

export const debtPositionWireSchema = z.object({
  noticeNumber: notice,
  debtorFiscalCode: z.string().max(16),
  description: z.string().max(200),
  kind: z.enum(DEBT_POSITION_WIRE_KINDS),
  amountCents: cents.positive(),
  dueDate: isoDateSchema,
  instalment: z.number().int().positive().nullable(),
  status: z.enum(['open', 'paid']),
  paidReceipt: z.string().nullable(),
});
export type DebtPositionWire = z.infer<typeof debtPositionWireSchema>;

export const debtRefSchema = z.object({
  kind: z.enum(['fine', 'notice']),
  /** fines: the verbale key; notices: the 18-digit notice number */
  key: z.string().min(1).max(40),
});
export type DebtRefWire = z.infer<typeof debtRefSchema>;

/** A payment taken at a counter, as the desk records it (mutation `cashdesk.recordPayment`). */
export const paymentRecordSchema = z
  .object({
    id: z.string().uuid(),
    sessionId: z.string().uuid(),
    receiptNumber: z.string().regex(RECEIPT_NUMBER),
    debt: debtRefSchema,
    channel: z.enum(PAYMENT_CHANNELS),
    amountCents: cents.positive(),
    pspTransactionId: z.string().max(35).nullable(),
    paidAt: z.string().datetime(),
  })
  .strict();
export type PaymentRecord = z.infer<typeof paymentRecordSchema>;

/**
 * Several debts settled in one payment with one receipt (mutation `cashdesk.recordBasket`): one
 * card transaction or one handful of cash for the whole visit. Each debt is still a payment of its
 * own, numbered as a line of the receipt (`RIC-…-000042/2`), so double payments, refunds and the
 * till's lines work per debt exactly as for a single payment. Not `pagopa_notice`: each notice is
 * its own pagoPA payment.
 */
export const BASKET_MAX_ITEMS = 20;
export const BASKET_CHANNELS = ['pos', 'cash'] as const;

/** The payment row of the n-th debt (from 1) of a receipt with several. */
export const receiptLine = (receiptNumber: string, line: number): string => `${receiptNumber}/${line}`;

export const basketRecordSchema = z
  .object({
    sessionId: z.string().uuid(),
    receiptNumber: z.string().regex(RECEIPT_NUMBER),
    channel: z.enum(BASKET_CHANNELS),
    pspTransactionId: z.string().max(35).nullable(),
    paidAt: z.string().datetime(),
    items: z
      .array(z.object({ id: z.string().uuid(), debt: debtRefSchema, amountCents: cents.positive() }).strict())
      .min(1)
      .max(BASKET_MAX_ITEMS),
  })
  .strict();
export type BasketRecord = z.infer<typeof basketRecordSchema>;

/** The payment record of each line of a basket: what the hub checks and keeps, line by line. */
export const basketPayments = (b: BasketRecord): PaymentRecord[] =>
  b.items.map((item, i) => ({
    id: item.id,
    sessionId: b.sessionId,
    receiptNumber: receiptLine(b.receiptNumber, i + 1),
    debt: item.debt,
    channel: b.channel,
    amountCents: item.amountCents,
    pspTransactionId: b.pspTransactionId,
    paidAt: b.paidAt,
  }));

/** The payment as every counter of the comune sees it (change-log entity `payment`). */
export const paymentWireSchema = paymentRecordSchema.omit({ sessionId: true }).extend({
  receiptNumber: z.string().regex(RECEIPT_LINE),
  clerk: z.string(),
  workstation: z.string(),
  /** accepted: it settled the debt; duplicate: the debt was already paid, a refund is proposed */
  status: z.enum(['accepted', 'duplicate']),
  reversedCents: cents.nonnegative(),
  refundProposal: z
    .object({
      amountCents: cents,
      method: z.enum(REFUND_METHOD_KINDS),
      reason: z.string(),
      acceptedReceipt: z.string(),
    })
    .nullable(),
});
export type PaymentWire = z.infer<typeof paymentWireSchema>;

/** A refund or correction, approved at the counter by a supervisor (mutation `cashdesk.recordReversal`). */
export const reversalRecordSchema = z
  .object({
    id: z.string().uuid(),
    sessionId: z.string().uuid(),
    paymentId: z.string().uuid(),
    kind: z.enum(['refund', 'correction']),
    amountCents: cents.positive(),
    refundMethod: z.enum(REFUND_METHOD_KINDS).nullable(),
    reason: z.string().min(10).max(300),
    /** the supervisor who approved it at the counter: the mutation's author, checked by the hub */
    approvedBy: z.string().min(1).max(64),
    /** the clerk who asked: never the approver (four eyes) */
    requestedBy: z.string().min(1).max(64),
    at: z.string().datetime(),
  })
  .strict();
export type ReversalRecord = z.infer<typeof reversalRecordSchema>;

/** A counter session as the hub keeps it for supervisors (mutations `cashdesk.openSession` / `closeSession`). */
export const sessionOpenSchema = z
  .object({
    id: z.string().uuid(),
    businessDate: isoDateSchema,
    openingFloatCents: cents.nonnegative(),
    openedAt: z.string().datetime(),
  })
  .strict();

export const sessionCloseSchema = z
  .object({
    id: z.string().uuid(),
    countedCashCents: cents.nonnegative(),
    expectedCashCents: cents,
    discrepancyCents: cents,
    totalsJson: z.string().max(4000),
    note: z.string().max(300).nullable(),
    signedOffBy: z.string().min(1).max(64),
    closedAt: z.string().datetime(),
  })
  .strict();

export const CASHDESK_MUTATIONS = {
  'cashdesk.openSession': sessionOpenSchema,
  'cashdesk.recordPayment': paymentRecordSchema,
  'cashdesk.recordBasket': basketRecordSchema,
  'cashdesk.recordReversal': reversalRecordSchema,
  'cashdesk.closeSession': sessionCloseSchema,
} as const;
