import type { Transaction } from 'kysely';
import { romeDateOf } from '../../shared/calendar/rome-date';
import { cashdeskSettingOn } from '../../shared/cashdesk/comune-settings';
import {
  REFUND_METHOD_LABELS,
  type PaymentChannel,
  type RefundMethod,
} from '../../shared/cashdesk/cashdesk-messages';
import { defaultRefundMethod } from '../../shared/cashdesk/reversal';
import { AppError, type ErrorData, type ErrorParams } from '../../shared/errors/app-error';
import type { ErrorCode } from '../../shared/errors/error-messages';
import type { Locale } from '../../shared/i18n/locale';
import { cents, type Cents } from '../../shared/money/cents';
import { formatEuro } from '../../shared/money/euro-format';
import type { PermitRefusal } from '../../shared/permits/eligibility';
import { PERMIT_ERROR_MESSAGES, permitRefusalMessage } from '../../shared/permits/permit-errors';
import type { HubDatabase } from '../db/database';

/**
 * How the hub says no to a permit mutation. Eligibility refusals keep their shared code and
 * wording (permit-errors.ts, dates as dd/mm/yyyy); a refused permit that was already paid carries
 * a refund proposal, worded with the cash desk's refund methods, so the exception the supervisors
 * see says what to give back and against which receipt.
 */

export interface RefundProposal {
  amountCents: Cents;
  /** the receipt number or IUV the desk recorded */
  receipt: string;
  /** how the money goes back; null when the hub does not know the channel */
  method: RefundMethod | null;
}

const REFUND_TEXT: Record<Locale, { with: string; without: string }> = {
  it: {
    with: 'Rimborso proposto: {amount}, ricevuta {receipt}, con {method}.',
    without: 'Rimborso proposto: {amount}, ricevuta {receipt}.',
  },
  en: {
    with: 'Refund proposed: {amount}, receipt {receipt}, by {method}.',
    without: 'Refund proposed: {amount}, receipt {receipt}.',
  },
};

export function refundText(refund: RefundProposal, locale: Locale): string {
  const t = REFUND_TEXT[locale];
  return (refund.method ? t.with : t.without)
    .replace('{amount}', formatEuro(refund.amountCents, locale))
    .replace('{receipt}', refund.receipt)
    .replace('{method}', refund.method ? REFUND_METHOD_LABELS[refund.method][locale] : '');
}

const isPermitCode = (code: string): code is keyof typeof PERMIT_ERROR_MESSAGES =>
  Object.hasOwn(PERMIT_ERROR_MESSAGES, code);

/**
 * A refusal with the permit wording (dates dd/mm/yyyy) and, when the permit was paid, the refund
 * proposal after it. Still an `AppError`: the push turns it into an exception for the supervisors'
 * queue with this message, and the desk reads the code and the refund in `params`.
 */
export class PermitRefusalError extends AppError {
  constructor(
    code: ErrorCode,
    params: ErrorParams,
    readonly refund: RefundProposal | null = null,
  ) {
    super(
      code,
      refund ? { ...params, refundCents: refund.amountCents, refundReceipt: refund.receipt } : params,
    );
  }

  override toData(locale: Locale): ErrorData {
    const data = super.toData(locale);
    const base = isPermitCode(this.code)
      ? permitRefusalMessage({ code: this.code, params: this.params }, locale)
      : data.message;
    return { ...data, message: this.refund ? `${base} ${refundText(this.refund, locale)}` : base };
  }
}

/** A refusal carrying the refund proposal of a paid permit (any AppError keeps its code). */
export function withRefund(err: AppError, refund: RefundProposal | null): AppError {
  if (refund === null) return err;
  return new PermitRefusalError(err.code, err.params, refund);
}

/**
 * What to give back for a refused paid permit: its fee, against its receipt; the method from
 * the till's payment when the hub holds it (the cash desk's default way back), a bank transfer
 * for a pagoPA IUV, otherwise left to the supervisor.
 */
export async function refundFor(
  trx: Transaction<HubDatabase>,
  comune: string,
  permit: { feeCents: number; paymentRef: string | null },
  at: string,
): Promise<RefundProposal | null> {
  if (permit.feeCents <= 0 || permit.paymentRef === null) return null;
  const payment = await trx
    .selectFrom('payments')
    .select('channel')
    .where('comune', '=', comune)
    .where('receipt_number', '=', permit.paymentRef)
    .executeTakeFirst();
  const settings = cashdeskSettingOn(comune, romeDateOf(new Date(at))) ?? { cashEnabled: false };
  const method: RefundMethod | null = payment
    ? defaultRefundMethod(payment.channel as PaymentChannel, settings)
    : /^\d{15,18}$/.test(permit.paymentRef)
      ? 'bank_transfer'
      : null;
  return { amountCents: cents(permit.feeCents), receipt: permit.paymentRef, method };
}

/** The first refusal of an eligibility answer as the error the push records. */
export const refusalError = (r: PermitRefusal): PermitRefusalError =>
  new PermitRefusalError(r.code, r.params);

/** A permit id the comune does not hold. */
export const permitNotFound = (id: string): AppError => new AppError('permit_not_found', { id });

/** A permit that is no longer in force for the change asked (revoked, superseded). */
export const permitNotActive = (number: string, status: string): AppError =>
  status === 'revoked'
    ? new AppError('permit_already_revoked', { number })
    : new AppError('permit_not_in_force', { number });

/** The fee the desk took differs from the one the hub computes (fees.ts). */
export const feeMismatch = (number: string, claimed: number, due: number, date: string): AppError =>
  new AppError('permit_fee_mismatch', {
    number,
    amount: formatEuro(cents(claimed), 'it'),
    due: formatEuro(cents(due), 'it'),
    date,
  });

/** Validity dates the desk sent that the hub's rule does not give. */
export const validityMismatch = (field: string, claimed: string | null, due: string | null): AppError =>
  new AppError('permit_validity_mismatch', { field, claimed: claimed ?? '—', due: due ?? '—' });
