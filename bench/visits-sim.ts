/**
 * The day-by-day simulation behind `npm run bench:visits`: Casale's anagrafe with the issue's
 * fixed inputs, run through the product's own planner (slotsForDay) and call order (nextTicket),
 * and measured with the product's wait statistics (waitStats).
 *
 * The world (who comes, on which day, when, for what, how long their service takes, whether they
 * forget a paper) is drawn once from the seed, before either run; the two runs differ only in
 * how those citizens reach the counter. Draws made during a run (a return trip's day and hour)
 * come from each citizen's own seeded stream, so both runs see the same citizens behave alike.
 */
import { addDays, isoWeekday, type IsoDate } from '../shared/calendar/iso-date';
import { closureOn, clockMinutes, slotsForDay, windowsOn, type SlotPlan } from '../shared/booking/slot-plan';
import { nextTicket, type CallingCounter, type QueueTicket } from '../shared/visits/call-order';
import { waitStats, type VisitRecord, type WaitStatsRow } from '../shared/visits/wait-stats';
import { seededRandom as prng } from '../shared/random/seeded-random';

export interface ServiceMix {
  key: string;
  share: number;
  meanMinutes: number;
}

/** The issue's mix: share of visits and mean minutes at the counter (log-normal, cv 0.5). */
export const ISSUE_MIX: readonly ServiceMix[] = [
  { key: 'certificate', share: 0.35, meanMinutes: 4 },
  { key: 'self_declaration', share: 0.1, meanMinutes: 3 },
  { key: 'cie', share: 0.2, meanMinutes: 20 },
  { key: 'residence_change', share: 0.1, meanMinutes: 15 },
  { key: 'payment', share: 0.15, meanMinutes: 4 },
  { key: 'permit', share: 0.1, meanMinutes: 8 },
];

export interface SimConfig {
  seed: number;
  plan: SlotPlan;
  /** first working day measured */
  firstDay: IsoDate;
  days: number;
  /** working days simulated before (so the queue of bookings and returns is already running) */
  warmupDays: number;
  /** working days of demand simulated after (so the last measured days are not emptier than the rest) */
  tailDays: number;
  visitsPerDay: number;
  mix: readonly ServiceMix[];
  cv: number;
  walkInFailShare: number;
  bookedFailShare: number;
  /** share of visitors with priority access */
  priorityShare: number;
  /** services always booked in the booking run; the others by `otherBookedShare` of citizens */
  alwaysBooked: readonly string[];
  otherBookedShare: number;
  /** counters: each serves every line, in its own order of preference */
  counters: readonly CallingCounter[];
}

export type RunMode = 'walk_in' | 'booking';

// ---- seeded randomness ----------------------------------------------------------------------

