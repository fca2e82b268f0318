import { sql, type Kysely } from 'kysely';

// Frozen in time: Kysely<any> on purpose.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('residents')
    .addColumn('not_certifiable', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();

  // Certificates of the comune: those issued here keep their PDF (reprint gives the same bytes,
  // so the recorded hash still matches); those of other counters arrive through sync without it.
  await db.schema
    .createTable('certificates')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('resident_id', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('facts', 'text', (c) => c.notNull())
    .addColumn('destination', 'text', (c) => c.notNull())
    .addColumn('issued_on', 'text', (c) => c.notNull())
    .addColumn('valid_until', 'text')
    .addColumn('marca_id', 'text')
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('delivery', 'text', (c) => c.notNull())
    .addColumn('issued_by', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('revoked_at', 'text')
    .addColumn('revoked_by', 'text')
    .addColumn('revoke_reason', 'text')
    .addColumn('pdf', 'blob')
    .addColumn('content', 'text')
    .execute();
  await db.schema.createIndex('certificates_resident').on('certificates').column('resident_id').execute();
  // One marca, one certificate (DOMAIN.md §1.3): refused here at once, and again at the hub.
  await sql`create unique index certificates_marca on certificates (marca_id) where marca_id is not null`.execute(
    db,
  );

  await db.schema
    .createTable('declarations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('resident_id', 'text', (c) => c.notNull())
    .addColumn('article', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('issued_on', 'text', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('delivery', 'text', (c) => c.notNull())
    .addColumn('issued_by', 'text', (c) => c.notNull())
    .addColumn('pdf', 'blob', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('declarations_resident').on('declarations').column('resident_id').execute();
}
