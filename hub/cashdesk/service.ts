import { cashdeskService } from '../../shared/cashdesk/service';
import { defineHubService } from '../services/hub-service';
import { seedDemoFines } from './demo-fines';
import {
  closeCounterSession,
  openCounterSession,
  recordBasket,
  recordPayment,
  recordReversal,
} from './cashdesk-appliers';

/** The till at the hub: every payment, refund and closing recomputed from its own data. */
export const cashdeskHub = defineHubService({
  shared: cashdeskService,
  appliers: {
    'cashdesk.openSession': openCounterSession,
    'cashdesk.recordPayment': recordPayment,
    'cashdesk.recordBasket': recordBasket,
    'cashdesk.recordReversal': recordReversal,
    'cashdesk.closeSession': closeCounterSession,
  },
  // the tables are in the core's cash-desk migration
  migrations: {},
  demo: async (db, comune, now) => {
    const fines = await seedDemoFines(db, comune, now);
    return `imported ${fines.verbali.imported} demo verbali and ${fines.positions.imported} pagoPA positions (e.g. verbale "1001/A AB123CD")`;
  },
});
