/**
 * `npm run bench:queue`: the supervisor's queue over 100,000 cases of 10 procedures in the desk
 * core: 1,000 `cases:queue` dispatches (contract validation, session, the filtered count and one
 * window of 100 rows, sorted) of mixed shapes — default order, one filter (procedure, office,
 * state, assignee, deadline colour), another sort, and scrolling to a random window of the list.
 * Target: p95 ≤ 20 ms. The screen side: the virtualised list keeps a screenful of rows in the
 * DOM whatever the length (virtual-window.ts), reported as `dom_rows`.
 * Last line: `queue p95_ms=<x> cases=100000`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import SQLite from 'better-sqlite3';
import { addDays } from '../shared/calendar/iso-date';
import { romeDateOf } from '../shared/calendar/rome-date';
import { amberDays } from '../shared/cases/case-engine';
import { OPEN_STATUSES } from '../shared/cases/case-model';
import type { QueueInput } from '../shared/contract/case-inputs';
import { createDeskCore, DEFAULT_DESK_CONFIG } from '../electron/desk/core';
import { memoryCredentialStore } from '../electron/desk/credential-file';
import type { HubClient } from '../electron/desk/hub-client/hub-client';
import { visibleWindow } from '../renderer/src/cases/virtual-window';
import { percentile } from './percentile';

const CASES = Number(process.env.BENCH_CASES ?? 100_000);
const QUERIES = 1000;
const PROCEDURES = [
  ['cambio_residenza', 'anagrafe', 45],
  ['occupazione_suolo_pubblico', 'suolo_pubblico', 30],
  ['contributo_economico', 'servizi_sociali', 60],
  ['assistenza_domiciliare', 'servizi_sociali', 30],
  ['permesso_ztl', 'polizia_locale', 30],
  ['permesso_sosta_residenti', 'polizia_locale', 30],
  ['contrassegno_disabili', 'polizia_locale', 30],
  ['scia_commercio', 'suap', 60],
  ['passo_carrabile', 'suolo_pubblico', 60],
  ['refezione_scolastica', 'servizi_scolastici', 30],
] as const;
const CLERKS = [
  'anagrafe.casale',
  'anagrafe2.casale',
  'supervisore.casale',
  'sociali1',
  'sociali2',
  'pl1',
  'pl2',
  'suap1',
];
const CLOSED = ['approved', 'rejected', 'withdrawn', 'closed'] as const;

const pct = percentile;
const fmt = (n: number): string => n.toFixed(3);

let seed = 4242;
const rand = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)] as T;

/** The comune's cases as the mirror stores them, written directly (as bench:search loads residents). */
function loadCases(sqlite: SQLite.Database, today: string): void {
  const insert =
    sqlite.prepare(`insert into cases (id, comune, procedure_code, office, status, is_open, subject,
    applicant_id, applicant_name, assignee, created_at, created_by, protocol, received_on, due_date, amber_from,
    term_days, deadline_asof, concluded_on, handling_days, last_event_at, counter_seconds, visits, receipt_delivery,
    procedure_key, record) values (?, 'B885', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '{}')`);
  sqlite.transaction(() => {
    for (let i = 0; i < CASES; i++) {
      const [code, office, term] = pick(PROCEDURES);
      const open = rand() < 0.7;
      const status = open ? pick(OPEN_STATUSES) : pick(CLOSED);
      const received = addDays(today, -Math.floor(rand() * 400));
      const due = addDays(received, term);
      const concluded = open ? null : addDays(received, Math.floor(rand() * term * 1.3));
      const awaiting = status === 'submitted';
      insert.run(
        `case-${String(i).padStart(6, '0')}`,
        code,
        office,
        status,
        open ? 1 : 0,
        `Pratica ${code} n. ${i}`,
        `r-${i % 35_000}`,
        `Cittadino ${i % 35_000}`,
        status === 'submitted' || status === 'registered' || rand() < 0.1 ? null : pick(CLERKS),
        `${received}T09:${String(i % 60).padStart(2, '0')}:00`,
        pick(CLERKS),
        awaiting ? null : `${received.slice(0, 4)}/${String(i + 1).padStart(7, '0')}`,
        awaiting ? null : received,
        due,
        addDays(due, -amberDays(term)),
        term,
        today,
        concluded,
        concluded ? Math.floor(rand() * term) : null,
        `${received}T10:00:00`,
        Math.floor(rand() * 1800),
        1 + Math.floor(rand() * 3),
        pick(['printed', 'file', 'none']),
        `${code}|*|2020-07-17`,
      );
    }
  })();
  sqlite.exec('ANALYZE');
}

type Shape = Partial<QueueInput>;

