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

export async function recordSuccess(
  db: Kysely<HubDatabase>,
  userId: string,
  session: { tokenHash: string; workstationId: string; createdAt: string; expiresAt: string },
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('users')
      .set({ failed_attempts: 0, locked_until: null })
      .where('id', '=', userId)
      .execute();
    await trx
      .insertInto('clerk_sessions')
      .values({
        token_hash: session.tokenHash,
        user_id: userId,
        workstation_id: session.workstationId,
        created_at: session.createdAt,
        expires_at: session.expiresAt,
      })
      .execute();
  });
}

export function findComune(db: Kysely<HubDatabase>, belfiore: string) {
  return db.selectFrom('comuni').selectAll().where('belfiore', '=', belfiore).executeTakeFirst();
}
