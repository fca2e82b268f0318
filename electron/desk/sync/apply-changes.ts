import type { Kysely } from 'kysely';
import type { Change } from '../../../shared/sync/mutations';
import type { Database } from '../db/database';
import { setMeta } from '../db/meta-repository';
import { applyChange } from './change-handlers';
import { rebasePending } from './local-effects';

export const CURSOR_KEY = 'sync.cursor';

/**
 * Applies one page of the comune's change log in one transaction, moves the cursor with it and
 * rebases pending local mutations on the result: a half-applied page is impossible.
 */
export async function applyChanges(db: Kysely<Database>, changes: Change[], cursor: number): Promise<void> {
  await db.transaction().execute(async (trx) => {
    for (const change of changes) {
      // Our own mutation, now part of the hub's state: it must not be replayed on top of later changes.
      if (change.mutationId) await trx.deleteFrom('outbox').where('id', '=', change.mutationId).execute();
      await applyChange(trx, change);
    }
    await setMeta(trx, CURSOR_KEY, String(cursor));
    await rebasePending(trx);
  });
}
