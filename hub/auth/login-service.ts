import type { Kysely } from 'kysely';
import { afterFailedAttempt, formatLocalTime } from '../../shared/auth/lockout-policy';
import { AppError } from '../../shared/errors/app-error';
import type { LoginResponse } from '../../shared/sync/registry-page';
import type { HubDatabase } from '../db/database';
import type { WorkstationRow } from '../db/tables/workstations.table';
import { issueClerkCredentials } from './clerk-credentials';
import { findComune, findUserByUsername, recordFailure, resetFailures } from './auth-repository';
import { verifyPassword } from './passwords';

// Spent on unknown usernames too, so response time does not reveal which usernames exist.
const DUMMY_HASH = 'scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=';

/** Clerk login at a workstation: tenancy (same comune), lockout, disabled accounts. */
export async function loginClerk(
  db: Kysely<HubDatabase>,
  workstation: WorkstationRow,
  username: string,
  password: string,
  now: Date,
  offlineGraceHours: number,
): Promise<LoginResponse> {
  const user = await findUserByUsername(db, username.trim().toLowerCase());
  if (!user) {
    await verifyPassword(password, DUMMY_HASH);
    throw new AppError('wrong_credentials', { remaining: '—' });
  }
  if (user.disabled) throw new AppError('account_disabled');
  if (user.locked_until && new Date(user.locked_until) > now) {
    throw new AppError('account_locked', { until: formatLocalTime(new Date(user.locked_until)) });
  }
  const previousFailures = user.locked_until ? 0 : user.failed_attempts; // an expired lock starts a fresh count
  if (!(await verifyPassword(password, user.password_hash))) {
    const outcome = afterFailedAttempt(previousFailures, now);
    if (outcome.locked) {
      await recordFailure(db, user.id, previousFailures + 1, outcome.until.toISOString());
      throw new AppError('account_locked', { until: formatLocalTime(outcome.until) });
    }
    await recordFailure(db, user.id, previousFailures + 1, null);
    throw new AppError('wrong_credentials', { remaining: outcome.remaining });
  }
  const comune = await findComune(db, user.comune);
  if (user.comune !== workstation.comune || !comune) {
    const wsComune = await findComune(db, workstation.comune);
    throw new AppError('wrong_comune', { comune: wsComune?.name ?? workstation.comune });
  }
  const issued = await db.transaction().execute(async (trx) => {
    await resetFailures(trx, user.id);
    return issueClerkCredentials(trx, user.id, workstation, now, offlineGraceHours);
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
    },
    comune: { belfiore: comune.belfiore, name: comune.name },
    workstationSeries: workstation.series,
  };
}
