import type { Kysely, Transaction } from 'kysely';
import { z } from 'zod';
import type { Change } from '../../../shared/sync/mutations';
import { certificateSummarySchema } from '../../../shared/certificates/certificate-record';
import { residentSchema } from '../../../shared/sync/registry-page';
import { upsertCertificateSummary } from '../certificates/certificate-repository';
import type { Database } from '../db/database';
import { setMeta } from '../db/meta-repository';
import { residentToRow } from '../registry/registry-mapping';
import { applyOtherChange } from './change-handlers';
import { rebasePending } from './local-effects';

const clerkPayload = z.object({ username: z.string(), disabled: z.boolean() });

export const CURSOR_KEY = 'sync.cursor';

/**
 * Applies one page of the comune's change log in one transaction, moves the cursor with it and
 * rebases pending local mutations on the result: a half-applied page is impossible.
 */
export async function applyChanges(db: Kysely<Database>, changes: Change[], cursor: number): Promise<void> {
  await db.transaction().execute(async (trx) => {
    for (const change of changes) {
      // Our own mutation, now part of the hub's state: it must not be replayed on top of later changes.
      if (change.mutationId) await trx.deleteFrom('outbox').where('id', '=', change.mutationId).execute();
      await applyChange(trx, change);
    }
    await setMeta(trx, CURSOR_KEY, String(cursor));
    await rebasePending(trx);
  });
}

/** One change of the log on the local mirror (no cursor, no outbox): also used by the backfill. */
export async function applyChange(trx: Transaction<Database>, change: Change): Promise<void> {
  if (change.entity === 'resident' && change.op === 'upsert') {
    const row = residentToRow(residentSchema.parse(change.payload));
    await trx
      .insertInto('residents')
      .values(row)
      .onConflict((oc) => oc.column('id').doUpdateSet(row))
      .execute();
  } else if (change.entity === 'resident' && change.op === 'delete') {
    await trx.deleteFrom('resident_events').where('resident_id', '=', change.entityId).execute();
    await trx.deleteFrom('residents').where('id', '=', change.entityId).execute();
  } else if (change.entity === 'certificate' && change.op === 'upsert') {
    await upsertCertificateSummary(trx, certificateSummarySchema.parse(change.payload));
  } else if (change.entity === 'clerk') {
    const clerk = clerkPayload.parse(change.payload);
    // A disabled clerk loses offline login on this counter at once.
    if (clerk.disabled)
      await trx.deleteFrom('clerk_verifiers').where('username', '=', clerk.username).execute();
  } else {
    await applyOtherChange(trx, change);
  }
}
