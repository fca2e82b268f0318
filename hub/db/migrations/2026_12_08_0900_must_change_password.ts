import type { Kysely } from 'kysely';

// Frozen in time: Kysely<any> on purpose.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  // 1 while the account's password is one the hub made (a reset, or a new account without a typed
  // password): such a password has been seen by the admin, so it only opens the change-password
  // step. 0/1 as users.disabled, portable across SQLite and PostgreSQL; existing accounts keep 0.
  await db.schema
    .alterTable('users')
    .addColumn('must_change_password', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
}