function shapes(total: number): Shape[] {
  const list: Shape[] = [];
  for (let i = 0; i < QUERIES; i++) {
    switch (i % 10) {
      case 0:
        list.push({});
        break;
      case 1:
        list.push({ procedure: pick(PROCEDURES)[0] });
        break;
      case 2:
        list.push({ office: pick(PROCEDURES)[1] });
        break;
      case 3:
        list.push({ assignee: pick(['me', 'none', ...CLERKS]) });
        break;
      case 4:
        list.push({ colour: pick(['green', 'amber', 'red'] as const) });
        break;
      case 5:
        list.push({ status: pick(OPEN_STATUSES), procedure: pick(PROCEDURES)[0] });
        break;
      case 6:
        list.push({
          sort: pick(['created', 'protocol', 'procedure', 'status', 'assignee'] as const),
          dir: 'desc',
        });
        break;
      case 7:
        list.push({ colour: 'red', sort: 'due', assignee: pick(CLERKS) });
        break;
      case 8:
        // scrolling: any window of the open list
        list.push({ offset: Math.floor(rand() * Math.max(1, total - 100)) });
        break;
      default:
        list.push({ scope: pick(['concluded', 'all'] as const), procedure: pick(PROCEDURES)[0] });
    }
  }
  return list;
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'sportello-bench-queue-'));
  const never = () => Promise.reject(new Error('no hub in the benchmark'));
  const noHub: HubClient = {
    enrol: never,
    login: never,
    registryPage: never,
    push: never,
    changes: never,
    comuneExceptions: never,
    logout: never,
  };
  const core = await createDeskCore({
    dbFile: join(dir, 'desk.sqlite'),
    config: { ...DEFAULT_DESK_CONFIG, idleTimeoutMinutes: 600, version: 'bench' },
    credentials: memoryCredentialStore({
      hubUrl: 'http://127.0.0.1:9',
      workstation: 'bench',
      token: 'x'.repeat(20),
    }),
    hub: noHub,
  });
  const sqlite = new SQLite(join(dir, 'desk.sqlite'));
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = OFF');
  const today = romeDateOf(new Date());
  const t0 = performance.now();
  loadCases(sqlite, today);
  const open = (sqlite.prepare('select count(*) as n from cases where is_open = 1').get() as { n: number }).n;
  console.log(
    `cases=${CASES} open=${open} procedures=${PROCEDURES.length} loaded_s=${((performance.now() - t0) / 1000).toFixed(1)}`,
  );

  // A session as after a real login (a supervisor: the whole comune's queue).
  core.ctx.state.session = {
    hubToken: null,
    lastActivity: Date.now(),
    info: {
      offline: true,
      clerk: { id: 'bench', username: 'supervisore.casale', displayName: 'Bench', role: 'supervisor' },
      comune: { belfiore: 'B885', name: 'Casale Monferrato' },
      workstation: 'bench',
      idleTimeoutMinutes: 600,
      expiresAt: new Date(Date.now() + 3_600_000).toISOString(),
    },
  };

  const list = shapes(open);
  for (const s of list.slice(0, 50)) await core.dispatch('cases:queue', s);
  const ms: number[] = [];
  const byKind = new Map<string, number[]>();
  let rows = 0;
  for (const s of list) {
    const t = performance.now();
    const r = await core.dispatch('cases:queue', s);
    const elapsed = performance.now() - t;
    if (!r.ok) throw new Error(`queue failed: ${JSON.stringify(r.error)}`);
    rows += (r.value as { items: unknown[] }).items.length;
    ms.push(elapsed);
    const kind = Object.keys(s).sort().join('+') || 'default';
    byKind.set(kind, [...(byKind.get(kind) ?? []), elapsed]);
  }
  ms.sort((a, b) => a - b);
  for (const [kind, values] of [...byKind.entries()].sort()) {
    values.sort((a, b) => a - b);
    console.log(
      `  ${kind.padEnd(28)} n=${String(values.length).padStart(3)} p50_ms=${fmt(pct(values, 50))} p95_ms=${fmt(pct(values, 95))}`,
    );
  }
  // Searching words of the subject is a scan (LIKE '%…%'): reported apart, not a queue filter.
  const text: number[] = [];
  for (let i = 0; i < 50; i++) {
    const t = performance.now();
    await core.dispatch('cases:queue', { text: `n. ${Math.floor(rand() * CASES)}` });
    text.push(performance.now() - t);
  }
  text.sort((a, b) => a - b);
  const window = visibleWindow(48 * Math.floor(open / 2), 560, 48, open);
  console.log(
    `queries=${QUERIES} rows=${rows} p50_ms=${fmt(pct(ms, 50))} p95_ms=${fmt(pct(ms, 95))} p99_ms=${fmt(pct(ms, 99))} | text_search p95_ms=${fmt(pct(text, 95))} | dom_rows=${window.last - window.first + 1} of ${open}`,
  );
  sqlite.close();
  await core.close();
  rmSync(dir, { recursive: true, force: true });
  console.log(`queue p95_ms=${fmt(pct(ms, 95))} cases=${CASES}`);
}

void main();
