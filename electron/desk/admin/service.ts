import { adminService } from '../../../shared/admin/service';
import { defineDeskService } from '../services/desk-service';
import { adminHandlers } from './admin-calls';
import * as m0530 from './migrations/2026_12_07_0530_admin_staff_names';
import { staffNames } from './staff-names';
import './staff-names-table';

/** The admin screens (users, workstations: online, through the hub) and the staff's names for every screen. */
export const adminDesk = defineDeskService({
  shared: adminService,
  handlers: () => ({ ...adminHandlers, 'admin:staffNames': staffNames }),
  effects: {},
  changes: {},
  migrations: { '2026_12_07_0530_admin_staff_names': m0530 },
  personalTables: ['staff_names'],
});
