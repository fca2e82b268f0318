import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { requireAllowed } from '../../shared/auth/policy';
import { daysBetween } from '../../shared/calendar/iso-date';
import { AppError } from '../../shared/errors/app-error';
import {
  callNextRequestSchema,
  currentQuerySchema,
  VISIT_CURRENT_PATH,
  statsQuerySchema,
  ticketActionSchema,
  transferRequestSchema,
  VISIT_CALL_NEXT_PATH,
  VISIT_END_PATH,
  VISIT_NO_SHOW_PATH,
  VISIT_RECALL_PATH,
  VISIT_START_PATH,
  VISIT_STATS_CSV_PATH,
  VISIT_STATS_PATH,
  VISIT_TRANSFER_PATH,
} from '../../shared/visits/visit-wire';
import { clerkAuth, parse, type RouteContext } from '../routes/route-context';
import { planOf, plansOf, type OfficePlan } from './office-plans';
import { workstationOffices } from '../sync/office-scope';
import { bindCounter, counterReadableBy } from './counter-seats';
import { romeDateOf } from '../../shared/calendar/rome-date';
import { actOnTicket, callNext, ticketView, type TicketActionName } from './tickets';
import { waitStatsCsv } from '../../shared/visits/wait-stats-csv';
import { waitStats } from './wait-stats-rows';

const MAX_STATS_DAYS = 366;
const idParams = z.object({ id: z.string().min(1).max(64) }).strict();

/**
 * The counters' side of the queue: a workstation's token and its clerk's hub session, like the
 * other desk routes; the comune is the workstation's, the clerk the session's. Only the hub
 * decides which ticket a counter gets.
 */
