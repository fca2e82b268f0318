/**
 * `npm run bench:sync`: the sync engine at the scale of a large comune, over real HTTP.
 *
 * 1. bootstrap: a desk core fills its mirror from a hub holding a 1,000,000-resident Casale
 *    (hub in its own process), against a raw better-sqlite3 bulk load of the same rows.
 * 2. push: 200 enrolled workstations (in two client processes) push batches to one hub process,
 *    measured once the hub is warm (its cold start is printed on a line of its own).
 * 3. propagation: counter A writes, counter B (live long poll) sees it.
 * 4. faults: SIGKILLed desks and a faulty network (the scenarios of the integration tests).
 *
 * Ends with one line per part (the last four lines, in this order). Knobs: BENCH_RESIDENTS,
 * BENCH_WORKSTATIONS, BENCH_PUSH_BATCH, BENCH_PUSH_PERIOD_MS, BENCH_PUSH_SECONDS, BENCH_KILLS,
 * BENCH_NET_FAULTS, BENCH_SAMPLES; BENCH_PARTS=bootstrap,push,propagation,faults (the default: all)
 * runs only the parts named, and prints only their lines. Everything listens on 127.0.0.1 only.
 *
 * BENCH_BEFORE=<git revision> also runs parts 1 and 2 against that revision's hub (its source
 * extracted to a temporary folder), on a copy of the same data, in the same run, and prints its
 * `bootstrap_before` and `push_before` lines above the last four: before and after of one run,
 * on the same machine under the same load. The bootstrap's desk runs in its own process, with the
 * desk code of the revision it measures: the before's desk against the before's hub.
 */
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import SQLite from 'better-sqlite3';
import { createDeskCore, DEFAULT_DESK_CONFIG, type DeskCore } from '../electron/desk/core';
import { memoryCredentialStore } from '../electron/desk/credential-file';
import { openDeskDatabase } from '../electron/desk/db/open-database';
import { eventToRow, familyToRow, residentToRow } from '../electron/desk/registry/registry-mapping';
import { findUserByUsername, findWorkstationByTokenHash } from '../hub/auth/auth-repository';
import { issueClerkCredentials } from '../hub/auth/clerk-credentials';
import { hashToken } from '../hub/auth/tokens';
import { openHubDatabase } from '../hub/db/open-hub-database';
import { DEMO_PASSWORD } from '../hub/seed/demo-users';
import { enrolWorkstation, insertHouseholds, seedComuniAndUsers } from '../hub/seed/seed-demo';
import { buildHubServer } from '../hub/server';
import { defaultDemoPlan, generateRegistry, type GenerateOptions } from '../resources/demo/generate-registry';
import { runKillScenario, type KillReport } from '../test-support/desk-child';
import {
  runNetworkFaultScenario,
  type NetworkFaultReport,
  type ScenarioHub,
} from '../test-support/fault-proxy';
import { BALZOLA, CASALE, FIXTURE_HOUSEHOLDS } from '../test-support/registry-fixture';
import {
  beforeTree,
  runDeskBootstrap,
  runPushLoad,
  seedHubRaw,
  startHubProcess,
  type HubProcess,
} from './sync-workers';
import { percentile } from './percentile';

const env = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const RESIDENTS = env('BENCH_RESIDENTS', 1_000_000);
const WORKSTATIONS = env('BENCH_WORKSTATIONS', 200);
const PUSH_BATCH = env('BENCH_PUSH_BATCH', 25);
const PUSH_PERIOD_MS = env('BENCH_PUSH_PERIOD_MS', 1000);
const PUSH_SECONDS = env('BENCH_PUSH_SECONDS', 10);
const SAMPLES = env('BENCH_SAMPLES', 80);
const KILLS = env('BENCH_KILLS', 200);
const NET_FAULTS = env('BENCH_NET_FAULTS', 300);
const PARTS = new Set((process.env.BENCH_PARTS ?? 'bootstrap,push,propagation,faults').split(','));
const SEED = 7;
const PUSH_CLERK = 'anagrafe.casale';
const ROOT = resolve(__dirname, '..');

