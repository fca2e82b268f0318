import type { Kysely, Transaction } from 'kysely';
import type { HubDatabase } from '../db/database';

/** The offices of a user as the hub knows them now (hub/db/tables/user-offices.table.ts). */
export async function officesOf(
  db: Kysely<HubDatabase> | Transaction<HubDatabase>,
  username: string,
): Promise<string[]> {
  const rows = await db
    .selectFrom('user_offices')
    .select('office')
    .where('username', '=', username)
    .execute();
  return rows.map((r) => r.office).sort();
}
