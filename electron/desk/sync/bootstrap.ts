import { CompiledQuery, sql, type Kysely, type Transaction } from 'kysely';
import type { SyncStatus } from '../../../shared/contract/views';
import { AppError } from '../../../shared/errors/app-error';
import type { Database } from '../db/database';
import { getMeta, setMeta } from '../db/meta-repository';
import type { HubClient } from '../hub-client/hub-client';
import type { RegistryPage } from '../../../shared/sync/registry-page';
import { eventToRow, familyToRow, residentToRow } from '../registry/registry-mapping';
import { countResidents } from '../registry/registry-repository';
import { CURSOR_KEY } from './apply-changes';

export const BOOTSTRAP_PAGE_FAMILIES = 5000;
const REGISTRY_TABLES = ['families', 'residents', 'resident_events'] as const;
/** The mirror's secondary indexes while a bootstrap runs: dropped at its first page, rebuilt at its last. */
const DEFERRED_INDEXES_KEY = 'bootstrap.deferred_indexes';

/**
 * First, simple pull: the comune's whole registry in pages of families, each page in one
 * transaction (a half-applied page is impossible). Resumable: the cursor is stored with the
 * page, so an interrupted bootstrap continues where it stopped.
 *
 * Fast enough for a million residents: the next pages are already on their way while one is
 * written (the transaction never waits on the network: the page it writes is in memory), rows go
 * in as multi-row INSERTs, and the secondary indexes of the registry tables are built once at
 * the end instead of row by row.
 */
export async function bootstrapRegistry(
  db: Kysely<Database>,
  hub: HubClient,
  onProgress: (done: number, total: number) => void = () => {},
  pageSize = BOOTSTRAP_PAGE_FAMILIES,
): Promise<{ residents: number }> {
  if ((await getMeta(db, 'registry.bootstrapped_at')) !== null)
    return { residents: await countResidents(db) };
  const after = await getMeta(db, 'registry.bootstrap_cursor');
  // The change-log position read with the first page: what changes while we page is pulled after.
  let head = Number((await getMeta(db, 'registry.bootstrap_head')) ?? -1);
  let done = Number((await getMeta(db, 'registry.bootstrap_done')) ?? 0);
  const pages = prefetch(hub, after, pageSize);
  for (;;) {
    // Network first, then the transaction: the page is in memory, the database never waits on the hub.
    const page = await pages.next();
    await db.transaction().execute(async (trx) => {
      if (head < 0) await deferIndexes(trx);
      await insertRows(trx, 'families', page.families.map(familyToRow));
      await insertRows(trx, 'residents', page.residents.map(residentToRow));
      await insertRows(trx, 'resident_events', page.events.map(eventToRow));
      done += page.families.length;
      if (head < 0) {
        head = page.head;
        await setMeta(trx, 'registry.bootstrap_head', String(head));
        await setMeta(trx, 'sync.epoch', String(page.epoch));
      }
      await setMeta(trx, 'comune.belfiore', page.comune.belfiore);
      await setMeta(trx, 'comune.name', page.comune.name);
      await setMeta(trx, 'comune.province', page.comune.province);
      await setMeta(trx, 'comune.istat', page.comune.istat);
      await setMeta(trx, 'registry.bootstrap_done', String(done));
      if (page.next) await setMeta(trx, 'registry.bootstrap_cursor', page.next);
      else {
        await restoreDeferredIndexes(trx);
        await setMeta(trx, 'registry.bootstrapped_at', new Date().toISOString());
        await setMeta(trx, CURSOR_KEY, String(head));
      }
    });
    onProgress(done, page.totalFamilies);
    if (!page.next) break;
  }
  return { residents: await countResidents(db) };
}

/** pages fetched ahead of the one being written: the hub keeps working while the desk writes */
const PREFETCH_PAGES = 2;
/** the first page is this fraction of the others: the desk does not wait for a full page to start */
const FIRST_PAGE_FRACTION = 10;

/**
 * The hub's pages in order, at most PREFETCH_PAGES waiting in memory. The next page is asked for
 * as soon as its cursor is known: from the answer's headers once it is in, so the hub prepares
 * page k+1 while the desk parses and checks page k (a hub without the header: from the body).
 * A failed request fails the `next()` that reaches it, and so does a body whose `next` is not the
 * cursor its headers announced (the page after it was asked for with that cursor).
 */
