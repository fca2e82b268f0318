import type { Kysely } from 'kysely';
import type { MutationEnvelope, MutationResult } from '../../../shared/sync/mutations';
import type { Database } from '../db/database';
import type { HubClient } from '../hub-client/hub-client';
import { applyChanges } from './apply-changes';
import { rebasePending } from './local-effects';
import { getMeta } from '../db/meta-repository';
import { CURSOR_KEY } from './apply-changes';

/**
 * Sends the oldest pending mutations, in order, and settles the hub's answers in one
 * transaction. A lost answer is harmless: the mutations stay queued, are sent again, and the
 * hub answers `duplicate`. Returns how many were settled (0 = nothing pending).
 */
export async function pushOutboxOnce(
  db: Kysely<Database>,
  hub: HubClient,
  batch: number,
  now: () => Date,
): Promise<number> {
  const rows = await db.selectFrom('outbox').selectAll().orderBy('seq').limit(batch).execute();
  if (rows.length === 0) return 0;
  const envelopes: MutationEnvelope[] = rows.map((r) => ({
    id: r.id,
    name: r.name,
    args: JSON.parse(r.args) as unknown,
    clerk: r.clerk,
    at: r.at,
  }));
  const results = await hub.push(envelopes);
  await settle(db, rows, results, now);
  return results.length;
}

async function settle(
  db: Kysely<Database>,
  rows: { id: string; name: string; args: string; clerk: string; at: string }[],
  results: MutationResult[],
  now: () => Date,
): Promise<void> {
  const byId = new Map(rows.map((r) => [r.id, r]));
  const rejected = results.filter((r) => r.status === 'rejected');
  await db.transaction().execute(async (trx) => {
    for (const result of results) {
      const row = byId.get(result.id);
      if (!row) continue;
      await trx.deleteFrom('outbox').where('id', '=', result.id).execute();
      if (result.status === 'rejected') {
        // Never dropped silently: the clerk's sync screen and the supervisors' queue show it.
        await trx
          .insertInto('sync_exceptions')
          .values({
            mutation_id: row.id,
            name: row.name,
            args: row.args,
            clerk: row.clerk,
            at: row.at,
            code: result.error?.code ?? 'internal',
            message: result.error?.message ?? '',
            received_at: now().toISOString(),
          })
          .onConflict((oc) => oc.column('mutation_id').doNothing())
          .execute();
      }
    }
  });
  // Undo the optimistic effect of what the hub refused: take the hub's version, replay the rest.
  // A pull that ran meanwhile may already hold something newer than the hub's copy at push time.
  const cursor = Number((await getMeta(db, CURSOR_KEY)) ?? 0);
  const current = rejected.flatMap((r) => r.current ?? []).filter((c) => c.seq >= cursor);
  if (current.length > 0) {
    await applyChanges(db, current, cursor);
  } else if (rejected.length > 0) {
    await db.transaction().execute((trx) => rebasePending(trx));
  }
}
