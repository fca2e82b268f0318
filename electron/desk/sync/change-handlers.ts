import type { Transaction } from 'kysely';
import { z } from 'zod';
import { certificateSummarySchema } from '../../../shared/certificates/certificate-record';
import type { Change } from '../../../shared/sync/mutations';
import { residentSchema } from '../../../shared/sync/registry-page';
import { CASE_CHANGE_HANDLERS } from '../cases/case-plugin';
import { CASHDESK_CHANGE_HANDLERS } from '../cashdesk/cashdesk-changes';
import { upsertCertificateSummary } from '../certificates/certificate-repository';
import type { Database } from '../db/database';
import { residentToRow } from '../registry/registry-mapping';

type ChangeHandler = (trx: Transaction<Database>, change: Change) => Promise<void>;

const clerkPayload = z.object({ username: z.string(), disabled: z.boolean() });

/** The registry core's entities: residents, the comune's certificates, clerks. */
const CORE_CHANGE_HANDLERS: Partial<Record<Change['entity'], ChangeHandler>> = {
  resident: async (trx, change) => {
    if (change.op === 'delete') {
      await trx.deleteFrom('resident_events').where('resident_id', '=', change.entityId).execute();
      await trx.deleteFrom('residents').where('id', '=', change.entityId).execute();
      return;
    }
    const row = residentToRow(residentSchema.parse(change.payload));
    await trx
      .insertInto('residents')
      .values(row)
      .onConflict((oc) => oc.column('id').doUpdateSet(row))
      .execute();
  },
  certificate: async (trx, change) => {
    if (change.op === 'upsert') {
      await upsertCertificateSummary(trx, certificateSummarySchema.parse(change.payload));
    }
  },
  clerk: async (trx, change) => {
    const clerk = clerkPayload.parse(change.payload);
    // A disabled clerk loses offline login on this counter at once.
    if (clerk.disabled)
      await trx.deleteFrom('clerk_verifiers').where('username', '=', clerk.username).execute();
  },
};

/** Pulled changes by entity: the registry core's and the feature modules' (cases, cash desk…). */
const HANDLERS: Partial<Record<Change['entity'], ChangeHandler>> = {
  ...CORE_CHANGE_HANDLERS,
  ...CASHDESK_CHANGE_HANDLERS,
  ...CASE_CHANGE_HANDLERS,
};

/** One change of the log on the local mirror (no cursor, no outbox); unknown entities are skipped. */
export async function applyChange(trx: Transaction<Database>, change: Change): Promise<void> {
  await HANDLERS[change.entity]?.(trx, change);
}
