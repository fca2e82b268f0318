/**
 * `npm run bench:hub -- [--minutes 10] [--workstations 500] [--only postgres|sqlite]`: the hub as several instances.
 *
 * Simulated desks over real HTTP with the desk's own hub client (electron/desk/hub-client, with
 * its failover over `hubUrls`) push batches of contact changes (registry.updateContacts) and pull
 * their comune's change log, against 2 hub instances (child processes) on one PostgreSQL; half
 * way through, instance 1 is killed (SIGKILL) and restarted 5 s later. Each desk keeps an outbox:
 * what is not answered stays and goes again with the same ids, as the real sync engine does.
 * At the end the desks drain their outboxes and the database is asked what it holds:
 * - errors: pushes that found no instance, and mutations the hub refused (failover retries are not errors);
 * - lost: mutations the hub acknowledged (applied or duplicate: the desk drops them) that it does
 *   not hold; what is still in an outbox at the end is reported as pending, not lost;
 * - duplicated: mutations recorded more than once in the change log;
 * - push_p99_ms: of every push call, failover included; mutations_per_s: acknowledged, in the window.
 * The same run on one embedded SQLite hub (no kill) is printed first, for comparison.
 * BENCH_CPU_PROF=<dir>: each hub instance and client process writes its CPU profile there.
 * BENCH_PULL_LIMIT=<n> (200): the page of changes each desk pulls every second.
 * BENCH_PG_STATEMENTS=<n>: PostgreSQL's own account (pg_stat_statements) of its n costliest
 * statements during the load, on stderr.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { sql } from 'kysely';
import { uuidv7 } from 'uuidv7';
import { createHubClient } from '../electron/desk/hub-client/hub-client';
import { findUserByUsername, findWorkstationByTokenHash } from '../hub/auth/auth-repository';
import { issueClerkCredentials } from '../hub/auth/clerk-credentials';
import { hashToken } from '../hub/auth/tokens';
import { openHubDatabase, type OpenHubOptions } from '../hub/db/open-hub-database';
import { DEMO_USERS } from '../hub/seed/demo-users';
import { enrolWorkstation, insertHouseholds, seedComuniAndUsers } from '../hub/seed/seed-demo';
import { buildHubServer } from '../hub/server';
import { defaultDemoPlan, generateRegistry } from '../resources/demo/generate-registry';
import type { MutationEnvelope } from '../shared/sync/mutations';
import { startPostgresCluster } from '../test-support/postgres-cluster';
import { FAST_TEST_SCRYPT } from '../test-support/password-cost';
import { percentile } from './percentile';
import { answerParent, lineFrom } from './child-line';
import { startProfile } from './cpu-profile';

const SELF = resolve(__dirname, 'hub.bench.ts');
const ROOT = resolve(__dirname, '..');
const BATCH = 5;
/** each desk pushes one batch per period (open loop) and pulls one page of its comune's log */
const PERIOD_MS = 1000;
const PULL_LIMIT = Number(process.env.BENCH_PULL_LIMIT ?? 200);
const CLIENT_PROCESSES = 2;

const log = (line: string) => process.stderr.write(`${line}\n`);

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const v = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  return Number.isFinite(v) && v > 0 ? v : fallback;
}

interface Desk {
  token: string;
  pushKey: string;
  clerk: string;
  residentIds: string[];
}

interface Load {
  urls: string[];
  desks: Desk[];
  durationMs: number;
  /** where the client writes every mutation id it made */
  idsFile: string;
}

interface LoadResult {
  pushes: number;
  failedPushes: number;
  rejected: number;
  acknowledged: number;
  pulls: number;
  pulledChanges: number;
  pending: number;
  latencies: number[];
}

// ---------------------------------------------------------------------------------------------
// The store: every demo comune with a clerk, its registry, and the workstations

