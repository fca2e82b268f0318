import type { Transaction } from 'kysely';
import type { Role } from '../../shared/contract/views';
import type { MutationArgs, MutationName } from '../../shared/sync/mutations';
import type { HubDatabase } from '../db/database';
import type { WorkstationRow } from '../db/tables/workstations.table';

export interface ApplyContext {
  trx: Transaction<HubDatabase>;
  ws: WorkstationRow;
  at: string;
  /** recorded with the change, so the desk that sent it knows it is now part of what it pulls */
  mutationId: string;
  /** who acted at the counter, as the hub knows them now (a role taken away is taken away offline too) */
  clerk: { username: string; role: Role };
}

/** The hub's authoritative effect of one mutation. */
export type Applier<N extends MutationName> = (ctx: ApplyContext, args: MutationArgs<N>) => Promise<void>;
