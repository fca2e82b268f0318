import type { Kysely } from 'kysely';
import { AppError } from '../../../shared/errors/app-error';
import type { MutationEnvelope, MutationResult } from '../../../shared/sync/mutations';
import type { Database } from '../db/database';
import type { HubClient } from '../hub-client/hub-client';
import type { AuthorKeys } from '../session/author-keys';
import { applyChanges } from './apply-changes';
import { rebasePending } from './local-effects';
import { getMeta } from '../db/meta-repository';
import { CURSOR_KEY } from './apply-changes';

export interface PushRound {
  /** mutations the hub answered for (0 = nothing sent) */
  settled: number;
  /** the person whose mutations head the outbox and who has no credential here: they wait for them */
  waitingFor: string | null;
}

/** The hub refused the credential itself (expired, ended, another workstation's): try the next. */
const isCredentialRefused = (err: unknown): boolean =>
  err instanceof AppError &&
  (err.code === 'clerk_session_invalid' ||
    err.code === 'clerk_session_required' ||
    err.code === 'not_logged_in');

/**
 * Sends the oldest pending mutations, in order, and settles the hub's answers in one
 * transaction. A batch holds one author's mutations only (the head of the outbox and those right
 * after it by the same person) and travels with that person's own hub credential: the hub
 * believes the credential, never the name written in the mutation. When the author has none
 * here, nothing is sent and the round says who is awaited; order is never skipped, since a later
 * mutation may build on an earlier one. A lost answer is harmless: the mutations stay queued,
 * are sent again, and the hub answers `duplicate`.
 */
export async function pushOutboxOnce(
  db: Kysely<Database>,
  hub: HubClient,
  authors: AuthorKeys,
  batch: number,
  now: () => Date,
): Promise<PushRound> {
  const head = await db.selectFrom('outbox').selectAll().orderBy('seq').limit(batch).execute();
  const author = head[0]?.clerk;
  if (author === undefined) return { settled: 0, waitingFor: null };
  const end = head.findIndex((r) => r.clerk !== author);
  const rows = end === -1 ? head : head.slice(0, end);
  const envelopes: MutationEnvelope[] = rows.map((r) => ({
    id: r.id,
    name: r.name,
    args: JSON.parse(r.args) as unknown,
    clerk: r.clerk,
    at: r.at,
  }));
  for (const token of authors.tokensFor(author)) {
    let results: MutationResult[];
    try {
      results = await hub.push(envelopes, token);
    } catch (err) {
      if (!isCredentialRefused(err)) throw err;
      authors.forget(author, token);
      continue;
    }
    await settle(db, rows, results, now);
    return { settled: results.length, waitingFor: null };
  }
  return { settled: 0, waitingFor: author };
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
  // A pull that ran while the push was out rebased the refused mutation onto what it brought, so
  // the hub's copy is applied whatever the cursor says; since that pull may also have brought
  // something newer for the same record, the cursor goes back to the copy's seq and the next
  // pull brings those changes again on top (a change applied twice is harmless: upserts and
  // deletes by id).
  const cursor = Number((await getMeta(db, CURSOR_KEY)) ?? 0);
  const current = rejected.flatMap((r) => r.current ?? []);
  if (current.length > 0) {
    const from = Math.min(cursor, ...current.map((c) => c.seq));
    await applyChanges(db, current, from, now().toISOString());
  } else if (rejected.length > 0) {
    await db.transaction().execute((trx) => rebasePending(trx));
  }
}
