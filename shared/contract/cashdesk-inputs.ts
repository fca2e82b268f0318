import { z } from 'zod';
import { PAYMENT_CHANNELS, REFUND_METHOD_KINDS } from '../cashdesk/cashdesk-messages';
import { BASKET_CHANNELS, BASKET_MAX_ITEMS } from '../cashdesk/wire';

/** Inputs of the cash desk calls. Amounts in cents; the amount of a payment is never an input. */
const cents = z.number().int();
const approver = z
  .object({ username: z.string().trim().min(1).max(64), password: z.string().min(1).max(256) })
  .strict();

export const debtLookupInput = z.object({ query: z.string().max(300) }).strict();

export const debtRefInput = z
  .object({ kind: z.enum(['fine', 'notice']), key: z.string().trim().min(1).max(40) })
  .strict();

export const openSessionInput = z.object({ openingFloatCents: cents.min(0).max(10_000_000) }).strict();

export const payInput = z
  .object({
    debt: debtRefInput,
    channel: z.enum(PAYMENT_CHANNELS),
    pspTransactionId: z.string().max(60).nullish(),
    tenderedCents: cents.min(0).max(10_000_000).nullish(),
    noticeNumber: z.string().max(40).nullish(),
  })
  .strict();

/** Several debts in one payment and one receipt (a visit's open items): card or cash. */
export const payManyInput = z
  .object({
    debts: z.array(debtRefInput).min(1).max(BASKET_MAX_ITEMS),
    channel: z.enum(BASKET_CHANNELS),
    pspTransactionId: z.string().max(60).nullish(),
    tenderedCents: cents.min(0).max(10_000_000).nullish(),
  })
  .strict();

export const reverseInput = z
  .object({
    paymentId: z.string().uuid(),
    kind: z.enum(['refund', 'correction']),
    amountCents: cents.min(1).max(100_000_000),
    refundMethod: z.enum(REFUND_METHOD_KINDS).nullish(),
    reason: z.string().max(300),
    approver,
  })
  .strict();

export const countInput = z
  .object({ countedCashCents: cents.min(0).max(100_000_000), note: z.string().max(300).nullish() })
  .strict();

export const signOffInput = z.object({ approver, note: z.string().max(300).nullish() }).strict();

export const receiptInput = z.object({ paymentId: z.string().uuid() }).strict();
