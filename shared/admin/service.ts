import { rule } from '../auth/rule';
import { defineService } from '../services/service-definition';
import { ADMIN_CALLS } from './admin-calls';
import { ADMIN_ERROR_MESSAGES } from './admin-errors';
import { ADMIN_UI } from './admin-ui';

/**
 * The administrators' screens: the comune's user accounts and workstations, through the same hub
 * functions IT uses at the hub's command line. Online only, nothing queued offline.
 */
export const adminService = defineService({
  id: 'admin',
  calls: ADMIN_CALLS,
  mutations: {},
  rules: {
    'admin.users': rule(['admin'], 'gestione degli utenti', 'managing user accounts'),
    'admin.workstations': rule(['admin'], 'gestione delle postazioni', 'managing workstations'),
  },
  entities: [],
  backfilled: [],
  errors: ADMIN_ERROR_MESSAGES,
  ui: ADMIN_UI,
});