const pct = percentile;
const f0 = (n: number) => n.toFixed(0);
const f1 = (n: number) => n.toFixed(1);
const log = (line: string) => console.log(line);

interface Prepared {
  dir: string;
  hubFile: string;
  plan: GenerateOptions;
  casale: { residents: number; families: number; events: number };
  tokens: { bootstrap: string; push: string[]; propagation: [string, string] };
  /** the clerk's push key at each push workstation (as an online login there would have issued) */
  pushKeys: string[];
}

/** The hub store: Casale with RESIDENTS residents plus Balzola, and every workstation enrolled. */
async function prepareHub(): Promise<Prepared> {
  const dir = mkdtempSync(join(tmpdir(), 'sportello-bench-sync-'));
  const hubFile = join(dir, 'hub.sqlite');
  const [casalePlan, balzolaPlan] = defaultDemoPlan(RESIDENTS);
  if (!casalePlan || !balzolaPlan) throw new Error('demo plan without Casale and Balzola');
  const plan: GenerateOptions = { seed: SEED, comuni: [casalePlan, balzolaPlan] };
  const hubDb = await openHubDatabase({ sqliteFile: hubFile });
  await seedComuniAndUsers(
    hubDb.db,
    plan.comuni.map((c) => c.comune),
  );
  const bootstrap = (await enrolWorkstation(hubDb.db, 'B885', 'bench bootstrap')).token;
  const push: string[] = [];
  const pushKeys: string[] = [];
  const clerk = await findUserByUsername(hubDb.db, PUSH_CLERK);
  if (!clerk) throw new Error(`${PUSH_CLERK} not seeded`);
  for (let i = 0; i < WORKSTATIONS; i++) {
    const { token } = await enrolWorkstation(hubDb.db, 'B885', `bench push ${i}`);
    const ws = await findWorkstationByTokenHash(hubDb.db, hashToken(token));
    if (!ws) throw new Error('workstation not enrolled');
    // 200 logins would time scrypt, not the push: the credentials a login issues, directly
    pushKeys.push((await issueClerkCredentials(hubDb.db, clerk.id, ws, new Date(), 72)).pushKey);
    push.push(token);
  }
  const a = (await enrolWorkstation(hubDb.db, 'A605', 'bench A')).token;
  const b = (await enrolWorkstation(hubDb.db, 'A605', 'bench B')).token;
  await hubDb.close();

  const t0 = performance.now();
  seedHubRaw(hubFile, plan);
  const sqlite = new SQLite(hubFile, { readonly: true });
  const count = (sqlText: string) => (sqlite.prepare(sqlText).get('B885') as { n: number }).n;
  const casale = {
    residents: count('select count(*) as n from residents where comune = ?'),
    families: count('select count(*) as n from families where comune = ?'),
    events: count(
      'select count(*) as n from resident_events join residents on residents.id = resident_events.resident_id where residents.comune = ?',
    ),
  };
  sqlite.close();
  log(
    `hub seeded: casale residents=${casale.residents} families=${casale.families} events=${casale.events} (+ Balzola) in ${f1((performance.now() - t0) / 1000)} s`,
  );
  return { dir, hubFile, plan, casale, tokens: { bootstrap, push, propagation: [a, b] }, pushKeys };
}

function deskCore(dir: string, name: string, hubUrl: string, token: string): Promise<DeskCore> {
  return createDeskCore({
    dbFile: join(dir, `${name}.sqlite`),
    config: { ...DEFAULT_DESK_CONFIG, version: 'bench' },
    credentials: memoryCredentialStore({ hubUrl, workstation: name, token }),
  });
}

// ---------------------------------------------------------------------------------------------
// 1. bootstrap

/**
 * A desk core's first sync from `hub`, rows per second. The desk runs in its own process with
 * the desk code of `root` (this tree, or the before's), timed there around its syncOnce.
 */
