import type { Transaction } from 'kysely';
import type { CASHDESK_MUTATIONS } from '../../../shared/cashdesk/wire';
import type { Database } from '../db/database';
import type { Effect } from '../sync/effect';

const nothing = async (): Promise<void> => {};

/** The debt's local status from the payments this desk knows: paid while one still holds money. */
export async function refreshDebtStatus(
  trx: Transaction<Database>,
  kind: 'fine' | 'notice',
  key: string,
): Promise<void> {
  const holder = await trx
    .selectFrom('payments')
    .select('receipt_number')
    .where('debt_kind', '=', kind)
    .where('debt_key', '=', key)
    .where('status', '!=', 'duplicate')
    .whereRef('reversed_cents', '<', 'amount_cents')
    .orderBy('paid_at')
    .executeTakeFirst();
  const set = {
    status: holder ? ('paid' as const) : ('open' as const),
    paid_receipt: holder?.receipt_number ?? null,
  };
  if (kind === 'fine') await trx.updateTable('verbali').set(set).where('key', '=', key).execute();
  else await trx.updateTable('debt_positions').set(set).where('notice_number', '=', key).execute();
}

/**
 * Optimistic effects of the cash desk. The rows themselves (payment with its receipt, reversal,
 * session) are written by the services in the same transaction; these effects only derive the
 * debt's status and the payment's reversed amount from them, so re-applying them after a pull is
 * harmless.
 */
export const CASHDESK_LOCAL_EFFECTS: { [N in keyof typeof CASHDESK_MUTATIONS]: Effect<N> } = {
  'cashdesk.openSession': nothing,
  'cashdesk.closeSession': nothing,
  'cashdesk.recordPayment': async (trx, args) => refreshDebtStatus(trx, args.debt.kind, args.debt.key),
  'cashdesk.recordBasket': async (trx, args) => {
    for (const item of args.items) await refreshDebtStatus(trx, item.debt.kind, item.debt.key);
  },
  'cashdesk.recordReversal': async (trx, args) => {
    const total = await trx
      .selectFrom('reversals')
      .select((eb) => eb.fn.sum<number>('amount_cents').as('sum'))
      .where('payment_id', '=', args.paymentId)
      .executeTakeFirst();
    await trx
      .updateTable('payments')
      .set({ reversed_cents: Number(total?.sum ?? 0) })
      .where('id', '=', args.paymentId)
      .execute();
    const payment = await trx
      .selectFrom('payments')
      .select(['debt_kind', 'debt_key'])
      .where('id', '=', args.paymentId)
      .executeTakeFirst();
    if (payment) await refreshDebtStatus(trx, payment.debt_kind, payment.debt_key);
  },
};
