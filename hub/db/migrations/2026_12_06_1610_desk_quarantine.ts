import type { Kysely } from 'kysely';

// Frozen in time: Kysely<any> on purpose.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  // Records of the change log a desk could not apply and set aside (an older release facing a
  // newer kind, content it cannot read): one row per workstation and log position, shown to
  // the comune's supervisors beside the refused mutations.
  await db.schema
    .createTable('desk_quarantine')
    .addColumn('workstation_id', 'text', (c) => c.notNull())
    .addColumn('seq', 'bigint', (c) => c.notNull())
    .addColumn('comune', 'text', (c) => c.notNull())
    .addColumn('entity', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'text', (c) => c.notNull())
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('detail', 'text', (c) => c.notNull())
    .addColumn('desk_version', 'text', (c) => c.notNull())
    .addColumn('quarantined_at', 'text', (c) => c.notNull())
    .addColumn('reported_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('desk_quarantine_pk', ['workstation_id', 'seq'])
    .execute();
  await db.schema
    .createIndex('desk_quarantine_comune')
    .on('desk_quarantine')
    .columns(['comune', 'quarantined_at'])
    .execute();
}
