import type { Kysely } from 'kysely';

// Frozen in time: Kysely<any> on purpose.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  // Wrong passwords against the cached verifier while the hub is unreachable: counted here, the
  // hub's lockout cannot see them; too many and the offline login is gone until an online one.
  await db.schema
    .alterTable('clerk_verifiers')
    .addColumn('failed_attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
}
