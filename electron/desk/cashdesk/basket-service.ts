import { uuidv7 } from 'uuidv7';
import { romeDateOf, romeDateTimeOf } from '../../../shared/calendar/rome-date';
import { canRecordEntry } from '../../../shared/cashdesk/counter-session';
import { validatePayment } from '../../../shared/cashdesk/payment';
import { nextReceiptNumber, parseReceiptNumber } from '../../../shared/cashdesk/receipt-number';
import { basketPayments, type BasketRecord } from '../../../shared/cashdesk/wire';
import type { BasketDone, DebtView } from '../../../shared/contract/cashdesk-views';
import type { CallInput } from '../../../shared/contract/contract';
import { AppError } from '../../../shared/errors/app-error';
import { cents } from '../../../shared/money/cents';
import { formatEuro } from '../../../shared/money/euro-format';
import { toBase64 } from '../bytes';
import { requireSession, workstationName, type DeskContext } from '../context';
import { getMeta } from '../db/meta-repository';
import { reserveNext } from '../db/series-counter';
import { SERIES_KEY } from '../setup/setup-service';
import { runMutation } from '../sync/run-mutation';
import { renderBasketReceiptPdf } from './cashdesk-pdf';
import { actorOf, findDebt, LAST_RECEIPT_KEY, mySession, refused, settingsOf } from './cashdesk-service';
import { toPaymentView } from './debt-views';
import { toCounterSession } from './session-store';

/** Each debt's lines as printed: a fine's sanction and costs, a notice's amount. */
function breakdownOf(debt: DebtView, amountCents: number): string[] {
  return debt.kind === 'fine' && debt.due
    ? [
        `Sanzione (${debt.due.phase}): ${formatEuro(cents(debt.due.baseCents), 'it')}`,
        `Spese di notifica e procedimento: ${formatEuro(cents(debt.due.costsCents), 'it')}`,
      ]
    : [`${debt.title}: ${formatEuro(cents(amountCents), 'it')}`];
}

/**
 * Several open debts in one payment and one receipt (the visit's open items): each debt's amount
 * is what it costs today (never typed), each must be open and payable here, the channel's rules
 * (cash ceiling, card's PSP id, change) apply to the sum. One receipt number, then in one
 * transaction every line's payment, each debt marked paid, and one mutation for the hub, which
 * checks every line again from its own data.
 */
export async function payMany(ctx: DeskContext, input: CallInput<'cashdesk:payMany'>): Promise<BasketDone> {
  const session = requireSession(ctx);
  const locale = ctx.state.locale;
  const comune = session.info.comune.belfiore;
  const row = await mySession(ctx);
  const now = ctx.now();
  const can = canRecordEntry(
    toCounterSession(row, comune, workstationName(ctx)),
    actorOf(session),
    romeDateTimeOf(now),
  );
  if (!can.ok) throw refused(can.error, locale);
  const seen = new Set<string>();
  const debts: { debt: DebtView; amountCents: number }[] = [];
  for (const ref of input.debts) {
    const id = `${ref.kind}:${ref.key}`;
    if (seen.has(id)) throw new AppError('basket_debt_twice', { key: ref.key });
    seen.add(id);
    const debt = await findDebt(ctx, ref.kind, ref.key);
    if (debt.status === 'paid') {
      throw ref.kind === 'fine'
        ? new AppError('fine_paid', { key: debt.key, receipt: debt.paidReceipt ?? '—' })
        : new AppError('notice_paid', { notice: debt.noticeNumber, receipt: debt.paidReceipt ?? '—' });
    }
    if (debt.amountDueCents === null) {
      if (ref.kind === 'notice')
        throw new AppError('notice_expired', { notice: debt.noticeNumber, date: debt.dueDate ?? '' });
      throw new AppError('fine_not_payable', { key: debt.key, detail: debt.notPayable ?? '' });
    }
    debts.push({ debt, amountCents: debt.amountDueCents });
  }
  const totalCents = debts.reduce((sum, d) => sum + d.amountCents, 0);
  const valid = validatePayment(
    {
      channel: input.channel,
      amountCents: totalCents,
      amountDueCents: cents(totalCents),
      pspTransactionId: input.pspTransactionId ?? null,
      tenderedCents: input.tenderedCents ?? null,
    },
    settingsOf(ctx, comune),
  );
  if (!valid.ok) throw refused(valid.error, locale);
  const v = valid.value;
  const series = await getMeta(ctx.db, SERIES_KEY);
  if (!series) throw new AppError('series_missing');
  // reserved in its own short transaction, as a single payment's (cashdesk-service.ts pay)
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
  const pspTransactionId = v.channel === 'pos' ? v.pspTransactionId : null;
  const changeCents = v.channel === 'cash' ? v.changeCents : null;
  const items = debts.map((d) => ({ ...d, breakdown: breakdownOf(d.debt, d.amountCents) }));
  const pdf = await renderBasketReceiptPdf({
    comuneName: session.info.comune.name,
    receiptNumber,
    issuedAt: now,
    clerkName: session.info.clerk.displayName,
    workstation: workstationName(ctx),
    items: items.map((i) => ({
      title: i.debt.title,
      noticeNumber: i.debt.noticeNumber,
      amountCents: i.amountCents,
      breakdown: i.breakdown,
    })),
    totalCents,
    channel: input.channel,
    pspTransactionId,
    tenderedCents: v.channel === 'cash' ? v.tenderedCents : null,
    changeCents,
  });
  const record: BasketRecord = {
    sessionId: row.id,
    receiptNumber,
    channel: input.channel,
    pspTransactionId,
    paidAt: now.toISOString(),
    items: items.map((i) => ({
      id: uuidv7(),
      debt: { kind: i.debt.kind, key: i.debt.key },
      amountCents: i.amountCents,
    })),
  };
  const lines = basketPayments(record);
  await runMutation(
    ctx,
    'cashdesk.recordBasket',
    record,
    {
      entity: 'receipt',
      entityId: receiptNumber,
      reason: `incasso ${receiptNumber}: ${lines.map((l) => `${l.debt.kind} ${l.debt.key}`).join(', ')}`,
    },
    async (trx) => {
      for (const [i, line] of lines.entries()) {
        await trx
          .insertInto('payments')
          .values({
            id: line.id,
            session_id: row.id,
            receipt_number: line.receiptNumber,
            debt_kind: line.debt.kind,
            debt_key: line.debt.key,
            channel: line.channel,
            amount_cents: line.amountCents,
            psp_transaction_id: line.pspTransactionId,
            paid_at: line.paidAt,
            clerk: session.info.clerk.username,
            workstation: workstationName(ctx),
            status: 'pending',
            reversed_cents: 0,
            refund_proposal: null,
            breakdown: JSON.stringify(items[i]?.breakdown ?? []),
            receipt_pdf: pdf,
          })
          .execute();
      }
    },
  );
  const stored = await ctx.db
    .selectFrom('payments')
    .selectAll()
    .where(
      'id',
      'in',
      lines.map((l) => l.id),
    )
    .execute();
  const byId = new Map(stored.map((p) => [p.id, p]));
  return {
    receiptNumber,
    payments: lines.flatMap((l) => {
      const p = byId.get(l.id);
      return p ? [toPaymentView(p)] : [];
    }),
    lines: items.map((it, i) => `${i + 1}. ${it.debt.title}: ${formatEuro(cents(it.amountCents), locale)}`),
    totalCents,
    channel: input.channel,
    pdfBase64: toBase64(pdf),
    changeCents,
  };
}
