import { uuidv7 } from 'uuidv7';
import { romeDateOf, romeDateTimeOf } from '../../../shared/calendar/rome-date';
import { cashdeskSettingOn } from '../../../shared/cashdesk/comune-settings';
import type { CashdeskError } from '../../../shared/cashdesk/cashdesk-errors';
import {
  applySessionEvent,
  canRecordEntry,
  closingTotals,
  openSession,
  type CounterSession,
} from '../../../shared/cashdesk/counter-session';
import { validatePayment } from '../../../shared/cashdesk/payment';
import { nextReceiptNumber, parseReceiptNumber } from '../../../shared/cashdesk/receipt-number';
import { validateReversal } from '../../../shared/cashdesk/reversal';
import type {
  CounterSessionView,
  DebtView,
  PaymentDone,
  PaymentView,
} from '../../../shared/contract/cashdesk-views';
import type { CallInput } from '../../../shared/contract/contract';
import { AppError } from '../../../shared/errors/app-error';
import type { Locale } from '../../../shared/i18n/locale';
import { cents } from '../../../shared/money/cents';
import { formatEuro } from '../../../shared/money/euro-format';
import { toBase64 } from '../bytes';
import { requireSession, workstationName, type ActiveSession, type DeskContext } from '../context';
import { getMeta } from '../db/meta-repository';
import { reserveNext } from '../db/series-counter';
import type { DeskCounterSessionRow } from '../db/tables/cashdesk.table';
import { SERIES_KEY } from '../setup/setup-service';
import { runMutation } from '../sync/run-mutation';
import { verifyApprover } from './approver';
import { renderClosingReportPdf, renderReceiptPdf } from './cashdesk-pdf';
import { positionView, toPaymentView, verbaleView } from './debt-views';
import { allSessions, findClerkSession, sessionEntries, toCounterSession } from './session-store';

/** The last receipt number this workstation gave: the next one follows it (per-workstation series). */
export const LAST_RECEIPT_KEY = 'cashdesk.last_receipt';

export const refused = (error: CashdeskError, locale: Locale) =>
  new AppError('cashdesk_refused', { detail: error.message[locale] });
export const actorOf = (s: ActiveSession) => ({
  id: s.info.clerk.username,
  role: s.info.clerk.role === 'admin' ? ('supervisor' as const) : s.info.clerk.role,
});
export const settingsOf = (ctx: DeskContext, comune: string) =>
  cashdeskSettingOn(comune, romeDateOf(ctx.now())) ?? { cashEnabled: false, cashLimitCents: null };

async function view(ctx: DeskContext, row: DeskCounterSessionRow): Promise<CounterSessionView> {
  const session = requireSession(ctx);
  const { payments, reversals, fees, entries } = await sessionEntries(ctx.db, row.id);
  const totals = closingTotals(entries, cents(Number(row.opening_float_cents)));
  const closing = row.closing ? (JSON.parse(row.closing) as NonNullable<CounterSession['closing']>) : null;
  const signOff = row.sign_off ? (JSON.parse(row.sign_off) as NonNullable<CounterSession['signOff']>) : null;
  const totalsOf = (c: 'pos' | 'cash' | 'pagopa_notice') => {
    const t = totals.byChannel[c];
    return {
      paymentsCount: t.paymentsCount,
      paymentsCents: t.paymentsCents,
      reversalsCents: t.reversalsCents,
      netCents: t.netCents,
    };
  };
  return {
    id: row.id,
    businessDate: row.business_date,
    status: row.status,
    clerk: row.clerk,
    clerkName: row.clerk_name,
    openingFloatCents: Number(row.opening_float_cents),
    openedAt: row.opened_at,
    entries: [
      ...payments.map((p) => ({
        id: p.id,
        kind: 'payment' as const,
        receiptNumber: p.receipt_number,
        debtKey: p.debt_key,
        channel: p.channel,
        amountCents: Number(p.amount_cents),
        at: romeDateTimeOf(new Date(p.paid_at)),
        reason: null,
      })),
      ...fees.map((f) => ({
        id: f.id,
        kind: 'payment' as const,
        receiptNumber: f.documentRef,
        debtKey: f.documentRef,
        channel: 'cash' as const,
        amountCents: f.amountCents,
        at: romeDateTimeOf(new Date(f.paidAt)),
        reason: f.label[ctx.state.locale],
      })),
      ...reversals.map((r) => ({
        id: r.id,
        kind: r.kind,
        receiptNumber: r.receipt_number,
        debtKey: r.debt_key,
        channel: r.channel,
        amountCents: Number(r.amount_cents),
        at: romeDateTimeOf(new Date(r.at)),
        reason: r.reason,
      })),
    ].sort((a, b) => a.at.localeCompare(b.at)),
    totals: {
      byChannel: { pos: totalsOf('pos'), cash: totalsOf('cash'), pagopa_notice: totalsOf('pagopa_notice') },
      netCents: totals.netCents,
      expectedCashCents: totals.expectedCashCents,
    },
    closing: closing
      ? {
          countedCashCents: closing.countedCashCents,
          discrepancyCents: closing.discrepancyCents,
          note: closing.note,
        }
      : null,
    signOff: signOff ? { by: signOff.by, at: signOff.at } : null,
    cashEnabled: settingsOf(ctx, session.info.comune.belfiore).cashEnabled,
  };
}