async function bootstrapRate(p: Prepared, hub: HubProcess, label: string, root?: string): Promise<number> {
  const rows = p.casale.residents + p.casale.families + p.casale.events;
  const dbFile = join(p.dir, `desk-bootstrap-${label.replace(/\W+/g, '-')}.sqlite`);
  const hubCpu0 = hub.cpuSeconds();
  const status = await runDeskBootstrap(root ?? ROOT, dbFile, hub.url, p.tokens.bootstrap);
  const hubCpu = hub.cpuSeconds() - hubCpu0;
  const realS = status.seconds;
  if (status.state !== 'ready' || status.residents !== p.casale.residents)
    throw new Error(`bootstrap ended ${JSON.stringify(status)}`);
  log(
    `bootstrap ${label} (desk core in its own process, real HTTP, hub in its own process): ${p.casale.residents} residents + ${p.casale.families} families + ${p.casale.events} events = ${rows} rows in ${f1(realS)} s = ${f0(rows / realS)} rows/s (${f0(p.casale.residents / realS)} residents/s), CPU desk ${f1(status.cpuSeconds)} s + hub ${f1(hubCpu)} s, desk peak memory ${status.peakRssMb === undefined ? '?' : f0(status.peakRssMb)} MB`,
  );
  return rows / realS;
}

/** The bootstrap from each hub (the before first, when there is one) against a raw bulk load. */
async function benchBootstrap(p: Prepared, hubs: LabelledHub[]): Promise<string[]> {
  const rows = p.casale.residents + p.casale.families + p.casale.events;
  const rates: number[] = [];
  for (const h of hubs) rates.push(await bootstrapRate(p, h.hub, h.label, h.root));
  // The same rows, raw: prepared statements into a fresh mirror, indexes built at the end
  // (bench/load-registry.ts). Generating them is not timed.
  const raw = await openDeskDatabase(join(p.dir, 'desk-raw.sqlite'));
  const sqlite = raw.sqlite;
  const indexes = sqlite
    .prepare(
      "select name, sql from sqlite_master where type = 'index' and sql is not null and tbl_name in ('families', 'residents', 'resident_events')",
    )
    .all() as { name: string; sql: string }[];
  /** one prepared INSERT per table, with the columns of the mapped rows (as the bootstrap) */
  const inserter = (table: string) => {
    let statement: SQLite.Statement | null = null;
    return (row: object) => {
      statement ??= sqlite.prepare(
        `insert into ${table} (${Object.keys(row).join(', ')}) values (${Object.keys(row)
          .map((c) => `@${c}`)
          .join(', ')})`,
      );
      statement.run(row);
    };
  };
  const insFamily = inserter('families');
  const insResident = inserter('residents');
  const insEvent = inserter('resident_events');
  let timed = 0;
  let rawRows = 0;
  let t = performance.now();
  for (const ix of indexes) sqlite.exec(`drop index ${ix.name}`);
  timed += performance.now() - t;
  const generator = generateRegistry(p.plan);
  for (let exhausted = false; !exhausted;) {
    const batch: { f: object; r: object[]; e: object[] }[] = [];
    while (batch.length < 20_000) {
      const next = generator.next();
      if (next.done) {
        exhausted = true;
        break;
      }
      const h = next.value;
      if (h.family.comune !== 'B885') continue;
      batch.push({ f: familyToRow(h.family), r: h.members.map(residentToRow), e: h.events.map(eventToRow) });
    }
    t = performance.now();
    sqlite.transaction(() => {
      for (const h of batch) {
        insFamily(h.f);
        for (const r of h.r) insResident(r);
        for (const e of h.e) insEvent(e);
        rawRows += 1 + h.r.length + h.e.length;
      }
    })();
    timed += performance.now() - t;
  }
  t = performance.now();
  for (const ix of indexes) sqlite.exec(ix.sql);
  timed += performance.now() - t;
  await raw.close();
  const rawS = timed / 1000;
  if (rawRows !== rows) throw new Error(`raw load wrote ${rawRows} rows, the hub has ${rows}`);
  log(
    `raw bulk insert (prepared statements, indexes built at the end): ${rawRows} rows in ${f1(rawS)} s = ${f0(rawRows / rawS)} rows/s`,
  );
  const y = rawRows / rawS;
  return hubs.map(
    (h, i) =>
      `bootstrap${h.suffix} rows_per_s=${f0(rates[i] ?? 0)} raw_insert_rows_per_s=${f0(y)} ratio=${((rates[i] ?? 0) / y).toFixed(2)} rows=${rows}`,
  );
}

