import type { Kysely } from 'kysely';
import type { HubDatabase } from '../db/database';
import type { UserRow } from '../db/tables/users.table';
import type { WorkstationRow } from '../db/tables/workstations.table';

export function findWorkstationByTokenHash(
  db: Kysely<HubDatabase>,
  tokenHash: string,
): Promise<WorkstationRow | undefined> {
  return db.selectFrom('workstations').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
}

export function findUserByUsername(db: Kysely<HubDatabase>, username: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();
}

export async function recordFailure(
  db: Kysely<HubDatabase>,
  userId: string,
  failedAttempts: number,
  lockedUntil: string | null,
): Promise<void> {
  await db
    .updateTable('users')
    .set({ failed_attempts: failedAttempts, locked_until: lockedUntil })
    .where('id', '=', userId)
    .execute();
}

/** A successful login starts the failure count again. */
export async function resetFailures(db: Kysely<HubDatabase>, userId: string): Promise<void> {
  await db
    .updateTable('users')
    .set({ failed_attempts: 0, locked_until: null })
    .where('id', '=', userId)
    .execute();
}

export function findComune(db: Kysely<HubDatabase>, belfiore: string) {
  return db.selectFrom('comuni').selectAll().where('belfiore', '=', belfiore).executeTakeFirst();
}
