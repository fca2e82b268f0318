import type { LocalDateTime } from '../protocol/local-date-time';

/**
 * Who the counter calls next. One key at the desk calls the next ticket: booked citizens whose
 * time has come go first (they were promised a time), then walk-ins, priority ones first, by the
 * counter's own order of lines, first come first served within. Pure: the hub passes `now` and
 * the waiting tickets it read inside its transaction, and marks the one returned as called.
 *
 * Times are Rome wall-clock LocalDateTimes ('YYYY-MM-DDTHH:MM[:ss]').
 */

/** As the queue's wire has them (shared/visits/visit-wire.ts); a transfer keeps the ticket waiting. */
export type TicketStatus = 'waiting' | 'called' | 'serving' | 'done' | 'no_show';

export interface QueueTicket {
  /** line letter + number, e.g. A141: never a name (the display shows it to the room) */
  code: string;
  /** the line (one capital letter) the ticket waits in */
  line: string;
  /** priority access: pregnancy, disability, the very old (the comune's rule, decided at the kiosk) */
  priority: boolean;
  /** the booked slot's start, or null for a walk-in */
  slotStart: LocalDateTime | null;
  /** when the ticket was taken or the booking checked in at the kiosk */
  arrivedAt: LocalDateTime;
  status: TicketStatus;
  /** set when a clerk transferred the ticket to one counter: only that counter calls it */
  forCounter?: string | null;
}

export interface CallingCounter {
  /** the counter's id, as in `forCounter` */
  id?: string;
  /** the lines the counter serves, in its order of preference */
  lines: readonly string[];
}

export interface CallOrderOptions {
  /** a booked ticket may be called this many minutes before its slot */
  graceMinutes?: number;
  /** a booked citizen arriving later than this after the slot's start waits as a walk-in */
  lateMinutes?: number;
}

export const DEFAULT_GRACE_MINUTES = 5;
export const DEFAULT_LATE_MINUTES = 15;

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T([01]\d|2[0-3]):([0-5]\d)(?::([0-5]\d(?:\.\d{1,9})?))?$/;

/**
 * Minutes since 1970-01-01 00:00 of a wall-clock time (seconds as a fraction): for comparisons.
 * One regular expression and integer arithmetic: the hub runs this on every waiting ticket at
 * every call, inside its transaction.
 */
export function localMinutes(value: LocalDateTime): number {
  const match = LOCAL.exec(value);
  const day = match ? dayNumber(Number(match[1]), Number(match[2]), Number(match[3])) : null;
  if (!match || day === null) throw new RangeError(`Not a local date-time: ${JSON.stringify(value)}`);
  return day * 1440 + Number(match[4]) * 60 + Number(match[5]) + (match[6] ? Number(match[6]) / 60 : 0);
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Days since 1970-01-01 of an existing date (as toDayNumber, without building the string), else null. */
function dayNumber(year: number, month: number, day: number): number | null {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const length = month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1];
  if (length === undefined || day < 1 || day > length || year < 1583) return null;
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  return (
    era * 146097 +
    yearOfEra * 365 +
    Math.floor(yearOfEra / 4) -
    Math.floor(yearOfEra / 100) +
    dayOfYear -
    719468
  );
}

/** The order tiers, lowest first. */
const ON_TIME_BOOKED = 0;
const TRANSFERRED_HERE = 1;
const WALK_IN = 2;
const EARLY_BOOKED = 3;

interface Ranked<T> {
  ticket: T;
  tier: number;
  keys: readonly number[];
}

/**
 * The ticket `counter` should call at `now`, or null when none it serves is waiting.
 *
 * 1. Booked tickets whose slot has come (slot start ≤ now + grace) and whose holder arrived on
 *    time (not later than `lateMinutes` after the slot), earliest slot first, then earliest arrival.
 * 2. Tickets a clerk transferred to this very counter, in arrival order.
 * 3. Walk-ins, and booked citizens who came too late to keep their slot: priority tickets first,
 *    then by the counter's order of lines, first come first served within a line.
 * 4. Booked tickets whose slot has not come yet, earliest slot first: called only when nobody
 *    else waits, so a free counter never idles while someone sits in the room.
 * Tickets not `waiting`, of lines the counter does not serve, or transferred to another counter
 * are never returned. Ties fall to the code, so the answer never depends on the list's order.
 */
