import { z } from 'zod';
import { isoDateSchema, localDateTimeSchema } from '../calendar/date-schemas';

/**
 * What travels between a counter's desk and the hub for the queue: the ticket as the clerk sees
 * it, the call-next request and answer, the actions on a called ticket, and the supervisors' wait
 * figures. The desk's screens and the hub's routes import these, never copies. Stable API: fields
 * are added, never renamed.
 *
 * Times are wall-clock moments in Italy (LocalDateTime, Europe/Rome): the waiting room's clock.
 */

export const VISITS_API = '/api/v1/visits';
/** POST {counter, office?} → {ticket | null}: the next ticket for this counter, marked called */
export const VISIT_CALL_NEXT_PATH = `${VISITS_API}/call-next`;
/** GET ?office=&counter=: the tickets currently called or in service at the office's counters */
export const VISIT_CURRENT_PATH = `${VISITS_API}/current`;
/** POST: one action on a ticket (`:id` the ticket's id) → the ticket after it */
export const VISIT_RECALL_PATH = `${VISITS_API}/tickets/:id/recall`;
export const VISIT_NO_SHOW_PATH = `${VISITS_API}/tickets/:id/no-show`;
export const VISIT_TRANSFER_PATH = `${VISITS_API}/tickets/:id/transfer`;
export const VISIT_START_PATH = `${VISITS_API}/tickets/:id/start`;
export const VISIT_END_PATH = `${VISITS_API}/tickets/:id/end`;
/** GET ?from=&to=&office=: the supervisors' wait figures (JSON rows) and the same as CSV */
export const VISIT_STATS_PATH = `${VISITS_API}/stats`;
export const VISIT_STATS_CSV_PATH = `${VISITS_API}/stats.csv`;

/** The action paths by name, for a desk that builds them: `ticketActionPath('recall', id)`. */
export const VISIT_ACTION_PATHS = {
  recall: VISIT_RECALL_PATH,
  no_show: VISIT_NO_SHOW_PATH,
  transfer: VISIT_TRANSFER_PATH,
  start: VISIT_START_PATH,
  end: VISIT_END_PATH,
} as const;
export type VisitAction = keyof typeof VISIT_ACTION_PATHS;
export const ticketActionPath = (action: VisitAction, ticketId: string): string =>
  VISIT_ACTION_PATHS[action].replace(':id', encodeURIComponent(ticketId));

/** A counter of an office, as numbered on the sign above it and on the waiting-room display. */
export const counterSchema = z.number().int().min(1).max(99);
/** A service line: one capital letter, the first character of its tickets (A141, B017). */
export const lineSchema = z.string().regex(/^[A-Z]$/, 'expected one capital letter');
/** A ticket's code: its line and a 3-digit number; never a name. */
export const ticketCodeSchema = z.string().regex(/^[A-Z]\d{3}$/, 'expected a letter and 3 digits, e.g. A141');
/** An office of the comune (`anagrafe`, `tributi`, …), as in the slot plans. */
export const officeSchema = z.string().min(1).max(40);
/** A bookable service's key in the slot plan (`cie`, `certificato`, `residenza`, …). */
export const serviceKeySchema = z.string().min(1).max(40);

/**
 * waiting: in the room (arrived, or transferred back to a line); called: on the display, the
 * clerk waits for the person; serving: at the counter; done: served; no_show: called, never came.
 */
export const TICKET_STATUSES = ['waiting', 'called', 'serving', 'done', 'no_show'] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];

