import type { Kysely } from 'kysely';

// Frozen in time: Kysely<any> on purpose.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  // The local police's verbali, imported from CSV; one notice number each (the comune's own).
  await db.schema
    .createTable('verbali')
    .addColumn('comune', 'text', (c) => c.notNull())
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('number', 'text', (c) => c.notNull())
    .addColumn('series', 'text', (c) => c.notNull())
    .addColumn('plate', 'text', (c) => c.notNull())
    .addColumn('violation_date', 'text', (c) => c.notNull())
    .addColumn('violation_time', 'text', (c) => c.notNull())
    .addColumn('article', 'text', (c) => c.notNull())
    .addColumn('comma', 'text')
    .addColumn('violation_id', 'text')
    .addColumn('notification', 'text')
    .addColumn('notification_costs_cents', 'integer', (c) => c.notNull())
    .addColumn('licence_points', 'integer', (c) => c.notNull())
    .addColumn('driver_identified', 'integer', (c) => c.notNull())
    .addColumn('notice_number', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('paid_receipt', 'text')
    .addColumn('imported_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('verbali_pk', ['comune', 'key'])
    .execute();
  await db.schema
    .createIndex('verbali_notice')
    .on('verbali')
    .columns(['comune', 'notice_number'])
    .unique()
    .execute();
  await db.schema.createIndex('verbali_plate').on('verbali').columns(['comune', 'plate']).execute();

  // Debt positions of the comune's own pagoPA notices (TARI, IMU, canteen…).
  await db.schema
    .createTable('debt_positions')
    .addColumn('comune', 'text', (c) => c.notNull())
    .addColumn('notice_number', 'text', (c) => c.notNull())
    .addColumn('debtor_cf', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('amount_cents', 'integer', (c) => c.notNull())
    .addColumn('due_date', 'text', (c) => c.notNull())
    .addColumn('instalment', 'integer')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('paid_receipt', 'text')
    .addColumn('imported_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('debt_positions_pk', ['comune', 'notice_number'])
    .execute();

  // The comune's notice-number counter: an IUV is never reused (DOMAIN.md §6.1).
  await db.schema
    .createTable('notice_counters')
    .addColumn('comune', 'text', (c) => c.primaryKey())
    .addColumn('last_base', 'text', (c) => c.notNull())
    .execute();

  // Every payment taken at a counter, kept even when the debt was already paid (then a refund is proposed).
  await db.schema
    .createTable('payments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('comune', 'text', (c) => c.notNull())
    // the hub's apply order among the payments of one debt: the first accepted settles it
    .addColumn('hub_seq', 'integer', (c) => c.notNull())
    .addColumn('workstation_id', 'text', (c) => c.notNull())
    .addColumn('workstation', 'text', (c) => c.notNull())
    .addColumn('clerk', 'text', (c) => c.notNull())
    .addColumn('session_id', 'text', (c) => c.notNull())
    .addColumn('receipt_number', 'text', (c) => c.notNull().unique())
    .addColumn('debt_kind', 'text', (c) => c.notNull())
    .addColumn('debt_key', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('amount_cents', 'integer', (c) => c.notNull())
    .addColumn('psp_transaction_id', 'text')
    .addColumn('paid_at', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('reversed_cents', 'integer', (c) => c.notNull())
    .addColumn('refund_proposal', 'text')
    .execute();
  await db.schema
    .createIndex('payments_debt')
    .on('payments')
    .columns(['comune', 'debt_kind', 'debt_key'])
    .execute();

  await db.schema
    .createTable('reversals')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('comune', 'text', (c) => c.notNull())
    .addColumn('payment_id', 'text', (c) => c.notNull())
    .addColumn('session_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('amount_cents', 'integer', (c) => c.notNull())
    .addColumn('refund_method', 'text')
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('requested_by', 'text', (c) => c.notNull())
    .addColumn('approved_by', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('counter_sessions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('comune', 'text', (c) => c.notNull())
    .addColumn('workstation_id', 'text', (c) => c.notNull())
    .addColumn('clerk', 'text', (c) => c.notNull())
    .addColumn('business_date', 'text', (c) => c.notNull())
    .addColumn('opening_float_cents', 'integer', (c) => c.notNull())
    .addColumn('opened_at', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('counted_cash_cents', 'integer')
    .addColumn('expected_cash_cents', 'integer')
    .addColumn('discrepancy_cents', 'integer')
    .addColumn('totals', 'text')
    .addColumn('note', 'text')
    .addColumn('signed_off_by', 'text')
    .addColumn('closed_at', 'text')
    .execute();
}
