/**
 * Helpers and child-process entries for bench/sync.bench.ts:
 * - `seedHubRaw`: a generated comune straight into a hub SQLite file with prepared statements
 *   (the Kysely seeder is correct but slow for a million residents);
 * - `SPORTELLO_BENCH_WORKER=hub`: a real hub (buildHubServer) in its own process;
 * - `SPORTELLO_BENCH_WORKER=clients`: simulated workstations pushing batches over real HTTP.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import {
  mkdtempSync,
  readFileSync,
  realpathSync,
  rmSync,
  symlinkSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import SQLite from 'better-sqlite3';
import { uuidv7 } from 'uuidv7';
import type * as DeskCoreModule from '../electron/desk/core';
import type * as CredentialFileModule from '../electron/desk/credential-file';
import { openHubDatabase } from '../hub/db/open-hub-database';
import { eventRow, familyRow, residentRow } from '../hub/registry/registry-repository';
import { buildHubServer } from '../hub/server';
import { generateRegistry, type GenerateOptions } from '../resources/demo/generate-registry';
import { PROTOCOL_VERSION, PUSH_PATH } from '../shared/sync/registry-page';
import { answerParent, lineFrom } from './child-line';
import { startProfile } from './cpu-profile';

const ROOT = resolve(__dirname, '..');

/** Generated households into the hub's registry tables (migrated, with comuni already inserted). */
export function seedHubRaw(
  file: string,
  plan: GenerateOptions,
): { residents: number; families: number; events: number } {
  const sqlite = new SQLite(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = OFF');
  sqlite.pragma('cache_size = -262144');
  const indexes = sqlite
    .prepare(
      "select name, sql from sqlite_master where type = 'index' and sql is not null and tbl_name in ('families', 'residents', 'resident_events')",
    )
    .all() as { name: string; sql: string }[];
  for (const ix of indexes) sqlite.exec(`drop index ${ix.name}`);
  const insert = (table: string, row: Record<string, unknown>) => {
    const cols = Object.keys(row);
    return sqlite.prepare(
      `insert into ${table} (${cols.join(', ')}) values (${cols.map((c) => `@${c}`).join(', ')})`,
    );
  };
  let insFamily: SQLite.Statement | null = null;
  let insResident: SQLite.Statement | null = null;
  let insEvent: SQLite.Statement | null = null;
  const totals = { residents: 0, families: 0, events: 0 };
  const generator = generateRegistry(plan);
  const batch = sqlite.transaction((n: number) => {
    for (let i = 0; i < n; i++) {
      const next = generator.next();
      if (next.done) return true;
      const h = next.value;
      const f = familyRow(h.family);
      (insFamily ??= insert('families', f)).run(f);
      for (const m of h.members) {
        const r = residentRow(m);
        (insResident ??= insert('residents', r)).run(r);
      }
      for (const e of h.events) {
        const r = eventRow(e);
        (insEvent ??= insert('resident_events', r)).run(r);
      }
      totals.families++;
      totals.residents += h.members.length;
      totals.events += h.events.length;
    }
    return false;
  });
  while (!batch(20_000));
  for (const ix of indexes) sqlite.exec(ix.sql);
  sqlite.exec('ANALYZE');
  sqlite.pragma('wal_checkpoint(TRUNCATE)');
  sqlite.close();
  return totals;
}

/**
 * Another revision's source tree (`git archive`, this tree's node_modules linked in), to run its
 * hub against the same data in the same run: the "before" of a before/after comparison.
 */
export function beforeTree(rev: string): { root: string; commit: string; remove(): void } {
  const root = mkdtempSync(join(tmpdir(), 'sportello-bench-before-'));
  const commit = execFileSync('git', ['rev-parse', '--short', rev], { cwd: ROOT, encoding: 'utf8' }).trim();
  execFileSync('sh', ['-c', `git archive ${commit} | tar -x -C "${root}"`], { cwd: ROOT });
  symlinkSync(realpathSync(join(ROOT, 'node_modules')), join(root, 'node_modules'));
  return { root, commit, remove: () => rmSync(root, { recursive: true, force: true }) };
}

// ---------------------------------------------------------------------------------------------
// Child processes

/** `root`: the source tree the worker runs from (another checkout: the "before" of a comparison) */
function spawnWorker(kind: string, env: Record<string, string>, root = ROOT): ChildProcess {
  const prof = process.env.BENCH_CPU_PROF
    ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`]
    : [];
  return spawn(process.execPath, [...prof, '--import', 'tsx', join(root, 'bench', 'sync-workers.ts')], {
    cwd: root,
    env: { ...process.env, ...env, SPORTELLO_BENCH_WORKER: kind },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
}

export interface HubProcess {
  url: string;
  /** CPU time the hub process has used so far (user + system), NaN where /proc is not there */
  cpuSeconds(): number;
  stop(): Promise<void>;
}

let clockTicks: number | null = null;

/** a process's user + system CPU time from /proc (Linux), NaN elsewhere */
function processCpuSeconds(pid: number | undefined): number {
  try {
    clockTicks ??= Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
    // the fields after the command name (which may hold spaces): utime and stime are 14th and 15th
    const stat = readFileSync(`/proc/${String(pid)}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / clockTicks;
  } catch {
    return Number.NaN;
  }
}

