import { rule, STAFF, SUPERVISORS } from '../auth/rule';
import { defineService } from '../services/service-definition';
import { VISIT_ERROR_MESSAGES } from '../visits/visit-errors';
import { BOOKING_ERROR_MESSAGES } from './booking-errors';

/**
 * Booking and the queue (issue 19): the public booking page, the kiosk, the waiting-room display
 * and the counters' call-next, all at the hub. No offline mutation: a ticket is called once across
 * every counter, which only the hub can decide, so the desk calls the hub's routes online
 * (shared/visits/visit-wire.ts). The service declares its refusals and who may do what.
 */
export const bookingService = defineService({
  id: 'booking',
  calls: {},
  mutations: {},
  rules: {
    'visits.call': rule(STAFF, 'chiamata dei biglietti allo sportello', 'calling tickets to the counter'),
    'visits.stats': rule(SUPERVISORS, 'statistiche delle attese', 'waiting-time statistics'),
  },
  entities: [],
  backfilled: [],
  errors: { ...BOOKING_ERROR_MESSAGES, ...VISIT_ERROR_MESSAGES },
  ui: { it: {}, en: {} },
});
