import { visitsService } from '../../../shared/visits/service';
import { defineDeskService } from '../services/desk-service';
import { openItems } from './open-items';
import { actOnTicket, callNext, currentQueue, setCounter, transferTicket, waitStats } from './queue-service';

/** The visit at the desk: a household's open items (the queue itself is the hub's, online). */
export const visitsDesk = defineDeskService({
  shared: visitsService,
  handlers: () => ({
    'visits:openItems': openItems,
    'visits:setCounter': setCounter,
    'visits:current': (ctx) => currentQueue(ctx),
    'visits:callNext': callNext,
    'visits:act': actOnTicket,
    'visits:transfer': transferTicket,
    'visits:stats': waitStats,
  }),
  effects: {},
  changes: {},
  migrations: {},
  personalTables: [],
});
