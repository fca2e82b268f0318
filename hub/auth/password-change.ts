import type { Kysely } from 'kysely';
import { checkPasswordStrength } from '../../shared/admin/admin-rules';
import { formatLocalTime } from '../../shared/auth/lockout-policy';
import { checkNewPassword } from '../../shared/auth/new-user-rules';
import { AppError } from '../../shared/errors/app-error';
import type { HubDatabase } from '../db/database';
import type { ClerkIdentity } from './clerk-credentials';
import { activeLock, clearFailedLogins, recordFailedLogin } from './login-attempts';
import { hashPassword, verifyPassword, type ScryptCost } from './passwords';

/**
 * A person chooses their own password, from their hub session: the current one is asked again
 * (a counter left open does not let a passer-by lock its clerk out), and a wrong one counts
 * towards the same lockout as a wrong login, or the route would be a way round it. The new one
 * passes the rules of a password an admin types (length, not the username, not a few characters
 * repeated) and differs from the current one, else "changing" a one-time password would keep it.
 * The one-time flag goes in the same statement as the hash.
 */
export async function changeOwnPassword(
  db: Kysely<HubDatabase>,
  clerk: ClerkIdentity,
  current: string,
  next: string,
  now: Date,
  cost: ScryptCost,
): Promise<void> {
  const lockedUntil = await activeLock(db, clerk.username, now);
  if (lockedUntil) throw new AppError('account_locked', { until: formatLocalTime(lockedUntil) });
  const user = await db
    .selectFrom('users')
    .select(['id', 'password_hash'])
    .where('id', '=', clerk.id)
    .executeTakeFirstOrThrow();
  if (!(await verifyPassword(current, user.password_hash))) {
    const outcome = await recordFailedLogin(db, clerk.username, now);
    if (outcome.locked) throw new AppError('account_locked', { until: formatLocalTime(outcome.until) });
    throw new AppError('wrong_credentials', { remaining: outcome.remaining });
  }
  checkNewPassword(next);
  checkPasswordStrength(next, clerk.username);
  if (next === current) throw new AppError('password_unchanged');
  const newHash = await hashPassword(next, cost); // slow on purpose: outside the transaction
  await db.transaction().execute(async (trx) => {
    await clearFailedLogins(trx, clerk.username);
    // only over the hash just checked: a reset that landed meanwhile wins, and this change fails
    const done = await trx
      .updateTable('users')
      .set({ password_hash: newHash, must_change_password: 0 })
      .where('id', '=', user.id)
      .where('password_hash', '=', user.password_hash)
      .executeTakeFirst();
    if (Number(done.numUpdatedRows) !== 1) throw new AppError('clerk_session_invalid');
  });
}
