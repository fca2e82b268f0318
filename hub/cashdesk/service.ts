import { cashdeskService } from '../../shared/cashdesk/service';
import { defineHubService } from '../services/hub-service';
import { closeCounterSession, openCounterSession, recordPayment, recordReversal } from './cashdesk-appliers';

/** The till at the hub: every payment, refund and closing recomputed from its own data. */
export const cashdeskHub = defineHubService({
  shared: cashdeskService,
  appliers: {
    'cashdesk.openSession': openCounterSession,
    'cashdesk.recordPayment': recordPayment,
    'cashdesk.recordReversal': recordReversal,
    'cashdesk.closeSession': closeCounterSession,
  },
  // the tables are in the core's cash-desk migration
  migrations: {},
});
