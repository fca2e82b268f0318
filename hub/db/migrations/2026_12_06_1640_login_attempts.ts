import { sql, type Kysely } from 'kysely';

// Frozen in time: Kysely<any> on purpose.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  // Failed logins counted per username typed (known or not, so an unknown name answers like a
  // real one), each failure one atomic upsert: parallel wrong passwords cannot overwrite each
  // other's count the way the read-modify-write on users.failed_attempts could.
  await db.schema
    .createTable('login_attempts')
    .addColumn('username', 'text', (c) => c.primaryKey())
    .addColumn('failures', 'integer', (c) => c.notNull())
    .addColumn('locked_until', 'text')
    .addColumn('last_failure_at', 'text', (c) => c.notNull())
    .execute();
  // Counts and locks already running carry over; users.failed_attempts/locked_until stay unused.
  await sql`
    insert into login_attempts (username, failures, locked_until, last_failure_at)
    select username, failed_attempts, locked_until, '1970-01-01T00:00:00.000Z'
    from users where failed_attempts > 0 or locked_until is not null
  `.execute(db);
}
