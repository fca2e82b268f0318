import type { Kysely } from 'kysely';

// Frozen in time; portable types only (SQLite and PostgreSQL).
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  // the register of shops: the wire record as JSON, with the columns the lookups need
  await db.schema
    .createTable('shops')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('comune', 'text', (c) => c.notNull())
    .addColumn('sign_name', 'text', (c) => c.notNull())
    .addColumn('partita_iva', 'text', (c) => c.notNull())
    .addColumn('street_name', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('scia_case_id', 'text')
    .addColumn('record', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('shops_comune_status').on('shops').columns(['comune', 'status']).execute();
  await db.schema.createIndex('shops_scia_case').on('shops').columns(['comune', 'scia_case_id']).execute();
  // a filing's fee paid in cash: a line of the clerk's till, counted at its closing
  await db.schema
    .createTable('shop_fees')
    .addColumn('filing_id', 'text', (c) => c.primaryKey())
    .addColumn('comune', 'text', (c) => c.notNull())
    .addColumn('shop_id', 'text', (c) => c.notNull())
    .addColumn('session_id', 'text', (c) => c.notNull())
    .addColumn('amount_cents', 'integer', (c) => c.notNull())
    .addColumn('paid_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('shop_fees_session').on('shop_fees').columns(['session_id']).execute();
}
