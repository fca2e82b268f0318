import type { Kysely } from 'kysely';

// Frozen in time: Kysely<any> on purpose, never the app's Database type.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('cases')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('comune', 'text', (c) => c.notNull())
    .addColumn('procedure_code', 'text', (c) => c.notNull())
    .addColumn('office', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('is_open', 'integer', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('applicant_id', 'text')
    .addColumn('applicant_name', 'text', (c) => c.notNull())
    .addColumn('assignee', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('protocol', 'text')
    .addColumn('received_on', 'text')
    .addColumn('due_date', 'text', (c) => c.notNull())
    .addColumn('amber_from', 'text', (c) => c.notNull())
    .addColumn('term_days', 'integer', (c) => c.notNull())
    .addColumn('deadline_asof', 'text', (c) => c.notNull())
    .addColumn('concluded_on', 'text')
    .addColumn('handling_days', 'integer')
    .addColumn('last_event_at', 'text', (c) => c.notNull())
    .addColumn('counter_seconds', 'integer')
    .addColumn('visits', 'integer', (c) => c.notNull())
    .addColumn('receipt_delivery', 'text', (c) => c.notNull())
    .addColumn('procedure_key', 'text', (c) => c.notNull())
    .addColumn('record', 'text', (c) => c.notNull())
    .execute();
  // The queue (bench:queue: filter + sort over 100k cases, p95 under 20 ms). Each filter has its
  // index ending in (due_date, id): the default order, with the id as the tie-break that keeps
  // paging stable, so a window is read straight from the index, never sorted; amber_from at the
  // end lets the deadline colour be decided from the index alone (counts never touch the rows).
  // The other filter columns follow, so a second filter is checked in the index too.
  const queueIndex = (name: string, columns: string[]) =>
    db.schema.createIndex(name).on('cases').columns(columns).execute();
  const rest = (...leading: string[]) =>
    ['status', 'procedure_code', 'office', 'assignee'].filter((c) => !leading.includes(c));
  await queueIndex('cases_open_due', ['is_open', 'due_date', 'id', 'amber_from', ...rest()]);
  for (const column of ['procedure_code', 'office', 'assignee', 'status']) {
    await queueIndex(`cases_open_${column}`, [
      'is_open',
      column,
      'due_date',
      'id',
      'amber_from',
      ...rest(column),
    ]);
  }
  await queueIndex('cases_open_created', ['is_open', 'created_at', 'id']);
  await queueIndex('cases_open_protocol', ['is_open', 'protocol', 'id']);
  await queueIndex('cases_due', ['due_date', 'id', 'amber_from']);
  // suspended cases whose due date is from an earlier day (refreshed before the queue reads)
  await queueIndex('cases_status_asof', ['status', 'deadline_asof']);
  await db.schema.createIndex('cases_applicant').on('cases').column('applicant_id').execute();

  await db.schema
    .createTable('case_procedures')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('definition', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('case_persons')
    .addColumn('case_id', 'text', (c) => c.notNull())
    .addColumn('person_key', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('case_persons_pk', ['case_id', 'person_key'])
    .execute();
  await db.schema.createIndex('case_persons_key').on('case_persons').column('person_key').execute();

  await db.schema
    .createTable('case_files')
    .addColumn('sha256', 'text', (c) => c.primaryKey())
    .addColumn('content', 'blob', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('media_type', 'text', (c) => c.notNull())
    .addColumn('at_hub', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('case_files_pending').on('case_files').column('at_hub').execute();
}
