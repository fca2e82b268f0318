import type { Kysely } from 'kysely';

// Frozen in time: Kysely<any> on purpose.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  // The hub's push key for this clerk at this counter, sealed with a key derived from the
  // clerk's password: a stolen disk holds it, but cannot use it.
  await db.schema.alterTable('clerk_verifiers').addColumn('push_key', 'text').execute();
}
