import type { Kysely } from 'kysely';
import type { Database } from './database';
import { getMeta, setMeta } from './meta-repository';

/**
 * Takes the next number of a workstation's series (certificates, receipts): reads the last one
 * stored under `key` in `meta`, computes the next with `compute` and stores it, in ONE short
 * transaction, so two counter actions running at the same time never get the same number.
 *
 * Call it once the action is known to be valid and before the document is rendered: the number
 * is then spent even if a later step fails. A gap in a series is harmless (see
 * shared/certificates/certificate-id.ts; the same holds for receipts, see cashdesk-service.ts);
 * a number given twice is not. `compute` must be synchronous and may throw to refuse.
 */
export async function reserveNext(
  db: Kysely<Database>,
  key: string,
  compute: (last: string | null) => string,
): Promise<string> {
  return db.transaction().execute(async (trx) => {
    const next = compute(await getMeta(trx, key));
    await setMeta(trx, key, next);
    return next;
  });
}
