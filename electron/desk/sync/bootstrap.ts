import type { Kysely } from 'kysely';
import type { SyncStatus } from '../../../shared/contract/views';
import type { Database } from '../db/database';
import { getMeta, setMeta } from '../db/meta-repository';
import type { HubClient } from '../hub-client/hub-client';
import { eventToRow, familyToRow, residentToRow } from '../registry/registry-mapping';
import { countResidents } from '../registry/registry-repository';

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
): Promise<{ residents: number }> {
  if ((await getMeta(db, 'registry.bootstrapped_at')) !== null)
    return { residents: await countResidents(db) };
  let after = await getMeta(db, 'registry.bootstrap_cursor');
  let done = Number((await getMeta(db, 'registry.bootstrap_done')) ?? 0);
  for (;;) {
    // Network first, then the transaction: never await the hub while holding the database.
    const page = await hub.registryPage(after, BOOTSTRAP_PAGE_FAMILIES);
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
      await setMeta(trx, 'comune.belfiore', page.comune.belfiore);
      await setMeta(trx, 'comune.name', page.comune.name);
      await setMeta(trx, 'registry.bootstrap_done', String(done));
      if (page.next) await setMeta(trx, 'registry.bootstrap_cursor', page.next);
      else await setMeta(trx, 'registry.bootstrapped_at', new Date().toISOString());
    });
    onProgress(done, page.totalFamilies);
    if (!page.next) break;
    after = page.next;
  }
  return { residents: await countResidents(db) };
}

export const initialSyncStatus = (): SyncStatus => ({
  state: 'never',
  residents: 0,
  lastSyncAt: null,
  progress: null,
  error: null,
});
