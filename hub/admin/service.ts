import { adminService } from '../../shared/admin/service';
import { defineHubService } from '../services/hub-service';
import { registerAdminRoutes } from './admin-routes';

/** The admin screens' side of the hub: user accounts and workstations of the admin's comune. */
export const adminHub = defineHubService({
  shared: adminService,
  appliers: {},
  migrations: {},
  routes: (app, ctx) => {
    registerAdminRoutes(app, ctx);
  },
});
