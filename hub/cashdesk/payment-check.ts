import type { Transaction } from 'kysely';
import { romeDateOf } from '../../shared/calendar/rome-date';
import { cashdeskSettingOn } from '../../shared/cashdesk/comune-settings';
import { debtAmountDueOn, type DebtFacts } from '../../shared/cashdesk/debt-amount';
import { validatePayment } from '../../shared/cashdesk/payment';
import { AppError } from '../../shared/errors/app-error';
import type { VerbaleNotification } from '../../shared/fines/verbali-csv';
import { cents } from '../../shared/money/cents';
import { formatEuro } from '../../shared/money/euro-format';
import type { MutationArgs } from '../../shared/sync/mutations';
import type { HubDatabase } from '../db/database';
import type { WorkstationRow } from '../db/tables/workstations.table';

type Trx = Transaction<HubDatabase>;

/** A desk's clock may run a little ahead of the hub's; more than this is a payment from the future. */
const CLOCK_SKEW_MS = 5 * 60_000;

/**
 * The till session a pushed entry names must be one the hub itself recorded, for this very
 * workstation, and still open: a desk cannot invent a session, borrow another counter's, or add
 * to one already signed off.
 */
export async function requireOpenTillSession(
  trx: Trx,
  ws: WorkstationRow,
  sessionId: string,
): Promise<{ business_date: string }> {
  const session = await trx
    .selectFrom('counter_sessions')
    .select(['workstation_id', 'status', 'business_date'])
    .where('comune', '=', ws.comune)
    .where('id', '=', sessionId)
    .executeTakeFirst();
  if (!session) throw new AppError('till_session_unknown', { id: sessionId });
  if (session.workstation_id !== ws.id)
    throw new AppError('till_session_other_workstation', { id: sessionId });
  if (session.status !== 'open') throw new AppError('till_session_closed', { id: sessionId });
  return session;
}

/** The facts of the debt as the hub holds them (never as the desk describes them). */
async function debtFacts(trx: Trx, comune: string, kind: 'fine' | 'notice', key: string): Promise<DebtFacts> {
  if (kind === 'notice') {
    const p = await trx
      .selectFrom('debt_positions')
      .select(['amount_cents', 'due_date'])
      .where('comune', '=', comune)
      .where('notice_number', '=', key)
      .executeTakeFirst();
    if (!p) throw new AppError('debt_not_found', { key });
    return { kind, amountCents: cents(Number(p.amount_cents)), dueDate: p.due_date };
  }
  const v = await trx
    .selectFrom('verbali')
    .selectAll()
    .where('comune', '=', comune)
    .where('key', '=', key)
    .executeTakeFirst();
  if (!v) throw new AppError('debt_not_found', { key });
  return {
    kind,
    comune,
    verbale: {
      violationId: v.violation_id,
      violationDate: v.violation_date,
      notification: v.notification ? (JSON.parse(v.notification) as VerbaleNotification) : null,
      notificationCostsCents: cents(Number(v.notification_costs_cents)),
      driverIdentified: Number(v.driver_identified) === 1,
    },
  };
}

/**
 * Recomputes a pushed payment from the hub's own records with the same shared rules the counter
 * used: the payment must fall on its till's day and not after the hub's clock, the amount must be
 * exactly what the debt cost on that day (5-day reduction, 60-day windows, notice amount), and the
 * channel's rules (cash enabled, PSP id for cards, the position's own notice) must hold.
 */
export async function checkPayment(
  trx: Trx,
  ws: WorkstationRow,
  hubNow: string,
  args: MutationArgs<'cashdesk.recordPayment'>,
  label: string,
): Promise<void> {
  const session = await requireOpenTillSession(trx, ws, args.sessionId);
  const paidAt = new Date(args.paidAt);
  const paidOn = romeDateOf(paidAt);
  if (paidOn !== session.business_date || paidAt.getTime() > new Date(hubNow).getTime() + CLOCK_SKEW_MS) {
    throw new AppError('payment_date_invalid', { paidAt: args.paidAt, businessDate: session.business_date });
  }
  const due = debtAmountDueOn(await debtFacts(trx, ws.comune, args.debt.kind, args.debt.key), paidOn);
  if (!due.ok)
    throw new AppError('payment_not_payable', { debt: label, date: paidOn, detail: due.message.it });
  if (args.amountCents !== due.dueCents) {
    throw new AppError('payment_amount_mismatch', {
      debt: label,
      amount: formatEuro(cents(args.amountCents), 'it'),
      due: formatEuro(due.dueCents, 'it'),
      date: paidOn,
    });
  }
  const settings = cashdeskSettingOn(ws.comune, paidOn) ?? { cashEnabled: false };
  const valid = validatePayment(
    {
      channel: args.channel,
      amountCents: args.amountCents,
      amountDueCents: due.dueCents,
      pspTransactionId: args.pspTransactionId,
      // the record carries no notice number of its own: a notice payment closes the position's
      noticeNumber: args.channel === 'pagopa_notice' ? await noticeOf(trx, ws.comune, args.debt) : null,
    },
    settings,
  );
  if (!valid.ok) throw new AppError('payment_refused', { debt: label, detail: valid.error.message.it });
}

async function noticeOf(trx: Trx, comune: string, debt: { kind: 'fine' | 'notice'; key: string }) {
  if (debt.kind === 'notice') return debt.key;
  const v = await trx
    .selectFrom('verbali')
    .select('notice_number')
    .where('comune', '=', comune)
    .where('key', '=', debt.key)
    .executeTakeFirstOrThrow();
  return v.notice_number;
}
