import type { Kysely } from 'kysely';

// Frozen in time: Kysely<any> on purpose.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  // the offices a workstation serves (DOMAIN.md §12.1): the social-services office's counters
  // alone receive social records in their mirror; IT sets them with the enrolment code
  await db.schema
    .createTable('workstation_offices')
    .addColumn('workstation_id', 'text', (c) => c.notNull())
    .addColumn('office', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('workstation_offices_pk', ['workstation_id', 'office'])
    .execute();
  // comma-separated office codes the workstation enrolled with this code joins
  await db.schema.alterTable('enrolment_codes').addColumn('offices', 'text').execute();
  // a row of the log for one workstation only (what it must drop or receive when its offices change)
  await db.schema.alterTable('change_log').addColumn('for_workstation', 'text').execute();
}
