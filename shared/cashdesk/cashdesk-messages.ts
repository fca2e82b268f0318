import { formatIsoDate } from '../calendar/format-date';
import { interpolate, type Locale } from '../i18n/locale';
import type { Cents } from '../money/cents';
import { formatEuro } from '../money/euro-format';
import { isLocalDateTime, localDateOf, type LocalDateTime } from '../protocol/local-date-time';

/**
 * Words of the cash desk in Italian and English: channel names on receipts and closing reports,
 * session states and steps for error messages, the reason text of a double-payment refund. The
 * refusals themselves are in cashdesk-errors.ts.
 */

type Labels<K extends string> = Readonly<Record<K, Record<Locale, string>>>;

/** How a payment is taken at the counter (payment.ts). */
export const PAYMENT_CHANNELS = ['pos', 'cash', 'pagopa_notice'] as const;
export type PaymentChannel = (typeof PAYMENT_CHANNELS)[number];

/** How money goes back to the payer (reversal.ts; which ones a channel allows: REFUND_METHODS). */
export const REFUND_METHOD_KINDS = ['pos', 'cash', 'bank_transfer'] as const;
export type RefundMethod = (typeof REFUND_METHOD_KINDS)[number];

export type SessionStatus = 'open' | 'closing' | 'closed';
export type SessionStep = 'open' | 'record' | 'count' | 'reopen' | 'sign_off';
/** every step a role may be refused */
export type CashdeskStep = SessionStep | 'reverse' | 'approve';

export const CHANNEL_LABELS: Labels<PaymentChannel> = {
  pos: { it: 'carta (POS)', en: 'card (POS)' },
  cash: { it: 'contanti', en: 'cash' },
  pagopa_notice: { it: 'avviso pagoPA', en: 'pagoPA notice' },
};

export const REFUND_METHOD_LABELS: Labels<RefundMethod> = {
  pos: { it: 'storno sulla carta (POS)', en: 'refund to the card (POS)' },
  cash: { it: 'contanti dalla cassa', en: 'cash from the till' },
  bank_transfer: { it: 'bonifico dalla tesoreria', en: 'bank transfer by the treasury' },
};

export const SESSION_STATUS_LABELS: Labels<SessionStatus> = {
  open: { it: 'aperta', en: 'open' },
  closing: { it: 'in chiusura (contanti contati)', en: 'closing (cash counted)' },
  closed: { it: 'chiusa', en: 'closed' },
};

export const STEP_LABELS: Labels<CashdeskStep> = {
  open: { it: 'aprire la cassa', en: 'open the till' },
  record: { it: 'registrare un movimento', en: 'record an entry' },
  count: { it: 'registrare il conteggio dei contanti', en: 'record the cash count' },
  reopen: { it: 'riaprire la cassa', en: 'reopen the till' },
  sign_off: { it: 'vistare la chiusura', en: 'sign off the closing' },
  reverse: { it: 'chiedere uno storno', en: 'request a reversal' },
  approve: { it: 'approvare uno storno', en: 'approve a reversal' },
};

/** "10 marzo 2026 09:15" / "10 March 2026 09:15"; the text as given if it is not a local time. */
export function formatLocalDateTime(at: LocalDateTime, locale: Locale): string {
  if (!isLocalDateTime(at)) return at;
  return `${formatIsoDate(localDateOf(at), locale)} ${at.slice(11, 16)}`;
}

export interface DoublePaymentText {
  /** what was paid twice, as the supervisor knows it: "verbale 999/Z", "avviso 3010 …" */
  debtLabel: string;
  acceptedReceipt: string;
  acceptedWorkstation: string;
  acceptedAt: LocalDateTime;
  receipt: string;
  refundCents: Cents;
  method: RefundMethod;
}

const DOUBLE_PAYMENT = {
  it: 'Pagamento doppio di {debt}: era già stato pagato con la ricevuta {acceptedReceipt} (postazione {acceptedWorkstation}, {acceptedAt}), registrata per prima dall’hub. Si propone di rimborsare {amount} della ricevuta {receipt} con {method}.',
  en: 'Double payment of {debt}: it had already been paid with receipt {acceptedReceipt} (workstation {acceptedWorkstation}, {acceptedAt}), which reached the hub first. Proposed: refund {amount} of receipt {receipt} by {method}.',
} as const satisfies Record<Locale, string>;

/** The reason of a double-payment refund proposal, naming the receipt that was kept. */
export function doublePaymentReason(text: DoublePaymentText): Record<Locale, string> {
  const make = (locale: Locale): string =>
    interpolate(DOUBLE_PAYMENT[locale], {
      debt: text.debtLabel,
      acceptedReceipt: text.acceptedReceipt,
      acceptedWorkstation: text.acceptedWorkstation,
      acceptedAt: formatLocalDateTime(text.acceptedAt, locale),
      receipt: text.receipt,
      amount: formatEuro(text.refundCents, locale),
      method: REFUND_METHOD_LABELS[text.method][locale],
    });
  return { it: make('it'), en: make('en') };
}
