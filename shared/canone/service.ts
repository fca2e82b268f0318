import { rule, STAFF, SUPERVISORS } from '../auth/rule';
import { defineService } from '../services/service-definition';
import { CANONE_CALLS } from './canone-calls';
import { CANONE_ERROR_MESSAGES } from './canone-errors';
import { CANONE_UI } from './canone-ui';
import { CANONE_MUTATIONS } from './canone-wire';

/**
 * The canone unico patrimoniale (L. 160/2019 art. 1 c.816-847, DOMAIN.md §5.4): concessions to
 * occupy public land and to display advertising. The counter files the application as a case of
 * the case engine (protocol, legal term, supervisors' queue); the hub recomputes zone and fee from
 * its own tables, and at approval issues the concession and its pagoPA notices (segregation code
 * 47); each January it issues the year's notices of the permanent concessions.
 */
export const canoneService = defineService({
  id: 'canone',
  calls: CANONE_CALLS,
  mutations: CANONE_MUTATIONS,
  rules: {
    'canone.apply': rule(
      STAFF,
      'domanda di concessione (canone unico)',
      'a concession application (canone unico)',
    ),
    'canone.revoke': rule(SUPERVISORS, 'revoca della concessione', 'revoking a concession'),
    'canone.yearlyRun': rule(
      SUPERVISORS,
      'emissione annuale del canone unico',
      'the canone unico yearly run',
    ),
  },
  entities: ['canone_application'],
  backfilled: ['canone_application'],
  errors: CANONE_ERROR_MESSAGES,
  ui: CANONE_UI,
});
