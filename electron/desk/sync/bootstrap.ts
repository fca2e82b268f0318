import type { Kysely } from 'kysely';
import type { SyncStatus } from '../../../shared/contract/views';
import type { Database } from '../db/database';
import { getMeta, setMeta } from '../db/meta-repository';
import type { HubClient } from '../hub-client/hub-client';
import { eventToRow, familyToRow, residentToRow } from '../registry/registry-mapping';
import { countResidents } from '../registry/registry-repository';
import { CURSOR_KEY } from './apply-changes';

export const BOOTSTRAP_PAGE_FAMILIES = 2000;
const INSERT_CHUNK = 500;

/**
 * First, simple pull: the comune's whole registry in pages of families, each page in one
 * transaction (a half-applied page is impossible). Resumable: the cursor is stored with the
 * page, so an interrupted bootstrap continues where it stopped. Replaced by the sync engine.
 */
export async function bootstrapRegistry(
  db: Kysely<Database>,
  hub: HubClient,
  onProgress: (done: number, total: number) => void = () => {},
  pageSize = BOOTSTRAP_PAGE_FAMILIES,
): Promise<{ residents: number }> {
  if ((await getMeta(db, 'registry.bootstrapped_at')) !== null)
    return { residents: await countResidents(db) };
  let after = await getMeta(db, 'registry.bootstrap_cursor');
  // The change-log position read with the first page: what changes while we page is pulled after.
  let head = Number((await getMeta(db, 'registry.bootstrap_head')) ?? -1);
  let done = Number((await getMeta(db, 'registry.bootstrap_done')) ?? 0);
  for (;;) {
    // Network first, then the transaction: never await the hub while holding the database.
    const page = await hub.registryPage(after, pageSize);
    await db.transaction().execute(async (trx) => {
      for (let i = 0; i < page.families.length; i += INSERT_CHUNK) {
        await trx
          .insertInto('families')
          .values(page.families.slice(i, i + INSERT_CHUNK).map(familyToRow))
          .execute();
      }
      for (let i = 0; i < page.residents.length; i += INSERT_CHUNK) {
        await trx
          .insertInto('residents')
          .values(page.residents.slice(i, i + INSERT_CHUNK).map(residentToRow))
          .execute();
      }
      for (let i = 0; i < page.events.length; i += INSERT_CHUNK) {
        await trx
          .insertInto('resident_events')
          .values(page.events.slice(i, i + INSERT_CHUNK).map(eventToRow))
          .execute();
      }
      done += page.families.length;
      if (head < 0) {
        head = page.head;
        await setMeta(trx, 'registry.bootstrap_head', String(head));
        await setMeta(trx, 'sync.epoch', String(page.epoch));
      }
      await setMeta(trx, 'comune.belfiore', page.comune.belfiore);
      await setMeta(trx, 'comune.name', page.comune.name);
      await setMeta(trx, 'registry.bootstrap_done', String(done));
      if (page.next) await setMeta(trx, 'registry.bootstrap_cursor', page.next);
      else {
        await setMeta(trx, 'registry.bootstrapped_at', new Date().toISOString());
        await setMeta(trx, CURSOR_KEY, String(head));
      }
    });
    onProgress(done, page.totalFamilies);
    if (!page.next) break;
    after = page.next;
  }
  return { residents: await countResidents(db) };
}

export const initialSyncStatus = (): SyncStatus => ({
  state: 'never',
  online: false,
  residents: 0,
  pending: 0,
  exceptions: 0,
  lastSyncAt: null,
  progress: null,
  error: null,
});
