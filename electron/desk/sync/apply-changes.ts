import type { Kysely } from 'kysely';
import type { WireChange } from '../../../shared/sync/mutations';
import type { Database } from '../db/database';
import { setMeta } from '../db/meta-repository';
import { rebasePending } from './local-effects';
import { applyOrQuarantine } from './quarantine';

export const CURSOR_KEY = 'sync.cursor';

/**
 * Applies one page of the comune's change log in one transaction, moves the cursor with it and
 * rebases pending local mutations on the result: a half-applied page is impossible. A change
 * this counter cannot apply is set aside (quarantine.ts) and the rest of the page goes on.
 */
export async function applyChanges(
  db: Kysely<Database>,
  changes: WireChange[],
  cursor: number,
  at: string,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    for (const change of changes) {
      // Our own mutation, now part of the hub's state: it must not be replayed on top of later changes.
      if (change.mutationId) await trx.deleteFrom('outbox').where('id', '=', change.mutationId).execute();
      await applyOrQuarantine(trx, change, at);
    }
    await setMeta(trx, CURSOR_KEY, String(cursor));
    await rebasePending(trx);
  });
}
