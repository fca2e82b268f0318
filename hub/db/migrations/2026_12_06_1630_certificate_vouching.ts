import type { Kysely } from 'kysely';

// Frozen in time: Kysely<any> on purpose.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  // What the hub could confirm of a pushed certificate against its own records (issue 12 §5).
  // Certificates recorded before this check existed keep verifying as before (1).
  await db.schema
    .alterTable('certificates')
    .addColumn('verifiable', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  // comma-separated reasons (shared/certificates/vouch.ts) when not verifiable
  await db.schema.alterTable('certificates').addColumn('not_verifiable_reasons', 'text').execute();
  // SHA-256 over the holder's registry facts as the hub held them when it recorded the certificate
  await db.schema.alterTable('certificates').addColumn('hub_facts_sha256', 'text').execute();

  // The diritti collected with each certificate, in the till session the counter put them in.
  await db.schema
    .createTable('certificate_fees')
    .addColumn('certificate_id', 'text', (c) => c.primaryKey())
    .addColumn('comune', 'text', (c) => c.notNull())
    .addColumn('workstation_id', 'text', (c) => c.notNull())
    .addColumn('session_id', 'text', (c) => c.notNull())
    .addColumn('amount_cents', 'integer', (c) => c.notNull())
    .addColumn('paid_at', 'text', (c) => c.notNull())
    .addColumn('clerk', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('certificate_fees_session')
    .on('certificate_fees')
    .columns(['comune', 'session_id'])
    .execute();
}