export function registerVisitRoutes(app: FastifyInstance, ctx: RouteContext): void {
  const clerkOf = clerkAuth(ctx.db, ctx.now);
  const allowed = async (req: FastifyRequest, action: 'visits.call' | 'visits.stats') => {
    const ws = await ctx.workstationOf(req);
    const clerk = await clerkOf(req, ws);
    requireAllowed(clerk.role, action);
    return { ws, clerk };
  };
  const planFor = (comune: string, office: string): OfficePlan => {
    const plan = planOf(comune, office);
    if (!plan) throw new AppError('visit_office_unknown', { office });
    return plan;
  };
  /**
   * The office a counter calls for, from what the hub knows of the workstation: among the offices
   * it serves (workstation_offices) those with a queue; a workstation with none assigned serves
   * every office of its comune. A named office must be one of these; without one, the only one.
   */
  const officeOfCall = async (ws: { id: string; comune: string }, named: string | undefined) => {
    const queued = plansOf(ws.comune).map((p) => p.office);
    const assigned = (await workstationOffices(ctx.db, ws.id)).filter((o) => queued.includes(o));
    const serves = assigned.length > 0 ? assigned : queued;
    if (named !== undefined) {
      if (!queued.includes(named)) throw new AppError('visit_office_unknown', { office: named });
      if (!serves.includes(named))
        throw new AppError('visit_office_not_served', { office: named, offices: serves.join(', ') });
      return planFor(ws.comune, named);
    }
    const only = serves.length === 1 ? serves[0] : undefined;
    if (only === undefined) {
      if (serves.length === 0) throw new AppError('visit_office_unknown', { office: '—' });
      throw new AppError('visit_office_required', { offices: serves.join(', ') });
    }
    return planFor(ws.comune, only);
  };
  const checkCounter = (plan: OfficePlan, counter: number) => {
    if (counter > plan.counters)
      throw new AppError('visit_counter_unknown', { counter, counters: `1–${plan.counters}` });
  };

  app.post(
    VISIT_CALL_NEXT_PATH,
    {
      schema: {
        summary: "Calls the next ticket to a counter (the hub's order)",
        body: callNextRequestSchema,
      },
      config: { audit: { action: 'visits.callNext', entity: 'visit_ticket' } },
    },
    async (req) => {
      const { ws } = await allowed(req, 'visits.call');
      const body = parse(callNextRequestSchema, req.body);
      const plan = await officeOfCall(ws, body.office);
      checkCounter(plan, body.counter);
      await bindCounter(ctx.db, plan, ws, body.counter, ctx.now());
      const t = await callNext(ctx.db, plan, body.counter, body.lines ?? null, ctx.now());
      return { ticket: t ? await ticketView(ctx.db, t) : null };
    },
  );

  app.get(
    VISIT_CURRENT_PATH,
    {
      schema: {
        summary: 'The tickets called or in service at this counter today (a desk after a restart)',
        querystring: currentQuerySchema,
      },
    },
    async (req) => {
      const { ws } = await allowed(req, 'visits.call');
      const q = parse(currentQuerySchema, req.query);
      if (q.counter === undefined) return { tickets: [] };
      const plan = await officeOfCall(ws, q.office);
      checkCounter(plan, q.counter);
      await counterReadableBy(ctx.db, plan, ws, q.counter, ctx.now());
      const rows = await ctx.db
        .selectFrom('visit_tickets')
        .selectAll()
        .where('comune', '=', plan.comune)
        .where('office', '=', plan.office)
        .where('day', '=', romeDateOf(ctx.now()))
        .where('counter', '=', q.counter)
        .where('status', 'in', ['called', 'serving'])
        .orderBy('called_at', 'desc')
        .execute();
      return { tickets: await Promise.all(rows.map((t) => ticketView(ctx.db, t))) };
    },
  );

  const action = (path: string, name: TicketActionName) =>
    app.post(
      path,
      {
        schema: {
          summary: `A ticket's ${name.replace('_', '-')} at a counter`,
          params: idParams,
          body: name === 'transfer' ? transferRequestSchema : ticketActionSchema,
        },
        config: { audit: { action: `visits.${name}`, entity: 'visit_ticket' } },
      },
      async (req) => {
        const { ws } = await allowed(req, 'visits.call');
        const { id } = parse(idParams, req.params);
        const ticket = await ctx.db
          .selectFrom('visit_tickets')
          .select('office')
          .where('id', '=', id)
          .where('comune', '=', ws.comune)
          .executeTakeFirst();
        if (!ticket) throw new AppError('visit_ticket_not_found', { ticket: id.slice(0, 40) });
        const plan = await officeOfCall(ws, ticket.office);
        if (name === 'transfer') {
          const body = parse(transferRequestSchema, req.body);
          checkCounter(plan, body.counter);
          await bindCounter(ctx.db, plan, ws, body.counter, ctx.now());
          const t = await actOnTicket(ctx.db, plan, id, body.counter, 'transfer', ctx.now(), {
            ...(body.toLine !== undefined ? { toLine: body.toLine } : {}),
            ...(body.toCounter !== undefined ? { toCounter: body.toCounter } : {}),
          });
          return { ticket: await ticketView(ctx.db, t) };
        }
        const body = parse(ticketActionSchema, req.body);
        checkCounter(plan, body.counter);
        await bindCounter(ctx.db, plan, ws, body.counter, ctx.now());
        const t = await actOnTicket(ctx.db, plan, id, body.counter, name, ctx.now());
        return { ticket: await ticketView(ctx.db, t) };
      },
    );
  action(VISIT_RECALL_PATH, 'recall');
  action(VISIT_NO_SHOW_PATH, 'no_show');
  action(VISIT_TRANSFER_PATH, 'transfer');
  action(VISIT_START_PATH, 'start');
  action(VISIT_END_PATH, 'end');

  const statsOf = async (req: FastifyRequest) => {
    const { ws } = await allowed(req, 'visits.stats');
    const q = parse(statsQuerySchema, req.query);
    if (daysBetween(q.from, q.to) < 0 || daysBetween(q.from, q.to) > MAX_STATS_DAYS)
      throw new AppError('visit_stats_range', { from: q.from, to: q.to, max: MAX_STATS_DAYS });
    return { q, rows: await waitStats(ctx.db, ws.comune, q.from, q.to, q.office) };
  };
  app.get(
    VISIT_STATS_PATH,
    {
      schema: {
        summary: 'Waits and service times per day, office, service, counter',
        querystring: statsQuerySchema,
      },
    },
    async (req) => ({ rows: (await statsOf(req)).rows }),
  );
  app.get(
    VISIT_STATS_CSV_PATH,
    { schema: { summary: 'The same waits as CSV (supervisors)', querystring: statsQuerySchema } },
    async (req, reply) => {
      const { q, rows } = await statsOf(req);
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="attese-${q.from}-${q.to}.csv"`)
        .header('cache-control', 'no-store')
        .send(waitStatsCsv(rows));
    },
  );
}
