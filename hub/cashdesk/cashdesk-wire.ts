import type { Selectable } from 'kysely';
import type { DebtPositionWire, PaymentWire, VerbaleWire } from '../../shared/cashdesk/wire';
import type { DebtPositionsTable, PaymentsTable, VerbaliTable } from '../db/tables/cashdesk.table';

export const toVerbaleWire = (r: Selectable<VerbaliTable>): VerbaleWire => ({
  key: r.key,
  number: r.number,
  series: r.series,
  plate: r.plate,
  violationDate: r.violation_date,
  violationTime: r.violation_time,
  article: r.article,
  comma: r.comma,
  violationId: r.violation_id,
  notification: r.notification ? (JSON.parse(r.notification) as VerbaleWire['notification']) : null,
  notificationCostsCents: Number(r.notification_costs_cents),
  licencePoints: Number(r.licence_points),
  driverIdentified: Number(r.driver_identified) === 1,
  noticeNumber: r.notice_number,
  status: r.status,
  paidReceipt: r.paid_receipt,
});

export const toDebtPositionWire = (r: Selectable<DebtPositionsTable>): DebtPositionWire => ({
  noticeNumber: r.notice_number,
  debtorFiscalCode: r.debtor_cf,
  description: r.description,
  kind: r.kind,
  amountCents: Number(r.amount_cents),
  dueDate: r.due_date,
  instalment: r.instalment === null ? null : Number(r.instalment),
  status: r.status,
  paidReceipt: r.paid_receipt,
});

export const toPaymentWire = (r: Selectable<PaymentsTable>): PaymentWire => ({
  id: r.id,
  receiptNumber: r.receipt_number,
  debt: { kind: r.debt_kind, key: r.debt_key },
  channel: r.channel,
  amountCents: Number(r.amount_cents),
  pspTransactionId: r.psp_transaction_id,
  paidAt: r.paid_at,
  clerk: r.clerk,
  workstation: r.workstation,
  status: r.status,
  reversedCents: Number(r.reversed_cents),
  refundProposal: r.refund_proposal ? (JSON.parse(r.refund_proposal) as PaymentWire['refundProposal']) : null,
});
