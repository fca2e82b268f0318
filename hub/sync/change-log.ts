import { sql, type Kysely, type Transaction } from 'kysely';
import { isPostgres } from '../db/job-runs';
import type { Change } from '../../shared/sync/mutations';
import type { HubDatabase } from '../db/database';
import type { ChangeLogTable } from '../db/tables/sync.table';

type Db = Kysely<HubDatabase> | Transaction<HubDatabase>;

/** Appended in the transaction of the change itself: the log never disagrees with the data. */
export async function appendChange(
  trx: Transaction<HubDatabase>,
  c: {
    comune: string;
    entity: ChangeLogTable['entity'];
    entityId: string;
    op: ChangeLogTable['op'];
    payload: unknown;
    at: string;
    mutationId?: string;
  },
): Promise<void> {
  // PostgreSQL hands out `seq` at insert, not at commit: a transaction that took seq 10 and commits
  // after the one that took 11 would be skipped by a desk that already pulled 11. One writer per
  // comune's log at a time (until commit) makes its seqs commit in order. SQLite has one writer.
  if (isPostgres(trx))
    await sql`select pg_advisory_xact_lock(hashtext(${`change_log:${c.comune}`}))`.execute(trx);
  await trx
    .insertInto('change_log')
    .values({
      comune: c.comune,
      entity: c.entity,
      entity_id: c.entityId,
      op: c.op,
      payload: JSON.stringify(c.payload),
      at: c.at,
      mutation_id: c.mutationId ?? null,
    })
    .execute();
}

/**
 * What one workstation may read of the log: the rows for it alone, and the comune's rows except
 * the office-scoped kinds of offices it does not serve (office-scope.ts).
 */
export interface ReadScope {
  workstationId: string;
  hidden: readonly ChangeLogTable['entity'][];
}

/**
 * Changes of one comune after `since`, in order, as one workstation may see them.
 *
 * Rows a workstation may not see are left out, not sent as payload-less tombstones: a tombstone
 * would still tell every counter which social files exist and when each one changes (a visit,
 * a plan, a stop after a death) — metadata about special-category data. Leaving them out is
 * safe for the desk's cursor because the filter is in the query itself: a page is the next
 * `limit` rows this workstation may see, however many hidden rows lie between them, so a desk
 * never stalls behind a run of hidden rows and never skips a later visible one. Hidden rows
 * at the tail are read past again at the next pull (an index range, cheap) until a visible row
 * moves the cursor beyond them.
 */
export async function readChanges(
  db: Db,
  comune: string,
  since: number,
  limit: number,
  scope: ReadScope,
  entity?: ChangeLogTable['entity'],
): Promise<Change[]> {
  let query = db
    .selectFrom('change_log')
    .select(['seq', 'entity', 'entity_id', 'op', 'payload', 'mutation_id'])
    .where('comune', '=', comune)
    .where('seq', '>', since)
    .where((eb) =>
      eb.or([
        eb('for_workstation', '=', scope.workstationId),
        eb.and([
          eb('for_workstation', 'is', null),
          ...(scope.hidden.length > 0 ? [eb('entity', 'not in', scope.hidden)] : []),
        ]),
      ]),
    );
  if (entity) query = query.where('entity', '=', entity);
  const rows = await query.orderBy('seq').limit(limit).execute();
  return rows.map((r) => ({
    seq: Number(r.seq),
    entity: r.entity,
    entityId: r.entity_id,
    op: r.op,
    payload: JSON.parse(r.payload) as unknown,
    mutationId: r.mutation_id,
  }));
}

export async function headSeq(db: Db, comune: string): Promise<number> {
  const row = await db
    .selectFrom('change_log')
    .select((eb) => eb.fn.max('seq').as('head'))
    .where('comune', '=', comune)
    .executeTakeFirst();
  return Number(row?.head ?? 0);
}

export async function schemaEpoch(db: Db): Promise<number> {
  const row = await db
    .selectFrom('hub_meta')
    .select('value')
    .where('key', '=', 'schema_epoch')
    .executeTakeFirst();
  return Number(row?.value ?? 1);
}
