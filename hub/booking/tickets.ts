import { randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import { normalizeBookingCode } from '../../shared/booking/booking-code';
import { romeDateOf, romeDateTimeOf } from '../../shared/calendar/rome-date';
import { AppError } from '../../shared/errors/app-error';
import { keptSlot, nextTicket, ticketCode, type QueueTicket } from '../../shared/visits/call-order';
import type { VisitTicket } from '../../shared/visits/visit-wire';
import type { HubDatabase } from '../db/database';
import type { VisitTicketRow } from './booking-tables';
import type { OfficePlan } from './office-plans';

type Db = Kysely<HubDatabase>;
type Trx = Transaction<HubDatabase>;

/** A ticket's code: its line and the day's number on it, 3 digits (the 1,000th wraps to 000). */
export const ticketCodeOf = (line: string, n: number): string =>
  `${line}${String(n % 1000).padStart(3, '0')}`;

async function nextNumber(
  trx: Trx,
  comune: string,
  office: string,
  day: string,
  line: string,
): Promise<number> {
  await trx
    .insertInto('visit_line_numbers')
    .values({ comune, office, day, line, last: 0 })
    .onConflict((oc) => oc.doNothing())
    .execute();
  // the row lock of this update orders two kiosks on the same line (PostgreSQL); SQLite serialises
  const r = await trx
    .updateTable('visit_line_numbers')
    .set((eb) => ({ last: eb('last', '+', 1) }))
    .where('comune', '=', comune)
    .where('office', '=', office)
    .where('day', '=', day)
    .where('line', '=', line)
    .returning('last')
    .executeTakeFirstOrThrow();
  return Number(r.last);
}

async function insertTicket(
  trx: Trx,
  plan: OfficePlan,
  t: {
    serviceKey: string;
    line: string;
    bookingId: string | null;
    slotStart: string | null;
    priority: number;
  },
  now: Date,
): Promise<VisitTicketRow> {
  const day = romeDateOf(now);
  const number = await nextNumber(trx, plan.comune, plan.office, day, t.line);
  const row: VisitTicketRow = {
    id: randomUUID(),
    comune: plan.comune,
    office: plan.office,
    day,
    line: t.line,
    number,
    code: ticketCode(t.line, number),
    service_key: t.serviceKey,
    status: 'waiting',
    counter: null,
    for_counter: null,
    booking_id: t.bookingId,
    slot_start: t.slotStart,
    arrived_at: romeDateTimeOf(now),
    called_at: null,
    started_at: null,
    ended_at: null,
    calls: 0,
    priority: t.priority,
    kept_slot: t.slotStart !== null && keptSlot(t.slotStart, romeDateTimeOf(now)) ? 1 : 0,
  };
  await trx.insertInto('visit_tickets').values(row).execute();
  return row;
}

/** A walk-in ticket for a line: the line's first service is the one the desk opens. */
export async function takeWalkInTicket(
  db: Db,
  plan: OfficePlan,
  line: string,
  now: Date,
): Promise<VisitTicketRow> {
  const service = plan.services.find((s) => s.line === line);
  if (!service) throw new AppError('visit_line_unknown', { line: line.slice(0, 2) });
  return db
    .transaction()
    .execute((trx) =>
      insertTicket(
        trx,
        plan,
        { serviceKey: service.key, line, bookingId: null, slotStart: null, priority: 0 },
        now,
      ),
    );
}

/**
 * Check-in of a booking at the kiosk by its code or QR text: today's booking of this office, not
 * released, not already in. The booking's status changes in the same transaction as the ticket,
 * guarded by its old status, so two scans of one QR give one ticket.
 */
export async function checkInBooking(
  db: Db,
  plan: OfficePlan,
  raw: string,
  now: Date,
): Promise<VisitTicketRow> {
  const code = normalizeBookingCode(raw);
  const shown = raw.trim().slice(0, 24) || '—';
  if (!code) throw new AppError('booking_code_unknown', { code: shown });
  return db.transaction().execute(async (trx) => {
    const booking = await trx
      .selectFrom('booking_bookings')
      .selectAll()
      .where('comune', '=', plan.comune)
      .where('code', '=', code)
      .executeTakeFirst();
    if (!booking || booking.office !== plan.office) throw new AppError('booking_code_unknown', { code });
    if (booking.status === 'released') throw new AppError('booking_code_stale', { code });
    if (booking.status === 'checked_in') {
      const ticket = booking.ticket_id
        ? await trx
            .selectFrom('visit_tickets')
            .select('code')
            .where('id', '=', booking.ticket_id)
            .executeTakeFirst()
        : undefined;
      throw new AppError('booking_already_checked_in', { code, ticket: ticket?.code ?? '—' });
    }
    const day = booking.slot_start.slice(0, 10);
    if (day !== romeDateOf(now)) {
      const date = `${day.slice(8, 10)}/${day.slice(5, 7)}/${day.slice(0, 4)}`;
      throw new AppError('booking_wrong_day', { code, date });
    }
    const service = plan.services.find((s) => s.key === booking.service_key);
    if (!service) throw new AppError('booking_code_unknown', { code });
    const claimed = await trx
      .updateTable('booking_bookings')
      .set({ status: 'checked_in', checked_in_at: now.toISOString() })
      .where('id', '=', booking.id)
      .where('status', 'in', ['booked', 'confirmed'])
      .executeTakeFirst();
    if (Number(claimed.numUpdatedRows) !== 1)
      throw new AppError('booking_already_checked_in', { code, ticket: '—' });
    const ticket = await insertTicket(
      trx,
      plan,
      {
        serviceKey: booking.service_key,
        line: service.line,
        bookingId: booking.id,
        slotStart: booking.slot_start,
        priority: 0,
      },
      now,
    );
    await trx
      .updateTable('booking_bookings')
      .set({ ticket_id: ticket.id })
      .where('id', '=', booking.id)
      .execute();
    return ticket;
  });
}

/**
 * The head of each tier of the call order (shared/visits/call-order.ts) among the tickets waiting
 * for this counter: the booked ticket with the earliest slot among those who kept it (on time or
 * early: nextTicket tells which), the oldest ticket transferred to this counter, and per line the
 * first walk-in (or late booked citizen) with priority and without, by arrival. Every other waiting ticket
 * ranks behind the head of its own tier, so nextTicket over these few rows chooses what it would
 * choose over the whole room; each is read through an index, so a call costs the same with 400
 * in the room as with 4 (call-next.integration.test.ts compares both on random rooms).
 */
async function tierHeads(
  db: Db,
  plan: OfficePlan,
  day: string,
  counter: number,
  lines: readonly string[],
): Promise<VisitTicketRow[]> {
  const waiting = () =>
    db
      .selectFrom('visit_tickets')
      .selectAll()
      .where('comune', '=', plan.comune)
      .where('office', '=', plan.office)
      .where('day', '=', day)
      .where('status', '=', 'waiting');
  const queries = [
    waiting()
      .where('kept_slot', '=', 1)
      .where('for_counter', 'is', null)
      .where('line', 'in', [...lines])
      .orderBy('slot_start')
      .orderBy('arrived_at')
      .orderBy('code')
      .limit(1),
    waiting().where('for_counter', '=', counter).orderBy('arrived_at').orderBy('code').limit(1),
    // per line, the first priority walk-in and the first other one (priority is yes or no here)
    ...lines.flatMap((line) =>
      [true, false].map((priority) =>
        waiting()
          .where('kept_slot', '=', 0)
          .where('line', '=', line)
          .where('priority', priority ? '>' : '=', 0)
          .where('for_counter', 'is', null)
          .orderBy('arrived_at')
          .orderBy('code')
          .limit(1),
      ),
    ),
  ];
  const heads: VisitTicketRow[] = [];
  for (const q of queries) heads.push(...(await q.execute()));
  return heads;
}

/** A ticket row as the call order reads it (shared/visits/call-order.ts), the row kept beside. */
export const queueTicketOf = (t: VisitTicketRow): QueueTicket & { row: VisitTicketRow } => ({
  row: t,
  code: t.code,
  line: t.line,
  priority: t.priority > 0,
  slotStart: t.slot_start,
  arrivedAt: t.arrived_at,
  status: t.status,
  forCounter: t.for_counter === null ? null : String(t.for_counter),
});

/**
 * The next ticket for a counter, marked called by it. Two counters pressing the key at once may
 * pick the same ticket: the update is guarded by `status = 'waiting'`, so only one changes the row
 * and the other reads the heads again. Each ticket is called once, on both stores.
 */
export async function callNext(
  db: Db,
  plan: OfficePlan,
  counter: number,
  lines: readonly string[] | null,
  now: Date,
): Promise<VisitTicketRow | null> {
  const day = romeDateOf(now);
  const nowLocal = romeDateTimeOf(now);
  const serves = lines ? [...lines] : [...new Set(plan.services.map((s) => s.line))];
  for (let round = 0; round < 20; round++) {
    const heads = await tierHeads(db, plan, day, counter, serves);
    const pick = nextTicket(heads.map(queueTicketOf), nowLocal, { id: String(counter), lines: serves });
    if (!pick) return null;
    const t = pick.row;
    const r = await db
      .updateTable('visit_tickets')
      .set({ status: 'called', counter, called_at: nowLocal, calls: t.calls + 1, for_counter: null })
      .where('id', '=', t.id)
      .where('status', '=', 'waiting')
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) === 1)
      return { ...t, status: 'called', counter, called_at: nowLocal, calls: t.calls + 1, for_counter: null };
    // another counter took it meanwhile: read the heads again
  }
  return null;
}

