import type { Transaction } from 'kysely';
import type { MutationArgs, MutationName } from '../../../shared/sync/mutations';
import type { Database } from '../db/database';

/** Who acted and when: what an effect may record beside its arguments. */
export interface EffectMeta {
  at: string;
  clerk: string;
}

/** The optimistic effect of one mutation on the local mirror (see local-effects.ts). */
export type Effect<N extends MutationName> = (
  trx: Transaction<Database>,
  args: MutationArgs<N>,
  meta: EffectMeta,
) => Promise<void>;
