import type { Kysely } from 'kysely';

// Frozen in time; portable types only (SQLite and PostgreSQL).
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('social_contributi')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('comune', 'text', (c) => c.notNull())
    .addColumn('beneficiary_id', 'text', (c) => c.notNull())
    .addColumn('case_id', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('record', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('social_contributi_beneficiary')
    .on('social_contributi')
    .columns(['comune', 'beneficiary_id'])
    .execute();
  await db.schema
    .createIndex('social_contributi_case')
    .on('social_contributi')
    .columns(['comune', 'case_id'])
    .execute();
  await db.schema
    .createTable('social_sad')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('comune', 'text', (c) => c.notNull())
    .addColumn('beneficiary_id', 'text', (c) => c.notNull())
    .addColumn('beneficiary_cf', 'text', (c) => c.notNull())
    .addColumn('case_id', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('record', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('social_sad_beneficiary')
    .on('social_sad')
    .columns(['comune', 'beneficiary_id'])
    .execute();
  await db.schema
    .createIndex('social_sad_cf')
    .on('social_sad')
    .columns(['comune', 'beneficiary_cf'])
    .execute();
  await db.schema.createIndex('social_sad_status').on('social_sad').columns(['comune', 'status']).execute();
  await db.schema
    .createTable('social_sad_hours')
    .addColumn('comune', 'text', (c) => c.notNull())
    .addColumn('month', 'text', (c) => c.notNull())
    .addColumn('sad_id', 'text', (c) => c.notNull())
    .addColumn('hours', 'real', (c) => c.notNull())
    .addColumn('operators', 'integer', (c) => c.notNull())
    .addColumn('imported_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('social_sad_hours_pk', ['comune', 'month', 'sad_id'])
    .execute();
  await db.schema
    .createTable('social_sad_bills')
    .addColumn('comune', 'text', (c) => c.notNull())
    .addColumn('month', 'text', (c) => c.notNull())
    .addColumn('sad_id', 'text', (c) => c.notNull())
    .addColumn('hours', 'real', (c) => c.notNull())
    .addColumn('operators', 'integer', (c) => c.notNull())
    .addColumn('hourly_rate_cents', 'integer', (c) => c.notNull())
    .addColumn('amount_cents', 'integer', (c) => c.notNull())
    .addColumn('notice_number', 'text')
    .addColumn('billed_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('social_sad_bills_pk', ['comune', 'month', 'sad_id'])
    .execute();
}
