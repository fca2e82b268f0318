/**
 * The hub's call-next as a transaction, timed under many counters calling at once. The booking
 * service's HTTP route was not on main when this bench was written, so this times its shape:
 * one SQLite connection (better-sqlite3 on a file, WAL), as the hub holds it, with Kysely's
 * rule that one transaction runs at a time on it (an async mutex here), and per call:
 * BEGIN IMMEDIATE → select the office's waiting tickets (index on office, day, status) →
 * nextTicket (the product's order) → update that ticket to called, guarded on status → COMMIT.
 * Each call's time runs from the counter pressing the key to the answer, queueing included.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import SQLite from 'better-sqlite3';
import { nextTicket, ticketCode, type QueueTicket } from '../shared/visits/call-order';
import { percentile } from './percentile';

export interface CallNextOptions {
  counters: number;
  rounds: number;
  /** tickets waiting in the room when the counters start calling */
  waiting: number;
  /** past tickets in the table (other days and offices), so the index has something to skip */
  history: number;
}

export interface CallNextResult {
  calls: number;
  p50: number;
  p95: number;
  p99: number;
  duplicates: number;
  emptyAnswers: number;
}

interface TicketRow {
  id: number;
  code: string;
  line: string;
  priority: number;
  slot_start: string | null;
  arrived_at: string;
}

const LINES = ['A', 'B', 'C', 'D'] as const;
const DAY = '2027-02-01';
const pad2 = (n: number): string => String(n).padStart(2, '0');
const clock = (minute: number): string =>
  `${DAY}T${pad2(Math.floor(minute / 60))}:${pad2(Math.floor(minute % 60))}`;

/** A mutex as Kysely's SQLite driver keeps one: one transaction at a time on the connection. */
function connectionMutex(): <T>(work: () => Promise<T>) => Promise<T> {
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(work: () => Promise<T>) => {
    const run = tail.then(work, work);
    tail = run.catch(() => undefined);
    return run;
  };
}

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
      status text not null,
      counter text,
      called_at text
    );
    create index tickets_waiting on tickets (office, day, status);`);
    const insert = db.prepare(
      `insert into tickets (office, day, code, line, priority, slot_start, arrived_at, status)
       values (?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    let serial = 0;
    const addTicket = (office: string, day: string, minute: number, status: string) => {
      serial++;
      const line = LINES[serial % LINES.length] ?? 'A';
      const booked = serial % 3 === 0;
      const slot = booked ? clock(Math.floor(minute / 20) * 20 + 20) : null;
      insert.run(
        office,
        day,
        ticketCode(line, serial),
        line,
        serial % 17 === 0 ? 1 : 0,
        slot,
        clock(minute),
        status,
      );
    };
    db.transaction(() => {
      for (let i = 0; i < options.history; i++)
        addTicket(
          i % 5 === 0 ? 'tributi' : 'anagrafe',
          `2027-01-${pad2(1 + (i % 28))}`,
          510 + (i % 240),
          'done',
        );
      for (let i = 0; i < options.waiting; i++) addTicket('anagrafe', DAY, 510 + (i % 120), 'waiting');
    })();

    const selectWaiting = db.prepare<[string, string], TicketRow>(
      `select id, code, line, priority, slot_start, arrived_at from tickets
       where office = ? and day = ? and status = 'waiting'`,
    );
    const markCalled = db.prepare<[string, string, number]>(
      `update tickets set status = 'called', counter = ?, called_at = ? where id = ? and status = 'waiting'`,
    );
    const exclusive = connectionMutex();
    const tick = () => new Promise<void>((resolve) => setImmediate(resolve));

    /** One press of "call next" at counter `counter`: the hub's transaction, statement by statement. */
    const callNext = (counter: number, now: string): Promise<number | null> =>
      exclusive(async () => {
        db.exec('BEGIN IMMEDIATE');
        try {
          await tick(); // the driver hands each statement back through the event loop
          const rows = selectWaiting.all('anagrafe', DAY);
          const tickets: (QueueTicket & { id: number })[] = rows.map((r) => ({
            id: r.id,
            code: r.code,
            line: r.line,
            priority: r.priority === 1,
            slotStart: r.slot_start,
            arrivedAt: r.arrived_at,
            status: 'waiting',
          }));
          // every counter serves every line, each starting from its own
          const first = counter % LINES.length;
          const lines = [...LINES.slice(first), ...LINES.slice(0, first)];
          const chosen = nextTicket(tickets, now, lines);
          await tick();
          if (chosen && markCalled.run(String(counter), now, chosen.id).changes !== 1) {
            throw new Error(`ticket ${chosen.code} was no longer waiting`);
          }
          db.exec('COMMIT');
          return chosen?.id ?? null;
        } catch (err) {
          db.exec('ROLLBACK');
          throw err;
        }
      });

    const times: number[] = [];
    const calledIds: number[] = [];
    let empty = 0;
    // warm the statements
    await callNext(0, clock(600));
    for (let round = 0; round < options.rounds; round++) {
      const now = clock(600 + round / 4);
      const results = await Promise.all(
        Array.from({ length: options.counters }, async (_, counter) => {
          const started = performance.now();
          const id = await callNext(counter, now);
          times.push(performance.now() - started);
          return id;
        }),
      );
      for (const id of results) {
        if (id === null) empty++;
        else calledIds.push(id);
      }
      // the room refills as the counters empty it: as many arrive as were called
      db.transaction(() => {
        for (let i = 0; i < options.counters; i++) addTicket('anagrafe', DAY, 600 + round / 4, 'waiting');
      })();
    }
    return {
      calls: times.length,
      p50: percentile(times, 50),
      p95: percentile(times, 95),
      p99: percentile(times, 99),
      duplicates: calledIds.length - new Set(calledIds).size,
      emptyAnswers: empty,
    };
  } finally {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