export function nextTicket<T extends QueueTicket>(
  waiting: readonly T[],
  now: LocalDateTime,
  counter: readonly string[] | CallingCounter,
  options: CallOrderOptions = {},
): T | null {
  const calling: CallingCounter = isLineList(counter) ? { lines: counter } : counter;
  const grace = options.graceMinutes ?? DEFAULT_GRACE_MINUTES;
  const late = options.lateMinutes ?? DEFAULT_LATE_MINUTES;
  const nowMin = localMinutes(now);
  let best: Ranked<T> | null = null;
  for (const ticket of waiting) {
    if (ticket.status !== 'waiting') continue;
    const ranked = rank(ticket, nowMin, calling, grace, late);
    if (ranked && (best === null || before(ranked, best))) best = ranked;
  }
  return best?.ticket ?? null;
}

function isLineList(counter: readonly string[] | CallingCounter): counter is readonly string[] {
  return Array.isArray(counter);
}

/**
 * Whether a booked citizen kept the slot: arrived no later than `lateMinutes` after its start.
 * Fixed at check-in; the hub stores it so call-next can read each tier's head through an index.
 */
export function keptSlot(
  slotStart: LocalDateTime,
  arrivedAt: LocalDateTime,
  lateMinutes: number = DEFAULT_LATE_MINUTES,
): boolean {
  return localMinutes(arrivedAt) <= localMinutes(slotStart) + lateMinutes;
}

function rank<T extends QueueTicket>(
  ticket: T,
  nowMin: number,
  counter: CallingCounter,
  grace: number,
  late: number,
): Ranked<T> | null {
  const arrived = localMinutes(ticket.arrivedAt);
  if (ticket.forCounter !== undefined && ticket.forCounter !== null) {
    return ticket.forCounter === counter.id ? { ticket, tier: TRANSFERRED_HERE, keys: [arrived] } : null;
  }
  const linePlace = counter.lines.indexOf(ticket.line);
  if (linePlace < 0) return null;
  if (ticket.slotStart !== null) {
    const slot = localMinutes(ticket.slotStart);
    if (keptSlot(ticket.slotStart, ticket.arrivedAt, late)) {
      return { ticket, tier: slot <= nowMin + grace ? ON_TIME_BOOKED : EARLY_BOOKED, keys: [slot, arrived] };
    }
  }
  return { ticket, tier: WALK_IN, keys: [ticket.priority ? 0 : 1, linePlace, arrived] };
}

function before<T extends QueueTicket>(a: Ranked<T>, b: Ranked<T>): boolean {
  if (a.tier !== b.tier) return a.tier < b.tier;
  for (let i = 0; i < a.keys.length; i++) {
    const x = a.keys[i] ?? 0;
    const y = b.keys[i] ?? 0;
    if (x !== y) return x < y;
  }
  return a.ticket.code < b.ticket.code;
}

const LINE_LETTER = /^[A-Z]$/;
/** Ticket numbers run 1-999 and then start again: three digits always fit the display. */
export const TICKET_NUMBERS = 999;

/**
 * The code of the `n`-th ticket of a line (n from 1): ticketCode('A', 141) is 'A141',
 * ticketCode('B', 17) is 'B017'; after 999 the numbers start again from 001.
 */
export function ticketCode(line: string, n: number): string {
  if (!LINE_LETTER.test(line)) throw new RangeError(`A line is one capital letter: ${JSON.stringify(line)}`);
  if (!Number.isSafeInteger(n) || n < 1) throw new RangeError(`Ticket numbers start at 1: ${n}`);
  return `${line}${String(((n - 1) % TICKET_NUMBERS) + 1).padStart(3, '0')}`;
}
