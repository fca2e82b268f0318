import type { AmountDueView, DebtView, PaymentView } from '../../../shared/contract/cashdesk-views';
import { amountDue, type Fine } from '../../../shared/fines/amount-due';
import { describeAmountDue, describePhase } from '../../../shared/fines/fine-messages';
import { fineRulesOn } from '../../../shared/fines/fine-rules';
import { toFineNotification, type VerbaleNotification } from '../../../shared/fines/verbali-csv';
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

const NO_REDUCTION = {
  tariff: {
    it: 'il pagamento ridotto del 30% non è ammesso per questa violazione',
    en: 'no 30% reduction for this violation',
  },
  'licence-suspension': {
    it: 'niente riduzione del 30%: è prevista la sospensione della patente',
    en: 'no 30% reduction: licence suspension',
  },
  'vehicle-confiscation': {
    it: 'niente riduzione del 30%: è prevista la confisca del veicolo',
    en: 'no 30% reduction: vehicle confiscation',
  },
} as const;

/** What a verbale costs today (shared/fines/amount-due.ts), or why the counter cannot take it. */
export function verbaleDue(
  v: DeskVerbaleRow,
  today: string,
  comune: string,
  locale: Locale,
): { due: AmountDueView | null; notPayable: string | null; driverBy: string | null } {
  if (!v.notification)
    return {
      due: null,
      notPayable: locale === 'it' ? 'verbale non ancora notificato' : 'not notified yet',
      driverBy: null,
    };
  if (!v.violation_id)
    return {
      due: null,
      notPayable:
        locale === 'it'
          ? "violazione da precisare: più voci del tariffario corrispondono all'articolo"
          : 'violation to be specified: several tariff rows match the article',
      driverBy: null,
    };
  const n = JSON.parse(v.notification) as VerbaleNotification;
  const cad = fineRulesOn(n.notifiedOn)?.cadPerfectedAfterDays ?? 10;
  const fine: Fine = {
    violationId: v.violation_id,
    violationDate: v.violation_date,
    notification: toFineNotification(n, cad),
    costs: [{ kind: 'notification', cents: cents(Number(v.notification_costs_cents)) }],
    driverIdentified: Number(v.driver_identified) === 1,
  };
  const result = amountDue(fine, today, { calendar: { comune } });
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
      noReduction: d.thirtyPercent.allowed ? null : NO_REDUCTION[d.thirtyPercent.because][locale],
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

const KIND_TITLE = { TARI: 'TARI', IMU: 'IMU', MENSA: 'Mensa scolastica', ALTRO: 'Altro' } as const;

export function positionView(
  p: DeskDebtPositionRow,
  payments: DeskPaymentRow[],
  today: string,
  locale: Locale,
): DebtView {
  const paid = p.status === 'paid';
  const expired = !paid && today > p.due_date;
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
    amountDueCents: paid || expired ? null : Number(p.amount_cents),
    notPayable: expired
      ? locale === 'it'
        ? `avviso scaduto il ${p.due_date.split('-').reverse().join('/')}: l'ufficio tributi indica l'importo aggiornato`
        : `notice expired on ${p.due_date}: the tax office gives the updated amount`
      : null,
    due: null,
    driverIdentificationBy: null,
    licencePoints: 0,
    payments: payments.map(toPaymentView),
  };
}
