/**
 * The hub's call-next as a transaction, timed under many counters calling at once. The booking
 * service's HTTP route was not on main when this bench was written, so this times its shape:
 * one SQLite connection (better-sqlite3 on a file, WAL), as the hub holds it, with Kysely's
 * rule that one transaction runs at a time on it (an async mutex here, statements handed back
 * through promises as Kysely's driver does), and per call: BEGIN IMMEDIATE → select the waiting
 * tickets → nextTicket (the product's order) → update that ticket to called, guarded on
 * status → COMMIT, after the transaction binding the counter to its workstation (the route's
 * bindCounter: insert if new, read the holder, refresh it). Each call's time runs from the counter pressing the key to the answer,
 * queueing behind the other counters included.
 *
 * Two ways of selecting, both timed:
 * - `room`: every waiting ticket of the office, nextTicket over all of them (what the hub did
 *   until it read the heads only);
 * - `candidates`: only the head of each tier nextTicket orders by (the on-time booked ticket with
 *   the earliest slot, the oldest ticket transferred to this counter, per line the first walk-in
 *   by priority then arrival, the early booked ticket with the earliest slot), found through the
 *   indexes: at most 3 + lines rows, and nextTicket over them gives the same ticket, since each
 *   tier's winner is the head of its own list. Checked here call by call before timing. The hub
 *   does this (hub/booking/tickets.ts `tierHeads`, with the kept-slot flag stored at check-in
 *   where this shape computes it; hub/booking/call-next.integration.test.ts checks it against the
 *   whole room's order), so the figure printed last is this one.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import SQLite from 'better-sqlite3';
import {
  DEFAULT_GRACE_MINUTES,
  DEFAULT_LATE_MINUTES,
  nextTicket,
  ticketCode,
  type QueueTicket,
} from '../shared/visits/call-order';
import { percentile } from './percentile';

export type Selection = 'room' | 'candidates';

export interface CallNextOptions {
  counters: number;
  rounds: number;
  /** tickets waiting in the room when the counters start calling */
  waiting: number;
  /** past tickets in the table (other days and offices), so the indexes have something to skip */
  history: number;
  /** calls made one by one with both selections, each answer compared, before the timing */
  checks: number;
}

export interface CallNextTiming {
  /** one call with nobody else calling: the transaction's own time, median */
  aloneP50: number;
  /** process CPU time per call while 50 call at once (less sensitive to a busy machine than the clock) */
  cpuPerCall: number;
  calls: number;
  p50: number;
  p95: number;
  p99: number;
  duplicates: number;
  emptyAnswers: number;
}

export interface CallNextResult {
  room: CallNextTiming;
  candidates: CallNextTiming;
  /** calls where both selections chose the same ticket, of `checks` */
  agreed: number;
  checks: number;
}

interface TicketRow {
  id: number;
  code: string;
  line: string;
  priority: number;
  slot_start: string | null;
  arrived_at: string;
  for_counter: string | null;
}

type Ticket = QueueTicket & { id: number };

const LINES = ['A', 'C', 'R', 'P'] as const;
const OFFICE = 'anagrafe';
const DAY = '2027-02-01';
const GRACE = DEFAULT_GRACE_MINUTES;
const LATE = DEFAULT_LATE_MINUTES;
const pad2 = (n: number): string => String(n).padStart(2, '0');
/** Minute of DAY → 'YYYY-MM-DDTHH:MM:SS.sss', the one format every time in the table has. */
const clock = (minute: number): string => {
  const ms = Math.round(minute * 60_000);
  const s = ((ms % 60_000) / 1000).toFixed(3).padStart(6, '0');
  return `${DAY}T${pad2(Math.floor(ms / 3_600_000))}:${pad2(Math.floor((ms % 3_600_000) / 60_000))}:${s}`;
};

/** A mutex as Kysely's SQLite driver keeps one: one transaction at a time on the connection. */
function connectionMutex(): <T>(work: () => Promise<T>) => Promise<T> {
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(work: () => Promise<T>) => {
    const run = tail.then(work, work);
    tail = run.catch(() => undefined);
    return run;
  };
}

const toTicket = (r: TicketRow): Ticket => ({
  id: r.id,
  code: r.code,
  line: r.line,
  priority: r.priority === 1,
  slotStart: r.slot_start,
  arrivedAt: r.arrived_at,
  status: 'waiting',
  forCounter: r.for_counter,
});

/** Counter n serves every line, starting from its own. */
const linesOf = (counter: number): string[] => {
  const first = counter % LINES.length;
  return [...LINES.slice(first), ...LINES.slice(0, first)];
};

