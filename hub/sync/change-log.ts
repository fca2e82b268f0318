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

/** Changes of one comune after `since`, in order. */
export async function readChanges(
  db: Db,
  comune: string,
  since: number,
  limit: number,
  entity?: ChangeLogTable['entity'],
): Promise<Change[]> {
  let query = db
    .selectFrom('change_log')
    .select(['seq', 'entity', 'entity_id', 'op', 'payload', 'mutation_id'])
    .where('comune', '=', comune)
    .where('seq', '>', since);
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
