import { sql, type Kysely } from 'kysely';
import { afterFailedAttempt, LOCKOUT_POLICY, type FailureOutcome } from '../../shared/auth/lockout-policy';
import type { HubDatabase } from '../db/database';

/** Until when this username is locked, or null. An expired lock no longer counts. */
export async function activeLock(db: Kysely<HubDatabase>, username: string, now: Date): Promise<Date | null> {
  const row = await db
    .selectFrom('login_attempts')
    .select('locked_until')
    .where('username', '=', username)
    .executeTakeFirst();
  return row?.locked_until && new Date(row.locked_until) > now ? new Date(row.locked_until) : null;
}

/**
 * One more failure for this username, counted by the database in one statement (an upsert that
 * returns the new count), so parallel wrong passwords each add one: twenty at once lock the
 * account as twenty in a row would. An expired lock starts a fresh count.
 */
export async function recordFailedLogin(
  db: Kysely<HubDatabase>,
  username: string,
  now: Date,
  policy = LOCKOUT_POLICY,
): Promise<FailureOutcome> {
  const at = now.toISOString();
  const expired = sql`login_attempts.locked_until is not null and login_attempts.locked_until <= ${at}`;
  const { rows } = await sql<{ failures: number }>`
    insert into login_attempts (username, failures, locked_until, last_failure_at)
    values (${username}, 1, null, ${at})
    on conflict (username) do update set
      failures = case when ${expired} then 1 else login_attempts.failures + 1 end,
      locked_until = case when ${expired} then null else login_attempts.locked_until end,
      last_failure_at = ${at}
    returning failures
  `.execute(db);
  const failures = Number(rows[0]?.failures ?? 1);
  const outcome = afterFailedAttempt(failures - 1, now, policy);
  if (outcome.locked) {
    // Several requests may reach the threshold together: the first lock set is the one kept.
    await db
      .updateTable('login_attempts')
      .set({ locked_until: outcome.until.toISOString() })
      .where('username', '=', username)
      .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<=', at)]))
      .execute();
    const lock = await activeLock(db, username, now);
    return { locked: true, until: lock ?? outcome.until };
  }
  return outcome;
}

/** A successful login starts the failure count again. */
export async function clearFailedLogins(db: Kysely<HubDatabase>, username: string): Promise<void> {
  await db.deleteFrom('login_attempts').where('username', '=', username).execute();
}
