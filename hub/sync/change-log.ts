import { sql, type Insertable, type Kysely, type Transaction } from 'kysely';
import { isPostgres } from '../db/job-runs';
import { compiledOnce } from '../db/compiled-once';
import type { Change } from '../../shared/sync/mutations';
import type { HubDatabase } from '../db/database';
import type { ChangeLogTable } from '../db/tables/sync.table';

type Db = Kysely<HubDatabase> | Transaction<HubDatabase>;

type Trx = Transaction<HubDatabase>;

/** The comunes whose log each open transaction already holds (the lock lasts until its commit). */
const lockedBy = new WeakMap<Trx, Set<string>>();

/**
 * Makes the caller the one writer of the comune's log until its transaction commits. PostgreSQL
 * hands out `seq` at insert, not at commit: a transaction that took seq 10 and commits after the
 * one that took 11 would be skipped by a desk that already pulled 11. One writer per comune's log
 * at a time makes its seqs commit in order. Taken once per transaction and comune; always before
 * the audit chain's lock (appendAudit runs after the change), so two writers never wait on each
 * other crosswise. SQLite has one writer: nothing to do.
 */
async function lockLogOf(trx: Trx, comune: string): Promise<void> {
  if (!isPostgres(trx) || holdsLog(trx, comune)) return;
  await sql`select pg_advisory_xact_lock(hashtext(${logLockKey(comune)}))`.execute(trx);
  noteLogHeld(trx, comune);
}

const logLockKey = (comune: string): string => `change_log:${comune}`;
const holdsLog = (trx: Trx, comune: string): boolean => lockedBy.get(trx)?.has(comune) ?? false;
function noteLogHeld(trx: Trx, comune: string): void {
  const held = lockedBy.get(trx) ?? new Set<string>();
  held.add(comune);
  lockedBy.set(trx, held);
}

/** the log statements every push runs, compiled once per number of rows */
const run = compiledOnce();

/**
 * Every column in every row, in one order: one SQL text per number of rows, and the parameters
 * are the rows' values in that order (compiledOnce checks it at its first compile).
 */
const fullRow = (r: Insertable<ChangeLogTable>) => ({
  comune: r.comune,
  entity: r.entity,
  entity_id: r.entity_id,
  op: r.op,
  payload: r.payload,
  at: r.at,
  mutation_id: r.mutation_id ?? null,
  office: r.office ?? null,
  for_workstation: r.for_workstation ?? null,
});

/**
 * PostgreSQL: takes the comune's log lock and inserts the rows in one statement. The lock is a
 * one-time filter of the insert's select (an uncorrelated subquery, run once before the first row
 * is read), so no row takes its seq before the lock is held.
 */
async function insertLocked(
  trx: Trx,
  comune: string,
  rows: readonly Insertable<ChangeLogTable>[],
): Promise<void> {
  const full = rows.map(fullRow);
  const key = logLockKey(comune);
  await run(
    trx,
    `change_log.insertLocked ${full.length}`,
    [...full.flatMap((r) => Object.values(r)), key],
    () => {
      const tuples = full.map((r) => sql`(${sql.join(Object.values(r))})`);
      return sql`insert into change_log (comune, entity, entity_id, op, payload, at, mutation_id, office, for_workstation)
    select * from (values ${sql.join(tuples)}) as v
    where (select true from pg_advisory_xact_lock(hashtext(${key})))`.compile(trx);
    },
  );
  noteLogHeld(trx, comune);
}

/** Rows per INSERT: well under SQLite's and PostgreSQL's bound-parameter limits. */
const ROWS_PER_INSERT = 400;

/**
 * Change-log rows in bulk (billing runs, seeds, office changes), in the caller's transaction: the
 * one way rows enter the log besides appendChange, under the same per-comune lock.
 */
export async function appendChanges(trx: Trx, rows: readonly Insertable<ChangeLogTable>[]): Promise<void> {
  const buffer = deferred.get(trx);
  if (buffer) {
    buffer.push(...rows);
    return;
  }
  await insertChanges(trx, rows);
}

