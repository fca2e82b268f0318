import type { Kysely } from 'kysely';
import { formatLocalTime } from '../../shared/auth/lockout-policy';
import { AppError } from '../../shared/errors/app-error';
import type { LoginResponse } from '../../shared/sync/registry-page';
import type { HubDatabase } from '../db/database';
import type { WorkstationRow } from '../db/tables/workstations.table';
import { findComune, findUserByUsername, replacePasswordHash } from './auth-repository';
import { issueClerkCredentials } from './clerk-credentials';
import { officesOf } from './offices';
import { activeLock, clearFailedLogins, recordFailedLogin } from './login-attempts';
import { dummyHash, hashPassword, isWeakerThan, verifyPassword, type ScryptCost } from './passwords';

export interface LoginOptions {
  now: Date;
  offlineGraceHours: number;
  /** the cost new hashes get; older, cheaper hashes are upgraded at a successful login */
  passwordCost: ScryptCost;
}

/**
 * Clerk login at a workstation. Order matters: the comune first (a clerk of another comune is
 * told so and their lockout is not touched), then the lock, then the password. An unknown
 * username goes through the same steps as a wrong password (a dummy hash of the same cost, the
 * same failure count keyed by the name typed), so the answers cannot tell them apart.
 */
export async function loginClerk(
  db: Kysely<HubDatabase>,
  workstation: WorkstationRow,
  typedUsername: string,
  password: string,
  opts: LoginOptions,
): Promise<LoginResponse> {
  const { now } = opts;
  const username = typedUsername.trim().toLowerCase();
  const user = await findUserByUsername(db, username);
  if (user && user.comune !== workstation.comune) {
    const wsComune = await findComune(db, workstation.comune);
    throw new AppError('wrong_comune', { comune: wsComune?.name ?? workstation.comune });
  }
  const lockedUntil = await activeLock(db, username, now);
  if (lockedUntil) throw new AppError('account_locked', { until: formatLocalTime(lockedUntil) });

  const passwordOk = await verifyPassword(password, user?.password_hash ?? dummyHash(opts.passwordCost));
  if (!user || !passwordOk) {
    const outcome = await recordFailedLogin(db, username, now);
    if (outcome.locked) throw new AppError('account_locked', { until: formatLocalTime(outcome.until) });
    throw new AppError('wrong_credentials', { remaining: outcome.remaining });
  }
  // Only the holder of the password learns the account is disabled.
  if (user.disabled) throw new AppError('account_disabled');
  // Parallel wrong passwords may have locked the account while this one was being checked.
  const lockedMeanwhile = await activeLock(db, username, now);
  if (lockedMeanwhile) throw new AppError('account_locked', { until: formatLocalTime(lockedMeanwhile) });
  const comune = await findComune(db, user.comune);
  if (!comune) throw new AppError('wrong_comune', { comune: workstation.comune });

  // Hashed outside the transaction: the work factor is deliberately slow.
  const upgraded = isWeakerThan(user.password_hash, opts.passwordCost)
    ? await hashPassword(password, opts.passwordCost)
    : null;
  const issued = await db.transaction().execute(async (trx) => {
    await clearFailedLogins(trx, username);
    if (upgraded) await replacePasswordHash(trx, user.id, user.password_hash, upgraded);
    return issueClerkCredentials(trx, user.id, workstation, now, opts.offlineGraceHours);
  });
  return {
    token: issued.sessionToken,
    pushKey: issued.pushKey,
    pushKeyExpiresAt: issued.pushKeyExpiresAt,
    user: {
      id: user.id,
      username: user.username,
      displayName: user.display_name,
      role: user.role,
      comune: user.comune,
      offices: await officesOf(db, user.username),
    },
    comune: { belfiore: comune.belfiore, name: comune.name },
    workstationSeries: workstation.series,
    mustChangePassword: Number(user.must_change_password) === 1,
  };
}