function normal(rand: () => number): number {
  const u = 1 - rand();
  const v = rand();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

/** A log-normal draw with the given mean and coefficient of variation. */
function logNormal(rand: () => number, mean: number, cv: number): number {
  const sigma2 = Math.log(1 + cv * cv);
  return Math.exp(Math.log(mean) - sigma2 / 2 + Math.sqrt(sigma2) * normal(rand));
}

// ---- the calendar of the office ---------------------------------------------------------------

interface Window {
  from: number;
  to: number;
}

function openWindows(plan: SlotPlan, date: IsoDate): Window[] {
  if (closureOn(plan, date) !== null) return [];
  return windowsOn(plan, date).map((w) => ({ from: clockMinutes(w.from), to: clockMinutes(w.to) }));
}

/** `count` working days of the office from `first` on (first included when open). */
function workingDays(plan: SlotPlan, first: IsoDate, count: number): IsoDate[] {
  const days: IsoDate[] = [];
  for (let d = first; days.length < count; d = addDays(d, 1)) {
    if (openWindows(plan, d).length > 0) days.push(d);
  }
  return days;
}

function workingDaysBefore(plan: SlotPlan, first: IsoDate, count: number): IsoDate[] {
  const days: IsoDate[] = [];
  for (let d = addDays(first, -1); days.length < count; d = addDays(d, -1)) {
    if (openWindows(plan, d).length > 0) days.unshift(d);
  }
  return days;
}

/** Arrivals are Poisson, twice as dense from 9:00 to 11:00 (the issue's profile). */
const weightAt = (minute: number): number => (minute >= 540 && minute < 660 ? 2 : 1);

/** Arrival minutes of one day: a non-homogeneous Poisson process by thinning. */
function poissonArrivals(rand: () => number, windows: readonly Window[], expected: number): number[] {
  const weighted = windows.reduce((sum, w) => {
    let s = 0;
    for (let m = w.from; m < w.to; m++) s += weightAt(m);
    return sum + s;
  }, 0);
  const peakRate = (2 * expected) / weighted; // arrivals per minute at weight 2
  const times: number[] = [];
  for (const w of windows) {
    let t = w.from;
    for (;;) {
      t += -Math.log(1 - rand()) / peakRate;
      if (t >= w.to) break;
      if (rand() < weightAt(Math.floor(t)) / 2) times.push(t);
    }
  }
  return times;
}

/** One arrival minute drawn from the day's profile (for a return trip). */
function oneArrival(rand: () => number, windows: readonly Window[]): number {
  for (;;) {
    const total = windows.reduce((s, w) => s + (w.to - w.from), 0);
    let x = rand() * total;
    for (const w of windows) {
      if (x < w.to - w.from) {
        const t = w.from + x;
        if (rand() < weightAt(Math.floor(t)) / 2) return t;
        break;
      }
      x -= w.to - w.from;
    }
  }
}

// ---- the world: citizens drawn once ---------------------------------------------------------

interface Citizen {
  id: number;
  dayIndex: number;
  /** minute of the day the citizen would come (walk-in) or would like an appointment */
  minute: number;
  service: string;
  /** minutes at the counter when all goes well */
  serviceMinutes: number;
  /** uniform draws fixed per citizen, compared with the run's thresholds */
  failDraw: number;
  bookDraw: number;
  priority: boolean;
  /** the citizen's own stream, for what happens later in a run */
  seed: number;
}

interface World {
  days: IsoDate[];
  measured: Set<IsoDate>;
  windows: Map<IsoDate, Window[]>;
  citizens: Citizen[];
}

export function buildWorld(config: SimConfig): World {
  const rand = prng(config.seed);
  const before = workingDaysBefore(config.plan, config.firstDay, config.warmupDays);
  const main = workingDays(config.plan, config.firstDay, config.days + config.tailDays);
  const days = [...before, ...main];
  const measured = new Set(main.slice(0, config.days));
  const windows = new Map(days.map((d) => [d, openWindows(config.plan, d)]));
  const cumulative: number[] = [];
  config.mix.reduce((acc, m) => {
    cumulative.push(acc + m.share);
    return acc + m.share;
  }, 0);
  const citizens: Citizen[] = [];
  days.forEach((day, dayIndex) => {
    for (const minute of poissonArrivals(rand, windows.get(day) ?? [], config.visitsPerDay)) {
      const u = rand();
      const service = config.mix[cumulative.findIndex((c) => u < c)] ?? config.mix[config.mix.length - 1];
      if (!service) throw new Error('empty service mix');
      citizens.push({
        id: citizens.length,
        dayIndex,
        minute,
        service: service.key,
        serviceMinutes: logNormal(rand, service.meanMinutes, config.cv),
        failDraw: rand(),
        bookDraw: rand(),
        priority: rand() < config.priorityShare,
        seed: Math.floor(rand() * 2 ** 31),
      });
    }
  });
  return { days, measured, windows, citizens };
}

// ---- one run ----------------------------------------------------------------------------------

interface Trip {
  citizen: Citizen;
  dayIndex: number;
  arrival: number;
  slotStart: number | null;
  /** the trip fails for a missing document: short service, another trip later */
  fails: boolean;
  rand: () => number;
}

interface SimTicket extends QueueTicket {
  trip: Trip;
  arrivalMinute: number;
}

export interface RunResult {
  mode: RunMode;
  all: WaitStatsRow;
  booked: WaitStatsRow;
  walkIn: WaitStatsRow;
  trips: number;
  failedTrips: number;
  /** counter minutes worked after the last window closed, per measured day (the queue finished) */
  overtimeMinutesPerDay: number;
  /** mean days between the day wanted and the day of the appointment */
  bookingDelayDays: number;
  /** measured days: share of visits waiting over 20 minutes per weekday, 1 = Monday */
  gt20ByWeekday: Record<number, number>;
}

const pad2 = (n: number): string => String(n).padStart(2, '0');

/** Minute of the day → 'YYYY-MM-DDTHH:MM:SS.mmm' (Rome wall clock). */
function at(day: IsoDate, minute: number): string {
  const ms = Math.round(minute * 60_000);
  const h = Math.floor(ms / 3_600_000);
  const m = Math.floor((ms % 3_600_000) / 60_000);
  const s = (ms % 60_000) / 1000;
  return `${day}T${pad2(h)}:${pad2(m)}:${s.toFixed(3).padStart(6, '0')}`;
}

export function runSimulation(config: SimConfig, world: World, mode: RunMode): RunResult {
  const lineOf = (service: string): string => config.plan.services[service]?.line ?? 'A';
  const books = (c: Citizen): boolean =>
    mode === 'booking' && (config.alwaysBooked.includes(c.service) || c.bookDraw < config.otherBookedShare);
  const failShare = (booked: boolean) => (booked ? config.bookedFailShare : config.walkInFailShare);

  // appointments taken per day and service: slot start minute → count
  const taken = new Map<string, Map<number, number>>();
  const slotCache = new Map<string, { start: number; capacity: number }[]>();
  const slotsOf = (dayIndex: number, service: string) => {
    const key = `${dayIndex}|${service}`;
    let slots = slotCache.get(key);
    if (!slots) {
      const day = world.days[dayIndex] ?? '';
      slots = slotsForDay(config.plan, day, service).map((s) => ({
        start: clockMinutes(s.start.slice(11, 16)),
        capacity: s.capacity,
      }));
      slotCache.set(key, slots);
    }
    return slots;
  };
  let delayDays = 0;
  let bookings = 0;
  /** The free slot nearest the wanted minute, on the wanted day or the first day after with room. */
  const book = (
    service: string,
    dayIndex: number,
    minute: number,
  ): { dayIndex: number; start: number } | null => {
    for (let d = dayIndex; d < world.days.length; d++) {
      const counts = taken.get(`${d}|${service}`) ?? new Map<number, number>();
      const free = slotsOf(d, service).filter((s) => (counts.get(s.start) ?? 0) < s.capacity);
      if (free.length === 0) continue;
      const best = free.reduce((a, b) => (Math.abs(b.start - minute) < Math.abs(a.start - minute) ? b : a));
      counts.set(best.start, (counts.get(best.start) ?? 0) + 1);
      taken.set(`${d}|${service}`, counts);
      delayDays += d - dayIndex;
      bookings++;
      return { dayIndex: d, start: best.start };
    }
    return null;
  };

  const tripsByDay = new Map<number, Trip[]>();
  const addTrip = (trip: Trip) => {
    const list = tripsByDay.get(trip.dayIndex) ?? [];
    list.push(trip);
    tripsByDay.set(trip.dayIndex, list);
  };
  /** A trip of `citizen` wanted on `dayIndex` at `minute`: walk in, or book and come at the slot. */
  const schedule = (
    citizen: Citizen,
    dayIndex: number,
    minute: number,
    rand: () => number,
    failDraw: number,
  ) => {
    if (dayIndex >= world.days.length) return; // beyond the simulated days: not measured anyway
    const booked = books(citizen);
    const fails = failDraw < failShare(booked);
    if (!booked) {
      addTrip({ citizen, dayIndex, arrival: minute, slotStart: null, fails, rand });
      return;
    }
    const slot = book(citizen.service, dayIndex, minute);
    if (!slot) return;
    // most come a little early, some a little late: 10 minutes before to 3 after the slot
    const arrival = Math.max(0, slot.start - 10 + 13 * rand());
    addTrip({ citizen, dayIndex: slot.dayIndex, arrival, slotStart: slot.start, fails, rand });
  };

  // bookings are made ahead, in an order that is not the order of arrival: shuffle per day
  const byDay = new Map<number, Citizen[]>();
  for (const c of world.citizens) byDay.set(c.dayIndex, [...(byDay.get(c.dayIndex) ?? []), c]);
  const visits: { record: VisitRecord; booked: boolean; day: IsoDate }[] = [];
  let failedTrips = 0;
  let overtime = 0;

  for (let dayIndex = 0; dayIndex < world.days.length; dayIndex++) {
    const day = world.days[dayIndex] ?? '';
    const citizens = [...(byDay.get(dayIndex) ?? [])];
    const shuffle = prng(config.seed + dayIndex * 7919);
    for (let i = citizens.length - 1; i > 0; i--) {
      const j = Math.floor(shuffle() * (i + 1));
      [citizens[i], citizens[j]] = [citizens[j] as Citizen, citizens[i] as Citizen];
    }
    for (const c of citizens) {
      const rand = prng(c.seed);
      schedule(c, dayIndex, c.minute, rand, c.failDraw);
    }

    const dayTrips = (tripsByDay.get(dayIndex) ?? []).sort((a, b) => a.arrival - b.arrival);
    const windows = world.windows.get(day) ?? [];
    const served = simulateDay(config, day, windows, dayTrips, lineOf);
    for (const { trip, call, end, counter } of served) {
      const booked = trip.slotStart !== null;
      const record: VisitRecord = {
        office: config.plan.office,
        service: trip.citizen.service,
        counter,
        arrivedAt: at(day, trip.arrival),
        calledAt: at(day, call),
        startedAt: at(day, call),
        endedAt: at(day, end),
        noShow: false,
      };
      if (world.measured.has(day)) visits.push({ record, booked, day });
      if (trip.fails) {
        if (world.measured.has(day)) failedTrips++;
        // back another working day, 1 to 5 days later, at an hour of its own
        const later = dayIndex + 1 + Math.floor(trip.rand() * 5);
        const laterWindows = world.windows.get(world.days[later] ?? '') ?? [];
        if (laterWindows.length > 0)
          schedule(trip.citizen, later, oneArrival(trip.rand, laterWindows), trip.rand, trip.rand());
      }
    }
    const closing = windows.at(-1)?.to ?? 0;
    if (world.measured.has(day)) {
      overtime += served.reduce((sum, s) => sum + Math.max(0, s.end - Math.max(closing, s.call)), 0);
    }
  }

  const rowOf = (list: typeof visits): WaitStatsRow => {
    const [row] = waitStats(
      list.map((v) => v.record),
      [],
    );
    if (!row) throw new Error('no visits measured');
    return row;
  };
  const gt20ByWeekday: Record<number, number> = {};
  for (let wd = 1; wd <= 5; wd++) {
    const list = visits.filter((v) => isoWeekday(v.day) === wd);
    if (list.length > 0) gt20ByWeekday[wd] = rowOf(list).over20Percent ?? 0;
  }
  return {
    mode,
    all: rowOf(visits),
    booked: mode === 'booking' ? rowOf(visits.filter((v) => v.booked)) : emptyRow(),
    walkIn: rowOf(visits.filter((v) => !v.booked)),
    trips: visits.length,
    failedTrips,
    overtimeMinutesPerDay: overtime / world.measured.size,
    bookingDelayDays: bookings === 0 ? 0 : delayDays / bookings,
    gt20ByWeekday,
  };
}

function emptyRow(): WaitStatsRow {
  return {
    day: null,
    office: null,
    service: null,
    counter: null,
    visits: 0,
    waited: 0,
    noShows: 0,
    uncalled: 0,
    served: 0,
    meanWaitMinutes: null,
    p90WaitMinutes: null,
    maxWaitMinutes: null,
    meanServiceMinutes: null,
    over20: 0,
    over20Percent: null,
  };
}

interface Served {
  trip: Trip;
  call: number;
  end: number;
  counter: string;
}

/**
 * One day at the counters, event by event: a counter that is free calls nextTicket (the
 * product's order) over the tickets waiting; the queue present at closing time is served to the
 * end (nobody holding a ticket is sent away); during the lunch break only the morning's queue is
 * finished, and the afternoon starts at its window.
 */
function simulateDay(
  config: SimConfig,
  day: IsoDate,
  windows: readonly Window[],
  trips: readonly Trip[],
  lineOf: (service: string) => string,
): Served[] {
  const served: Served[] = [];
  const lineCounts = new Map<string, number>();
  const waiting: SimTicket[] = [];
  const freeAt = config.counters.map(() => windows[0]?.from ?? 0);
  let next = 0; // next trip to arrive
  const dayEnd = (windows.at(-1)?.to ?? 0) + 24 * 60;
  // a counter at minute t may call: the tickets of those who arrived before the current or last
  // closed window ended (so the morning queue is finished during lunch, not the afternoon's early birds)
  const callableBefore = (t: number): number => {
    let limit = -Infinity;
    for (const w of windows) {
      if (t >= w.from) limit = t < w.to ? Infinity : w.to;
    }
    return limit;
  };
  const nextOpening = (t: number): number | null => windows.find((w) => w.from > t)?.from ?? null;

  for (let guard = 0; guard < 100_000; guard++) {
    // the counter free first
    let c = 0;
    for (let i = 1; i < freeAt.length; i++) if ((freeAt[i] ?? 0) < (freeAt[c] ?? 0)) c = i;
    const now = freeAt[c] ?? 0;
    if (now >= dayEnd) break;
    // everyone who arrived by now takes a ticket
    while (next < trips.length && (trips[next]?.arrival ?? Infinity) <= now) {
      const trip = trips[next++] as Trip;
      const line = lineOf(trip.citizen.service);
      const n = (lineCounts.get(line) ?? 0) + 1;
      lineCounts.set(line, n);
      waiting.push({
        code: `${line}${String(n).padStart(3, '0')}`,
        line,
        priority: trip.citizen.priority,
        slotStart: trip.slotStart === null ? null : at(day, trip.slotStart),
        arrivedAt: at(day, trip.arrival),
        status: 'waiting',
        trip,
        arrivalMinute: trip.arrival,
      });
    }
    const limit = callableBefore(now);
    const candidates = limit === Infinity ? waiting : waiting.filter((t) => t.arrivalMinute < limit);
    const counter = config.counters[c] as CallingCounter;
    const ticket = nextTicket(candidates, at(day, now), counter);
    if (ticket) {
      waiting.splice(waiting.indexOf(ticket), 1);
      const minutes = ticket.trip.fails
        ? Math.max(1, ticket.trip.citizen.serviceMinutes / 3) // the clerk stops at the missing paper
        : ticket.trip.citizen.serviceMinutes;
      served.push({ trip: ticket.trip, call: now, end: now + minutes, counter: counter.id ?? String(c + 1) });
      freeAt[c] = now + minutes;
      continue;
    }
    // nothing to call: wait for the next arrival or the next opening, whichever lets it work
    const arrival = trips[next]?.arrival ?? Infinity;
    const opening = nextOpening(now);
    let wake = arrival;
    if (limit !== Infinity) wake = Math.max(arrival, opening ?? Infinity); // lunch: the afternoon first
    if (wake === Infinity) {
      if (waiting.length === 0 && next >= trips.length) {
        freeAt[c] = dayEnd; // done for the day
        continue;
      }
      wake = opening ?? dayEnd;
    }
    freeAt[c] = Math.max(wake, now + 1e-6);
  }
  if (waiting.length > 0 || served.length !== trips.length) {
    throw new Error(`day ${day}: ${trips.length - served.length} visitors never called`);
  }
  return served;
}
