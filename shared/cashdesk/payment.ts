import { cents, isCents, subtractCents, type Cents } from '../money/cents';
import { parseNoticeNumber } from '../pagopa/notice-number';
import { cashdeskFail, cashdeskOk, type CashdeskResult } from './cashdesk-errors';
import { PAYMENT_CHANNELS, type PaymentChannel } from './cashdesk-messages';

export { PAYMENT_CHANNELS, type PaymentChannel } from './cashdesk-messages';

/**
 * A payment taken at the counter, checked before the money is taken. Channels:
 *
 * - `pos`: card on the counter's POS terminal, run by a PSP (DOMAIN.md §6.5 "counter POS via a
 *   PSP"). The PSP transaction id on the POS slip is the proof until the pagoPA receipt (IUR)
 *   arrives with reconciliation, so it is required.
 * - `cash`: only where the comune enables it. Whether a comune may still take cash outside
 *   pagoPA depends on its treasury set-up [U] (DOMAIN.md §6.5, Appendix A), so it is a setting,
 *   off by default; an optional ceiling per payment is a setting too, not a constant, for the
 *   same reason (and because the anti-money-laundering cash threshold of D.Lgs. 231/2007 art. 49
 *   has changed often).
 * - `pagopa_notice`: the citizen pays the position's pagoPA notice at the desk through the
 *   comune's pagoPA channel; the money never enters the till. The notice number is the key
 *   that closes the position, so it is required and must be the position's own.
 *
 * The amount must equal the amount due, to the cent: a fine's amount depends on the day (5/60-day
 * windows, fines/amount-due.ts) and a notice carries its own, so a partial or rounded payment
 * would leave a position neither open nor closed. Commissions are not part of it (shown apart,
 * DOMAIN.md §6.5).
 */

export interface CashdeskSettings {
  /** the comune takes cash at its counters (DOMAIN.md §6.5 [U]); false unless configured */
  cashEnabled: boolean;
  /** highest single cash payment the comune accepts; null or absent: no ceiling of its own */
  cashLimitCents?: Cents | null;
}

export interface PaymentRequest {
  /** as chosen on the screen; checked against the known channels */
  channel: string;
  /** what is being taken, in cents */
  amountCents: number;
  /** what the position asks today (fines: the current window; notices: the notice amount) */
  amountDueCents: Cents;
  /** pos: the PSP's transaction id from the POS slip */
  pspTransactionId?: string | null;
  /** pagopa_notice: the notice being paid, as typed or scanned */
  noticeNumber?: string | null;
  /** the notice of the position, when it has one: a pagopa_notice payment must be for it */
  positionNoticeNumber?: string | null;
  /** cash: what the citizen handed over, to compute the change */
  tenderedCents?: number | null;
}

export type ValidPayment =
  | { channel: 'pos'; amountCents: Cents; pspTransactionId: string }
  | { channel: 'cash'; amountCents: Cents; tenderedCents: Cents; changeCents: Cents }
  | { channel: 'pagopa_notice'; amountCents: Cents; noticeNumber: string; iuv: string };

/**
 * 1 to 35 characters: pagoPA identifiers are at most 35 (the "Max35Text" of its messages) [K].
 * Letters, digits and the punctuation PSPs print on slips; no spaces (a scanner or a copy adds
 * them at the ends, which are trimmed).
 */
const PSP_TRANSACTION_ID = /^[A-Za-z0-9][A-Za-z0-9._:/-]{0,34}$/;

export function isPaymentChannel(value: unknown): value is PaymentChannel {
  return typeof value === 'string' && (PAYMENT_CHANNELS as readonly string[]).includes(value);
}

const isPositiveCents = (value: unknown): value is Cents => isCents(value) && value > 0;

/** Checks a payment against the channel rules and the amount due. Never throws. */
export function validatePayment(
  request: PaymentRequest,
  settings: CashdeskSettings,
): CashdeskResult<ValidPayment> {
  const { channel } = request;
  if (!isPaymentChannel(channel)) return cashdeskFail({ reason: 'unknown_channel', value: String(channel) });
  if (!isPositiveCents(request.amountCents)) {
    return cashdeskFail({
      reason: 'invalid_amount',
      field: 'amountCents',
      value: String(request.amountCents),
    });
  }
  if (!isCents(request.amountDueCents) || request.amountDueCents <= 0)
    return cashdeskFail({ reason: 'nothing_due' });
  const amount = cents(request.amountCents);
  if (amount !== request.amountDueCents) {
    return cashdeskFail({ reason: 'amount_mismatch', amountCents: amount, dueCents: request.amountDueCents });
  }
  const tendered = request.tenderedCents ?? null;
  if (tendered !== null && channel !== 'cash') return cashdeskFail({ reason: 'tendered_not_cash', channel });

  switch (channel) {
    case 'pos': {
      const id = (request.pspTransactionId ?? '').trim();
      if (id === '') return cashdeskFail({ reason: 'psp_transaction_id_required' });
      if (!PSP_TRANSACTION_ID.test(id))
        return cashdeskFail({ reason: 'invalid_psp_transaction_id', value: id });
      return cashdeskOk({ channel, amountCents: amount, pspTransactionId: id });
    }
    case 'cash': {
      if (!settings.cashEnabled) return cashdeskFail({ reason: 'cash_not_enabled' });
      const limit = settings.cashLimitCents ?? null;
      if (limit !== null && amount > limit) {
        return cashdeskFail({ reason: 'cash_over_limit', amountCents: amount, limitCents: limit });
      }
      if (tendered !== null && !isPositiveCents(tendered)) {
        return cashdeskFail({ reason: 'invalid_amount', field: 'tenderedCents', value: String(tendered) });
      }
      const given = tendered ?? amount;
      if (given < amount) {
        return cashdeskFail({ reason: 'tendered_too_little', tenderedCents: given, amountCents: amount });
      }
      return cashdeskOk({
        channel,
        amountCents: amount,
        tenderedCents: given,
        changeCents: subtractCents(given, amount),
      });
    }
    case 'pagopa_notice': {
      const raw = request.noticeNumber ?? '';
      if (raw.trim() === '') return cashdeskFail({ reason: 'notice_number_required' });
      const notice = parseNoticeNumber(raw);
      if (!notice.ok) {
        return cashdeskFail({
          reason: 'invalid_notice_number',
          value: raw.trim(),
          detail: notice.error.message,
        });
      }
      const expected = request.positionNoticeNumber ?? null;
      if (expected !== null && expected !== notice.value.noticeNumber) {
        return cashdeskFail({ reason: 'notice_mismatch', given: notice.value.noticeNumber, expected });
      }
      return cashdeskOk({
        channel,
        amountCents: amount,
        noticeNumber: notice.value.noticeNumber,
        iuv: notice.value.iuv,
      });
    }
  }
}
