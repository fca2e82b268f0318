import type { Kysely } from 'kysely';
import type { HubDatabase } from '../db/database';
import { appendChange } from '../sync/change-log';

/** Disabling a clerk also reaches every counter of the comune: their cached offline login goes at the next sync. */
export async function setClerkDisabled(
  db: Kysely<HubDatabase>,
  username: string,
  disabled: boolean,
  now: Date = new Date(),
): Promise<string | null> {
  return db.transaction().execute(async (trx) => {
    const user = await trx
      .selectFrom('users')
      .select(['id', 'comune'])
      .where('username', '=', username)
      .executeTakeFirst();
    if (!user) return null;
    await trx
      .updateTable('users')
      .set({ disabled: disabled ? 1 : 0 })
      .where('id', '=', user.id)
      .execute();
    await appendChange(trx, {
      comune: user.comune,
      entity: 'clerk',
      entityId: username,
      op: 'upsert',
      payload: { username, disabled },
      at: now.toISOString(),
    });
    return user.comune;
  });
}
