import { bookingService } from '../../shared/booking/service';
import { defineHubService } from '../services/hub-service';
import './booking-tables';
import * as m0600 from './migrations/2026_12_07_0600_booking';
import { registerBookingRoutes } from './booking-routes';
import { createDemoBookings } from './demo-booking';
import { mailerFromEnv } from './mailer';
import { registerVisitRoutes } from './visit-routes';

/**
 * Booking and the queue at the hub: the public booking page and its mails, the kiosk, the
 * waiting-room display, the counters' call-next and actions, the supervisors' wait figures.
 */
export const bookingHub = defineHubService({
  shared: bookingService,
  appliers: {},
  migrations: { '2026_12_07_0600_booking': m0600 },
  routes: (app, ctx) => {
    registerBookingRoutes(app, ctx, mailerFromEnv());
    registerVisitRoutes(app, ctx);
  },
  demo: (db, comune, now) => createDemoBookings(db, comune, now),
});
