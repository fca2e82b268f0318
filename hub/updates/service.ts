import { updatesService } from '../../shared/updates/service';
import { defineHubService } from '../services/hub-service';
import './update-tables';
import * as m0200 from './migrations/2026_12_07_0200_updates';
import { registerUpdateRoutes, updateRoutesOptionsFromEnv } from './update-routes';

/**
 * Desk updates at the hub: IT's releases (content-addressed files, sha512 as electron-updater
 * checks it), rings per comune and per workstation, rollouts advanced by the hub's clock and
 * stopped by failure reports, the per-workstation feed with range downloads, the desks' reports.
 */
export const updatesHub = defineHubService({
  shared: updatesService,
  appliers: {},
  migrations: { '2026_12_07_0200_updates': m0200 },
  routes: (app, ctx) => {
    registerUpdateRoutes(app, ctx, updateRoutesOptionsFromEnv());
  },
});
