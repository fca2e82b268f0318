import type { Selectable, Transaction } from 'kysely';
import { romeDateOf, romeDateTimeOf } from '../../shared/calendar/rome-date';
import { cashdeskSettingOn } from '../../shared/cashdesk/comune-settings';
import { decideDoublePayment, type RecordedPayment } from '../../shared/cashdesk/double-payment';
import { AppError } from '../../shared/errors/app-error';
import { cents } from '../../shared/money/cents';
import { formatNoticeNumber } from '../../shared/pagopa/notice-number';
import type { MutationArgs } from '../../shared/sync/mutations';
import type { HubDatabase } from '../db/database';
import type { PaymentsTable } from '../db/tables/cashdesk.table';
import type { ApplyContext } from '../sync/apply-context';
import { appendChange } from '../sync/change-log';
import { recordException } from '../sync/sync-exceptions';
import { checkPayment, requireOpenTillSession } from './payment-check';
import { validatePayment } from '../../shared/cashdesk/payment';
import { basketPayments, type PaymentRecord } from '../../shared/cashdesk/wire';
import { checkClosingTotals } from './closing-check';
import { toDebtPositionWire, toPaymentWire, toVerbaleWire } from './cashdesk-wire';

type Trx = Transaction<HubDatabase>;
type DebtKind = 'fine' | 'notice';

const debtLabel = (kind: DebtKind, key: string) =>
  kind === 'fine' ? `verbale ${key}` : `avviso ${formatNoticeNumber(key)}`;

/** Where each kind of debt lives at the hub and how it travels in the change log. */
const DEBT_TABLES = {
  fine: { table: 'verbali', key: 'key', entity: 'verbale', wire: toVerbaleWire },
  notice: {
    table: 'debt_positions',
    key: 'notice_number',
    entity: 'debt_position',
    wire: toDebtPositionWire,
  },
} as const;

/**
 * Locks the debt's row for the rest of the transaction (an UPDATE that changes nothing takes the
 * row lock on PostgreSQL; SQLite has one writer anyway), so two counters paying the same debt at
 * the same moment are decided one after the other. False when the comune has no such debt.
 */
