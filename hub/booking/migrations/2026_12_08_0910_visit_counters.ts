import type { Kysely } from 'kysely';

// Frozen in time; portable types only (SQLite and PostgreSQL).
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  // which workstation sits at a counter of an office on a day: the hub binds the counter a desk
  // calls for to that desk, so another (or a modified) desk cannot act as that counter
  await db.schema
    .createTable('visit_counters')
    .addColumn('comune', 'text', (c) => c.notNull())
    .addColumn('office', 'text', (c) => c.notNull())
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('counter', 'integer', (c) => c.notNull())
    .addColumn('workstation_id', 'text', (c) => c.notNull())
    .addColumn('last_seen', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('visit_counters_pk', ['comune', 'office', 'day', 'counter'])
    .execute();
}