// ---------------------------------------------------------------------------------------------
// 2. push

async function benchPush(p: Prepared, hub: HubProcess, label: string, suffix: string): Promise<string> {
  const sqlite = new SQLite(p.hubFile, { readonly: true });
  const residentIds = (
    sqlite
      .prepare(
        "select id from residents where comune = 'B885' and status = 'resident' order by random() limit 50000",
      )
      .all() as { id: string }[]
  ).map((r) => r.id);
  sqlite.close();
  const load = {
    url: hub.url,
    tokens: p.tokens.push,
    clerkTokens: p.pushKeys,
    residentIds,
    clerk: PUSH_CLERK,
    batch: PUSH_BATCH,
    durationMs: PUSH_SECONDS * 1000,
    warmupMs: 2000,
  };
  // The target: every workstation pushing a batch every PUSH_PERIOD_MS (the reported line).
  const offered = (WORKSTATIONS * PUSH_BATCH * 1000) / PUSH_PERIOD_MS;
  // A hub just started is cold (compiled code, page cache, prepared statements): 200 counters
  // pushing at once in its first seconds build a queue that takes seconds to drain. Shown on its
  // own line; the measured runs below find the hub warm, as a hub serving counters all day is.
  const cold = await runPushLoad({ ...load, periodMs: PUSH_PERIOD_MS }, 2);
  log(
    `push ${label} cold start (the same load in the hub's first ${PUSH_SECONDS} s, not the reported line): ${f0(cold.mutations / cold.seconds)} mutations/s errors=${cold.errors} p50_ms=${f1(pct(cold.latencies, 50))} p99_ms=${f1(pct(cold.latencies, 99))} max_ms=${f1(pct(cold.latencies, 100))}`,
  );
  const r = await runPushLoad({ ...load, periodMs: PUSH_PERIOD_MS }, 2);
  const rate = r.mutations / r.seconds;
  log(
    `push ${label} (${WORKSTATIONS} workstations, batch ${PUSH_BATCH} every ${PUSH_PERIOD_MS} ms = ${f0(offered)} mutations/s offered, ${PUSH_SECONDS} s): ${f0(rate)} mutations/s in ${r.requests} requests, errors=${r.errors} p50_ms=${f1(pct(r.latencies, 50))} p95_ms=${f1(pct(r.latencies, 95))} p99_ms=${f1(pct(r.latencies, 99))} max_ms=${f1(pct(r.latencies, 100))}`,
  );
  // What the hub can take at all: every workstation pushing back to back.
  const saturated = await runPushLoad({ ...load, periodMs: 0 }, 2);
  const capacity = saturated.mutations / saturated.seconds;
  log(
    `push ${label} saturation (${WORKSTATIONS} workstations back to back, batch ${PUSH_BATCH}): ${f0(capacity)} mutations/s p50_ms=${f1(pct(saturated.latencies, 50))} p99_ms=${f1(pct(saturated.latencies, 99))} errors=${saturated.errors}`,
  );
  // Latency where the hub keeps up: 60 % of its capacity.
  const easyPeriod = Math.ceil((WORKSTATIONS * PUSH_BATCH * 1000) / (0.6 * capacity));
  const easy = await runPushLoad({ ...load, periodMs: easyPeriod }, 2);
  log(
    `push ${label} at 60% of capacity (batch ${PUSH_BATCH} every ${easyPeriod} ms = ${f0((WORKSTATIONS * PUSH_BATCH * 1000) / easyPeriod)} mutations/s offered): ${f0(easy.mutations / easy.seconds)} mutations/s p50_ms=${f1(pct(easy.latencies, 50))} p95_ms=${f1(pct(easy.latencies, 95))} p99_ms=${f1(pct(easy.latencies, 99))}`,
  );
  return `push${suffix} mutations_per_s=${f0(rate)} p99_ms=${f1(pct(r.latencies, 99))} saturation_per_s=${f0(capacity)} saturation_ratio=${(capacity / offered).toFixed(2)} workstations=${WORKSTATIONS} backend=sqlite`;
}

