import { rule, STAFF, SUPERVISORS } from '../auth/rule';
import { defineService } from '../services/service-definition';
import { PERMIT_CALLS } from './permit-calls';
import { PERMIT_ERROR_MESSAGES } from './permit-errors';
import { PERMIT_UI } from './permit-ui';
import { PERMIT_MUTATIONS } from './permit-wire';

/**
 * Permits (DOMAIN.md §5.1–5.3): Casale's ZTL categories, resident parking, the disabled card
 * (CUDE). Kinds, fees and validity are dated per-comune data (permit-kinds.ts); the hub
 * recomputes eligibility and fee from its own data for every permit a counter issues.
 */
export const permitsService = defineService({
  id: 'permits',
  calls: PERMIT_CALLS,
  mutations: PERMIT_MUTATIONS,
  rules: {
    'permits.issue': rule(STAFF, 'rilascio permesso', 'issuing a permit'),
    'permits.changePlate': rule(STAFF, 'cambio targa del permesso', 'changing a permit’s plate'),
    'permits.duplicate': rule(STAFF, 'duplicato del permesso', 'a duplicate permit'),
    'permits.revoke': rule(SUPERVISORS, 'revoca del permesso', 'revoking a permit'),
    'permits.review': rule(SUPERVISORS, 'verifica dei transiti ZTL', 'reviewing ZTL transits'),
    'permits.stats': rule(SUPERVISORS, 'statistiche dei permessi', 'permit statistics'),
  },
  entities: ['permit'],
  backfilled: ['permit'],
  errors: PERMIT_ERROR_MESSAGES,
  ui: PERMIT_UI,
});