export async function mySession(ctx: DeskContext): Promise<DeskCounterSessionRow> {
  const session = requireSession(ctx);
  const row = await findClerkSession(ctx.db, session.info.clerk.username, romeDateOf(ctx.now()));
  if (!row) throw new AppError('session_not_open', { id: '—' });
  return row;
}

export async function currentCounterSession(ctx: DeskContext): Promise<CounterSessionView | null> {
  const session = requireSession(ctx);
  const row = await findClerkSession(ctx.db, session.info.clerk.username, romeDateOf(ctx.now()));
  return row ? view(ctx, row) : null;
}

/** Opens the clerk's day with its float: one session per clerk and day, one open till per workstation. */
export async function openCounterSession(
  ctx: DeskContext,
  input: CallInput<'cashdesk:open'>,
): Promise<CounterSessionView> {
  const session = requireSession(ctx);
  const now = ctx.now();
  const workstation = workstationName(ctx);
  const existing = (await allSessions(ctx.db)).map((r) =>
    toCounterSession(r, session.info.comune.belfiore, workstation),
  );
  const opened = openSession(
    {
      id: uuidv7(),
      comune: session.info.comune.belfiore,
      workstation,
      clerk: actorOf(session),
      businessDate: romeDateOf(now),
      openingFloatCents: input.openingFloatCents,
      at: romeDateTimeOf(now),
    },
    existing,
  );
  if (!opened.ok) throw refused(opened.error, ctx.state.locale);
  const s = opened.value;
  await runMutation(
    ctx,
    'cashdesk.openSession',
    {
      id: s.id,
      businessDate: s.businessDate,
      openingFloatCents: s.openingFloatCents,
      openedAt: now.toISOString(),
    },
    {
      entity: 'counter_session',
      entityId: s.id,
      reason: `apertura cassa, fondo ${formatEuro(s.openingFloatCents, 'it')}`,
    },
    async (trx) => {
      await trx
        .insertInto('counter_sessions')
        .values({
          id: s.id,
          clerk: s.clerkId,
          clerk_name: session.info.clerk.displayName,
          business_date: s.businessDate,
          opening_float_cents: s.openingFloatCents,
          opened_at: s.openedAt,
          status: 'open',
          closing: null,
          sign_off: null,
          report_pdf: null,
        })
        .execute();
    },
  );
  return view(ctx, await mySession(ctx));
}

/**
 * The till the diritti of a certificate go into: the clerk's session of today, opened here with
 * no float when the clerk has not opened one (a counter that issues certificates takes money
 * even if it never takes a fine). A session already counted or closed takes nothing more: the
 * clerk reopens it, or the certificate waits for tomorrow's till.
 */
