import type { Kysely } from 'kysely';

// Frozen in time: Kysely<any> on purpose.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('canone_applications')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull())
    .addColumn('comune', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('street_key', 'text', (c) => c.notNull())
    .addColumn('civic', 'text', (c) => c.notNull())
    .addColumn('start', 'text', (c) => c.notNull())
    .addColumn('end', 'text')
    .addColumn('resident_id', 'text')
    .addColumn('submitted_at', 'text', (c) => c.notNull())
    .addColumn('record', 'text', (c) => c.notNull())
    .addColumn('confirmed', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .createIndex('canone_applications_case')
    .on('canone_applications')
    .column('case_id')
    .execute();
  await db.schema
    .createIndex('canone_applications_spot')
    .on('canone_applications')
    .columns(['street_key', 'civic'])
    .execute();
  await db.schema
    .createIndex('canone_applications_status')
    .on('canone_applications')
    .columns(['status', 'submitted_at'])
    .execute();
  await db.schema
    .createIndex('canone_applications_resident')
    .on('canone_applications')
    .column('resident_id')
    .execute();
}
