import type { Kysely } from 'kysely';

// Frozen in time: Kysely<any> on purpose.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  // offices beside the role: who may see special-category data (social services)
  await db.schema
    .createTable('user_offices')
    .addColumn('username', 'text', (c) => c.notNull())
    .addColumn('office', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('user_offices_pk', ['username', 'office'])
    .execute();
}