const tillOpenings = new WeakMap<DeskContext, Promise<void>>();

export async function tillForFees(ctx: DeskContext): Promise<string> {
  const session = requireSession(ctx);
  const today = romeDateOf(ctx.now());
  let row = await findClerkSession(ctx.db, session.info.clerk.username, today);
  if (!row) {
    // Two certificates issued at once must not both open the day's till: one opens, one waits.
    const opening = tillOpenings.get(ctx) ?? openCounterSession(ctx, { openingFloatCents: 0 }).then(() => {});
    tillOpenings.set(ctx, opening);
    try {
      await opening;
    } finally {
      if (tillOpenings.get(ctx) === opening) tillOpenings.delete(ctx);
    }
    row = await mySession(ctx);
  }
  const counter = toCounterSession(row, session.info.comune.belfiore, workstationName(ctx));
  const can = canRecordEntry(counter, actorOf(session), romeDateTimeOf(ctx.now()));
  if (!can.ok) throw refused(can.error, ctx.state.locale);
  return row.id;
}

export async function findDebt(ctx: DeskContext, kind: 'fine' | 'notice', key: string): Promise<DebtView> {
  const session = requireSession(ctx);
  const today = romeDateOf(ctx.now());
  const payments = await ctx.db
    .selectFrom('payments')
    .selectAll()
    .where('debt_kind', '=', kind)
    .where('debt_key', '=', key)
    .execute();
  if (kind === 'fine') {
    const v = await ctx.db.selectFrom('verbali').selectAll().where('key', '=', key).executeTakeFirst();
    if (!v) throw new AppError('debt_not_found', { key });
    return verbaleView(v, payments, today, session.info.comune.belfiore, ctx.state.locale);
  }
  const p = await ctx.db
    .selectFrom('debt_positions')
    .selectAll()
    .where('notice_number', '=', key)
    .executeTakeFirst();
  if (!p) throw new AppError('debt_not_found', { key });
  return positionView(p, payments, today, ctx.state.locale);
}

/**
 * Takes a payment: the amount is what the debt costs today (never typed by the clerk), checked
 * against the channel's rules; the next receipt number of this workstation's series (reserved
 * first, see below), then the receipt PDF, the debt marked paid here at once and the mutation
 * queued for the hub, in one transaction.
 */
