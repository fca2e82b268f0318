import type { Transaction } from 'kysely';
import { canoneService } from '../../shared/canone/service';
import { romeDateOf } from '../../shared/calendar/rome-date';
import type { Change, MutationName } from '../../shared/sync/mutations';
import { caseCurrentStateFor } from '../cases/case-appliers';
import type { HubDatabase } from '../db/database';
import type { WorkstationRow } from '../db/tables/workstations.table';
import { defineHubService } from '../services/hub-service';
import { headSeq } from '../sync/change-log';
import { CANONE_APPLIERS } from './canone-appliers';
import { canoneCaseDecisions } from './canone-decisions';
import { findApplication } from './canone-repository';
import { registerCanoneRoutes } from './canone-routes';
import './canone-tables';
import { createDemoConcessions } from './demo-canone';
import * as m2330 from './migrations/2026_12_06_2330_canone';
import { runYearly } from './yearly-run';

/**
 * What a refused canone mutation touched, as the hub has it: the application (or its absence)
 * and, for a refused filing, the case the counter opened optimistically with it (or its absence),
 * so the counter drops both.
 */
async function currentCanoneState(
  trx: Transaction<HubDatabase>,
  ws: WorkstationRow,
  name: MutationName,
  fields: Record<string, unknown>,
): Promise<Change[] | null> {
  if (!name.startsWith('canone.')) return null;
  const id = fields.applicationId;
  if (typeof id !== 'string') return [];
  const seq = await headSeq(trx, ws.comune);
  const found = await findApplication(trx, ws.comune, id);
  const changes: Change[] = [
    found
      ? { seq, entity: 'canone_application', entityId: id, op: 'upsert', payload: found }
      : { seq, entity: 'canone_application', entityId: id, op: 'delete', payload: null },
  ];
  const caseArgs = fields.case;
  if (name === 'canone.apply' && typeof caseArgs === 'object' && caseArgs !== null) {
    changes.push(...((await caseCurrentStateFor(trx, ws, 'cases.open', caseArgs)) ?? []));
  }
  return changes;
}

/**
 * The canone unico at the hub: applications recomputed from the hub's own data and filed as
 * cases, decisions that issue the concession and its pagoPA notices (code 47), revocations, the
 * yearly run, the office's list by street, the police's requests and the public QR check.
 */
export const canoneHub = defineHubService({
  shared: canoneService,
  appliers: CANONE_APPLIERS,
  migrations: { '2026_12_06_2330_canone': m2330 },
  routes: (app, ctx) => registerCanoneRoutes(app, ctx),
  caseDecisions: canoneCaseDecisions,
  currentState: currentCanoneState,
  demo: async (db, comune, now) => {
    const today = romeDateOf(now);
    const made = await createDemoConcessions(db, comune, { count: comune === 'B885' ? 300 : 20, today });
    // this year's notices of the permanent concessions granted in earlier years
    const run = await runYearly(db, comune, Number(today.slice(0, 4)), now);
    return `issued ${made} demo canone concessions (dehors, passi carrabili, kiosks, signs) and ${run.issued} notices of this year`;
  },
});