function prefetch(hub: HubClient, after: string | null, pageSize: number): { next(): Promise<RegistryPage> } {
  const ready: Promise<RegistryPage>[] = [];
  let cursor: string | null = after;
  let ended = false;
  let inFlight = false;
  // The first page small: the desk starts writing while the hub reads the full-size ones.
  let limit = Math.max(1, Math.min(pageSize, Math.ceil(pageSize / FIRST_PAGE_FRACTION)));
  const pump = (): void => {
    if (inFlight || ended || ready.length >= PREFETCH_PAGES) return;
    inFlight = true;
    let announced: string | null = null;
    let released = false;
    /** this request no longer holds the slot: the next one may go, from `next` */
    const release = (next: string | null, failed: boolean): void => {
      if (released) return;
      released = true;
      inFlight = false;
      cursor = next;
      ended = failed || next === null;
      pump();
    };
    const request = hub
      .registryPage(cursor, limit, (next) => {
        announced = next;
        release(next, false);
      })
      .then(
        (page) => {
          if (announced !== null && page.next !== announced) throw new AppError('hub_error', { status: 200 });
          release(page.next, false);
          return page;
        },
        (err: unknown) => {
          release(null, true); // the caller meets the failure when it reaches this page
          throw err;
        },
      );
    // handled where it is awaited, maybe later than it fails
    request.catch(() => {});
    limit = pageSize;
    ready.push(request);
  };
  return {
    next: async () => {
      pump();
      const request = ready.shift();
      if (!request) throw new Error('bootstrap: no page left to read');
      const page = await request;
      pump();
      return page;
    },
  };
}

/** rows per INSERT: 500 rows × 19 columns stays well under SQLite's 32,766 bound parameters */
const INSERT_CHUNK = 500;

/**
 * Multi-row INSERTs compiled here rather than by the query builder, whose per-value work costs
 * more than SQLite's own insert at a million rows; still one statement of the transaction like
 * any other. Table names are ours and columns those of the mapped rows (registry-mapping.ts).
 */
async function insertRows(
  trx: Transaction<Database>,
  table: (typeof REGISTRY_TABLES)[number],
  rows: object[],
): Promise<void> {
  const first = rows[0];
  if (!first) return;
  const columns = Object.keys(first);
  const tuple = `(${columns.map(() => '?').join(', ')})`;
  const head = `insert into "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) values `;
  const fullChunk = head + new Array<string>(INSERT_CHUNK).fill(tuple).join(', ');
  for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
    const end = Math.min(rows.length, i + INSERT_CHUNK);
    const params: unknown[] = new Array<unknown>((end - i) * columns.length);
    let p = 0;
    for (let r = i; r < end; r++) {
      const row = rows[r] as Record<string, unknown>;
      for (const c of columns) params[p++] = row[c] ?? null;
    }
    // the same text for every full chunk: one prepared statement reused (statement cache)
    const text =
      end - i === INSERT_CHUNK ? fullChunk : head + new Array<string>(end - i).fill(tuple).join(', ');
    await trx.executeQuery(CompiledQuery.raw(text, params));
  }
}

/**
 * Drops the registry tables' secondary indexes, remembering their definitions in the same
 * transaction: a crash leaves either both or neither. Already deferred (a resumed bootstrap): nothing.
 */
async function deferIndexes(trx: Transaction<Database>): Promise<void> {
  if ((await getMeta(trx, DEFERRED_INDEXES_KEY)) !== null) return;
  const { rows } = await sql<{ name: string; sql: string }>`
    select name, sql from sqlite_master
    where type = 'index' and sql is not null and tbl_name in (${sql.join([...REGISTRY_TABLES])})`.execute(
    trx,
  );
  await setMeta(trx, DEFERRED_INDEXES_KEY, JSON.stringify(rows.map((r) => r.sql)));
  for (const ix of rows) await sql`drop index ${sql.id(ix.name)}`.execute(trx);
}

/**
 * Builds the indexes a bootstrap deferred. Called by its last page, and by whatever empties the
 * mirror meanwhile (wipe, re-bootstrap), so that the indexes never stay lost.
 */
export async function restoreDeferredIndexes(trx: Transaction<Database>): Promise<void> {
  const stored = await getMeta(trx, DEFERRED_INDEXES_KEY);
  if (stored === null) return;
  for (const ddl of JSON.parse(stored) as string[]) {
    await sql
      .raw(ddl.replace(/^create (unique )?index (?!if not exists)/i, 'create $1index if not exists '))
      .execute(trx);
  }
  await trx.deleteFrom('meta').where('key', '=', DEFERRED_INDEXES_KEY).execute();
}

export const initialSyncStatus = (): SyncStatus => ({
  state: 'never',
  online: false,
  residents: 0,
  pending: 0,
  exceptions: 0,
  quarantined: 0,
  waitingFor: null,
  lastSyncAt: null,
  cursor: 0,
  progress: null,
  error: null,
});
