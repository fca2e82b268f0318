import type { Kysely } from 'kysely';

// Frozen in time: Kysely<any> on purpose.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('staff_names')
    .addColumn('username', 'text', (c) => c.primaryKey())
    .addColumn('display_name', 'text', (c) => c.notNull())
    .execute();
}