// ---------------------------------------------------------------------------------------------
// 3. propagation

async function benchPropagation(p: Prepared, hub: HubProcess): Promise<string> {
  const [ta, tb] = p.tokens.propagation;
  const a = await deskCore(p.dir, 'desk-a', hub.url, ta);
  const b = await deskCore(p.dir, 'desk-b', hub.url, tb);
  try {
    for (const d of [a, b]) {
      const s = await d.sync.syncOnce();
      if (s.state !== 'ready') throw new Error(`propagation desk not ready: ${JSON.stringify(s)}`);
    }
    const login = await a.dispatch('session:login', {
      username: 'anagrafe.balzola',
      password: DEMO_PASSWORD,
    });
    if (!login.ok) throw new Error(`login: ${login.error.code}`);
    a.sync.start();
    b.sync.start();
    const ids = (
      await b.ctx.db
        .selectFrom('residents')
        .select('id')
        .where('status', '=', 'resident')
        .limit(200)
        .execute()
    ).map((r) => r.id);
    // B's mirror read by its own connection, as another reader would
    const seen = new SQLite(join(p.dir, 'desk-b.sqlite'), { readonly: true });
    const phoneOf = seen.prepare('select phone from residents where id = ?');
    await sleep(300); // both long polls waiting
    const samples: number[] = [];
    for (let i = 0; i < SAMPLES; i++) {
      const id = ids[i % ids.length] ?? '';
      const phone = `0142${String(2_000_000 + i)}`;
      const t0 = performance.now();
      const r = await a.dispatch('registry:updateContacts', { residentId: id, phone, email: null });
      if (!r.ok) throw new Error(`update: ${r.error.code}`);
      const until = t0 + 10_000;
      while ((phoneOf.get(id) as { phone: string | null } | undefined)?.phone !== phone) {
        if (performance.now() > until) throw new Error(`sample ${i}: not seen at B within 10 s`);
        await sleep(1);
      }
      samples.push(performance.now() - t0);
      await sleep(20 + (i % 5) * 10);
    }
    seen.close();
    log(
      `propagation (${SAMPLES} samples, A writes → B's mirror shows it): p50_ms=${f1(pct(samples, 50))} p95_ms=${f1(pct(samples, 95))} max_ms=${f1(pct(samples, 100))}`,
    );
    return `propagation p95_ms=${f1(pct(samples, 95))}`;
  } finally {
    await a.close();
    await b.close();
  }
}

// ---------------------------------------------------------------------------------------------
// 4. faults

/** The fixture hub of the integration tests, in this process (the killed desks are children). */
async function fixtureHub(dir: string): Promise<ScenarioHub & { close(): Promise<void> }> {
  const hubDb = await openHubDatabase({ sqliteFile: join(mkdtempSync(join(dir, 'fixture-')), 'hub.sqlite') });
  await seedComuniAndUsers(hubDb.db, [CASALE, BALZOLA]);
  await insertHouseholds(hubDb.db, FIXTURE_HOUSEHOLDS);
  const { token } = await enrolWorkstation(hubDb.db, 'B885', 'Casale - Anagrafe 1');
  const app = buildHubServer({ hubDb });
  const url = await app.listen({ host: '127.0.0.1', port: 0 });
  return {
    url,
    casaleToken: token,
    db: hubDb.db,
    close: async () => {
      await app.close();
      await hubDb.close();
    },
  };
}

