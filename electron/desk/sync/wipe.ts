import type { Kysely } from 'kysely';
import type { Database } from '../db/database';
import { restoreDeferredIndexes } from './bootstrap';
import { servicePersonalTables } from '../services/merge';

/**
 * A revoked workstation keeps no personal data (DOMAIN.md §12.2: remote wipe). The audit log
 * stays: it holds ids and actions, not people, and it is the evidence of what happened here.
 */
export async function wipePersonalData(db: Kysely<Database>): Promise<void> {
  await db.transaction().execute(async (trx) => {
    // each service's records about people first, then the registry they point at
    for (const table of servicePersonalTables()) await trx.deleteFrom(table as 'outbox').execute();
    await trx.deleteFrom('resident_events').execute();
    await trx.deleteFrom('residents').execute();
    await trx.deleteFrom('families').execute();
    await trx.deleteFrom('outbox').execute();
    await trx.deleteFrom('sync_exceptions').execute();
    await trx.deleteFrom('quarantined_changes').execute();
    await trx.deleteFrom('clerk_verifiers').execute();
    await restoreDeferredIndexes(trx); // a bootstrap cut short by the wipe had dropped them
    await trx.deleteFrom('meta').execute();
  });
}

/** The mirror only (for a re-bootstrap after a hub schema change); pending work stays queued. */
export async function clearMirror(db: Kysely<Database>): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('resident_events').execute();
    await trx.deleteFrom('residents').execute();
    await trx.deleteFrom('families').execute();
    await restoreDeferredIndexes(trx);
    await trx.deleteFrom('meta').where('key', 'like', 'registry.%').execute();
    await trx.deleteFrom('meta').where('key', 'like', 'sync.%').execute();
  });
}