async function insertChanges(trx: Trx, rows: readonly Insertable<ChangeLogTable>[]): Promise<void> {
  const comunes = [...new Set(rows.map((r) => r.comune))].sort();
  let from = 0;
  const only = comunes.length === 1 ? comunes[0]! : null;
  if (only !== null && isPostgres(trx) && !holdsLog(trx, only)) {
    // a push's rows (one comune): the lock and the first rows in one round trip, since every
    // round trip while the lock is held keeps the comune's other writers waiting
    await insertLocked(trx, only, rows.slice(0, ROWS_PER_INSERT));
    from = ROWS_PER_INSERT;
  }
  // comunes in a fixed order: two bulk writers spanning the same comunes never deadlock
  for (const comune of comunes) await lockLogOf(trx, comune);
  for (let i = from; i < rows.length; i += ROWS_PER_INSERT) {
    const chunk = rows.slice(i, i + ROWS_PER_INSERT).map(fullRow);
    await run(
      trx,
      `change_log.insert ${chunk.length}`,
      chunk.flatMap((r) => Object.values(r)),
      () => trx.insertInto('change_log').values(chunk).compile(),
    );
  }
}

/** Appended in the transaction of the change itself: the log never disagrees with the data. */
export async function appendChange(
  trx: Trx,
  c: {
    comune: string;
    entity: ChangeLogTable['entity'];
    entityId: string;
    op: ChangeLogTable['op'];
    payload: unknown;
    at: string;
    mutationId?: string;
    /** only this office's counters receive the row (office-scope.ts) */
    office?: string | null;
  },
): Promise<void> {
  const row: Insertable<ChangeLogTable> = {
    comune: c.comune,
    entity: c.entity,
    entity_id: c.entityId,
    op: c.op,
    payload: JSON.stringify(c.payload),
    at: c.at,
    mutation_id: c.mutationId ?? null,
    office: c.office ?? null,
  };
  const buffer = deferred.get(trx);
  if (buffer) {
    buffer.push(row);
    return;
  }
  await insertChanges(trx, [row]);
}

/** A change as the log holds it: its payload still the JSON text the hub wrote. */
export type StoredChange = Omit<Change, 'payload'> & { payload: string };

/** Rows a push batch has logged and not yet written (deferChanges). */
const deferred = new WeakMap<Trx, Insertable<ChangeLogTable>[]>();

/** The log rows of a push batch, held in memory until the batch writes them all at once. */
export interface DeferredChanges {
  /** how many rows are held now: where a mutation's own rows begin */
  mark(): number;
  /** drops the rows after `mark` (the mutation they belong to was refused) */
  dropAfter(mark: number): void;
  /** writes every held row, in the order logged, under the comunes' log locks */
  flush(): Promise<void>;
}

/**
 * From now until `flush`, appendChange/appendChanges in this transaction only collect their rows.
 * A push batch applies each mutation and writes the whole log at the end: the comune's log lock
 * (which serialises every writer of that comune until commit) is then held for one multi-row
 * insert and the commit, not for the whole batch. The rows keep the order they were logged in,
 * so seqs still follow the order the changes were made. Nothing in a batch reads the log rows
 * it is writing (a refused mutation's current state is stamped with the head before the batch,
 * an older seq the desk overwrites with the row that follows).
 */
export function deferChanges(trx: Trx): DeferredChanges {
  const rows: Insertable<ChangeLogTable>[] = [];
  deferred.set(trx, rows);
  return {
    mark: () => rows.length,
    dropAfter: (mark) => {
      rows.length = mark;
    },
    flush: async () => {
      deferred.delete(trx);
      if (rows.length > 0) await insertChanges(trx, rows);
    },
  };
}

/**
 * What one workstation may read of the log: the rows for it alone, and the comune's rows except
 * the office-scoped kinds and rows of offices it does not serve (office-scope.ts). Its offices
 * are read by the query itself, as the hub holds them then: a workstation taken out of an office
 * stops receiving its records at the next pull.
 */
export interface ReadScope {
  workstationId: string;
  /** the office-scoped kinds, each with the office whose counters alone receive it */
  officeEntities: ReadonlyMap<ChangeLogTable['entity'], string>;
}