async function lockDebt(trx: Trx, comune: string, kind: DebtKind, key: string): Promise<boolean> {
  const d = DEBT_TABLES[kind];
  const res = await trx
    .updateTable(d.table)
    .set((eb) => ({ status: eb.ref('status') }))
    .where('comune', '=', comune)
    .where(d.key, '=', key)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

/** Marks the debt paid (or open again) and tells every counter of the comune. */
async function setDebtStatus(
  trx: Trx,
  comune: string,
  kind: DebtKind,
  key: string,
  paidReceipt: string | null,
  at: string,
  mutationId: string,
): Promise<void> {
  const d = DEBT_TABLES[kind];
  const status = paidReceipt === null ? 'open' : 'paid';
  await trx
    .updateTable(d.table)
    .set({ status, paid_receipt: paidReceipt })
    .where('comune', '=', comune)
    .where(d.key, '=', key)
    .execute();
  const row = await trx
    .selectFrom(d.table)
    .selectAll()
    .where('comune', '=', comune)
    .where(d.key, '=', key)
    .executeTakeFirstOrThrow();
  await appendChange(trx, {
    comune,
    entity: d.entity,
    entityId: key,
    op: 'upsert',
    payload: d.wire(row),
    at,
    mutationId,
  });
}

const recorded = (p: Selectable<PaymentsTable>): RecordedPayment => ({
  paymentId: p.id,
  debtKind: p.debt_kind,
  debtKey: p.debt_key,
  hubSequence: Number(p.hub_seq),
  workstation: p.workstation,
  clerkId: p.clerk,
  receiptNumber: p.receipt_number,
  channel: p.channel,
  amountCents: cents(Number(p.amount_cents)),
  paidAt: romeDateTimeOf(new Date(p.paid_at)),
  reversedCents: cents(Number(p.reversed_cents)),
});

/**
 * A payment taken at a counter, perhaps offline, perhaps for a debt another counter has already
 * collected. The money exists either way, so the payment is always kept: the first to reach the
 * hub settles the debt, any later one becomes a `double_payment` exception in the supervisors'
 * queue with a refund proposal, which both counters see through the change log.
 */
export async function recordPayment(
  ctx: ApplyContext,
  args: MutationArgs<'cashdesk.recordPayment'>,
): Promise<void> {
  const { kind, key } = args.debt;
  if (!(await lockDebt(ctx.trx, ctx.ws.comune, kind, key))) throw new AppError('debt_not_found', { key });
  await checkPayment(ctx.trx, ctx.ws, ctx.at, args, debtLabel(kind, key));
  await keepPayment(ctx, args, 'cashdesk.recordPayment');
}

/**
 * Several debts in one payment and one receipt: each line is checked exactly as a payment of its
 * own (the debt's row locked, its amount on that day recomputed from the hub's data, the till
 * open) and kept as one, all in the push's savepoint for this mutation, so a single wrong line
 * refuses the whole receipt and changes nothing. The channel's rules (cash enabled, the comune's
 * cash ceiling, the card's PSP id) apply to the sum: one handful of cash, one card transaction.
 */
export async function recordBasket(
  ctx: ApplyContext,
  args: MutationArgs<'cashdesk.recordBasket'>,
): Promise<void> {
  const seen = new Set<string>();
  for (const item of args.items) {
    const id = `${item.debt.kind}:${item.debt.key}`;
    if (seen.has(id)) throw new AppError('basket_debt_twice', { key: item.debt.key });
    seen.add(id);
  }
  const total = args.items.reduce((sum, i) => sum + i.amountCents, 0);
  const paidOn = romeDateOf(new Date(args.paidAt));
  const whole = validatePayment(
    {
      channel: args.channel,
      amountCents: total,
      amountDueCents: cents(total),
      pspTransactionId: args.pspTransactionId,
    },
    cashdeskSettingOn(ctx.ws.comune, paidOn) ?? { cashEnabled: false },
  );
  if (!whole.ok)
    throw new AppError('payment_refused', { debt: args.receiptNumber, detail: whole.error.message.it });
  for (const line of basketPayments(args)) {
    const { kind, key } = line.debt;
    if (!(await lockDebt(ctx.trx, ctx.ws.comune, kind, key))) throw new AppError('debt_not_found', { key });
    // the refusal names the debt (its amount on that day, the till): the supervisor sees which line
    await checkPayment(ctx.trx, ctx.ws, ctx.at, line, debtLabel(kind, key));
    await keepPayment(ctx, line, 'cashdesk.recordBasket');
  }
}

/** Keeps a checked payment; the first for its debt settles it, a later one is a double payment. */
async function keepPayment(
  { trx, ws, at, mutationId, clerk }: ApplyContext,
  args: PaymentRecord,
  name: 'cashdesk.recordPayment' | 'cashdesk.recordBasket',
): Promise<void> {
  const { kind, key } = args.debt;
  const earlier = await trx
    .selectFrom('payments')
    .selectAll()
    .where('comune', '=', ws.comune)
    .where('debt_kind', '=', kind)
    .where('debt_key', '=', key)
    .orderBy('hub_seq')
    .execute();
  const row: Selectable<PaymentsTable> = {
    id: args.id,
    comune: ws.comune,
    hub_seq: earlier.reduce((max, p) => Math.max(max, Number(p.hub_seq)), 0) + 1,
    workstation_id: ws.id,
    workstation: ws.name,
    clerk: clerk.username,
    session_id: args.sessionId,
    receipt_number: args.receiptNumber,
    debt_kind: kind,
    debt_key: key,
    channel: args.channel,
    amount_cents: args.amountCents,
    psp_transaction_id: args.pspTransactionId,
    paid_at: args.paidAt,
    status: 'accepted',
    reversed_cents: 0,
    refund_proposal: null,
  };
  const debt = { kind, key, label: debtLabel(kind, key) };
  const settings = cashdeskSettingOn(ws.comune, romeDateOf(new Date(at))) ?? { cashEnabled: false };
  const decision = decideDoublePayment(debt, [...earlier.map(recorded), recorded(row)], settings);
  if (!decision.ok) throw new AppError('invalid_input', { detail: decision.error.message.it });
  const mine = decision.value.exceptions.find((e) => e.payment.paymentId === args.id);
  if (mine) {
    row.status = 'duplicate';
    row.refund_proposal = JSON.stringify({
      amountCents: mine.refund.amountCents,
      method: mine.refund.method,
      reason: mine.refund.reason.it,
      acceptedReceipt: mine.acceptedReceiptNumber,
    });
  }
  await trx.insertInto('payments').values(row).execute();
  if (mine) {
    // The supervisors' queue: a refund to decide, never a payment silently dropped.
    await recordException(trx, ws, {
      mutationId: args.id,
      name,
      args,
      clerk: clerk.username,
      code: 'double_payment',
      message: mine.refund.reason.it,
      at,
    });
  } else if (decision.value.accepted?.paymentId === args.id) {
    await setDebtStatus(trx, ws.comune, kind, key, args.receiptNumber, at, mutationId);
  }
  await appendChange(trx, {
    comune: ws.comune,
    entity: 'payment',
    entityId: args.id,
    op: 'upsert',
    payload: toPaymentWire(row),
    at,
    mutationId,
  });
}

/**
 * A refund or correction approved at the counter. A wholly reversed payment no longer settles
 * its debt: the debt opens again unless another payment still holds it.
 */
export async function recordReversal(
  { trx, ws, at, mutationId, clerk }: ApplyContext,
  args: MutationArgs<'cashdesk.recordReversal'>,
): Promise<void> {
  const payment = await trx
    .selectFrom('payments')
    .selectAll()
    .where('comune', '=', ws.comune)
    .where('id', '=', args.paymentId)
    .executeTakeFirst();
  if (!payment) throw new AppError('payment_not_found', { id: args.paymentId });
  await requireOpenTillSession(trx, ws, args.sessionId);
  await checkApproval(trx, ws.comune, clerk.username, args.approvedBy, args.requestedBy);
  await lockDebt(trx, ws.comune, payment.debt_kind, payment.debt_key);
  const reversed = Number(payment.reversed_cents) + args.amountCents;
  if (reversed > Number(payment.amount_cents))
    throw new AppError('reversal_exceeds_payment', { receipt: payment.receipt_number });
  await trx
    .insertInto('reversals')
    .values({
      id: args.id,
      comune: ws.comune,
      payment_id: args.paymentId,
      session_id: args.sessionId,
      kind: args.kind,
      amount_cents: args.amountCents,
      refund_method: args.refundMethod,
      reason: args.reason,
      requested_by: args.requestedBy,
      approved_by: clerk.username,
      at: args.at,
    })
    .execute();
  await trx
    .updateTable('payments')
    .set({ reversed_cents: reversed })
    .where('comune', '=', ws.comune)
    .where('id', '=', args.paymentId)
    .execute();
  const updated = { ...payment, reversed_cents: reversed };
  if (payment.status === 'duplicate' && reversed === Number(payment.amount_cents)) {
    // the refund the queue proposed has been made: the exception is settled
    await trx
      .updateTable('sync_exceptions')
      .set({ resolved_at: at })
      .where('comune', '=', ws.comune)
      .where('mutation_id', '=', payment.id)
      .where('code', '=', 'double_payment')
      .execute();
  }
  if (payment.status === 'accepted' && reversed === Number(payment.amount_cents)) {
    await setDebtStatus(trx, ws.comune, payment.debt_kind, payment.debt_key, null, at, mutationId);
  }
  await appendChange(trx, {
    comune: ws.comune,
    entity: 'payment',
    entityId: payment.id,
    op: 'upsert',
    payload: toPaymentWire(updated),
    at,
    mutationId,
  });
}

export async function openCounterSession(
  { trx, ws, clerk }: ApplyContext,
  args: MutationArgs<'cashdesk.openSession'>,
): Promise<void> {
  // an id already taken (by this or another counter) is refused, never overwritten or a 500
  const taken = await trx
    .selectFrom('counter_sessions')
    .select('id')
    .where('id', '=', args.id)
    .executeTakeFirst();
  if (taken) throw new AppError('till_session_exists', { id: args.id });
  await trx
    .insertInto('counter_sessions')
    .values({
      id: args.id,
      comune: ws.comune,
      workstation_id: ws.id,
      clerk: clerk.username,
      business_date: args.businessDate,
      opening_float_cents: args.openingFloatCents,
      opened_at: args.openedAt,
      status: 'open',
      counted_cash_cents: null,
      expected_cash_cents: null,
      discrepancy_cents: null,
      totals: null,
      note: null,
      signed_off_by: null,
      closed_at: null,
    })
    .execute();
}

/**
 * An approval given at a counter is the approver's own act: the mutation must come with their
 * credential (the policy lets only supervisors author it), name them, and not be for themselves.
 */
async function checkApproval(
  trx: Trx,
  comune: string,
  author: string,
  approvedBy: string,
  requestedBy: string,
): Promise<void> {
  if (approvedBy !== author) throw new AppError('author_mismatch', { clerk: approvedBy, user: author });
  if (requestedBy === author) throw new AppError('approver_invalid');
  const requester = await trx
    .selectFrom('users')
    .select('id')
    .where('username', '=', requestedBy)
    .where('comune', '=', comune)
    .executeTakeFirst();
  if (!requester) throw new AppError('clerk_unknown', { clerk: requestedBy });
}

/** The signed-off closing of a session: kept at the hub for the supervisors' reports. */
export async function closeCounterSession(
  { trx, ws, clerk }: ApplyContext,
  args: MutationArgs<'cashdesk.closeSession'>,
): Promise<void> {
  const open = await trx
    .selectFrom('counter_sessions')
    .select(['id', 'clerk', 'opening_float_cents'])
    .where('comune', '=', ws.comune)
    .where('id', '=', args.id)
    .executeTakeFirst();
  if (!open) throw new AppError('till_session_unknown', { id: args.id });
  await requireOpenTillSession(trx, ws, args.id);
  await checkApproval(trx, ws.comune, clerk.username, args.signedOffBy, open.clerk);
  await checkClosingTotals(trx, open, args);
  const res = await trx
    .updateTable('counter_sessions')
    .set({
      status: 'closed',
      counted_cash_cents: args.countedCashCents,
      expected_cash_cents: args.expectedCashCents,
      discrepancy_cents: args.discrepancyCents,
      totals: args.totalsJson,
      note: args.note,
      signed_off_by: clerk.username,
      closed_at: args.closedAt,
    })
    .where('comune', '=', ws.comune)
    .where('id', '=', args.id)
    .where('status', '=', 'open')
    .executeTakeFirst();
  if (Number(res.numUpdatedRows) !== 1) throw new AppError('session_not_open', { id: args.id });
}