/**
 * A real hub on the given SQLite file, in its own process (the benchmark must not starve it),
 * running the code of `root` (this tree unless told: beforeTree gives another revision's).
 */
export async function startHubProcess(sqliteFile: string, root = ROOT): Promise<HubProcess> {
  const proc = spawnWorker('hub', { HUB_SQLITE: sqliteFile }, root);
  const url = await lineFrom(proc, 'listening ', 60_000);
  return {
    url,
    cpuSeconds: () => processCpuSeconds(proc.pid),
    stop: async () => {
      if (proc.exitCode !== null) return;
      const exited = new Promise((ok) => proc.once('exit', ok));
      proc.kill('SIGTERM');
      await Promise.race([exited, sleep(10_000).then(() => proc.kill('SIGKILL'))]);
    },
  };
}

export interface PushLoad {
  url: string;
  tokens: string[];
  /** the clerk's credential at each workstation, same order as `tokens` */
  clerkTokens: string[];
  residentIds: string[];
  clerk: string;
  batch: number;
  /**
   * each workstation pushes one batch every `periodMs` (open loop, like counters that do not
   * wait for each other); when an answer comes later than that, the next push follows at once.
   * 0 = back to back (saturation)
   */
  periodMs: number;
  durationMs: number;
  warmupMs: number;
}

export interface PushResult {
  mutations: number;
  requests: number;
  errors: number;
  seconds: number;
  /** latencies in ms of the requests completed in the measured window (after the warm-up) */
  latencies: number[];
}

/** Runs the workstations split over `workers` processes; merged result. */
export async function runPushLoad(load: PushLoad, workers: number): Promise<PushResult> {
  const share = Math.ceil(load.tokens.length / workers);
  const parts = await Promise.all(
    Array.from({ length: workers }, async (_, w) => {
      const tokens = load.tokens.slice(w * share, (w + 1) * share);
      const clerkTokens = load.clerkTokens.slice(w * share, (w + 1) * share);
      // the load (thousands of resident ids) goes by file: too big for the environment
      const file = join(mkdtempSync(join(tmpdir(), 'sportello-push-load-')), 'load.json');
      writeFileSync(file, JSON.stringify({ ...load, tokens, clerkTokens }));
      const proc = spawnWorker('clients', { PUSH_LOAD: file });
      return JSON.parse(
        await lineFrom(proc, 'result ', load.durationMs + load.warmupMs + 60_000),
      ) as PushResult;
    }),
  );
  return {
    mutations: parts.reduce((n, p) => n + p.mutations, 0),
    requests: parts.reduce((n, p) => n + p.requests, 0),
    errors: parts.reduce((n, p) => n + p.errors, 0),
    seconds: Math.max(...parts.map((p) => p.seconds)),
    latencies: parts.flatMap((p) => p.latencies),
  };
}

async function clientsMain(load: PushLoad): Promise<PushResult> {
  const started = performance.now();
  const measureFrom = started + load.warmupMs;
  const end = measureFrom + load.durationMs;
  const result: PushResult = { mutations: 0, requests: 0, errors: 0, seconds: 0, latencies: [] };
  let n = 0;
  const workstation = async (token: string, w: number) => {
    // counters are not in lockstep: the first pushes are spread over one period
    let next = started + (load.periodMs > 0 ? ((w * 7919) % 1000) * (load.periodMs / 1000) : 0);
    while (performance.now() < end) {
      const wait = next - performance.now();
      if (wait > 0) await sleep(wait);
      next += load.periodMs;
      const mutations = Array.from({ length: load.batch }, () => {
        const i = n++;
        return {
          id: uuidv7(),
          name: 'registry.updateContacts',
          args: {
            residentId: load.residentIds[i % load.residentIds.length],
            phone: `0142${String(1_000_000 + (i % 9_000_000))}`,
            email: null,
          },
          clerk: load.clerk,
          at: new Date().toISOString(),
        };
      });
      const body = JSON.stringify({ mutations });
      const t0 = performance.now();
      let ok = false;
      try {
        const res = await fetch(new URL(PUSH_PATH, load.url), {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            authorization: `Bearer ${token}`,
            'x-sportello-clerk': load.clerkTokens[w] ?? '',
            'x-sportello-protocol': String(PROTOCOL_VERSION),
          },
          body,
        });
        const answer = (await res.json()) as { results?: { status: string }[] };
        ok = res.ok && (answer.results ?? []).every((r) => r.status === 'applied');
      } catch {
        ok = false;
      }
      const t1 = performance.now();
      // what completes inside the window counts (requiring the start inside too would undercount slow ones)
      if (t1 >= measureFrom && t1 <= end) {
        result.requests++;
        result.latencies.push(t1 - t0);
        if (ok) result.mutations += load.batch;
        else result.errors++;
      }
    }
  };
  await Promise.all(load.tokens.map((t, w) => workstation(t, w)));
  result.seconds = load.durationMs / 1000;
  return result;
}

