import { sql, type Kysely, type Transaction } from 'kysely';
import { ZodError } from 'zod';
import { AppError } from '../../../shared/errors/app-error';
import { isKnownChange, type WireChange } from '../../../shared/sync/mutations';
import {
  QUARANTINE_PATH,
  QUARANTINE_REPORT_MAX,
  quarantineAckSchema,
} from '../../../shared/sync/quarantine-wire';
import type { DeskContext } from '../context';
import type { Database } from '../db/database';
import { applyChange } from './change-handlers';

/** Failures of the store itself: the page is retried whole, nothing is set aside. */
const STORE_FAILURE = /^SQLITE_(BUSY|LOCKED|IOERR|FULL|NOMEM|READONLY|CORRUPT|CANTOPEN)/;

function whyUnreadable(err: unknown): string {
  if (err instanceof ZodError) {
    return err.issues
      .slice(0, 3)
      .map((i) => `${i.path.join('.')}: ${i.message}`)
      .join('; ')
      .slice(0, 500);
  }
  if (err instanceof AppError) return err.code;
  return (err instanceof Error ? err.message : String(err)).slice(0, 500);
}

/**
 * Applies one change of the hub's log, or sets it aside: a kind this release does not know (a
 * newer hub) or content it cannot read never stops the page, the cursor or the counter. The
 * change runs inside a savepoint, so a half-applied record leaves nothing behind. Returns
 * whether it was applied.
 */
export async function applyOrQuarantine(
  trx: Transaction<Database>,
  change: WireChange,
  at: string,
): Promise<boolean> {
  if (!isKnownChange(change)) {
    await quarantine(trx, change, 'change_kind_unknown', `unknown entity ${change.entity}`, at);
    return false;
  }
  await sql`savepoint change`.execute(trx);
  try {
    await applyChange(trx, change);
    await sql`release savepoint change`.execute(trx);
    return true;
  } catch (err) {
    await sql`rollback to savepoint change`.execute(trx);
    await sql`release savepoint change`.execute(trx);
    const code = (err as { code?: unknown }).code;
    if (typeof code === 'string' && STORE_FAILURE.test(code)) throw err;
    await quarantine(trx, change, 'change_unreadable', whyUnreadable(err), at);
    return false;
  }
}

async function quarantine(
  trx: Transaction<Database>,
  change: WireChange,
  code: string,
  detail: string,
  at: string,
): Promise<void> {
  await trx
    .insertInto('quarantined_changes')
    .values({
      seq: change.seq,
      entity: change.entity,
      entity_id: change.entityId.slice(0, 200),
      op: change.op,
      payload: JSON.stringify(change.payload ?? null),
      mutation_id: change.mutationId ?? null,
      code,
      detail,
      quarantined_at: at,
      reported_at: null,
    })
    .onConflict((oc) => oc.column('seq').doNothing())
    .execute();
}

/**
 * Changes of a kind set aside by an older release of this counter that it now knows (it was
 * updated) are applied again, in log order: every change of that kind was set aside, so
 * replaying them in order ends on the hub's state.
 */
export async function retryQuarantined(db: Kysely<Database>, at: string): Promise<number> {
  const rows = await db
    .selectFrom('quarantined_changes')
    .selectAll()
    .where('code', '=', 'change_kind_unknown')
    .orderBy('seq')
    .execute();
  const now = rows.filter((r) => isKnownChange({ ...r, entityId: r.entity_id, payload: null }));
  if (now.length === 0) return 0;
  let applied = 0;
  await db.transaction().execute(async (trx) => {
    for (const r of now) {
      await trx.deleteFrom('quarantined_changes').where('seq', '=', r.seq).execute();
      const change: WireChange = {
        seq: r.seq,
        entity: r.entity,
        entityId: r.entity_id,
        op: r.op,
        payload: JSON.parse(r.payload) as unknown,
        mutationId: r.mutation_id,
      };
      if (await applyOrQuarantine(trx, change, at)) applied++;
    }
  });
  return applied;
}

/**
 * Tells the hub what this counter set aside (supervisors' exceptions screen, support). Best
 * effort: what is not acknowledged is sent again at the next round.
 */
export async function reportQuarantined(ctx: DeskContext): Promise<number> {
  const rows = await ctx.db
    .selectFrom('quarantined_changes')
    .select(['seq', 'entity', 'entity_id', 'code', 'detail', 'quarantined_at'])
    .where('reported_at', 'is', null)
    .orderBy('seq')
    .limit(QUARANTINE_REPORT_MAX)
    .execute();
  if (rows.length === 0) return 0;
  await ctx.hub.call(
    QUARANTINE_PATH,
    {
      method: 'POST',
      // the same report twice is recorded once (workstation, seq): safe to repeat
      retry: true,
      body: {
        version: ctx.config.version.slice(0, 40),
        records: rows.map((r) => ({
          seq: r.seq,
          entity: r.entity,
          entityId: r.entity_id,
          code: r.code,
          detail: r.detail,
          at: r.quarantined_at,
        })),
      },
    },
    quarantineAckSchema,
  );
  await ctx.db
    .updateTable('quarantined_changes')
    .set({ reported_at: ctx.now().toISOString() })
    .where(
      'seq',
      'in',
      rows.map((r) => r.seq),
    )
    .execute();
  return rows.length;
}