export const ticketSchema = z
  .object({
    id: z.string().min(1).max(64),
    code: ticketCodeSchema,
    office: officeSchema,
    line: lineSchema,
    serviceKey: serviceKeySchema,
    status: z.enum(TICKET_STATUSES),
    /** the counter that called it (or it was transferred to); null while nobody has */
    counter: counterSchema.nullable(),
    /** the booking it checked in, null for a walk-in */
    bookingCode: z.string().min(1).max(16).nullable(),
    /**
     * The booked person, for the desk to open the task pre-filled: only with a booking, and only
     * to a clerk's session. Walk-ins carry none (the clerk asks at the counter).
     */
    person: z
      .object({ cf: z.string().length(16), displayName: z.string().min(1).max(200) })
      .strict()
      .nullable(),
    /** the booked slot's start; null for a walk-in */
    slotStart: localDateTimeSchema.nullable(),
    /** the visit's moments: arrival (check-in or ticket), last call, start and end at the counter */
    arrivedAt: localDateTimeSchema,
    calledAt: localDateTimeSchema.nullable(),
    startedAt: localDateTimeSchema.nullable(),
    endedAt: localDateTimeSchema.nullable(),
    /** how many times it was called (a recall adds one) */
    calls: z.number().int().nonnegative(),
  })
  .strict();
export type VisitTicket = z.infer<typeof ticketSchema>;

/** `office` defaults to the one office with a queue the workstation serves (the hub decides, not the desk). */
export const callNextRequestSchema = z
  .object({
    counter: counterSchema,
    office: officeSchema.optional(),
    /** the lines this counter serves now; default every line of the office */
    lines: z.array(lineSchema).min(1).max(26).optional(),
  })
  .strict();
export type CallNextRequest = z.infer<typeof callNextRequestSchema>;

export const callNextResponseSchema = z.object({ ticket: ticketSchema.nullable() }).strict();
export type CallNextResponse = z.infer<typeof callNextResponseSchema>;

/** recall, no-show, start, end: the counter acting (it must be the one that called the ticket). */
export const ticketActionSchema = z.object({ counter: counterSchema }).strict();
export type TicketAction = z.infer<typeof ticketActionSchema>;

/** Transfer: back to waiting on another line, or for one counter in particular; exactly one. */
export const transferRequestSchema = z
  .object({
    counter: counterSchema,
    toLine: lineSchema.optional(),
    toCounter: counterSchema.optional(),
  })
  .strict()
  .refine((t) => (t.toLine === undefined) !== (t.toCounter === undefined), {
    message: 'give exactly one of toLine or toCounter',
  });
export type TransferRequest = z.infer<typeof transferRequestSchema>;

export const ticketResponseSchema = z.object({ ticket: ticketSchema }).strict();
export type TicketResponse = z.infer<typeof ticketResponseSchema>;

export const currentQuerySchema = z
  .object({ office: officeSchema.optional(), counter: z.coerce.number().int().min(1).max(99).optional() })
  .strict();
export const currentResponseSchema = z.object({ tickets: z.array(ticketSchema) }).strict();

export const statsQuerySchema = z
  .object({ from: isoDateSchema, to: isoDateSchema, office: officeSchema.optional() })
  .strict();
export type VisitStatsQuery = z.infer<typeof statsQuerySchema>;

/**
 * One row of the supervisors' view: a day, office, service and counter (null: visits that never
 * reached a counter, the no-shows). Minutes are whole-visit means; `over20Pct` is ISTAT's unit,
 * the share of visits that waited more than 20 minutes from arrival to call, in percent with
 * one decimal.
 */
export const waitStatsRowSchema = z
  .object({
    day: isoDateSchema,
    office: officeSchema,
    serviceKey: serviceKeySchema,
    counter: counterSchema.nullable(),
    visits: z.number().int().nonnegative(),
    served: z.number().int().nonnegative(),
    noShows: z.number().int().nonnegative(),
    meanWaitMinutes: z.number().nonnegative(),
    maxWaitMinutes: z.number().nonnegative(),
    meanServiceMinutes: z.number().nonnegative(),
    over20Pct: z.number().min(0).max(100),
  })
  .strict();
export type WaitStatsRow = z.infer<typeof waitStatsRowSchema>;
export const waitStatsResponseSchema = z.object({ rows: z.array(waitStatsRowSchema) }).strict();

/** The CSV export's header, in the rows' order (semicolons, as the comuni's spreadsheets expect). */
export const WAIT_STATS_CSV_HEADER =
  'giorno;ufficio;servizio;sportello;visite;servite;assenti;attesa_media_min;attesa_max_min;servizio_medio_min;quota_attesa_oltre_20_pct';
