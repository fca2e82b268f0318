import type { Kysely } from 'kysely';
import { AppError } from '../../shared/errors/app-error';
import { formatLocalTime } from '../../shared/auth/lockout-policy';
import type { HubDatabase } from '../db/database';
import { activeLock, clearFailedLogins, recordFailedLogin } from './login-attempts';

/**
 * A machine that is not enrolled yet has no identity but its address, so wrong enrolment codes
 * are counted per client address, with the users' lockout (same table, same policy: 5 wrong
 * codes lock the address for 15 minutes). The key cannot collide with a username: usernames
 * have no `@`. Behind a proxy the address is the client's only with HUB_TRUST_PROXY set.
 */
const keyOf = (address: string): string => `enrol@${address}`;

/** Refuses at once while the address is locked (before the code is even looked up). */
export async function refuseIfEnrolmentLocked(
  db: Kysely<HubDatabase>,
  address: string,
  now: Date,
): Promise<void> {
  const until = await activeLock(db, keyOf(address), now);
  if (until) throw new AppError('enrolment_locked', { until: formatLocalTime(until) });
}

/**
 * Runs the enrolment; a wrong code counts one failure for the address (the lockout's one effect
 * of a refusal), a right one clears the count.
 */
export async function withEnrolmentLockout<T>(
  db: Kysely<HubDatabase>,
  address: string,
  now: Date,
  enrol: () => Promise<T>,
): Promise<T> {
  await refuseIfEnrolmentLocked(db, address, now);
  try {
    const done = await enrol();
    await clearFailedLogins(db, keyOf(address));
    return done;
  } catch (err) {
    if (!(err instanceof AppError) || err.code !== 'enrolment_code_invalid') throw err;
    const outcome = await recordFailedLogin(db, keyOf(address), now);
    if (outcome.locked) throw new AppError('enrolment_locked', { until: formatLocalTime(outcome.until) });
    throw err;
  }
}
