import { permitsService } from '../../shared/permits/service';
import { defineHubService } from '../services/hub-service';
import { PERMIT_APPLIERS } from './permit-appliers';
import { currentPermitState } from './permit-current-state';
import { registerPermitRoutes } from './permit-routes';
import { createDemoPermits } from './demo-permits';
import { romeDateOf } from '../../shared/calendar/rome-date';
import './permit-tables';
import * as m2000 from './migrations/2026_12_06_2000_permits';
import * as m2300 from './migrations/2026_12_06_2300_cude_platform';
import { permitsOnRegistryEvent } from './registry-events';

/**
 * Permits at the hub: issue, revocation, plate change and duplicate recomputed from the hub's own
 * data; the registry's moves, emigrations and deaths; the cameras' check, whitelist and transits;
 * the supervisors' figures and the public QR check.
 */
export const permitsHub = defineHubService({
  shared: permitsService,
  appliers: PERMIT_APPLIERS,
  migrations: { '2026_12_06_2000_permits': m2000, '2026_12_06_2300_cude_platform': m2300 },
  routes: (app, ctx) => registerPermitRoutes(app, ctx),
  demo: async (db, comune, now) => {
    const made = await createDemoPermits(db, comune, { count: 3000, today: romeDateOf(now) });
    return `issued ${made} demo permits (ZTL, resident parking, CUDE)`;
  },
  tillFees: (trx, sessionId) =>
    trx
      .selectFrom('permit_fees')
      .select(['permit_id as id', 'amount_cents'])
      .where('session_id', '=', sessionId)
      .execute(),
  registryEvents: permitsOnRegistryEvent,
  currentState: currentPermitState,
});
