import type { Kysely } from 'kysely';

// Frozen in time; portable types only (SQLite and PostgreSQL).
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('permits')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('comune', 'text', (c) => c.notNull())
    .addColumn('number', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('holder_id', 'text')
    .addColumn('holder_name', 'text', (c) => c.notNull())
    .addColumn('household_id', 'text')
    .addColumn('plates', 'text', (c) => c.notNull())
    .addColumn('zone', 'text')
    .addColumn('valid_from', 'text', (c) => c.notNull())
    .addColumn('valid_to', 'text', (c) => c.notNull())
    .addColumn('valid_from_at', 'text')
    .addColumn('valid_to_at', 'text')
    .addColumn('fee_cents', 'integer', (c) => c.notNull())
    .addColumn('payment_ref', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('revoked_reason', 'text')
    .addColumn('revoked_at', 'text')
    .addColumn('renews_id', 'text')
    .addColumn('verification_key', 'text', (c) => c.notNull())
    .addColumn('issued_at', 'text', (c) => c.notNull())
    .addColumn('issued_by', 'text', (c) => c.notNull())
    .addColumn('asl_ref', 'text')
    .addColumn('workstation_id', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  // a number is issued once in a comune (workstation series make it unique offline)
  await db.schema
    .createIndex('permits_comune_number')
    .on('permits')
    .columns(['comune', 'number'])
    .unique()
    .execute();
  // the household's permits of a kind (one ZTL residents' permit per household)
  await db.schema
    .createIndex('permits_household')
    .on('permits')
    .columns(['comune', 'household_id', 'kind', 'status'])
    .execute();
  await db.schema.createIndex('permits_holder').on('permits').columns(['comune', 'holder_id']).execute();
  await db.schema.createIndex('permits_issued').on('permits').columns(['comune', 'issued_at']).execute();

  await db.schema
    .createTable('permit_plates')
    .addColumn('permit_id', 'text', (c) => c.notNull())
    .addColumn('comune', 'text', (c) => c.notNull())
    .addColumn('plate', 'text', (c) => c.notNull())
    .addColumn('country', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('permit_plates_pk', ['permit_id', 'plate', 'country'])
    .execute();
  // the camera check: one plate of one comune
  await db.schema
    .createIndex('permit_plates_lookup')
    .on('permit_plates')
    .columns(['comune', 'plate', 'country'])
    .execute();

  await db.schema
    .createTable('permit_transits')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('comune', 'text', (c) => c.notNull())
    .addColumn('plate', 'text', (c) => c.notNull())
    .addColumn('country', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('gate', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('permit_id', 'text')
    .addColumn('reviewed_by', 'text')
    .addColumn('reviewed_at', 'text')
    .addColumn('verbale_key', 'text')
    .addColumn('imported_at', 'text', (c) => c.notNull())
    .execute();
  // the reviewer's queue (unmatched, oldest first) and the confirmed list for the fines import
  await db.schema
    .createIndex('permit_transits_queue')
    .on('permit_transits')
    .columns(['comune', 'status', 'at'])
    .execute();

  await db.schema
    .createTable('permit_whitelist_snapshots')
    .addColumn('comune', 'text', (c) => c.notNull())
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('permit_whitelist_snapshots_pk', ['comune', 'day'])
    .execute();

  // a fee paid in cash at the counter: a line of that clerk's till, checked at its closing
  await db.schema
    .createTable('permit_fees')
    .addColumn('permit_id', 'text', (c) => c.primaryKey())
    .addColumn('comune', 'text', (c) => c.notNull())
    .addColumn('workstation_id', 'text', (c) => c.notNull())
    .addColumn('session_id', 'text', (c) => c.notNull())
    .addColumn('amount_cents', 'bigint', (c) => c.notNull())
    .addColumn('paid_at', 'text', (c) => c.notNull())
    .addColumn('clerk', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('permit_fees_session').on('permit_fees').columns(['session_id']).execute();
}