export async function pay(ctx: DeskContext, input: CallInput<'cashdesk:pay'>): Promise<PaymentDone> {
  const session = requireSession(ctx);
  const locale = ctx.state.locale;
  const comune = session.info.comune.belfiore;
  const row = await mySession(ctx);
  const now = ctx.now();
  const counter = toCounterSession(row, comune, workstationName(ctx));
  const can = canRecordEntry(counter, actorOf(session), romeDateTimeOf(now));
  if (!can.ok) throw refused(can.error, locale);
  const debt = await findDebt(ctx, input.debt.kind, input.debt.key);
  if (debt.status === 'paid') {
    throw input.debt.kind === 'fine'
      ? new AppError('fine_paid', { key: debt.key, receipt: debt.paidReceipt ?? '—' })
      : new AppError('notice_paid', { notice: debt.noticeNumber, receipt: debt.paidReceipt ?? '—' });
  }
  if (debt.amountDueCents === null) {
    if (input.debt.kind === 'notice')
      throw new AppError('notice_expired', { notice: debt.noticeNumber, date: debt.dueDate ?? '' });
    throw new AppError('fine_not_payable', { key: debt.key, detail: debt.notPayable ?? '' });
  }
  const settings = settingsOf(ctx, comune);
  const valid = validatePayment(
    {
      channel: input.channel,
      amountCents: debt.amountDueCents,
      amountDueCents: cents(debt.amountDueCents),
      pspTransactionId: input.pspTransactionId ?? null,
      noticeNumber: input.noticeNumber ?? null,
      positionNoticeNumber: debt.noticeNumber.replace(/\s/g, ''),
      tenderedCents: input.tenderedCents ?? null,
    },
    settings,
  );
  if (!valid.ok) throw refused(valid.error, locale);
  const series = await getMeta(ctx.db, SERIES_KEY);
  if (!series) throw new AppError('series_missing');
  // The number is taken in its own short transaction before the receipt is rendered, so two
  // payments taken at the same time never share one. If a later step fails the number is lost:
  // a gap in a receipt series is harmless (as in a certificate series), a number given twice is not.
  const receiptNumber = await reserveNext(ctx.db, LAST_RECEIPT_KEY, (last) => {
    const previous = last ? parseReceiptNumber(last) : null;
    const next = nextReceiptNumber(previous?.ok ? previous.value : null, {
      comune,
      series,
      date: romeDateOf(now),
    });
    if (!next.ok) throw refused(next.error, locale);
    return next.value.receiptNumber;
  });
  const v = valid.value;
  const breakdown =
    debt.kind === 'fine' && debt.due
      ? [
          `Sanzione (${debt.due.phase}): ${formatEuro(cents(debt.due.baseCents), 'it')}`,
          `Spese di notifica e procedimento: ${formatEuro(cents(debt.due.costsCents), 'it')}`,
          `Totale: ${formatEuro(cents(debt.due.totalCents), 'it')}`,
        ]
      : [`${debt.title}: ${formatEuro(cents(debt.amountDueCents), 'it')}`];
  const changeCents = v.channel === 'cash' ? v.changeCents : null;
  const pdf = await renderReceiptPdf({
    comuneName: session.info.comune.name,
    receiptNumber,
    issuedAt: now,
    clerkName: session.info.clerk.displayName,
    workstation: workstationName(ctx),
    debtTitle: debt.title,
    noticeNumber: debt.noticeNumber,
    breakdown,
    amountCents: v.amountCents,
    channel: v.channel,
    pspTransactionId: v.channel === 'pos' ? v.pspTransactionId : null,
    tenderedCents: v.channel === 'cash' ? v.tenderedCents : null,
    changeCents,
  });
  const id = uuidv7();
  const record = {
    id,
    sessionId: row.id,
    receiptNumber,
    debt: { kind: input.debt.kind, key: debt.key },
    channel: v.channel,
    amountCents: v.amountCents,
    pspTransactionId: v.channel === 'pos' ? v.pspTransactionId : null,
    paidAt: now.toISOString(),
  };
  await runMutation(
    ctx,
    'cashdesk.recordPayment',
    record,
    {
      entity: debt.kind === 'fine' ? 'verbale' : 'debt_position',
      entityId: debt.key,
      reason: `incasso ${receiptNumber}`,
    },
    async (trx) => {
      await trx
        .insertInto('payments')
        .values({
          id,
          session_id: row.id,
          receipt_number: receiptNumber,
          debt_kind: record.debt.kind,
          debt_key: record.debt.key,
          channel: record.channel,
          amount_cents: record.amountCents,
          psp_transaction_id: record.pspTransactionId,
          paid_at: record.paidAt,
          clerk: session.info.clerk.username,
          workstation: workstationName(ctx),
          status: 'pending',
          reversed_cents: 0,
          refund_proposal: null,
          breakdown: JSON.stringify(breakdown),
          receipt_pdf: pdf,
        })
        .execute();
    },
  );
  const stored = await ctx.db
    .selectFrom('payments')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  return { payment: toPaymentView(stored), breakdown, pdfBase64: toBase64(pdf), changeCents };
}

export async function receipt(ctx: DeskContext, input: CallInput<'cashdesk:receipt'>): Promise<PaymentDone> {
  requireSession(ctx);
  const p = await ctx.db
    .selectFrom('payments')
    .selectAll()
    .where('id', '=', input.paymentId)
    .executeTakeFirst();
  if (!p) throw new AppError('payment_not_found', { id: input.paymentId });
  if (!p.receipt_pdf) throw new AppError('certificate_pdf_elsewhere', { id: p.receipt_number });
  return {
    payment: toPaymentView(p),
    breakdown: p.breakdown ? (JSON.parse(p.breakdown) as string[]) : [],
    pdfBase64: toBase64(p.receipt_pdf),
    changeCents: null,
  };
}

