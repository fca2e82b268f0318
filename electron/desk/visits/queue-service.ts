import type { CallInput } from '../../../shared/contract/contract';
import { AppError } from '../../../shared/errors/app-error';
import type { CounterQueueView } from '../../../shared/visits/service';
import {
  callNextResponseSchema,
  currentResponseSchema,
  ticketActionPath,
  ticketResponseSchema,
  VISIT_CALL_NEXT_PATH,
  VISIT_CURRENT_PATH,
  VISIT_STATS_PATH,
  waitStatsResponseSchema,
  type VisitTicket,
  type WaitStatsRow,
} from '../../../shared/visits/visit-wire';
import { requireSession, type DeskContext } from '../context';
import { getMeta, setMeta } from '../db/meta-repository';

/** The number on the sign above this workstation's counter, set once by the clerk. */
const COUNTER_KEY = 'visits.counter';

async function counterOf(ctx: DeskContext): Promise<number | null> {
  const v = await getMeta(ctx.db, COUNTER_KEY);
  return v === null ? null : Number(v);
}

/** Only the hub decides who gets a ticket: online, with the clerk's own hub session. */
function hubToken(ctx: DeskContext): string {
  const session = requireSession(ctx);
  if (!session.hubToken) throw new AppError('hub_unreachable');
  return session.hubToken;
}

async function requireCounter(ctx: DeskContext): Promise<number> {
  const counter = await counterOf(ctx);
  if (counter === null) throw new AppError('visits_counter_unset');
  return counter;
}

/**
 * This counter's number and the tickets open at it today, as the hub knows them: after a restart
 * the ticket in hand comes back on the bar. Offline, or before a number is set, no tickets (only
 * the hub knows the queue).
 */
export async function currentQueue(ctx: DeskContext): Promise<CounterQueueView> {
  const session = requireSession(ctx);
  const counter = await counterOf(ctx);
  if (counter === null || !session.hubToken) return { counter, tickets: [] };
  try {
    const res = await ctx.hub.call(
      `${VISIT_CURRENT_PATH}?counter=${counter}`,
      { method: 'GET', clerkToken: session.hubToken },
      currentResponseSchema,
    );
    return { counter, tickets: res.tickets };
  } catch {
    // the bar still shows the counter's number: the next call (Shift+F9) says what is wrong
    // (hub unreachable, counter taken by another workstation) where the clerk acts on it
    return { counter, tickets: [] };
  }
}

export async function setCounter(
  ctx: DeskContext,
  input: CallInput<'visits:setCounter'>,
): Promise<{ counter: number }> {
  requireSession(ctx);
  await setMeta(ctx.db, COUNTER_KEY, String(input.counter));
  return { counter: input.counter };
}

/** "Chiama il prossimo": the hub picks (booked on time first, then walk-ins by line and priority). */
export async function callNext(
  ctx: DeskContext,
  input: CallInput<'visits:callNext'>,
): Promise<VisitTicket | null> {
  const counter = await requireCounter(ctx);
  const res = await ctx.hub.call(
    VISIT_CALL_NEXT_PATH,
    {
      method: 'POST',
      clerkToken: hubToken(ctx),
      body: { counter, ...(input.lines ? { lines: input.lines } : {}) },
    },
    callNextResponseSchema,
  );
  return res.ticket;
}

export async function actOnTicket(ctx: DeskContext, input: CallInput<'visits:act'>): Promise<VisitTicket> {
  const counter = await requireCounter(ctx);
  const res = await ctx.hub.call(
    ticketActionPath(input.action, input.ticketId),
    { method: 'POST', clerkToken: hubToken(ctx), body: { counter } },
    ticketResponseSchema,
  );
  return res.ticket;
}

export async function transferTicket(
  ctx: DeskContext,
  input: CallInput<'visits:transfer'>,
): Promise<VisitTicket> {
  const counter = await requireCounter(ctx);
  const res = await ctx.hub.call(
    ticketActionPath('transfer', input.ticketId),
    {
      method: 'POST',
      clerkToken: hubToken(ctx),
      body: {
        counter,
        ...(input.toLine ? { toLine: input.toLine } : {}),
        ...(input.toCounter ? { toCounter: input.toCounter } : {}),
      },
    },
    ticketResponseSchema,
  );
  return res.ticket;
}

/** The supervisors' wait figures, from the hub (which checks the role again). */
export async function waitStats(ctx: DeskContext, input: CallInput<'visits:stats'>): Promise<WaitStatsRow[]> {
  const session = requireSession(ctx);
  if (session.info.clerk.role === 'clerk') throw new AppError('visits_supervisors_only');
  const qs = new URLSearchParams({
    from: input.from,
    to: input.to,
    ...(input.office ? { office: input.office } : {}),
  });
  const res = await ctx.hub.call(
    `${VISIT_STATS_PATH}?${qs.toString()}`,
    { method: 'GET', clerkToken: hubToken(ctx) },
    waitStatsResponseSchema,
  );
  return res.rows;
}
