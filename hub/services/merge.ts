import type { FastifyInstance } from 'fastify';
import type { Kysely, Migration, Transaction } from 'kysely';
import type { HubDatabase } from '../db/database';
import type { RouteContext } from '../routes/route-context';
import type { CaseDecisionHook, RegistryListener, StopJobs } from './hub-service';
import { HUB_SERVICES } from './registered';

/** The hub's central lists, built from the registered services when first asked for. */
export const serviceAppliers = (): Record<string, unknown> =>
  Object.assign({}, ...HUB_SERVICES.map((s) => s.appliers)) as Record<string, unknown>;

export const serviceMigrations = (): Record<string, Migration> =>
  Object.assign({}, ...HUB_SERVICES.map((s) => s.migrations)) as Record<string, Migration>;

export const serviceCurrentState = () =>
  HUB_SERVICES.flatMap((s) => (s.currentState ? [s.currentState] : []));

/** Every service's registry listener, as one: each runs in turn in the registry's transaction. */
export const serviceRegistryListener = (): RegistryListener => {
  const listeners = HUB_SERVICES.flatMap((s): RegistryListener[] =>
    'registryEvents' in s && s.registryEvents ? [s.registryEvents] : [],
  );
  return async (trx, event) => {
    for (const listen of listeners) await listen(trx, event);
  };
};

/** The services' hooks for decisions on their own procedures' cases, by procedure code. */
export const serviceCaseDecisions = (): ReadonlyMap<string, CaseDecisionHook['decided']> => {
  const byProcedure = new Map<string, CaseDecisionHook['decided']>();
  for (const s of HUB_SERVICES) {
    const hook = 'caseDecisions' in s ? s.caseDecisions : undefined;
    if (!hook) continue;
    for (const code of hook.procedures) {
      if (byProcedure.has(code)) throw new Error(`procedure "${code}" decided by two services`);
      byProcedure.set(code, hook.decided);
    }
  }
  return byProcedure;
};

/**
 * Every service's routes and jobs; returns one function that stops all the jobs. With `jobs`
 * false the jobs are stopped before their first tick: a hub that only answers requests.
 */
export function registerServiceRoutes(
  app: FastifyInstance,
  ctx: RouteContext,
  jobs = true,
): () => Promise<void> {
  const stops: StopJobs[] = [];
  for (const s of HUB_SERVICES) {
    const stop = s.routes?.(app, ctx);
    if (stop && !jobs) void stop();
    else if (stop) stops.push(stop);
  }
  return async () => {
    await Promise.all(stops.map((stop) => stop()));
  };
}

/** Every service's cash lines in one till (diritti, permit fees). */
export async function serviceTillFees(
  trx: Transaction<HubDatabase>,
  sessionId: string,
): Promise<{ id: string; amount_cents: number }[]> {
  const lists = await Promise.all(HUB_SERVICES.map((s) => s.tillFees?.(trx, sessionId) ?? []));
  return lists.flat();
}

/** Every service's demo data for a comune, in registration order; the lines for the log. */
export async function seedServiceDemos(
  db: Kysely<HubDatabase>,
  comune: string,
  now: Date,
): Promise<string[]> {
  const lines: string[] = [];
  for (const s of HUB_SERVICES) if (s.demo) lines.push(await s.demo(db, comune, now));
  return lines;
}
