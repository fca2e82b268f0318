import { bookingService } from '../../shared/booking/service';
import { defineHubService } from '../services/hub-service';
import './booking-tables';
import * as m0600 from './migrations/2026_12_07_0600_booking';
import * as m0900 from './migrations/2026_12_08_0900_booking_service_keys';
import * as m0910 from './migrations/2026_12_08_0910_visit_counters';
import * as m0920 from './migrations/2026_12_08_0920_visit_kept_slot';
import { registerBookingRoutes } from './booking-routes';
import { createDemoBookings } from './demo-booking';
import { messengerFromEnv } from './mailer';
import { startBookingJob } from './reminder-job';
import { registerVisitRoutes } from './visit-routes';

/**
 * Booking and the queue at the hub: the public booking page and its mails, the kiosk, the
 * waiting-room display, the counters' call-next and actions, the supervisors' wait figures.
 */
export const bookingHub = defineHubService({
  shared: bookingService,
  appliers: {},
  migrations: {
    '2026_12_07_0600_booking': m0600,
    '2026_12_08_0900_booking_service_keys': m0900,
    '2026_12_08_0910_visit_counters': m0910,
    '2026_12_08_0920_visit_kept_slot': m0920,
  },
  routes: (app, ctx) => {
    const messenger = messengerFromEnv();
    registerBookingRoutes(app, ctx, messenger);
    registerVisitRoutes(app, ctx);
    // the confirmation link in reminders points at the hub's public address
    const publicUrl = process.env.SPORTELLO_PUBLIC_URL?.trim() ?? '';
    return startBookingJob({ db: ctx.db, messenger, now: ctx.now, publicUrl });
  },
  demo: (db, comune, now) => createDemoBookings(db, comune, now),
});
