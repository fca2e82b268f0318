import type { Kysely } from 'kysely';

// Frozen in time; portable types only (SQLite and PostgreSQL).
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('canone_applications')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('comune', 'text', (c) => c.notNull())
    .addColumn('case_id', 'text', (c) => c.notNull())
    .addColumn('procedure_code', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('regime', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('street', 'text', (c) => c.notNull())
    .addColumn('civic', 'text', (c) => c.notNull())
    .addColumn('start_date', 'text', (c) => c.notNull())
    .addColumn('end_date', 'text')
    .addColumn('measure_hundredths', 'integer', (c) => c.notNull())
    .addColumn('advertising', 'integer', (c) => c.notNull())
    .addColumn('concession_number', 'text')
    .addColumn('verification_key', 'text')
    .addColumn('record', 'text', (c) => c.notNull())
    .addColumn('workstation_id', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  // one application per case: the decision hook finds it from the case
  await db.schema
    .createIndex('canone_applications_case')
    .on('canone_applications')
    .columns(['comune', 'case_id'])
    .unique()
    .execute();
  // the public page and the office look a concession up by its number
  await db.schema
    .createIndex('canone_applications_number')
    .on('canone_applications')
    .columns(['comune', 'concession_number'])
    .execute();
  // the spot check and the list by street
  await db.schema
    .createIndex('canone_applications_spot')
    .on('canone_applications')
    .columns(['comune', 'street', 'civic'])
    .execute();
  // the yearly run: the comune's permanent concessions in force
  await db.schema
    .createIndex('canone_applications_yearly')
    .on('canone_applications')
    .columns(['comune', 'regime', 'status', 'id'])
    .execute();

  await db.schema
    .createTable('canone_notices')
    .addColumn('comune', 'text', (c) => c.notNull())
    .addColumn('notice_number', 'text', (c) => c.notNull())
    .addColumn('application_id', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('instalment', 'integer', (c) => c.notNull())
    .addColumn('of_count', 'integer', (c) => c.notNull())
    .addColumn('iuv', 'text', (c) => c.notNull())
    .addColumn('amount_cents', 'bigint', (c) => c.notNull())
    .addColumn('due_date', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('issued_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('canone_notices_pk', ['comune', 'notice_number'])
    .execute();
  // a year's instalment of a concession is issued once, whatever runs it
  await db.schema
    .createIndex('canone_notices_once')
    .on('canone_notices')
    .columns(['application_id', 'year', 'instalment'])
    .unique()
    .execute();

  await db.schema
    .createTable('canone_notice_counters')
    .addColumn('comune', 'text', (c) => c.primaryKey())
    .addColumn('last_base', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('canone_concession_counters')
    .addColumn('comune', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('last', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('canone_concession_counters_pk', ['comune', 'year'])
    .execute();
  await db.schema
    .createTable('canone_police_requests')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('comune', 'text', (c) => c.notNull())
    .addColumn('application_id', 'text', (c) => c.notNull())
    .addColumn('requested_on', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('canone_police_requests_open')
    .on('canone_police_requests')
    .columns(['comune', 'status', 'requested_on'])
    .execute();
}
