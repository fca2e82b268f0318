import { visitsService } from '../../../shared/visits/service';
import { defineDeskService } from '../services/desk-service';
import { openItems } from './open-items';

/** The visit at the desk: a household's open items (the queue itself is the hub's, online). */
export const visitsDesk = defineDeskService({
  shared: visitsService,
  handlers: () => ({
    'visits:openItems': openItems,
  }),
  effects: {},
  changes: {},
  migrations: {},
  personalTables: [],
});
