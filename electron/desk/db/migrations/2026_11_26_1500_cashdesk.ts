import type { Kysely } from 'kysely';

// Frozen in time: Kysely<any> on purpose.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  // Mirror of the comune's verbali: looked up by verbale number + plate, by plate, by notice.
  await db.schema
    .createTable('verbali')
    .addColumn('key', 'text', (c) => c.primaryKey())
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
    .execute();
  await db.schema.createIndex('verbali_number_plate').on('verbali').columns(['number', 'plate']).execute();
  await db.schema.createIndex('verbali_plate').on('verbali').columns(['plate', 'violation_date']).execute();
  await db.schema.createIndex('verbali_notice').on('verbali').column('notice_number').execute();

  await db.schema
    .createTable('debt_positions')
    .addColumn('notice_number', 'text', (c) => c.primaryKey())
    .addColumn('debtor_cf', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('amount_cents', 'integer', (c) => c.notNull())
    .addColumn('due_date', 'text', (c) => c.notNull())
    .addColumn('instalment', 'integer')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('paid_receipt', 'text')
    .execute();
  await db.schema.createIndex('debt_positions_debtor').on('debt_positions').column('debtor_cf').execute();

  // Payments of the comune: ours with their receipt PDF, other counters' as the hub announced them.
  await db.schema
    .createTable('payments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('session_id', 'text')
    .addColumn('receipt_number', 'text', (c) => c.notNull().unique())
    .addColumn('debt_kind', 'text', (c) => c.notNull())
    .addColumn('debt_key', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('amount_cents', 'integer', (c) => c.notNull())
    .addColumn('psp_transaction_id', 'text')
    .addColumn('paid_at', 'text', (c) => c.notNull())
    .addColumn('clerk', 'text', (c) => c.notNull())
    .addColumn('workstation', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('reversed_cents', 'integer', (c) => c.notNull())
    .addColumn('refund_proposal', 'text')
    .addColumn('breakdown', 'text')
    .addColumn('receipt_pdf', 'blob')
    .execute();
  await db.schema.createIndex('payments_debt').on('payments').columns(['debt_kind', 'debt_key']).execute();
  await db.schema.createIndex('payments_session').on('payments').column('session_id').execute();

  await db.schema
    .createTable('reversals')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('payment_id', 'text', (c) => c.notNull())
    .addColumn('session_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('amount_cents', 'integer', (c) => c.notNull())
    .addColumn('refund_method', 'text')
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('requested_by', 'text', (c) => c.notNull())
    .addColumn('approved_by', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();

  // This workstation's counter sessions: one per clerk and day; a closed one cannot change.
  await db.schema
    .createTable('counter_sessions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('clerk', 'text', (c) => c.notNull())
    .addColumn('clerk_name', 'text', (c) => c.notNull())
    .addColumn('business_date', 'text', (c) => c.notNull())
    .addColumn('opening_float_cents', 'integer', (c) => c.notNull())
    .addColumn('opened_at', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('closing', 'text')
    .addColumn('sign_off', 'text')
    .addColumn('report_pdf', 'blob')
    .execute();
  await db.schema
    .createIndex('counter_sessions_clerk_day')
    .on('counter_sessions')
    .columns(['clerk', 'business_date'])
    .unique()
    .execute();
}
