import type { Transaction } from 'kysely';
import { MUTATIONS, type MutationName } from '../../../shared/sync/mutations';
import type { Database } from '../db/database';
import type { Effect } from './effect';
import { serviceEffects } from '../services/merge';

/**
 * The optimistic effect of each mutation on the local mirror: applied when the clerk acts, and
 * again after every pull for mutations the hub has not confirmed yet (the rebase). The registry
 * core's are here; each service declares its own (services/registered.ts).
 */
const CORE_EFFECTS = {
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
} satisfies { [N in 'registry.updateContacts' | 'registry.setCertifiable']: Effect<N> };

let effects: { [N in MutationName]: Effect<N> } | null = null;
export const localEffects = (): { [N in MutationName]: Effect<N> } =>
  (effects ??= { ...CORE_EFFECTS, ...serviceEffects() } as unknown as { [N in MutationName]: Effect<N> });

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
      await (localEffects()[name] as Effect<MutationName>)(trx, parsed.data, { at: m.at, clerk: m.clerk });
  }
}