export type TicketActionName = 'recall' | 'no_show' | 'start' | 'end' | 'transfer';

const ALLOWED_FROM: Record<TicketActionName, VisitTicketRow['status'][]> = {
  recall: ['called'],
  no_show: ['called'],
  start: ['called'],
  end: ['serving'],
  transfer: ['called', 'serving'],
};

const ACTION_WORDS: Record<TicketActionName, string> = {
  recall: 'richiamare / recalled',
  no_show: 'segnare assente / marked absent',
  start: 'iniziare / started',
  end: 'chiudere / ended',
  transfer: 'trasferire / transferred',
};

/**
 * One action of the counter that called the ticket. The update is guarded by the status read, so
 * a concurrent action on the same ticket finds it changed and is refused, changing nothing.
 */
export async function actOnTicket(
  db: Db,
  plan: OfficePlan,
  ticketId: string,
  counter: number,
  action: TicketActionName,
  now: Date,
  transfer: { toLine?: string; toCounter?: number } = {},
): Promise<VisitTicketRow> {
  const t = await db
    .selectFrom('visit_tickets')
    .selectAll()
    .where('id', '=', ticketId)
    .where('comune', '=', plan.comune)
    .executeTakeFirst();
  if (!t) throw new AppError('visit_ticket_not_found', { ticket: ticketId.slice(0, 40) });
  if (t.counter !== null && t.counter !== counter && t.status !== 'waiting')
    throw new AppError('visit_ticket_other_counter', { code: t.code, owner: t.counter, counter });
  if (!ALLOWED_FROM[action].includes(t.status))
    throw new AppError('visit_ticket_wrong_state', {
      code: t.code,
      status: t.status,
      action: ACTION_WORDS[action],
    });
  const nowLocal = romeDateTimeOf(now);
  let change: Partial<VisitTicketRow>;
  switch (action) {
    case 'recall':
      change = { called_at: nowLocal, calls: t.calls + 1 };
      break;
    case 'no_show':
      change = { status: 'no_show', ended_at: nowLocal };
      break;
    case 'start':
      change = { status: 'serving', started_at: nowLocal };
      break;
    case 'end':
      change = { status: 'done', ended_at: nowLocal };
      break;
    case 'transfer': {
      if (transfer.toLine !== undefined) {
        const service = plan.services.find((s) => s.line === transfer.toLine);
        if (!service) throw new AppError('visit_line_unknown', { line: transfer.toLine });
        // back in the room on the other line, keeping its arrival: the wait counts from the door
        change = {
          status: 'waiting',
          line: service.line,
          service_key: service.key,
          counter: null,
          for_counter: null,
        };
      } else {
        const to = transfer.toCounter ?? 0;
        if (to < 1 || to > plan.counters)
          throw new AppError('visit_counter_unknown', { counter: to, counters: `1–${plan.counters}` });
        change = { status: 'waiting', counter: null, for_counter: to };
      }
      break;
    }
  }
  const r = await db
    .updateTable('visit_tickets')
    .set(change)
    .where('id', '=', t.id)
    .where('status', '=', t.status)
    .where('calls', '=', t.calls)
    .executeTakeFirst();
  if (Number(r.numUpdatedRows) !== 1)
    throw new AppError('visit_ticket_wrong_state', {
      code: t.code,
      status: t.status,
      action: ACTION_WORDS[action],
    });
  return { ...t, ...change };
}

/** The ticket as the desk sees it: the booked person only with a booking (a clerk's session). */
export async function ticketView(db: Db, t: VisitTicketRow): Promise<VisitTicket> {
  let person: VisitTicket['person'] = null;
  let bookingCode: string | null = null;
  if (t.booking_id) {
    const b = await db
      .selectFrom('booking_bookings')
      .select(['code', 'cf', 'name'])
      .where('id', '=', t.booking_id)
      .executeTakeFirst();
    if (b) {
      bookingCode = b.code;
      person = { cf: b.cf, displayName: b.name };
    }
  }
  return {
    id: t.id,
    code: t.code,
    office: t.office,
    line: t.line,
    serviceKey: t.service_key,
    status: t.status,
    counter: t.counter ?? t.for_counter,
    bookingCode,
    person,
    slotStart: t.slot_start,
    arrivedAt: t.arrived_at,
    calledAt: t.called_at,
    startedAt: t.started_at,
    endedAt: t.ended_at,
    calls: t.calls,
  };
}