export async function timeCallNext(options: CallNextOptions): Promise<CallNextResult> {
  const dir = mkdtempSync(join(tmpdir(), 'sportello-bench-visits-'));
  const db = new SQLite(join(dir, 'hub.sqlite'));
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.exec(`create table tickets (
      id integer primary key,
      office text not null,
      day text not null,
      code text not null,
      line text not null,
      priority integer not null,
      slot_start text,
      arrived_at text not null,
      for_counter text,
      status text not null,
      counter text,
      called_at text
    );
    create index tickets_walk_in on tickets (office, day, status, line, priority desc, arrived_at, code);
    create index tickets_booked on tickets (office, day, status, slot_start, arrived_at, code);
    create index tickets_transferred on tickets (office, day, status, for_counter, arrived_at, code);
    create table counters (
      office text not null, day text not null, counter text not null,
      workstation text not null, last_seen text not null,
      primary key (office, day, counter)
    );`);
    const insert = db.prepare(
      `insert into tickets (office, day, code, line, priority, slot_start, arrived_at, for_counter, status)
       values (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    // a varied room: booked (some early, some late), priority, transferred to one counter
    let rand = 0x2545f491;
    const next = () => (rand = (Math.imul(rand, 1103515245) + 12345) >>> 0) / 4294967296;
    let serial = 0;
    const addTicket = (office: string, day: string, minute: number, status: string) => {
      serial++;
      const line = LINES[Math.floor(next() * LINES.length)] ?? 'A';
      const booked = next() < 0.6;
      const slot = booked ? Math.floor((minute + 30 * next() - 20) / 5) * 5 : null;
      const arrived = slot === null ? minute : slot - 10 + 30 * next();
      const transferred = next() < 0.02 ? String(Math.floor(next() * options.counters)) : null;
      const time = (m: number) => (day === DAY ? clock(m) : `${day}${clock(m).slice(10)}`);
      insert.run(
        office,
        day,
        ticketCode(line, serial),
        line,
        next() < 0.05 ? 1 : 0,
        slot === null ? null : time(slot),
        time(arrived),
        transferred,
        status,
      );
    };
    db.transaction(() => {
      for (let i = 0; i < options.history; i++) {
        addTicket(i % 5 === 0 ? 'tributi' : OFFICE, `2027-01-${pad2(1 + (i % 28))}`, 510 + (i % 240), 'done');
      }
      for (let i = 0; i < options.waiting; i++) addTicket(OFFICE, DAY, 510 + (i % 120), 'waiting');
    })();

    const room = db.prepare<[string, string], TicketRow>(
      `select id, code, line, priority, slot_start, arrived_at, for_counter from tickets
       where office = ? and day = ? and status = 'waiting'`,
    );
    const lateAfter = `strftime('%Y-%m-%dT%H:%M:%f', slot_start, '+${LATE} minutes')`;
    const columns = 'id, code, line, priority, slot_start, arrived_at, for_counter';
    const waiting = `office = @office and day = @day and status = 'waiting'`;
    /** One statement, one trip into SQLite: the head of each tier, for a counter serving `n` lines. */
    const candidateStatements = new Map<number, SQLite.Statement<Record<string, string>, TicketRow>>();
    const candidatesFor = (n: number) => {
      let statement = candidateStatements.get(n);
      if (!statement) {
        const lines = Array.from({ length: n }, (_, i) => `@l${i}`);
        const booked = (comparison: string) =>
          `select * from (select ${columns} from tickets where ${waiting} and for_counter is null
             and slot_start ${comparison} @soon and line in (${lines.join(', ')}) and arrived_at <= ${lateAfter}
             order by slot_start, arrived_at, code limit 1)`;
        const parts = [
          booked('<='),
          `select * from (select ${columns} from tickets where ${waiting} and for_counter = @counter
             order by arrived_at, code limit 1)`,
          ...lines.map(
            (line) =>
              `select * from (select ${columns} from tickets where ${waiting} and for_counter is null and line = ${line}
                 and (slot_start is null or arrived_at > ${lateAfter})
                 order by priority desc, arrived_at, code limit 1)`,
          ),
          booked('>'),
        ];
        statement = db.prepare<Record<string, string>, TicketRow>(parts.join(' union all '));
        candidateStatements.set(n, statement);
      }
      return statement;
    };
    const select = (how: Selection, counter: number, now: number): Ticket[] => {
      if (how === 'room') return room.all(OFFICE, DAY).map(toTicket);
      const lines = linesOf(counter);
      const params: Record<string, string> = {
        office: OFFICE,
        day: DAY,
        soon: clock(now + GRACE),
        counter: String(counter),
      };
      lines.forEach((line, i) => (params[`l${i}`] = line));
      return candidatesFor(lines.length).all(params).map(toTicket);
    };
    const markCalled = db.prepare<[string, string, number]>(
      `update tickets set status = 'called', counter = ?, called_at = ? where id = ? and status = 'waiting'`,
    );
    // the hub binds the counter to the calling workstation first (hub/booking/counter-seats.ts),
    // in a transaction of its own: insert if new, read the holder, refresh it guarded on what was read
    const claim = db.prepare<[string, string, string, string, string]>(
      'insert into counters values (?, ?, ?, ?, ?) on conflict do nothing',
    );
    const holder = db.prepare<[string, string, string], { workstation: string; last_seen: string }>(
      'select workstation, last_seen from counters where office = ? and day = ? and counter = ?',
    );
    const refresh = db.prepare<[string, string, string, string, string, string]>(
      'update counters set last_seen = ? where office = ? and day = ? and counter = ? and workstation = ? and last_seen = ?',
    );
    const exclusive = connectionMutex();
    // Kysely's driver over better-sqlite3 answers each statement through a promise
    const hop = () => Promise.resolve();

    const bind = (counter: number, now: number): Promise<void> =>
      exclusive(async () => {
        db.exec('BEGIN IMMEDIATE');
        try {
          const ws = `ws-${counter}`;
          claim.run(OFFICE, DAY, String(counter), ws, clock(now));
          await hop();
          const seat = holder.get(OFFICE, DAY, String(counter));
          await hop();
          if (seat?.workstation !== ws) throw new Error(`counter ${counter} held by ${seat?.workstation}`);
          refresh.run(clock(now), OFFICE, DAY, String(counter), ws, seat.last_seen);
          await hop();
          db.exec('COMMIT');
        } catch (err) {
          db.exec('ROLLBACK');
          throw err;
        }
      });

    /** One press of "call next" at `counter`: the binding, then the hub's transaction, statement by statement. */
    const callNext = (how: Selection, counter: number, now: number): Promise<number | null> =>
      bind(counter, now).then(() =>
        exclusive(async () => {
          db.exec('BEGIN IMMEDIATE');
          try {
            await hop();
            const tickets = select(how, counter, now);
            const chosen = nextTicket(tickets, clock(now), { id: String(counter), lines: linesOf(counter) });
            await hop();
            if (chosen && markCalled.run(String(counter), clock(now), chosen.id).changes !== 1) {
              throw new Error(`ticket ${chosen.code} was no longer waiting`);
            }
            await hop();
            db.exec('COMMIT');
            return chosen?.id ?? null;
          } catch (err) {
            db.exec('ROLLBACK');
            throw err;
          }
        }),
      );

    let minute = 600;
    const refill = (count: number) =>
      db.transaction(() => {
        for (let i = 0; i < count; i++) addTicket(OFFICE, DAY, minute, 'waiting');
      })();

    // the candidates must choose what the whole room chooses: compare, one call at a time
    let agreed = 0;
    for (let i = 0; i < options.checks; i++) {
      const counter = i % options.counters;
      const now = minute + (i % 40) - 20; // around the slots, so on-time, early and late all occur
      const all = nextTicket(select('room', counter, now), clock(now), {
        id: String(counter),
        lines: linesOf(counter),
      });
      const few = nextTicket(select('candidates', counter, now), clock(now), {
        id: String(counter),
        lines: linesOf(counter),
      });
      if (all?.id === few?.id) agreed++;
      if (all) markCalled.run(String(counter), clock(now), all.id);
      refill(1);
    }

    const time = async (how: Selection): Promise<CallNextTiming> => {
      const times: number[] = [];
      const calledIds: number[] = [];
      let empty = 0;
      const alone: number[] = [];
      for (let i = 0; i < 200; i++) {
        const started = performance.now();
        await callNext(how, i % options.counters, minute); // also warms the statements
        alone.push(performance.now() - started);
        refill(1);
      }
      const cpu = process.cpuUsage();
      for (let round = 0; round < options.rounds; round++) {
        minute += 0.25;
        const results = await Promise.all(
          Array.from({ length: options.counters }, async (_, counter) => {
            const started = performance.now();
            const id = await callNext(how, counter, minute);
            times.push(performance.now() - started);
            return id;
          }),
        );
        for (const id of results) {
          if (id === null) empty++;
          else calledIds.push(id);
        }
        refill(options.counters); // the room refills as the counters empty it
      }
      const used = process.cpuUsage(cpu);
      return {
        aloneP50: percentile(alone, 50),
        cpuPerCall: (used.user + used.system) / 1000 / times.length,
        calls: times.length,
        p50: percentile(times, 50),
        p95: percentile(times, 95),
        p99: percentile(times, 99),
        duplicates: calledIds.length - new Set(calledIds).size,
        emptyAnswers: empty,
      };
    };
    const wholeRoom = await time('room');
    const candidates = await time('candidates');
    return { room: wholeRoom, candidates, agreed, checks: options.checks };
  } finally {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
