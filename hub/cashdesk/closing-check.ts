import type { Transaction } from 'kysely';
import { cents } from '../../shared/money/cents';
import { formatEuro } from '../../shared/money/euro-format';
import { cashDiscrepancy, closingTotals, tillEntries } from '../../shared/cashdesk/counter-session';
import { AppError } from '../../shared/errors/app-error';
import type { HubDatabase } from '../db/database';
import { serviceTillFees } from '../services/merge';

/**
 * The cash a till should hold at closing, from what the hub itself recorded in it (payments,
 * fees services took with their documents, refunds and corrections), by the same rule the desk shows the clerk. A
 * closing whose expected cash or discrepancy differs is refused: a desk cannot report a till the
 * hub's own entries do not add up to.
 */
export async function checkClosingTotals(
  trx: Transaction<HubDatabase>,
  session: { id: string; opening_float_cents: number },
  claimed: { countedCashCents: number; expectedCashCents: number; discrepancyCents: number },
): Promise<void> {
  const payments = await trx
    .selectFrom('payments')
    .select(['id', 'channel', 'amount_cents'])
    .where('session_id', '=', session.id)
    .execute();
  const fees = await serviceTillFees(trx, session.id);
  const reversals = await trx
    .selectFrom('reversals')
    .innerJoin('payments', 'payments.id', 'reversals.payment_id')
    .select([
      'reversals.id',
      'reversals.kind',
      'reversals.amount_cents',
      'reversals.refund_method',
      'reversals.payment_id',
      'payments.channel',
    ])
    .where('reversals.session_id', '=', session.id)
    .execute();
  const entries = tillEntries({ payments, fees, reversals });
  const expected = closingTotals(entries, cents(Number(session.opening_float_cents))).expectedCashCents;
  const discrepancy = cashDiscrepancy(cents(claimed.countedCashCents), expected);
  if (claimed.expectedCashCents !== expected || claimed.discrepancyCents !== discrepancy) {
    throw new AppError('closing_totals_mismatch', {
      id: session.id,
      claimed: formatEuro(cents(claimed.expectedCashCents), 'it'),
      expected: formatEuro(expected, 'it'),
    });
  }
}