async function prepareStore(options: OpenHubOptions, workstations: number): Promise<Desk[]> {
  const hubDb = await openHubDatabase(options);
  const plan = defaultDemoPlan(6000);
  const clerks = DEMO_USERS.filter(
    (u) => u.role === 'clerk' && plan.some((p) => p.comune.belfiore === u.comune),
  );
  const byComune = new Map(clerks.map((c) => [c.comune, c.username]));
  const comuni = plan.filter((p) => byComune.has(p.comune.belfiore));
  await seedComuniAndUsers(
    hubDb.db,
    plan.map((p) => p.comune),
    FAST_TEST_SCRYPT,
  );
  await insertHouseholds(hubDb.db, generateRegistry({ seed: 17, comuni }));
  const residents = new Map<string, string[]>();
  for (const { comune } of comuni) {
    const rows = await hubDb.db
      .selectFrom('residents')
      .select('id')
      .where('comune', '=', comune.belfiore)
      // current residents only: a contact change for someone emigrated or dead is refused, as it
      // must be, and a refusal counts as an error of the run
      .where('status', '=', 'resident')
      .limit(2000)
      .execute();
    residents.set(
      comune.belfiore,
      rows.map((r) => r.id),
    );
  }
  const desks: Desk[] = [];
  for (let i = 0; i < workstations; i++) {
    const comune = comuni[i % comuni.length]!.comune.belfiore;
    const username = byComune.get(comune)!;
    const { token } = await enrolWorkstation(hubDb.db, comune, `bench ${i}`);
    const ws = await findWorkstationByTokenHash(hubDb.db, hashToken(token));
    const user = await findUserByUsername(hubDb.db, username);
    if (!ws || !user) throw new Error('bench workstation or clerk missing');
    // 500 logins would time scrypt, not the sync: the credentials a login issues, directly
    const { pushKey } = await issueClerkCredentials(hubDb.db, user.id, ws, new Date(), 72);
    desks.push({ token, pushKey, clerk: username, residentIds: residents.get(comune) ?? [] });
  }
  await hubDb.close();
  return desks;
}

// ---------------------------------------------------------------------------------------------
// Child processes

/** every child this run started, ended with it whatever happens (a benchmark leaves nothing running) */
const children = new Set<ChildProcess>();
let stopCluster: (() => void) | null = null;
function cleanUp(): void {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  stopCluster?.();
  stopCluster = null;
}

function spawnRole(role: string, env: Record<string, string>): ChildProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', SELF], {
    cwd: ROOT,
    env: { ...process.env, ...env, SPORTELLO_HUB_BENCH_ROLE: role },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  children.add(child);
  child.once('exit', () => children.delete(child));
  return child;
}

interface Instance {
  url: string;
  kill(): Promise<void>;
  restart(): Promise<void>;
  stop(): Promise<void>;
}

