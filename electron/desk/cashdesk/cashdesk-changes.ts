import type { Transaction } from 'kysely';
import { debtPositionWireSchema, paymentWireSchema, verbaleWireSchema } from '../../../shared/cashdesk/wire';
import type { Change } from '../../../shared/sync/mutations';
import type { Database } from '../db/database';

type Handler = (trx: Transaction<Database>, change: Change) => Promise<void>;

/** How the desk applies the hub's fines, notices and payments. */
export const CASHDESK_CHANGE_HANDLERS: Partial<Record<Change['entity'], Handler>> = {
  verbale: async (trx, change) => {
    const v = verbaleWireSchema.parse(change.payload);
    const row = {
      key: v.key,
      number: v.number,
      series: v.series,
      plate: v.plate,
      violation_date: v.violationDate,
      violation_time: v.violationTime,
      article: v.article,
      comma: v.comma,
      violation_id: v.violationId,
      notification: v.notification ? JSON.stringify(v.notification) : null,
      notification_costs_cents: v.notificationCostsCents,
      licence_points: v.licencePoints,
      driver_identified: v.driverIdentified ? 1 : 0,
      notice_number: v.noticeNumber,
      status: v.status,
      paid_receipt: v.paidReceipt,
    };
    await trx
      .insertInto('verbali')
      .values(row)
      .onConflict((oc) => oc.column('key').doUpdateSet(row))
      .execute();
  },
  debt_position: async (trx, change) => {
    const d = debtPositionWireSchema.parse(change.payload);
    const row = {
      notice_number: d.noticeNumber,
      debtor_cf: d.debtorFiscalCode,
      description: d.description,
      kind: d.kind,
      amount_cents: d.amountCents,
      due_date: d.dueDate,
      instalment: d.instalment,
      status: d.status,
      paid_receipt: d.paidReceipt,
    };
    await trx
      .insertInto('debt_positions')
      .values(row)
      .onConflict((oc) => oc.column('notice_number').doUpdateSet(row))
      .execute();
  },
  // Ours keep their session, breakdown and receipt PDF: the hub only decides status and reversals.
  payment: async (trx, change) => {
    const p = paymentWireSchema.parse(change.payload);
    const decided = {
      status: p.status,
      reversed_cents: p.reversedCents,
      refund_proposal: p.refundProposal ? JSON.stringify(p.refundProposal) : null,
    };
    await trx
      .insertInto('payments')
      .values({
        id: p.id,
        session_id: null,
        receipt_number: p.receiptNumber,
        debt_kind: p.debt.kind,
        debt_key: p.debt.key,
        channel: p.channel,
        amount_cents: p.amountCents,
        psp_transaction_id: p.pspTransactionId,
        paid_at: p.paidAt,
        clerk: p.clerk,
        workstation: p.workstation,
        breakdown: null,
        receipt_pdf: null,
        ...decided,
      })
      .onConflict((oc) => oc.column('id').doUpdateSet(decided))
      .execute();
  },
};
