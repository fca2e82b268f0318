import type { Kysely } from 'kysely';

// Frozen in time: Kysely<any> on purpose.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  // The diritti di segreteria collected with a certificate: a till line of the clerk's session,
  // written in the certificate's own transaction, so the day's closing counts it (issue 12 §4).
  await db.schema
    .createTable('certificate_fees')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('session_id', 'text', (c) => c.notNull())
    .addColumn('certificate_id', 'text', (c) => c.notNull().unique())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('amount_cents', 'integer', (c) => c.notNull())
    .addColumn('paid_at', 'text', (c) => c.notNull())
    .addColumn('clerk', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('certificate_fees_session')
    .on('certificate_fees')
    .column('session_id')
    .execute();
}
