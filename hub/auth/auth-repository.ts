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

/** Only if the hash is still the one that was checked: a password changed meanwhile wins. */
export async function replacePasswordHash(
  db: Kysely<HubDatabase>,
  userId: string,
  oldHash: string,
  newHash: string,
): Promise<void> {
  await db
    .updateTable('users')
    .set({ password_hash: newHash })
    .where('id', '=', userId)
    .where('password_hash', '=', oldHash)
    .execute();
}

export function findComune(db: Kysely<HubDatabase>, belfiore: string) {
  return db.selectFrom('comuni').selectAll().where('belfiore', '=', belfiore).executeTakeFirst();
}
