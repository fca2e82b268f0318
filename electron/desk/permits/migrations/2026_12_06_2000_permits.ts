import type { Kysely } from 'kysely';

// Frozen in time: Kysely<any> on purpose.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('permits')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('number', 'text', (c) => c.notNull().unique())
    .addColumn('comune', 'text', (c) => c.notNull())
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
    .addColumn('confirmed', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.createIndex('permits_holder').on('permits').column('holder_id').execute();
  await db.schema.createIndex('permits_household').on('permits').columns(['household_id', 'kind']).execute();
  await db.schema.createIndex('permits_valid_to').on('permits').columns(['status', 'valid_to']).execute();
  await db.schema.createIndex('permits_renews').on('permits').column('renews_id').execute();

  // The plate question (cameras, wardens, the counter's lookup): one indexed read by plate.
  await db.schema
    .createTable('permit_plates')
    .addColumn('permit_id', 'text', (c) => c.notNull())
    .addColumn('plate', 'text', (c) => c.notNull())
    .addColumn('country', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('permit_plates_pk', ['permit_id', 'plate', 'country'])
    .execute();
  await db.schema
    .createIndex('permit_plates_plate')
    .on('permit_plates')
    .columns(['plate', 'country'])
    .execute();

  await db.schema
    .createTable('permit_documents')
    .addColumn('permit_id', 'text', (c) => c.primaryKey())
    .addColumn('pdf_a4', 'blob', (c) => c.notNull())
    .addColumn('pdf_card', 'blob', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('notice_number', 'text')
    .execute();

  await db.schema
    .createTable('permit_fees')
    .addColumn('permit_id', 'text', (c) => c.primaryKey())
    .addColumn('session_id', 'text', (c) => c.notNull())
    .addColumn('amount_cents', 'integer', (c) => c.notNull())
    .addColumn('paid_at', 'text', (c) => c.notNull())
    .addColumn('clerk', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('permit_fees_session').on('permit_fees').column('session_id').execute();
}
