import type { Kysely } from 'kysely';
import { BACKFILLED_ENTITIES, type ChangeEntity } from '../../../shared/sync/change-entities';
import type { Database } from '../db/database';
import { getMeta, setMeta } from '../db/meta-repository';
import type { HubClient } from '../hub-client/hub-client';
import { applyOrQuarantine } from './quarantine';

const PAGE = 1000;
const doneKey = (entity: ChangeEntity) => `backfill.${entity}`;

/**
 * The registry bootstrap carries people, not the certificates, fines, payments or cases already
 * recorded about them. A new counter reads those from the change log up to the bootstrap's
 * position (later ones arrive with the normal pull), so it can show, revoke or collect what
 * another counter recorded before this workstation existed. Resumable: progress is stored with
 * each page, per entity.
 */
export async function backfillEntities(
  db: Kysely<Database>,
  hub: HubClient,
  signal?: AbortSignal,
  entities: readonly ChangeEntity[] = BACKFILLED_ENTITIES,
): Promise<void> {
  const head = Number((await getMeta(db, 'registry.bootstrap_head')) ?? 0);
  for (const entity of entities) {
    let since = Number((await getMeta(db, doneKey(entity))) ?? -1);
    if (since >= head) continue;
    since = Math.max(since, 0);
    for (;;) {
      const res = await hub.changes(since, PAGE, 0, signal, entity);
      const upTo = res.changes.filter((c) => c.seq <= head);
      const finished = upTo.length < res.changes.length || res.changes.length < PAGE;
      const last = finished ? head : (upTo[upTo.length - 1]?.seq ?? head);
      await db.transaction().execute(async (trx) => {
        for (const c of upTo) await applyOrQuarantine(trx, c, new Date().toISOString());
        await setMeta(trx, doneKey(entity), String(last));
      });
      if (finished) break;
      since = last;
    }
  }
}