/** A refund or correction: only as a reversing entry, with a reason and a supervisor's approval at the counter. */
export async function reverse(
  ctx: DeskContext,
  input: CallInput<'cashdesk:reverse'>,
): Promise<CounterSessionView> {
  const session = requireSession(ctx);
  const locale = ctx.state.locale;
  const row = await mySession(ctx);
  const now = ctx.now();
  const comune = session.info.comune.belfiore;
  const can = canRecordEntry(
    toCounterSession(row, comune, workstationName(ctx)),
    actorOf(session),
    romeDateTimeOf(now),
  );
  if (!can.ok) throw refused(can.error, locale);
  const payment = await ctx.db
    .selectFrom('payments')
    .selectAll()
    .where('id', '=', input.paymentId)
    .executeTakeFirst();
  if (!payment) throw new AppError('payment_not_found', { id: input.paymentId });
  const approver = await verifyApprover(
    ctx,
    input.approver,
    session.info.clerk.username,
    'cashdesk.recordReversal',
  );
  const previous = await ctx.db
    .selectFrom('reversals')
    .select('amount_cents')
    .where('payment_id', '=', payment.id)
    .execute();
  const valid = validateReversal(
    {
      kind: input.kind,
      original: {
        id: payment.id,
        receiptNumber: payment.receipt_number,
        channel: payment.channel,
        amountCents: cents(Number(payment.amount_cents)),
      },
      previousReversals: previous.map((r) => ({ amountCents: cents(Number(r.amount_cents)) })),
      amountCents: input.amountCents,
      reason: input.reason,
      refundMethod: input.refundMethod ?? null,
      requestedBy: actorOf(session),
      approvedBy: { id: approver.username, role: 'supervisor' },
    },
    settingsOf(ctx, comune),
  );
  if (!valid.ok) throw refused(valid.error, locale);
  const r = valid.value;
  const id = uuidv7();
  await runMutation(
    ctx,
    'cashdesk.recordReversal',
    {
      id,
      sessionId: row.id,
      paymentId: payment.id,
      kind: r.kind,
      amountCents: r.amountCents,
      refundMethod: r.refundMethod,
      reason: r.reason,
      approvedBy: approver.username,
      requestedBy: session.info.clerk.username,
      at: now.toISOString(),
    },
    {
      entity: 'payment',
      entityId: payment.id,
      reason: `${r.kind === 'refund' ? 'rimborso' : 'rettifica'} approvato da ${approver.username}: ${r.reason}`,
    },
    async (trx) => {
      await trx
        .insertInto('reversals')
        .values({
          id,
          payment_id: payment.id,
          session_id: row.id,
          kind: r.kind,
          channel: payment.channel,
          amount_cents: r.amountCents,
          refund_method: r.refundMethod,
          reason: r.reason,
          requested_by: session.info.clerk.username,
          approved_by: approver.username,
          at: now.toISOString(),
        })
        .execute();
    },
    // the approval is the supervisor's act: the hub takes it from their credential, not the clerk's
    approver,
  );
  return view(ctx, row);
}

async function step(
  ctx: DeskContext,
  event: Parameters<typeof applySessionEvent>[1],
  actor: { id: string; role: 'clerk' | 'supervisor' },
): Promise<{ row: DeskCounterSessionRow; next: CounterSession }> {
  const session = requireSession(ctx);
  const row = await mySession(ctx);
  const current = toCounterSession(row, session.info.comune.belfiore, workstationName(ctx));
  const next = applySessionEvent(current, event, actor, romeDateTimeOf(ctx.now()));
  if (!next.ok) throw refused(next.error, ctx.state.locale);
  return { row, next: next.value };
}

