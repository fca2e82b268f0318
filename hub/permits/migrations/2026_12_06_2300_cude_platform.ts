import type { Kysely } from 'kysely';

// Frozen in time; portable types only (SQLite and PostgreSQL).
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  // what the national CUDE platform holds for each card this hub issued (local implementation)
  await db.schema
    .createTable('cude_platform')
    .addColumn('permit_id', 'text', (c) => c.primaryKey())
    .addColumn('comune', 'text', (c) => c.notNull())
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('plates', 'text', (c) => c.notNull())
    .addColumn('valid_to', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
}
