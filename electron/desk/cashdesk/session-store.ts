import type { Kysely, Transaction } from 'kysely';
import { tillEntries, type CounterSession } from '../../../shared/cashdesk/counter-session';
import { serviceTillFees } from '../services/merge';
import { cents } from '../../../shared/money/cents';
import type { Database } from '../db/database';
import type { DeskCounterSessionRow } from '../db/tables/cashdesk.table';

type Db = Kysely<Database> | Transaction<Database>;

export const toCounterSession = (
  r: DeskCounterSessionRow,
  comune: string,
  workstation: string,
): CounterSession => ({
  id: r.id,
  comune,
  workstation,
  clerkId: r.clerk,
  businessDate: r.business_date,
  status: r.status,
  openingFloatCents: cents(Number(r.opening_float_cents)),
  openedAt: r.opened_at,
  closing: r.closing ? (JSON.parse(r.closing) as CounterSession['closing']) : null,
  signOff: r.sign_off ? (JSON.parse(r.sign_off) as CounterSession['signOff']) : null,
});

/** The clerk's session to work in: one not yet closed (an earlier day's must be closed first), else today's. */
export async function findClerkSession(
  db: Db,
  clerk: string,
  today: string,
): Promise<DeskCounterSessionRow | undefined> {
  const unclosed = await db
    .selectFrom('counter_sessions')
    .selectAll()
    .where('clerk', '=', clerk)
    .where('status', '!=', 'closed')
    .orderBy('business_date')
    .executeTakeFirst();
  if (unclosed) return unclosed;
  return db
    .selectFrom('counter_sessions')
    .selectAll()
    .where('clerk', '=', clerk)
    .where('business_date', '=', today)
    .executeTakeFirst();
}

export function allSessions(db: Db): Promise<DeskCounterSessionRow[]> {
  return db.selectFrom('counter_sessions').selectAll().execute();
}

/** The session's movements, payments and reversals, as the closing totals read them. */
export async function sessionEntries(db: Db, sessionId: string) {
  const payments = await db
    .selectFrom('payments')
    .selectAll()
    .where('session_id', '=', sessionId)
    .orderBy('paid_at')
    .execute();
  const reversals = await db
    .selectFrom('reversals')
    .innerJoin('payments', 'payments.id', 'reversals.payment_id')
    .select([
      'reversals.id',
      'reversals.kind',
      'reversals.channel',
      'reversals.amount_cents',
      'reversals.refund_method',
      'reversals.payment_id',
      'reversals.reason',
      'reversals.at',
      'payments.receipt_number',
      'payments.debt_key',
    ])
    .where('reversals.session_id', '=', sessionId)
    .orderBy('reversals.at')
    .execute();
  // fees collected with documents (certificates' diritti, permits) are cash taken at this till
  const fees = await serviceTillFees(db, sessionId);
  const entries = tillEntries({
    payments,
    fees: fees.map((f) => ({ id: f.id, amount_cents: f.amountCents })),
    reversals,
  });
  return { payments, reversals, fees, entries };
}
