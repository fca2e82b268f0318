import type { Kysely } from 'kysely';

// Frozen in time: Kysely<any> on purpose.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('school_enrolments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('comune', 'text', (c) => c.notNull())
    .addColumn('school_year', 'text', (c) => c.notNull())
    .addColumn('service', 'text', (c) => c.notNull())
    .addColumn('child_cf', 'text', (c) => c.notNull())
    .addColumn('child_resident_id', 'text')
    .addColumn('payer_cf', 'text', (c) => c.notNull())
    .addColumn('school_code', 'text', (c) => c.notNull())
    .addColumn('class_name', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('start_month', 'text', (c) => c.notNull())
    .addColumn('end_month', 'text')
    .addColumn('enrolled_at', 'text', (c) => c.notNull())
    .addColumn('record', 'text', (c) => c.notNull())
    .addColumn('confirmed', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.createIndex('school_enrolments_child').on('school_enrolments').column('child_cf').execute();
  await db.schema
    .createIndex('school_enrolments_child_resident')
    .on('school_enrolments')
    .column('child_resident_id')
    .execute();
  await db.schema.createIndex('school_enrolments_payer').on('school_enrolments').column('payer_cf').execute();
  await db.schema
    .createIndex('school_enrolments_class')
    .on('school_enrolments')
    .columns(['school_year', 'school_code', 'class_name'])
    .execute();
  await db.schema
    .createTable('school_accounts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('payer_cf', 'text', (c) => c.notNull())
    .addColumn('payer_name', 'text', (c) => c.notNull())
    .addColumn('owed_cents', 'integer', (c) => c.notNull())
    .addColumn('record', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('school_accounts_payer').on('school_accounts').column('payer_cf').execute();
  // canteen days marked absent here and not yet confirmed by the hub's enrolment record
  await db.schema
    .createTable('school_absences')
    .addColumn('enrolment_id', 'text', (c) => c.notNull())
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('school_absences_pk', ['enrolment_id', 'day'])
    .execute();
}