async function benchFaults(dir: string): Promise<{ line: string; ok: boolean }> {
  const killHub = await fixtureHub(dir);
  let kills: KillReport;
  try {
    kills = await runKillScenario({ hub: killHub, kills: KILLS, seed: 200 });
  } finally {
    await killHub.close();
  }
  log(`faults: ${KILLS} SIGKILLs ${JSON.stringify(kills)}`);
  const netHub = await fixtureHub(dir);
  let net: NetworkFaultReport;
  try {
    net = await runNetworkFaultScenario({
      hub: netHub,
      mutations: NET_FAULTS,
      minFaults: NET_FAULTS,
      faultRate: 0.5,
      seed: 300,
      phaseTimeoutMs: 60_000,
    });
  } finally {
    await netHub.close();
  }
  log(`faults: network ${JSON.stringify(net)}`);
  const lost = kills.lost + kills.stillQueued + net.lost + net.pending;
  const duplicated = kills.duplicated + net.duplicated;
  const ok =
    lost === 0 &&
    duplicated === 0 &&
    kills.phantom === 0 &&
    kills.integrity.every((r) => r === 'ok') &&
    kills.mismatched.length === 0 &&
    net.mismatched.length === 0 &&
    kills.missingIndexes.length === 0 &&
    net.missingIndexes.length === 0 &&
    kills.applied === kills.committed + kills.unreportedApplied &&
    net.applied === net.mutations;
  return {
    line: `faults kills=${kills.kills} net_faults=${net.proxy.faults} lost=${lost} duplicated=${duplicated}`,
    ok,
  };
}

interface LabelledHub {
  hub: HubProcess;
  /** in the log lines */
  label: string;
  /** after the part's name in the result lines: "" for this tree, "_before" for the other */
  suffix: string;
  /** the source tree of the desk that bootstraps from it: this tree when absent */
  root?: string;
}

async function main(): Promise<void> {
  const started = performance.now();
  const p = await prepareHub();
  // BENCH_BEFORE=<revision>: the same parts against that revision's hub, on a copy of the same
  // data, in this run (e.g. BENCH_BEFORE=main before merging a change meant to be faster).
  const before = process.env.BENCH_BEFORE ? beforeTree(process.env.BENCH_BEFORE) : null;
  const beforeFile = join(p.dir, 'hub-before.sqlite');
  if (before) copyFileSync(p.hubFile, beforeFile);
  const hubs: LabelledHub[] = [];
  const lines: string[] = [];
  let ok = true;
  try {
    if (before)
      hubs.push({
        hub: await startHubProcess(beforeFile, before.root),
        label: `before (${before.commit})`,
        suffix: '_before',
        root: before.root,
      });
    const hub = await startHubProcess(p.hubFile);
    hubs.push({ hub, label: before ? 'after' : 'this tree', suffix: '' });
    const bootstrap = PARTS.has('bootstrap') ? await benchBootstrap(p, hubs) : [];
    const push: string[] = [];
    if (PARTS.has('push')) for (const h of hubs) push.push(await benchPush(p, h.hub, h.label, h.suffix));
    // the before's lines first, then the four of this tree, last, in their usual order
    lines.push(...bootstrap.slice(0, -1), ...push.slice(0, -1));
    lines.push(...bootstrap.slice(-1), ...push.slice(-1));
    if (PARTS.has('propagation')) lines.push(await benchPropagation(p, hub));
  } finally {
    for (const h of hubs) await h.hub.stop();
    before?.remove();
  }
  if (PARTS.has('faults')) {
    const faults = await benchFaults(p.dir);
    ok = faults.ok;
    lines.push(faults.line);
  }
  rmSync(p.dir, { recursive: true, force: true });
  log(
    `total ${f0((performance.now() - started) / 1000)} s${ok ? '' : ' — FAULT INVARIANTS BROKEN (see above)'}`,
  );
  for (const line of lines) log(line);
  if (!ok) process.exitCode = 1;
}

main().then(
  () => process.exit(),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
