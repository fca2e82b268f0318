import type { FastifyInstance } from 'fastify';
import type { Kysely, Migration, Transaction } from 'kysely';
import type { ServiceDefinition } from '../../shared/services/service-definition';
import type { Change, MutationName } from '../../shared/sync/mutations';
import type { HubDatabase } from '../db/database';
import type { WorkstationRow } from '../db/tables/workstations.table';
import type { RouteContext } from '../routes/route-context';
import type { CaseRecord } from '../../shared/cases/case-record';
import type { Applier, ApplyContext } from '../sync/apply-context';

type MutationsOf<S extends ServiceDefinition> = keyof S['mutations'] & MutationName;

/**
 * What the registry of record just changed for one resident, told to every service inside the
 * transaction that changed it (a permit tied to an address must not outlive the address):
 * - `moved`: a change of residence within the comune, to `street`, effective `on`;
 * - `emigrated`, `deceased`: the person left the comune's registry on `on`.
 * `cause` is the pushed mutation that made the change, when there is one: what a service writes
 * is logged under it, and its queue entries name that workstation.
 */
export interface RegistryEvent {
  kind: 'moved' | 'emigrated' | 'deceased';
  comune: string;
  residentId: string;
  /** `moved`: the new household and its street */
  familyId: string | null;
  street: { streetType: string; streetName: string } | null;
  /** civil date the change takes effect */
  on: string;
  /** hub instant of the change (ISO), for the change log */
  at: string;
  cause: { workstation: Pick<WorkstationRow, 'id' | 'comune'>; mutationId: string; clerk: string } | null;
}

export type RegistryListener = (trx: Transaction<HubDatabase>, event: RegistryEvent) => Promise<void>;

/**
 * A case of one of the service's procedures was just decided (approved or rejected) by a pushed
 * `cases.transition`, inside that mutation's transaction: the service issues what the decision
 * produces (a concession, its notices) or records the refusal. Throwing refuses the decision.
 */
export interface CaseDecisionHook {
  /** procedure codes of shared/cases/procedure-catalogue.ts this service answers for */
  procedures: readonly string[];
  decided: (ctx: ApplyContext, record: CaseRecord) => Promise<void>;
}

/** Stops what a service started (scheduled jobs); waits for a run in progress. */
export type StopJobs = () => Promise<void> | void;

/**
 * What the hub does for one service, in the service's own `hub/<service>/` folder and listed
 * once in `registered.ts`: the authoritative effect of each of its mutations (the compiler
 * refuses a missing one), its migrations, its HTTP routes and scheduled jobs, and — when a
 * mutation is refused — the hub's current version of what it touched, for the desk to rebase on.
 */
export interface HubService<S extends ServiceDefinition> {
  shared: S;
  appliers: { [N in MutationsOf<S>]: Applier<N> };
  /** append only; names are global (date first), Kysely runs them in name order */
  migrations: Record<string, Migration>;
  routes?: (app: FastifyInstance, ctx: RouteContext) => StopJobs | void;
  /**
   * Decisions on cases of the service's own procedures. A service opens such a case from its own
   * mutation with the case engine's applier (`CASE_APPLIERS['cases.open']`), in the same
   * transaction, and learns the decision here.
   */
  caseDecisions?: CaseDecisionHook;
  /** told of moves, emigrations and deaths in the registry's own transaction */
  registryEvents?: RegistryListener;
  /**
   * Demo data for `npm start` (a hub seeded with `--demo`), written after the demo registry;
   * returns a line for the log.
   */
  demo?: (db: Kysely<HubDatabase>, comune: string, now: Date) => Promise<string>;
  /** cash lines this service recorded in a till (diritti, permit fees): counted at its closing */
  tillFees?: (
    trx: Transaction<HubDatabase>,
    sessionId: string,
  ) => Promise<{ id: string; amount_cents: number }[]>;
  currentState?: (
    trx: Transaction<HubDatabase>,
    ws: WorkstationRow,
    name: MutationName,
    args: Record<string, unknown>,
  ) => Promise<Change[] | null>;
}

export const defineHubService = <S extends ServiceDefinition>(service: HubService<S>): HubService<S> =>
  service;