async function hubMain(file: string): Promise<void> {
  const hubDb = await openHubDatabase({ sqliteFile: file });
  const app = buildHubServer({ hubDb });
  const url = await app.listen({ host: '127.0.0.1', port: 0 });
  const profile = process.env.BENCH_CPU_PROF ? await startProfile() : null;
  const stop = () => {
    void (
      profile?.(join(process.env.BENCH_CPU_PROF ?? '', `hub-${process.pid}.cpuprofile`)) ?? Promise.resolve()
    )
      .then(() => app.close())
      .then(() => hubDb.close())
      .then(() => process.exit(0));
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
  writeSync(1, `listening ${url}\n`);
}

export interface DeskBootstrapResult {
  seconds: number;
  /** CPU time of the desk process meanwhile (user + system): what the load around cannot change */
  cpuSeconds: number;
  /** the desk process's peak resident memory (MB); absent from a before's older worker */
  peakRssMb?: number;
  state: string;
  residents: number;
}

/**
 * A desk core's first sync from `hubUrl`, in its own process, running the desk code of `root`
 * (this tree unless told): the "before" of a comparison runs the before's desk as well as its hub.
 */
export async function runDeskBootstrap(
  root: string,
  dbFile: string,
  hubUrl: string,
  token: string,
): Promise<DeskBootstrapResult> {
  const proc = spawnWorker('desk-bootstrap', {
    DESK_ROOT: root,
    DESK_DB: dbFile,
    HUB_URL: hubUrl,
    HUB_TOKEN: token,
  });
  return JSON.parse(await lineFrom(proc, 'result ', 3_600_000)) as DeskBootstrapResult;
}

async function deskBootstrapMain(): Promise<DeskBootstrapResult> {
  const root = process.env.DESK_ROOT ?? ROOT;
  const from = (path: string) => pathToFileURL(join(root, path)).href;
  // the desk of `root`, whatever tree this worker itself comes from
  const { createDeskCore, DEFAULT_DESK_CONFIG } = (await import(
    from('electron/desk/core.ts')
  )) as typeof DeskCoreModule;
  const { memoryCredentialStore } = (await import(
    from('electron/desk/credential-file.ts')
  )) as typeof CredentialFileModule;
  const core = await createDeskCore({
    dbFile: process.env.DESK_DB ?? '',
    config: { ...DEFAULT_DESK_CONFIG, version: 'bench' },
    credentials: memoryCredentialStore({
      hubUrl: process.env.HUB_URL ?? '',
      workstation: 'desk-bootstrap',
      token: process.env.HUB_TOKEN ?? '',
    }),
  });
  const profile = process.env.BENCH_CPU_PROF ? await startProfile() : null;
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const status = await core.sync.syncOnce();
  const seconds = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  await profile?.(join(process.env.BENCH_CPU_PROF ?? '', `desk-${process.pid}.cpuprofile`));
  await core.close();
  // kilobytes on Linux: the desk process's peak resident memory, its pages in flight included
  const peakRssMb = process.resourceUsage().maxRSS / 1024;
  return { seconds, cpuSeconds, peakRssMb, state: status.state, residents: status.residents };
}

const role = process.env.SPORTELLO_BENCH_WORKER;
if (role === 'desk-bootstrap') {
  answerParent(deskBootstrapMain());
} else if (role === 'hub') {
  hubMain(process.env.HUB_SQLITE ?? '').catch((err: unknown) => {
    console.error(err);
    process.exit(1);
  });
} else if (role === 'clients') {
  answerParent(clientsMain(JSON.parse(readFileSync(process.env.PUSH_LOAD ?? '', 'utf8')) as PushLoad));
}
