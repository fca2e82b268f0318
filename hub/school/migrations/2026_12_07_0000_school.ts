import type { Kysely } from 'kysely';

// Frozen in time; portable types only (SQLite and PostgreSQL).
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('school_enrolments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('comune', 'text', (c) => c.notNull())
    .addColumn('school_year', 'text', (c) => c.notNull())
    .addColumn('service', 'text', (c) => c.notNull())
    .addColumn('child_cf', 'text', (c) => c.notNull())
    .addColumn('birth_date', 'text', (c) => c.notNull())
    .addColumn('payer_cf', 'text', (c) => c.notNull())
    .addColumn('household', 'text', (c) => c.notNull())
    .addColumn('school_code', 'text', (c) => c.notNull())
    .addColumn('resident', 'integer', (c) => c.notNull())
    .addColumn('start_month', 'text', (c) => c.notNull())
    .addColumn('end_month', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('record', 'text', (c) => c.notNull())
    .addColumn('workstation_id', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  // a child is enrolled once per service and year
  await db.schema
    .createIndex('school_enrolments_once')
    .on('school_enrolments')
    .columns(['comune', 'school_year', 'service', 'child_cf'])
    .unique()
    .execute();
  await db.schema
    .createIndex('school_enrolments_household')
    .on('school_enrolments')
    .columns(['comune', 'household', 'school_year', 'service'])
    .execute();
  await db.schema
    .createIndex('school_enrolments_payer')
    .on('school_enrolments')
    .columns(['comune', 'payer_cf'])
    .execute();

  await db.schema
    .createTable('school_isee')
    .addColumn('comune', 'text', (c) => c.notNull())
    .addColumn('payer_cf', 'text', (c) => c.notNull())
    .addColumn('from_month', 'text', (c) => c.notNull())
    .addColumn('statement', 'text', (c) => c.notNull())
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('school_isee_pk', ['comune', 'payer_cf', 'from_month'])
    .execute();

  await db.schema
    .createTable('school_attendance')
    .addColumn('comune', 'text', (c) => c.notNull())
    .addColumn('school_code', 'text', (c) => c.notNull())
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('child_cf', 'text', (c) => c.notNull())
    .addColumn('meals', 'integer', (c) => c.notNull())
    .addColumn('imported_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('school_attendance_pk', ['comune', 'school_code', 'day', 'child_cf'])
    .execute();
  await db.schema
    .createIndex('school_attendance_day')
    .on('school_attendance')
    .columns(['comune', 'day'])
    .execute();

  await db.schema
    .createTable('school_absences')
    .addColumn('comune', 'text', (c) => c.notNull())
    .addColumn('enrolment_id', 'text', (c) => c.notNull())
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('school_absences_pk', ['comune', 'enrolment_id', 'day'])
    .execute();

  await db.schema
    .createTable('school_bills')
    .addColumn('comune', 'text', (c) => c.notNull())
    .addColumn('payer_cf', 'text', (c) => c.notNull())
    .addColumn('month', 'text', (c) => c.notNull())
    .addColumn('notice_number', 'text')
    .addColumn('amount_cents', 'bigint', (c) => c.notNull())
    .addColumn('carried_cents', 'bigint', (c) => c.notNull())
    .addColumn('due_date', 'text')
    .addColumn('lines', 'text', (c) => c.notNull())
    .addColumn('billed_at', 'text', (c) => c.notNull())
    // one notice per payer and month: running the month twice issues nothing new
    .addPrimaryKeyConstraint('school_bills_pk', ['comune', 'payer_cf', 'month'])
    .execute();

  await db.schema
    .createTable('school_charged')
    .addColumn('comune', 'text', (c) => c.notNull())
    .addColumn('enrolment_id', 'text', (c) => c.notNull())
    .addColumn('month', 'text', (c) => c.notNull())
    .addColumn('meals', 'integer', (c) => c.notNull())
    .addColumn('amount_cents', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('school_charged_pk', ['comune', 'enrolment_id', 'month'])
    .execute();
}