async function startInstance(env: Record<string, string>): Promise<Instance> {
  let proc = spawnRole('hub', env);
  const url = await lineFrom(proc, 'listening ', 120_000);
  const port = new URL(url).port;
  const exit = async (signal: NodeJS.Signals) => {
    const p = proc; // not the one a restart starts meanwhile
    if (p.exitCode !== null || p.signalCode !== null) return;
    const exited = new Promise((ok) => p.once('exit', ok));
    p.kill(signal);
    const late = setTimeout(() => p.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(late);
  };
  return {
    url,
    kill: () => exit('SIGKILL'),
    restart: async () => {
      proc = spawnRole('hub', { ...env, HUB_PORT: port });
      await lineFrom(proc, 'listening ', 120_000);
    },
    stop: () => exit('SIGTERM'),
  };
}

async function runLoad(
  urls: string[],
  desks: Desk[],
  durationMs: number,
): Promise<{ result: LoadResult; ids: string[] }> {
  const share = Math.ceil(desks.length / CLIENT_PROCESSES);
  const parts = await Promise.all(
    Array.from({ length: CLIENT_PROCESSES }, async (_, w) => {
      const dir = mkdtempSync(join(tmpdir(), 'sportello-hub-bench-'));
      const load: Load = {
        urls,
        desks: desks.slice(w * share, (w + 1) * share),
        durationMs,
        idsFile: join(dir, 'ids.txt'),
      };
      writeFileSync(join(dir, 'load.json'), JSON.stringify(load));
      const proc = spawnRole('clients', { HUB_BENCH_LOAD: join(dir, 'load.json') });
      const result = JSON.parse(await lineFrom(proc, 'result ', durationMs + 180_000)) as LoadResult;
      return { result, ids: readFileSync(load.idsFile, 'utf8').split('\n').filter(Boolean) };
    }),
  );
  const sum = (k: keyof Omit<LoadResult, 'latencies'>) => parts.reduce((n, p) => n + p.result[k], 0);
  return {
    result: {
      pushes: sum('pushes'),
      failedPushes: sum('failedPushes'),
      rejected: sum('rejected'),
      acknowledged: sum('acknowledged'),
      pulls: sum('pulls'),
      pulledChanges: sum('pulledChanges'),
      pending: sum('pending'),
      latencies: parts.flatMap((p) => p.result.latencies),
    },
    ids: parts.flatMap((p) => p.ids),
  };
}

/** What the store holds of the mutations the desks made. */
async function audit(options: OpenHubOptions, ids: string[]): Promise<{ lost: number; duplicated: number }> {
  const hubDb = await openHubDatabase(options);
  const recorded = new Map<string, number>();
  for (let i = 0; i < ids.length; i += 5000) {
    const chunk = ids.slice(i, i + 5000);
    const rows = await hubDb.db
      .selectFrom('change_log')
      .select(['mutation_id', (eb) => eb.fn.countAll().as('n')])
      .where('mutation_id', 'in', chunk)
      .groupBy('mutation_id')
      .execute();
    for (const r of rows) recorded.set(r.mutation_id!, Number(r.n));
  }
  await hubDb.close();
  const lost = ids.filter((id) => !recorded.has(id)).length;
  // every contact change writes one change of its resident: a second one is a mutation applied twice
  const duplicated = [...recorded.values()].reduce((n, c) => n + (c - 1), 0);
  return { lost, duplicated };
}

async function resetStatements(options: OpenHubOptions): Promise<void> {
  const hubDb = await openHubDatabase(options);
  await sql`create extension if not exists pg_stat_statements`.execute(hubDb.db);
  await sql`select pg_stat_statements_reset()`.execute(hubDb.db);
  await hubDb.close();
}

async function printStatements(options: OpenHubOptions, n: number): Promise<void> {
  const hubDb = await openHubDatabase(options);
  const { rows } = await sql<{ calls: string; exec_ms: number; plan_ms: number; query: string }>`
    select calls, total_exec_time as exec_ms, total_plan_time as plan_ms, query
    from pg_stat_statements order by total_exec_time + total_plan_time desc limit ${n}`.execute(hubDb.db);
  await hubDb.close();
  for (const r of rows)
    log(
      `[bench:hub] pg ${Math.round(r.exec_ms)} ms exec ${Math.round(r.plan_ms)} ms plan ${r.calls} calls: ${r.query.replace(/\s+/g, ' ').slice(0, 160)}`,
    );
}

function line(
  backend: string,
  instances: number,
  workstations: number,
  minutes: number,
  r: LoadResult,
  a: { lost: number; duplicated: number },
): string {
  const p99 = Math.round(percentile(r.latencies, 99));
  const rate = Math.round(r.acknowledged / (minutes * 60));
  return `hub backend=${backend} instances=${instances} workstations=${workstations} minutes=${minutes} errors=${r.failedPushes + r.rejected} lost=${a.lost} duplicated=${a.duplicated} push_p99_ms=${p99} mutations_per_s=${rate}`;
}

async function main(): Promise<void> {
  const minutes = arg('minutes', 10);
  const workstations = arg('workstations', 500);
  const durationMs = minutes * 60_000;
  const lines: string[] = [];

  // `--only postgres` or `--only sqlite`: one of the two runs (profiling one backend)
  const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : null;

  // one embedded SQLite hub, no kill: what one machine gives
  if (only !== 'postgres') {
    const dir = mkdtempSync(join(tmpdir(), 'sportello-hub-bench-sqlite-'));
    const options = { sqliteFile: join(dir, 'hub.sqlite') };
    log(`[bench:hub] sqlite: preparing ${workstations} workstations…`);
    const t0 = performance.now();
    const desks = await prepareStore(options, workstations);
    log(`[bench:hub] sqlite: prepared in ${Math.round((performance.now() - t0) / 1000)} s`);
    const hub = await startInstance({ HUB_SQLITE: options.sqliteFile });
    log(`[bench:hub] sqlite: ${minutes} min of load`);
    const { result, ids } = await runLoad([hub.url], desks, durationMs);
    await hub.stop();
    const a = await audit(options, ids);
    lines.push(line('sqlite', 1, workstations, minutes, result, a));
    log(
      `[bench:hub] sqlite: ${result.pushes} pushes, ${result.pulls} pulls (${result.pulledChanges} changes), pending at end ${result.pending}`,
    );
  }

  // two instances on PostgreSQL, instance 1 killed half way and restarted 5 s later
  if (only === 'sqlite') {
    for (const l of lines) console.log(l);
    return;
  }
  const statements = Number(process.env.BENCH_PG_STATEMENTS ?? 0);
  const pgCluster = startPostgresCluster(
    statements > 0
      ? { settings: ['shared_preload_libraries=pg_stat_statements', 'pg_stat_statements.track_planning=on'] }
      : {},
  );
  stopCluster = pgCluster.stop;
  try {
    const admin = await openHubDatabase({ databaseUrl: pgCluster.url });
    await sql`create database hub_bench`.execute(admin.db);
    await admin.close();
    const options = { databaseUrl: pgCluster.url.replace('/postgres?', '/hub_bench?') };
    log(`[bench:hub] postgres: preparing ${workstations} workstations…`);
    const desks = await prepareStore(options, workstations);
    if (statements > 0) await resetStatements(options);
    const instances = await Promise.all(
      [0, 1].map(() => startInstance({ DATABASE_URL: options.databaseUrl })),
    );
    log(`[bench:hub] postgres: ${minutes} min of load on ${instances.map((i) => i.url).join(' ')}`);
    const chaos: Promise<void> = (async () => {
      await sleep(durationMs / 2);
      log('[bench:hub] postgres: killing instance 1');
      await instances[0]!.kill();
      await sleep(5000);
      await instances[0]!.restart();
      log('[bench:hub] postgres: instance 1 back');
    })();
    chaos.catch(() => undefined); // awaited below; reported there
    const { result, ids } = await runLoad(
      instances.map((i) => i.url),
      desks,
      durationMs,
    );
    await chaos;
    await Promise.all(instances.map((i) => i.stop()));
    if (statements > 0) await printStatements(options, statements);
    const a = await audit(options, ids);
    log(
      `[bench:hub] postgres: ${result.pushes} pushes, ${result.pulls} pulls (${result.pulledChanges} changes), pending at end ${result.pending}`,
    );
    lines.push(line('postgres', 2, workstations, minutes, result, a));
  } finally {
    cleanUp();
  }
  for (const l of lines) console.log(l);
}

// ---------------------------------------------------------------------------------------------
// Roles

async function hubRole(): Promise<void> {
  const hubDb = await openHubDatabase(
    process.env.HUB_SQLITE
      ? { sqliteFile: process.env.HUB_SQLITE }
      : { databaseUrl: process.env.DATABASE_URL },
  );
  const app = buildHubServer({ hubDb });
  const url = await app.listen({ host: '127.0.0.1', port: Number(process.env.HUB_PORT ?? 0) });
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
  writeSync(1, `listening ${url}\n`);
}

async function clientsRole(load: Load): Promise<LoadResult> {
  const result: LoadResult = {
    pushes: 0,
    failedPushes: 0,
    rejected: 0,
    acknowledged: 0,
    pulls: 0,
    pulledChanges: 0,
    pending: 0,
    latencies: [],
  };
  const ids: string[] = [];
  const profile = process.env.BENCH_CPU_PROF ? await startProfile() : null;
  const started = performance.now();
  const end = started + load.durationMs;
  let n = 0;
  const desk = async (d: Desk, w: number) => {
    // enrolled at one instance or the other, each knowing both (managed config)
    const urls = w % 2 ? [...load.urls].reverse() : load.urls;
    const client = createHubClient({
      credential: () => ({ hubUrl: urls[0]!, workstation: `bench ${w}`, token: d.token }),
      version: 'bench',
      timeoutMs: 10_000,
      hubUrls: () => urls,
    });
    const outbox: MutationEnvelope[] = [];
    let cursor = 0;
    let next = started + ((w * 7919) % 1000) * (PERIOD_MS / 1000);
    const drainUntil = end + 60_000;
    for (;;) {
      const now = performance.now();
      if (now >= end && (outbox.length === 0 || now >= drainUntil)) break;
      if (next > now) await sleep(next - now);
      next += PERIOD_MS;
      if (performance.now() < end) {
        for (let b = 0; b < BATCH; b++) {
          const i = n++;
          const m: MutationEnvelope = {
            id: uuidv7(),
            name: 'registry.updateContacts',
            args: {
              residentId: d.residentIds[(i * 31 + w) % d.residentIds.length],
              phone: `0142${String(1_000_000 + (i % 9_000_000))}`,
              email: null,
            },
            clerk: d.clerk,
            at: new Date().toISOString(),
          };
          outbox.push(m);
        }
      }
      const batch = outbox.slice(0, 50);
      const t0 = performance.now();
      try {
        const answers = await client.push(batch, d.pushKey);
        const t1 = performance.now();
        result.pushes++;
        result.latencies.push(t1 - t0);
        for (const a of answers) {
          if (a.status === 'rejected') {
            result.rejected++;
            continue;
          }
          // the desk drops it from its outbox now: the hub must hold it, once
          ids.push(a.id);
          if (t1 <= end) result.acknowledged++;
        }
        const done = new Set(answers.map((a) => a.id));
        outbox.splice(0, outbox.length, ...outbox.filter((m) => !done.has(m.id)));
      } catch {
        // no instance answered: the outbox keeps them, the next period sends them again
        result.pushes++;
        result.failedPushes++;
        result.latencies.push(performance.now() - t0);
      }
      try {
        const page = await client.changes(cursor, PULL_LIMIT, 0);
        result.pulls++;
        result.pulledChanges += page.changes.length;
        cursor = page.changes.at(-1)?.seq ?? cursor;
        // a desk far behind skips to the head: this is a load, not a mirror
        if (page.head - cursor > PULL_LIMIT * 20) cursor = page.head - PULL_LIMIT;
      } catch {
        // pulled again next period
      }
    }
    result.pending += outbox.length;
  };
  await Promise.all(load.desks.map((d, i) => desk(d, i)));
  await profile?.(join(process.env.BENCH_CPU_PROF ?? '', `clients-${process.pid}.cpuprofile`));
  writeFileSync(load.idsFile, ids.join('\n'));
  return result;
}

const role = process.env.SPORTELLO_HUB_BENCH_ROLE;
if (role === 'hub') {
  hubRole().catch((err: unknown) => {
    console.error(err);
    process.exit(1);
  });
} else if (role === 'clients') {
  answerParent(clientsRole(JSON.parse(readFileSync(process.env.HUB_BENCH_LOAD ?? '', 'utf8')) as Load));
} else {
  process.once('exit', cleanUp);
  for (const signal of ['SIGINT', 'SIGTERM'] as const)
    process.once(signal, () => {
      cleanUp();
      process.exit(130);
    });
  main().catch((err: unknown) => {
    console.error(err);
    cleanUp();
    process.exit(1);
  });
}
