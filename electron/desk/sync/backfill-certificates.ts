import type { Kysely } from 'kysely';
import { certificateSummarySchema } from '../../../shared/certificates/certificate-record';
import { upsertCertificateSummary } from '../certificates/certificate-repository';
import type { Database } from '../db/database';
import { getMeta, setMeta } from '../db/meta-repository';
import type { HubClient } from '../hub-client/hub-client';

const DONE_KEY = 'certificates.backfilled_to';
const PAGE = 1000;

/**
 * The registry bootstrap carries people, not the certificates already issued about them. A new
 * counter reads those from the change log up to the bootstrap's position (later ones arrive with
 * the normal pull), so a supervisor can revoke, and a clerk can see, a certificate issued
 * elsewhere before this workstation existed. Resumable: progress is stored with each page.
 */
export async function backfillCertificates(
  db: Kysely<Database>,
  hub: HubClient,
  signal?: AbortSignal,
): Promise<void> {
  const head = Number((await getMeta(db, 'registry.bootstrap_head')) ?? 0);
  let since = Number((await getMeta(db, DONE_KEY)) ?? -1);
  if (since >= head) return;
  since = Math.max(since, 0);
  for (;;) {
    const res = await hub.changes(since, PAGE, 0, signal, 'certificate');
    const upTo = res.changes.filter((c) => c.seq <= head);
    const last = upTo.length > 0 ? (upTo[upTo.length - 1]?.seq ?? head) : head;
    await db.transaction().execute(async (trx) => {
      for (const c of upTo) {
        if (c.entity === 'certificate' && c.op === 'upsert')
          await upsertCertificateSummary(trx, certificateSummarySchema.parse(c.payload));
      }
      await setMeta(
        trx,
        DONE_KEY,
        String(upTo.length < res.changes.length || res.changes.length < PAGE ? head : last),
      );
    });
    if (upTo.length < res.changes.length || res.changes.length < PAGE) return;
    since = last;
  }
}
