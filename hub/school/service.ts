import type { Transaction } from 'kysely';
import { romeDateOf } from '../../shared/calendar/rome-date';
import { schoolService } from '../../shared/school/service';
import type { Change, MutationName } from '../../shared/sync/mutations';
import type { HubDatabase } from '../db/database';
import type { WorkstationRow } from '../db/tables/workstations.table';
import { defineHubService } from '../services/hub-service';
import { headSeq } from '../sync/change-log';
import { createDemoSchool } from './demo-school';
import * as m0000 from './migrations/2026_12_07_0000_school';
import { SCHOOL_APPLIERS } from './school-appliers';
import { findEnrolment } from './school-repository';
import { registerSchoolRoutes } from './school-routes';
import './school-tables';

/** What a refused school mutation touched, as the hub has it: the enrolment, or its absence. */
async function currentSchoolState(
  trx: Transaction<HubDatabase>,
  ws: WorkstationRow,
  name: MutationName,
  fields: Record<string, unknown>,
): Promise<Change[] | null> {
  if (!name.startsWith('school.')) return null;
  const id = fields.enrolmentId;
  if (typeof id !== 'string') return [];
  const seq = await headSeq(trx, ws.comune);
  const found = await findEnrolment(trx, ws.comune, id);
  return [
    found
      ? { seq, entity: 'school_enrolment', entityId: id, op: 'upsert', payload: found }
      : { seq, entity: 'school_enrolment', entityId: id, op: 'delete', payload: null },
  ];
}

/**
 * Canteen and school transport at the hub: enrolments recomputed from the hub's registry and
 * tariff tables, the canteen operator's attendance, and the monthly billing run (one pagoPA
 * notice per payer and month, corrections on the next one), on the 1st of each month.
 */
export const schoolHub = defineHubService({
  shared: schoolService,
  appliers: SCHOOL_APPLIERS,
  migrations: { '2026_12_07_0000_school': m0000 },
  routes: (app, ctx) => registerSchoolRoutes(app, ctx),
  currentState: currentSchoolState,
  demo: async (db, comune, now) => {
    const made = await createDemoSchool(db, comune, {
      count: comune === 'B885' ? 300 : 20,
      today: romeDateOf(now),
      now,
    });
    return `enrolled ${made.enrolments} demo children in canteen and transport (${made.siblings} siblings) with ${made.meals} meals`;
  },
});
