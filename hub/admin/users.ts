import type { Kysely } from 'kysely';
import { AppError } from '../../shared/errors/app-error';
import type { HubDatabase } from '../db/database';
import { setUserDisabled } from './user-accounts';

/**
 * `disable-user` / `enable-user` at the hub's console: any comune's account. Disabling also
 * reaches every counter of the comune (their cached offline login goes at the next sync).
 * Null when there is no such user.
 */
export async function setClerkDisabled(
  db: Kysely<HubDatabase>,
  username: string,
  disabled: boolean,
  now: Date = new Date(),
): Promise<string | null> {
  try {
    const user = await setUserDisabled(db, null, username, disabled, now);
    const row = await db
      .selectFrom('users')
      .select('comune')
      .where('username', '=', user.username)
      .executeTakeFirstOrThrow();
    return row.comune;
  } catch (err) {
    if (err instanceof AppError && err.code === 'admin_user_not_found') return null;
    throw err;
  }
}
