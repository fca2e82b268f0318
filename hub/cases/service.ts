import type { FastifyInstance } from 'fastify';
import type { Migration } from 'kysely';
import type {
  ProtocolCorrectionsTable,
  ProtocolCountersTable,
  ProtocolRegisterTable,
} from '../protocol/protocol-tables';
import type { RouteContext } from '../routes/route-context';
import { registerCaseRoutes } from './case-routes';
import { casesService } from '../../shared/cases/service';
import { defineHubService } from '../services/hub-service';
import { CASE_APPLIERS, caseCurrentStateFor } from './case-appliers';
import type {
  CaseBaselinesTable,
  HubCaseFilesTable,
  HubCasePersonsTable,
  HubCasesTable,
} from './case-tables';
import * as m1600 from './migrations/2026_11_26_1600_cases';
import { startSilenceAssentJob } from './silence-assent-job';
import { seedDemoCases } from './seed-demo-cases';

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
const CASE_HUB_MIGRATIONS: Record<string, Migration> = {
  '2026_11_26_1600_cases': m1600,
};

declare module '../db/database' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface HubDatabase extends CaseHubTables {}
}

/**
 * Routes and scheduled jobs of the case engine; returns a stop function for the jobs (it waits
 * for a run in progress, so the store is never closed under it).
 */
function caseRoutes(app: FastifyInstance, ctx: RouteContext): () => void {
  registerCaseRoutes(app, ctx);
  const stop = startSilenceAssentJob({
    db: ctx.db,
    now: ctx.now,
    onChanged: (comune) => ctx.notifier.notify(comune),
  });
  return stop;
}

/** The case engine at the hub: protocol numbers, the legal terms, silence-assent, the queue. */
export const casesHub = defineHubService({
  shared: casesService,
  appliers: CASE_APPLIERS,
  migrations: CASE_HUB_MIGRATIONS,
  routes: caseRoutes,
  currentState: caseCurrentStateFor,
  demo: async (db, comune, now) => {
    await seedDemoCases(db, comune, now);
    return 'opened the demo cases (changes of residence and other procedures in the queue)';
  },
});