/** A page of the log, with the comune's head and the schema epoch as the same query saw them. */
export interface StoredPage {
  changes: StoredChange[];
  head: number;
  epoch: number;
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
 *
 * The workstation's offices, the head and the epoch are subqueries of the page's one statement
 * (each run once): every counter pulls every second or so, and on PostgreSQL each statement is a
 * round trip. An empty page reads the head on its own.
 */
export async function readStoredPage(
  db: Db,
  comune: string,
  since: number,
  limit: number,
  scope: ReadScope,
  entity?: ChangeLogTable['entity'],
): Promise<StoredPage> {
  const offices = db
    .selectFrom('workstation_offices')
    .select('office')
    .where('workstation_id', '=', scope.workstationId);
  const serves = (office: string) => offices.where('office', '=', office);
  let query = db
    .selectFrom('change_log')
    .select(['seq', 'entity', 'entity_id', 'op', 'payload', 'mutation_id'])
    .select((eb) => [
      eb
        .selectFrom('change_log as tail')
        .select((sub) => sub.fn.max('tail.seq').as('head'))
        .where('tail.comune', '=', comune)
        .as('head'),
      eb.selectFrom('hub_meta').select('value').where('key', '=', 'schema_epoch').as('epoch'),
    ])
    .where('comune', '=', comune)
    .where('seq', '>', since)
    .where((eb) =>
      eb.or([
        eb('for_workstation', '=', scope.workstationId),
        eb.and([
          eb('for_workstation', 'is', null),
          ...[...scope.officeEntities].map(([kind, office]) =>
            eb.or([eb('entity', '!=', kind), eb.exists(serves(office))]),
          ),
          eb.or([eb('office', 'is', null), eb('office', 'in', offices)]),
        ]),
      ]),
    );
  if (entity) query = query.where('entity', '=', entity);
  const rows = await query.orderBy('seq').limit(limit).execute();
  const first = rows[0];
  const { head, epoch } = first
    ? { head: Number(first.head ?? 0), epoch: Number(first.epoch ?? 1) }
    : await logPosition(db, comune);
  return {
    changes: rows.map((r) => ({
      seq: Number(r.seq),
      entity: r.entity,
      entityId: r.entity_id,
      op: r.op,
      payload: r.payload,
      mutationId: r.mutation_id,
    })),
    head,
    epoch,
  };
}

/** The changes with their payloads read (tests, and anything that looks inside them). */
export async function readChanges(...read: Parameters<typeof readStoredPage>): Promise<Change[]> {
  const { changes } = await readStoredPage(...read);
  return changes.map((c) => ({ ...c, payload: JSON.parse(c.payload) as unknown }));
}

/**
 * The answer to a pull as JSON text, each payload spliced in as stored: the hub wrote it with
 * JSON.stringify, and every counter of the comune reads every change, so it is not parsed and
 * serialised again for each of them. The same document as JSON.stringify of
 * `{ changes, head, epoch }` with the payloads parsed (changes-json.test.ts).
 */
export function changesJson(changes: readonly StoredChange[], head: number, epoch: number): string {
  const items = changes.map(
    (c) =>
      `{"seq":${c.seq},"entity":${JSON.stringify(c.entity)},"entityId":${JSON.stringify(c.entityId)},"op":${JSON.stringify(c.op)},"payload":${c.payload},"mutationId":${JSON.stringify(c.mutationId ?? null)}}`,
  );
  return `{"changes":[${items.join(',')}],"head":${head},"epoch":${epoch}}`;
}

export async function headSeq(db: Db, comune: string): Promise<number> {
  const row = await db
    .selectFrom('change_log')
    .select((eb) => eb.fn.max('seq').as('head'))
    .where('comune', '=', comune)
    .executeTakeFirst();
  return Number(row?.head ?? 0);
}

/**
 * The comune's head and the schema epoch in one query: every pull and registry page answers
 * with both, and on PostgreSQL each statement is a round trip.
 */
export async function logPosition(db: Db, comune: string): Promise<{ head: number; epoch: number }> {
  const row = await db
    .selectNoFrom((eb) => [
      eb
        .selectFrom('change_log')
        .select((sub) => sub.fn.max('seq').as('head'))
        .where('comune', '=', comune)
        .as('head'),
      eb.selectFrom('hub_meta').select('value').where('key', '=', 'schema_epoch').as('epoch'),
    ])
    .executeTakeFirst();
  return { head: Number(row?.head ?? 0), epoch: Number(row?.epoch ?? 1) };
}
