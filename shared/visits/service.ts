import { z } from 'zod';
import { spec } from '../contract/call-spec';
import { defineService } from '../services/service-definition';
import type { OpenItemsView } from './open-items';
import { VISITS_UI } from './visits-ui';

/**
 * The visit at the desk (issue 19): what a household still has open, gathered on the resident's
 * page. The queue itself (tickets, call-next) lives at the hub; the desk reaches it online.
 */
export const visitsService = defineService({
  id: 'visits',
  calls: {
    'visits:openItems': spec<OpenItemsView>()(
      z.object({ residentId: z.string().min(1).max(64) }).strict(),
      'clerk',
    ),
  },
  mutations: {},
  rules: {},
  entities: [],
  backfilled: [],
  errors: {},
  ui: VISITS_UI,
});
