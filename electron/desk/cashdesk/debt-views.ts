import type { AmountDueView, DebtView, PaymentView } from '../../../shared/contract/cashdesk-views';
import { amountDue } from '../../../shared/fines/amount-due';
import { describeAmountDue, describeNoReduction, describePhase } from '../../../shared/fines/fine-messages';
import { fineAtCounter, noticeAtCounter } from '../../../shared/fines/payability';
import type { VerbaleNotification } from '../../../shared/fines/verbali-csv';
import type { Locale } from '../../../shared/i18n/locale';
import { cents } from '../../../shared/money/cents';
import { formatNoticeNumber } from '../../../shared/pagopa/notice-number';
import type { DeskDebtPositionRow, DeskPaymentRow, DeskVerbaleRow } from '../db/tables/cashdesk.table';

export const toPaymentView = (p: DeskPaymentRow): PaymentView => ({
  id: p.id,
  receiptNumber: p.receipt_number,
  debtKind: p.debt_kind,
  debtKey: p.debt_key,
  channel: p.channel,
  amountCents: Number(p.amount_cents),
  paidAt: p.paid_at,
  clerk: p.clerk,
  workstation: p.workstation,
  status: p.status,
  reversedCents: Number(p.reversed_cents),
  refundProposal: p.refund_proposal ? (JSON.parse(p.refund_proposal) as PaymentView['refundProposal']) : null,
  hasReceipt: p.receipt_pdf !== null,
});

/**
 * What a verbale costs today (shared/fines/amount-due.ts), or why the counter cannot take it
 * (shared/fines/payability.ts).
 */
export function verbaleDue(
  v: DeskVerbaleRow,
  today: string,
  comune: string,
  locale: Locale,
): { due: AmountDueView | null; notPayable: string | null; driverBy: string | null } {
  const atCounter = fineAtCounter({
    violationId: v.violation_id,
    violationDate: v.violation_date,
    notification: v.notification ? (JSON.parse(v.notification) as VerbaleNotification) : null,
    notificationCostsCents: cents(Number(v.notification_costs_cents)),
    driverIdentified: Number(v.driver_identified) === 1,
  });
  if (!atCounter.ok) return { due: null, notPayable: atCounter.message[locale], driverBy: null };
  const result = amountDue(atCounter.value, today, { calendar: { comune } });
  if (!result.ok) return { due: null, notPayable: result.error.message[locale], driverBy: null };
  const d = result.value;
  return {
    due: {
      totalCents: d.totalCents,
      baseCents: d.baseCents,
      costsCents: d.costsCents,
      phase: describePhase(d.phase, locale),
      deadline: d.deadline,
      next: d.nextThreshold ? { from: d.nextThreshold.from, totalCents: d.nextThreshold.totalCents } : null,
      summary: describeAmountDue(d, locale),
      schedule: d.schedule.map((w) => ({
        phase: describePhase(w.phase, locale),
        from: w.from,
        until: w.until,
        totalCents: w.totalCents,
      })),
      noReduction: describeNoReduction(d.thirtyPercent, locale),
      notifiedOn: d.notification.notifiedOn,
      provisional: d.notification.provisional,
    },
    notPayable: null,
    driverBy: d.driverIdentification.required ? d.driverIdentification.dueBy : null,
  };
}

export function verbaleView(
  v: DeskVerbaleRow,
  payments: DeskPaymentRow[],
  today: string,
  comune: string,
  locale: Locale,
): DebtView {
  const { due, notPayable, driverBy } = verbaleDue(v, today, comune, locale);
  const paid = v.status === 'paid';
  return {
    kind: 'fine',
    key: v.key,
    title: `${locale === 'it' ? 'Verbale' : 'Fine'} ${v.key} – art. ${v.article}${v.comma ? ` c.${v.comma}` : ''} CdS`,
    noticeNumber: formatNoticeNumber(v.notice_number),
    plate: v.plate,
    violationDate: v.violation_date,
    dueDate: null,
    status: v.status,
    paidReceipt: v.paid_receipt,
    amountDueCents: paid || !due ? null : due.totalCents,
    notPayable: paid ? null : notPayable,
    due,
    driverIdentificationBy: driverBy,
    licencePoints: Number(v.licence_points),
    payments: payments.map(toPaymentView),
  };
}

const KIND_TITLE = {
  TARI: 'TARI',
  IMU: 'IMU',
  MENSA: 'Mensa scolastica',
  ALTRO: 'Altro',
  CANONE: 'Canone unico',
} as const;

export function positionView(
  p: DeskDebtPositionRow,
  payments: DeskPaymentRow[],
  today: string,
  locale: Locale,
): DebtView {
  const paid = p.status === 'paid';
  const atCounter = noticeAtCounter({ paid, dueDate: p.due_date }, today);
  return {
    kind: 'notice',
    key: p.notice_number,
    title: `${KIND_TITLE[p.kind]} – ${p.description}${p.instalment ? ` (rata ${p.instalment})` : ''}`,
    noticeNumber: formatNoticeNumber(p.notice_number),
    plate: null,
    violationDate: null,
    dueDate: p.due_date,
    status: p.status,
    paidReceipt: p.paid_receipt,
    amountDueCents: paid || !atCounter.ok ? null : Number(p.amount_cents),
    notPayable: atCounter.ok ? null : atCounter.message[locale],
    due: null,
    driverIdentificationBy: null,
    licencePoints: 0,
    payments: payments.map(toPaymentView),
  };
}
