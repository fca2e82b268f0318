import type { Kysely, Migration, Transaction } from 'kysely';
import type { Locale } from '../../../shared/i18n/locale';
import type { CallInput, CallName, CallOutput } from '../../../shared/contract/contract';
import type { ServiceDefinition } from '../../../shared/services/service-definition';
import type { Change, MutationName } from '../../../shared/sync/mutations';
import type { ChangeEntity } from '../../../shared/sync/change-entities';
import type { DeskContext } from '../context';
import type { Database } from '../db/database';
import type { Effect } from '../sync/effect';
import type { SyncEngine } from '../sync/sync-engine';

/** One cash line a service put into a till, as the till's list and its closing total read it. */
export interface TillFee {
  id: string;
  /** the document it was paid with: certificate id, permit number */
  documentRef: string;
  amountCents: number;
  /** ISO instant */
  paidAt: string;
  label: Record<Locale, string>;
}

export type ChangeHandler = (trx: Transaction<Database>, change: Change) => Promise<void>;

type CallsOf<S extends ServiceDefinition> = keyof S['calls'] & CallName;
type MutationsOf<S extends ServiceDefinition> = keyof S['mutations'] & MutationName;

/**
 * What the desk core does for one service, in the service's own `electron/desk/<service>/`
 * folder and listed once in `registered.ts`: a function per call of its shared declaration, the
 * optimistic effect of each of its mutations, how pulled records of its kinds are stored, its
 * migrations, and which of its tables hold personal data (emptied when IT revokes the counter).
 * The compiler refuses a missing call or mutation.
 */
export interface DeskService<S extends ServiceDefinition> {
  shared: S;
  handlers: (engine: SyncEngine) => {
    [K in CallsOf<S>]: (ctx: DeskContext, input: CallInput<K>) => Promise<CallOutput<K>>;
  };
  effects: { [N in MutationsOf<S>]: Effect<N> };
  changes: { [E in S['entities'][number] & ChangeEntity]?: ChangeHandler };
  /** append only; names are global (date first), Kysely runs them in name order */
  migrations: Record<string, Migration>;
  /** emptied on remote wipe, in this order (children before parents) */
  personalTables: readonly (keyof Database & string)[];
  /** cash the service took into a clerk's till with a document (diritti, a permit's fee): counted at closing */
  tillFees?: (db: Kysely<Database> | Transaction<Database>, sessionId: string) => Promise<TillFee[]>;
  /** before each push round, e.g. file contents the hub must hold before the mutations citing them */
  beforePush?: (ctx: DeskContext) => Promise<void>;
}

export const defineDeskService = <S extends ServiceDefinition>(service: DeskService<S>): DeskService<S> =>
  service;
