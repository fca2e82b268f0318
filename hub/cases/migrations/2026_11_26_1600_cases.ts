import { PostgresAdapter, type Kysely } from 'kysely';

// Frozen in time; portable types only (SQLite and PostgreSQL), binary content spelled per dialect.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;

  await db.schema
    .createTable('cases')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('comune', 'text', (c) => c.notNull())
    .addColumn('procedure_code', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('silence_watch', 'integer', (c) => c.notNull())
    .addColumn('opened_on', 'text', (c) => c.notNull())
    .addColumn('counter_seconds', 'integer')
    .addColumn('visits', 'integer', (c) => c.notNull())
    .addColumn('receipt_delivery', 'text', (c) => c.notNull())
    .addColumn('record', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('cases_comune_opened').on('cases').columns(['comune', 'opened_on']).execute();
  await db.schema.createIndex('cases_silence').on('cases').column('silence_watch').execute();

  await db.schema
    .createTable('case_persons')
    .addColumn('comune', 'text', (c) => c.notNull())
    .addColumn('case_id', 'text', (c) => c.notNull())
    .addColumn('person_key', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('case_persons_pk', ['case_id', 'person_key'])
    .execute();
  await db.schema
    .createIndex('case_persons_key')
    .on('case_persons')
    .columns(['comune', 'person_key'])
    .execute();

  await db.schema
    .createTable('case_files')
    .addColumn('comune', 'text', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('content', pg ? 'bytea' : 'blob', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('media_type', 'text', (c) => c.notNull())
    .addColumn('uploaded_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('case_files_pk', ['comune', 'sha256'])
    .execute();

  await db.schema
    .createTable('case_baselines')
    .addColumn('comune', 'text', (c) => c.notNull())
    .addColumn('procedure_code', 'text', (c) => c.notNull())
    .addColumn('counter_seconds', 'integer', (c) => c.notNull())
    .addColumn('visits_x100', 'integer', (c) => c.notNull())
    .addColumn('printed_pages_x100', 'integer', (c) => c.notNull())
    .addColumn('set_on', 'text', (c) => c.notNull())
    .addColumn('set_by', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('case_baselines_pk', ['comune', 'procedure_code'])
    .execute();

  // The protocol register: a counter row per comune and year, locked by the registering
  // transaction (gap-free: a rolled-back registration rolls its number back too).
  await db.schema
    .createTable('protocol_counters')
    .addColumn('comune', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('last_number', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('protocol_counters_pk', ['comune', 'year'])
    .execute();

  await db.schema
    .createTable('protocol_register')
    .addColumn('comune', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('registered_at', 'text', (c) => c.notNull())
    .addColumn('direction', 'text', (c) => c.notNull())
    .addColumn('correspondents', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('case_id', 'text')
    .addColumn('registered_by', 'text', (c) => c.notNull())
    .addColumn('cancelled_at', 'text')
    .addColumn('cancelled_by', 'text')
    .addColumn('cancellation', 'text')
    .addPrimaryKeyConstraint('protocol_register_pk', ['comune', 'year', 'number'])
    .execute();
  await db.schema
    .createIndex('protocol_register_case')
    .on('protocol_register')
    .columns(['comune', 'case_id'])
    .execute();

  await db.schema
    .createTable('protocol_corrections')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('comune', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('field', 'text', (c) => c.notNull())
    .addColumn('old_value', 'text', (c) => c.notNull())
    .addColumn('new_value', 'text', (c) => c.notNull())
    .addColumn('corrected_at', 'text', (c) => c.notNull())
    .addColumn('operator', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('protocol_corrections_entry')
    .on('protocol_corrections')
    .columns(['comune', 'year', 'number'])
    .execute();
}
