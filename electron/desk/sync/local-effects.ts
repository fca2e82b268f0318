import type { Transaction } from 'kysely';
import { MUTATIONS, type MutationName } from '../../../shared/sync/mutations';
import { CASE_LOCAL_EFFECTS } from '../cases/case-effects';
import { CASHDESK_LOCAL_EFFECTS } from '../cashdesk/cashdesk-effects';
import type { Database } from '../db/database';
import type { Effect } from './effect';

const nothing = async (): Promise<void> => {};

/**
 * The optimistic effect of each mutation on the local mirror: applied when the clerk acts, and
 * again after every pull for mutations the hub has not confirmed yet (the rebase). Documents
 * (certificates, declarations) are stored by their service with the PDF, in the same
 * transaction (runMutation's `alongside`); their mutation only tells the hub.
 */
export const LOCAL_EFFECTS: { [N in MutationName]: Effect<N> } = {
  'registry.updateContacts': async (trx, args) => {
    await trx
      .updateTable('residents')
      .set({ phone: args.phone, email: args.email })
      .where('id', '=', args.residentId)
      .execute();
  },
  'registry.setCertifiable': async (trx, args) => {
    await trx
      .updateTable('residents')
      .set({ not_certifiable: args.notCertifiable ? 1 : 0 })
      .where('id', '=', args.residentId)
      .execute();
  },
  'certificates.record': nothing,
  'certificates.revoke': async (trx, args, meta) => {
    await trx
      .updateTable('certificates')
      .set({ status: 'revoked', revoked_at: meta.at, revoked_by: meta.clerk, revoke_reason: args.reason })
      .where('id', '=', args.id)
      .execute();
  },
  'declarations.record': nothing,
  ...CASHDESK_LOCAL_EFFECTS,
  ...CASE_LOCAL_EFFECTS,
};

/** Re-applies every pending mutation, oldest first, on top of what the hub last said. */
export async function rebasePending(trx: Transaction<Database>): Promise<void> {
  const pending = await trx
    .selectFrom('outbox')
    .select(['name', 'args', 'at', 'clerk'])
    .orderBy('seq')
    .execute();
  for (const m of pending) {
    const name = m.name as MutationName;
    const parsed = MUTATIONS[name]?.safeParse(JSON.parse(m.args));
    if (parsed?.success)
      await (LOCAL_EFFECTS[name] as Effect<MutationName>)(trx, parsed.data, { at: m.at, clerk: m.clerk });
  }
}
