import type { Transaction } from 'kysely';
import { MUTATIONS, type MutationArgs, type MutationName } from '../../../shared/sync/mutations';
import type { Database } from '../db/database';

type Effect<N extends MutationName> = (trx: Transaction<Database>, args: MutationArgs<N>) => Promise<void>;

/**
 * The optimistic effect of each mutation on the local mirror: applied when the clerk acts, and
 * again after every pull for mutations the hub has not confirmed yet (the rebase).
 */
export const LOCAL_EFFECTS: { [N in MutationName]: Effect<N> } = {
  'registry.updateContacts': async (trx, args) => {
    await trx
      .updateTable('residents')
      .set({ phone: args.phone, email: args.email })
      .where('id', '=', args.residentId)
      .execute();
  },
};

/** Re-applies every pending mutation, oldest first, on top of what the hub last said. */
export async function rebasePending(trx: Transaction<Database>): Promise<void> {
  const pending = await trx.selectFrom('outbox').select(['name', 'args']).orderBy('seq').execute();
  for (const m of pending) {
    const name = m.name as MutationName;
    const parsed = MUTATIONS[name]?.safeParse(JSON.parse(m.args));
    if (parsed?.success) await (LOCAL_EFFECTS[name] as Effect<MutationName>)(trx, parsed.data);
  }
}
