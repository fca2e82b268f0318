import type { FastifyInstance } from 'fastify';
import type { Migration } from 'kysely';
import type {
  ProtocolCorrectionsTable,
  ProtocolCountersTable,
  ProtocolRegisterTable,
} from '../protocol/protocol-tables';
import type { RouteContext } from '../routes/route-context';
import { registerCaseRoutes } from './case-routes';
import type {
  CaseBaselinesTable,
  HubCaseFilesTable,
  HubCasePersonsTable,
  HubCasesTable,
} from './case-tables';
import * as m1600 from './migrations/2026_11_26_1600_cases';
import { startSilenceAssentJob } from './silence-assent-job';

/** Hub-side tables of the case engine, merged into the hub Database type. */
export interface CaseHubTables {
  cases: HubCasesTable;
  case_persons: HubCasePersonsTable;
  case_files: HubCaseFilesTable;
  case_baselines: CaseBaselinesTable;
  protocol_counters: ProtocolCountersTable;
  protocol_register: ProtocolRegisterTable;
  protocol_corrections: ProtocolCorrectionsTable;
}

/** Hub migrations of the case engine (append only), merged after the core ones. */
export const CASE_HUB_MIGRATIONS: Record<string, Migration> = {
  '2026_11_26_1600_cases': m1600,
};

/**
 * Routes and scheduled jobs of the case engine; returns a stop function for the jobs (it waits
 * for a run in progress, so the store is never closed under it).
 */
export function caseRoutes(app: FastifyInstance, ctx: RouteContext): () => void {
  registerCaseRoutes(app, ctx);
  const stop = startSilenceAssentJob({
    db: ctx.db,
    now: ctx.now,
    onChanged: (comune) => ctx.notifier.notify(comune),
  });
  return stop;
}
