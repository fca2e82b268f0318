import { z } from 'zod';
import { isoDateSchema } from '../calendar/date-schemas';
import { spec } from '../contract/call-spec';
import { defineService } from '../services/service-definition';
import type { OpenItemsView } from './open-items';
import { VISIT_DESK_ERRORS } from './visit-desk-errors';
import { counterSchema, lineSchema, officeSchema, type VisitTicket, type WaitStatsRow } from './visit-wire';
import { VISITS_UI } from './visits-ui';

const ticketId = z.string().min(1).max(64);

/** The counter this workstation is, and what it has called now (from the hub). */
export interface CounterQueueView {
  counter: number | null;
  tickets: VisitTicket[];
}

/**
 * The visit at the desk (issue 19): what a household still has open, gathered on the resident's
 * page (offline, from the mirror), and the queue: call-next and the actions on a called ticket,
 * which only the hub can decide (a ticket is called once across every counter), so online only
 * through the hub's routes (visit-wire.ts), with the clerk's own hub session.
 */
export const visitsService = defineService({
  id: 'visits',
  calls: {
    'visits:openItems': spec<OpenItemsView>()(
      z.object({ residentId: z.string().min(1).max(64) }).strict(),
      'clerk',
    ),
    'visits:setCounter': spec<{ counter: number }>()(z.object({ counter: counterSchema }).strict(), 'clerk'),
    'visits:current': spec<CounterQueueView>()(z.object({}).strict(), 'clerk'),
    'visits:callNext': spec<VisitTicket | null>()(
      z.object({ lines: z.array(lineSchema).min(1).max(26).optional() }).strict(),
      'clerk',
    ),
    'visits:act': spec<VisitTicket>()(
      z.object({ ticketId, action: z.enum(['recall', 'no_show', 'start', 'end']) }).strict(),
      'clerk',
    ),
    'visits:transfer': spec<VisitTicket>()(
      z
        .object({ ticketId, toLine: lineSchema.optional(), toCounter: counterSchema.optional() })
        .strict()
        .refine((t) => (t.toLine === undefined) !== (t.toCounter === undefined), {
          message: 'give exactly one of toLine or toCounter',
        }),
      'clerk',
    ),
    'visits:stats': spec<WaitStatsRow[]>()(
      z.object({ from: isoDateSchema, to: isoDateSchema, office: officeSchema.optional() }).strict(),
      'clerk',
    ),
  },
  mutations: {},
  rules: {},
  entities: [],
  backfilled: [],
  errors: VISIT_DESK_ERRORS,
  ui: VISITS_UI,
});