/** End of day, first half: the clerk counts the cash; the discrepancy is recorded. */
export async function countCash(
  ctx: DeskContext,
  input: CallInput<'cashdesk:count'>,
): Promise<CounterSessionView> {
  const session = requireSession(ctx);
  const row = await mySession(ctx);
  const { entries } = await sessionEntries(ctx.db, row.id);
  const { next } = await step(
    ctx,
    { type: 'count', countedCashCents: input.countedCashCents, entries, note: input.note ?? null },
    actorOf(session),
  );
  await ctx.db
    .updateTable('counter_sessions')
    .set({ status: next.status, closing: JSON.stringify(next.closing) })
    .where('id', '=', row.id)
    .execute();
  return view(ctx, await mySession(ctx));
}

export async function reopenCash(ctx: DeskContext): Promise<CounterSessionView> {
  const session = requireSession(ctx);
  const { row, next } = await step(ctx, { type: 'reopen' }, actorOf(session));
  await ctx.db
    .updateTable('counter_sessions')
    .set({ status: next.status, closing: null })
    .where('id', '=', row.id)
    .execute();
  return view(ctx, await mySession(ctx));
}

/** End of day, second half: a supervisor signs off at the counter; the session is closed for good. */
export async function signOff(
  ctx: DeskContext,
  input: CallInput<'cashdesk:signOff'>,
): Promise<CounterSessionView> {
  const session = requireSession(ctx);
  const approver = await verifyApprover(
    ctx,
    input.approver,
    session.info.clerk.username,
    'cashdesk.closeSession',
  );
  const { row, next } = await step(
    ctx,
    { type: 'sign_off', note: input.note ?? null },
    { id: approver.username, role: 'supervisor' },
  );
  const closing = next.closing;
  if (!closing || !next.signOff) throw new AppError('session_not_open', { id: row.id });
  const now = ctx.now();
  const closedView = {
    ...(await view(ctx, row)),
    status: 'closed' as const,
    signOff: { by: next.signOff.by, at: next.signOff.at },
  };
  const pdf = await renderClosingReportPdf(closedView, session.info.comune.name, workstationName(ctx), now);
  await runMutation(
    ctx,
    'cashdesk.closeSession',
    {
      id: row.id,
      countedCashCents: closing.countedCashCents,
      expectedCashCents: closing.totals.expectedCashCents,
      discrepancyCents: closing.discrepancyCents,
      totalsJson: JSON.stringify(closedView.totals),
      note: next.signOff.note,
      signedOffBy: approver.username,
      closedAt: now.toISOString(),
    },
    {
      entity: 'counter_session',
      entityId: row.id,
      reason: `chiusura di cassa vistata da ${approver.username}`,
    },
    async (trx) => {
      await trx
        .updateTable('counter_sessions')
        .set({
          status: 'closed',
          closing: JSON.stringify(closing),
          sign_off: JSON.stringify(next.signOff),
          report_pdf: pdf,
        })
        .where('id', '=', row.id)
        .where('status', '=', 'closing')
        .execute();
    },
    approver,
  );
  const closed = await ctx.db
    .selectFrom('counter_sessions')
    .selectAll()
    .where('id', '=', row.id)
    .executeTakeFirstOrThrow();
  return view(ctx, closed);
}

export async function closingReport(ctx: DeskContext, input: CallInput<'cashdesk:report'>) {
  requireSession(ctx);
  const row = await ctx.db
    .selectFrom('counter_sessions')
    .select(['id', 'report_pdf'])
    .where('id', '=', input.sessionId)
    .executeTakeFirst();
  if (!row?.report_pdf) throw new AppError('session_not_open', { id: input.sessionId });
  return { sessionId: row.id, pdfBase64: toBase64(row.report_pdf) };
}

/** Payments the hub found to be second payments of a debt: both counters see them, with the refund proposed. */
export async function listDuplicates(ctx: DeskContext): Promise<PaymentView[]> {
  requireSession(ctx);
  const rows = await ctx.db
    .selectFrom('payments')
    .selectAll()
    .where('status', '=', 'duplicate')
    .orderBy('paid_at', 'desc')
    .limit(200)
    .execute();
  return rows.filter((r) => Number(r.reversed_cents) < Number(r.amount_cents)).map(toPaymentView);
}
