import { socialService } from '../../shared/social/service';
import { defineHubService } from '../services/hub-service';
import { createDemoContributi, createDemoSad } from './demo-social';
import * as m1100 from './migrations/2026_12_07_1100_social';
import { contributoDecided, SOCIAL_APPLIERS, SOCIAL_DECIDED_PROCEDURES } from './social-appliers';
import { socialOnRegistryEvent } from './social-registry-events';
import { registerSocialRoutes } from './social-routes';
import './social-tables';

/**
 * Social services at the hub: every filing re-checked from the hub's registry and ISEE tables,
 * the case opened by the case engine's applier, the four-eyes decision applied to the contributo,
 * payments stopped by death or emigration, the treasury export, the SAD hours import and billing.
 * Only the social-services office reads or changes any of it (social-access.ts).
 */
export const socialHub = defineHubService({
  shared: socialService,
  appliers: SOCIAL_APPLIERS,
  migrations: { '2026_12_07_1100_social': m1100 },
  caseDecisions: { procedures: SOCIAL_DECIDED_PROCEDURES, decided: contributoDecided },
  registryEvents: socialOnRegistryEvent,
  routes: (app, ctx) => registerSocialRoutes(app, ctx),
  demo: async (db, comune, now) => {
    if (comune !== 'B885') return 'no social demo outside Casale (its SAD table is the only one)';
    // the demo's files have their cases (protocol numbers) like those a counter files
    const sad = await createDemoSad(db, comune, { users: 30, now, withCases: true });
    const contributi = await createDemoContributi(db, comune, now, 5, true);
    return `social services: ${sad.active} SAD users active, ${sad.waiting} on the waiting list, ${contributi} contributi`;
  },
});
