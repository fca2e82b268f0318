import type { Transaction } from 'kysely';
import { z } from 'zod';
import type { Change } from '../../../shared/sync/mutations';
import { residentSchema } from '../../../shared/sync/registry-page';
import { serviceChangeHandlers } from '../services/merge';
import type { Database } from '../db/database';
import { residentToRow } from '../registry/registry-mapping';

type ChangeHandler = (trx: Transaction<Database>, change: Change) => Promise<void>;

const clerkPayload = z.object({
  username: z.string(),
  disabled: z.boolean(),
  /** an admin gave the account a one-time password: the old one must not open this counter offline */
  passwordReset: z.boolean().optional(),
});

/** The registry core's entities: residents and clerks. */
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
  clerk: async (trx, change) => {
    const clerk = clerkPayload.parse(change.payload);
    // A disabled clerk loses offline login on this counter at once; so does one whose password an
    // admin reset. A verifier stored here after the reset (the new password, chosen online) is
    // lost too when this pull comes late: told apart only by clocks of two machines, so we do not
    // try, and the cost is one online login at this counter.
    if (clerk.disabled || clerk.passwordReset)
      await trx.deleteFrom('clerk_verifiers').where('username', '=', clerk.username).execute();
  },
};

let handlers: Partial<Record<Change['entity'], ChangeHandler>> | null = null;
/** Pulled changes by entity: the registry core's and each registered service's. */
const changeHandlers = () => (handlers ??= { ...CORE_CHANGE_HANDLERS, ...serviceChangeHandlers() });

/** One change of the log on the local mirror (no cursor, no outbox); unknown entities are skipped. */
export async function applyChange(trx: Transaction<Database>, change: Change): Promise<void> {
  await changeHandlers()[change.entity]?.(trx, change);
}
