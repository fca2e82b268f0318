/**
 * A desk core in a child process, to be killed with SIGKILL at random points, and the scenario
 * that kills it (shared by electron/desk/sync/scenarios/desk-killed and bench:sync).
 *
 * As a child (`SPORTELLO_DESK_CHILD=work|drain node --import tsx test-support/desk-child.ts`):
 * - work: logs in, starts the sync loops, waits for the bootstrap, then performs counter actions
 *   back to back, printing `intent <n>` before each local transaction and `commit <n> <id>`
 *   after it committed (stdout to a pipe is synchronous on Linux: a printed line is out before
 *   the next statement runs, so a kill loses at most the line of the transaction in flight).
 * - drain: logs in (what the outbox holds waits for its author), no actions; syncs until nothing is pending and the mirror has caught up, prints
 *   `drained` and exits 0.
 */
import { FAST_TEST_SCRYPT } from './password-cost';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import SQLite from 'better-sqlite3';
import { createDeskCore, DEFAULT_DESK_CONFIG } from '../electron/desk/core';
import { memoryCredentialStore } from '../electron/desk/credential-file';
import { getMeta } from '../electron/desk/db/meta-repository';
import { runMutation } from '../electron/desk/sync/run-mutation';
import { DEMO_PASSWORD } from '../hub/seed/demo-users';
import { seededRandom } from '../shared/random/seeded-random';
import {
  expectedRegistryIndexes,
  phoneFor,
  REGISTRY_INDEXES_SQL,
  SCENARIO_RESIDENTS,
  workstationIdOf,
  type ScenarioHub,
} from './fault-proxy';

const CHILD_FILE = resolve(__dirname, 'desk-child.ts');
const ROOT = resolve(__dirname, '..');

// ---------------------------------------------------------------------------------------------
// The child

const out = (line: string) => writeSync(1, `${line}\n`);

async function childMain(mode: string): Promise<void> {
  const env = (k: string) => {
    const v = process.env[k];
    if (!v) throw new Error(`desk-child: ${k} missing`);
    return v;
  };
  const core = await createDeskCore({
    dbFile: env('DESK_DB'),
    config: { ...DEFAULT_DESK_CONFIG, version: 'desk-child', verifierCost: FAST_TEST_SCRYPT },
    credentials: memoryCredentialStore({
      hubUrl: env('HUB_URL'),
      workstation: 'killed desk',
      token: env('HUB_TOKEN'),
    }),
    sync: { pollWaitMs: 300, maxBackoffMs: 50, pushBatch: 4, pullPage: 8, bootstrapPage: 1 },
  });
  const loginUntil = async (deadline: number) => {
    for (;;) {
      const r = await core.dispatch('session:login', {
        username: 'anagrafe.casale',
        password: DEMO_PASSWORD,
      });
      if (r.ok) return;
      if (Date.now() > deadline) throw new Error(`login: ${r.error.code}`);
      await sleep(50);
    }
  };
  const deadline = Date.now() + Number(process.env.CHILD_MAX_MS ?? 180_000);
  if (mode === 'drain') {
    // after a restart the outbox waits for its author: the clerk logs in again, then it drains
    await loginUntil(deadline);
    for (;;) {
      const s = await core.sync.syncOnce();
      if (s.state === 'ready' && s.online && s.pending === 0 && !s.error) break;
      if (Date.now() > deadline) throw new Error(`drain: still ${JSON.stringify(s)}`);
      await sleep(50);
    }
    await core.close();
    out('drained');
    return;
  }
  out('started');
  // Where a kill lands: every request to the hub and its answer, as lines (the parent classifies).
  const hub = core.ctx.hub;
  const { push, changes } = hub;
  hub.push = async (m, clerkToken) => {
    out('push>');
    const r = await push(m, clerkToken);
    out('push<');
    return r;
  };
  hub.changes = async (...args) => {
    out('pull>');
    const r = await changes(...args);
    out(r.changes.length > 0 ? 'pull<' : 'pull=');
    return r;
  };
  await loginUntil(deadline);
  core.sync.start();
  while ((await getMeta(core.ctx.db, 'registry.bootstrapped_at')) === null) {
    if (Date.now() > deadline) throw new Error('bootstrap did not finish');
    await sleep(5);
  }
  out('ready');
  const random = seededRandom(Number(process.env.SEED ?? 1));
  const first = Number(env('START'));
  for (let i = first; Date.now() < deadline; i++) {
    const residentId = SCENARIO_RESIDENTS[i % SCENARIO_RESIDENTS.length] ?? 'r-mario';
    out(`intent ${i}`);
    const id = await runMutation(
      core.ctx,
      'registry.updateContacts',
      { residentId, phone: phoneFor(i), email: null },
      { entity: 'resident', entityId: residentId, reason: 'aggiornamento recapiti' },
    );
    out(`commit ${i} ${id}`);
    await sleep(Math.floor(random() * 12));
  }
  await core.close();
}

if (process.env.SPORTELLO_DESK_CHILD) {
  childMain(process.env.SPORTELLO_DESK_CHILD).then(
    () => process.exit(0),
    (err: unknown) => {
      console.error(err);
      process.exit(1);
    },
  );
}

// ---------------------------------------------------------------------------------------------
// The parent: kill, restart, reconcile

export interface KillScenarioOptions {
  hub: ScenarioHub;
  kills: number;
  seed?: number;
  /** kill this long after the child said `ready` (it is then acting and syncing), random in range */
  killAfterReadyMs?: [number, number];
  /** share of kills at a random moment of start-up instead (login, bootstrap, first pulls) */
  startupKillRate?: number;
  /** bound on each wait for the child */
  timeoutMs?: number;
  /** run `PRAGMA integrity_check` after every kill, not only at the end */
  checkEveryRound?: boolean;
}

export interface KillReport {
  kills: number;
  /** where the kills landed (a kill may count under a push and a pull state at once) */
  at: {
    startup: number;
    pushInFlight: number;
    pushAnswered: number;
    pullInFlight: number;
    pullAnswered: number;
  };
  /** kills that hit a local transaction between its `intent` and its `commit` line */
  killsInTransaction: number;
  intents: number;
  /** actions the child reported committed */
  committed: number;
  /** hub: applied for this workstation */
  applied: number;
  /** hub: change-log entries written since the scenario began */
  changeLog: number;
  /** reported committed but not applied at the hub */
  lost: number;
  /** applied at the hub more than once (by their unique phone) */
  duplicated: number;
  /** at the hub but never even attempted by the desk (impossible unless ids or data are invented) */
  phantom: number;
  /** applied at the hub although the kill came before the `commit` line: committed, line lost */
  unreportedApplied: number;
  /** committed ids that are still in the desk's outbox after the drain */
  stillQueued: number;
  exceptions: number;
  integrity: string[];
  mismatched: string[];
  /** registry indexes missing from the mirror at the end (a bootstrap defers and rebuilds them) */
  missingIndexes: string[];
  ms: { rounds: number; drain: number };
}

interface Round {
  intents: number[];
  commits: Map<number, string>;
  ready: boolean;
  /** the last push and pull events seen: `push>` = request in flight, `push<` = answered (settling) */
  push: string;
  pull: string;
}

/**
 * How to start the child: this very file bundled once with esbuild (tsx's own compiler) starts
 * in about half the time of `node --import tsx`, which matters when it is started hundreds of
 * times; without esbuild, tsx it is.
 */
interface ChildCommand {
  args: string[];
  env: Record<string, string>;
}
let childCommand: Promise<ChildCommand> | null = null;

function resolveChildCommand(): Promise<ChildCommand> {
  childCommand ??= (async (): Promise<ChildCommand> => {
    try {
      const esbuild = await import('esbuild');
      const outfile = join(mkdtempSync(join(tmpdir(), 'sportello-desk-child-')), 'desk-child.cjs');
      await esbuild.build({
        entryPoints: [CHILD_FILE],
        outfile,
        bundle: true,
        platform: 'node',
        format: 'cjs',
        target: 'node20',
        packages: 'external',
        logLevel: 'error',
      });
      return { args: [outfile], env: { NODE_PATH: join(ROOT, 'node_modules') } };
    } catch {
      return { args: ['--import', 'tsx', CHILD_FILE], env: {} };
    }
  })();
  return childCommand;
}

async function spawnChild(
  mode: 'work' | 'drain',
  env: Record<string, string>,
): Promise<{ proc: ChildProcess; round: Round; stderr: () => string }> {
  const command = await resolveChildCommand();
  const proc = spawn(process.execPath, command.args, {
    cwd: ROOT,
    env: { ...process.env, ...command.env, ...env, SPORTELLO_DESK_CHILD: mode },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const round: Round = { intents: [], commits: new Map(), ready: false, push: '', pull: '' };
  let buffer = '';
  let err = '';
  proc.stdout?.setEncoding('utf8');
  proc.stdout?.on('data', (chunk: string) => {
    buffer += chunk;
    let nl: number;
    while ((nl = buffer.indexOf('\n')) >= 0) {
      const [word, n, id] = buffer.slice(0, nl).split(' ');
      buffer = buffer.slice(nl + 1);
      if (word === 'intent') round.intents.push(Number(n));
      else if (word === 'commit' && id) round.commits.set(Number(n), id);
      else if (word === 'ready' || word === 'drained') round.ready = true;
      else if (word?.startsWith('push')) round.push = word;
      else if (word?.startsWith('pull')) round.pull = word;
    }
  });
  proc.stderr?.setEncoding('utf8');
  proc.stderr?.on('data', (chunk: string) => {
    err = (err + chunk).slice(-4000);
  });
  return { proc, round, stderr: () => err };
}

const exited = (proc: ChildProcess) =>
  new Promise<number | null>((ok) => {
    if (proc.exitCode !== null || proc.signalCode !== null) ok(proc.exitCode);
    else proc.once('exit', (code) => ok(code));
  });

function integrityOf(file: string): string {
  const db = new SQLite(file);
  try {
    return String(db.pragma('integrity_check', { simple: true }));
  } finally {
    db.close();
  }
}

/**
 * Kills a child desk `kills` times with SIGKILL while it acts and syncs, restarting it on the
 * same desk.sqlite, then lets it drain once more without kills and reconciles with the hub.
 */
export async function runKillScenario(opts: KillScenarioOptions): Promise<KillReport> {
  const seed = opts.seed ?? 30;
  const random = seededRandom(seed);
  // a child is a tsx process: on a loaded 2-core machine its start alone can take tens of seconds
  const timeoutMs = opts.timeoutMs ?? 90_000;
  const [lo, hi] = opts.killAfterReadyMs ?? [0, 400];
  const dir = mkdtempSync(join(tmpdir(), 'sportello-killed-'));
  const deskFile = join(dir, 'desk.sqlite');
  const db = opts.hub.db;
  const baseline = Number(
    (
      await db
        .selectFrom('change_log')
        .select((eb) => eb.fn.max('seq').as('s'))
        .executeTakeFirst()
    )?.s ?? 0,
  );
  const env = { DESK_DB: deskFile, HUB_URL: opts.hub.url, HUB_TOKEN: opts.hub.casaleToken };
  const intents = new Set<number>();
  const committed = new Map<number, string>();
  const integrity: string[] = [];
  let killsInTransaction = 0;
  const at = { startup: 0, pushInFlight: 0, pushAnswered: 0, pullInFlight: 0, pullAnswered: 0 };
  let next = 0;
  const started = Date.now();

  for (let k = 0; k < opts.kills; k++) {
    const child = await spawnChild('work', { ...env, START: String(next), SEED: String(seed * 1000 + k) });
    const exit = exited(child.proc);
    const atStartup = random() < (opts.startupKillRate ?? 0.15);
    const until = Date.now() + timeoutMs;
    if (atStartup) {
      await sleep(Math.floor(random() * 500));
    } else {
      while (!child.round.ready && child.proc.exitCode === null && Date.now() < until) await sleep(2);
      if (!child.round.ready) {
        child.proc.kill('SIGKILL');
        await exit;
        throw new Error(`desk child not ready (round ${k}): ${child.stderr()}`);
      }
      await sleep(lo + Math.floor(random() * (hi - lo)));
    }
    if (child.proc.exitCode !== null) throw new Error(`desk child exited by itself: ${child.stderr()}`);
    child.proc.kill('SIGKILL');
    await exit;
    if (!child.round.ready) at.startup++;
    if (child.round.push === 'push>') at.pushInFlight++;
    if (child.round.push === 'push<') at.pushAnswered++;
    if (child.round.pull === 'pull>') at.pullInFlight++;
    if (child.round.pull === 'pull<') at.pullAnswered++;
    for (const i of child.round.intents) intents.add(i);
    for (const [i, id] of child.round.commits) committed.set(i, id);
    const last = child.round.intents[child.round.intents.length - 1];
    if (last !== undefined && !child.round.commits.has(last)) killsInTransaction++;
    if (last !== undefined) next = last + 1;
    if (opts.checkEveryRound) integrity.push(integrityOf(deskFile));
  }
  const roundsMs = Date.now() - started;

  // One more start, no kills: everything queued must reach the hub.
  const drain = await spawnChild('drain', { ...env, CHILD_MAX_MS: String(timeoutMs) });
  const code = await Promise.race([
    exited(drain.proc),
    sleep(timeoutMs + 5000).then(() => 'timeout' as const),
  ]);
  if (code !== 0) {
    drain.proc.kill('SIGKILL');
    throw new Error(`drain failed (${String(code)}): ${drain.stderr()}`);
  }
  const drainMs = Date.now() - started - roundsMs;
  integrity.push(integrityOf(deskFile));

  // Reconcile. Each action set a phone unique to it, so the hub's log tells every application apart.
  const wsId = await workstationIdOf(db, opts.hub.casaleToken);
  const appliedRows = await db
    .selectFrom('applied_mutations')
    .select(['mutation_id', 'status'])
    .where('workstation_id', '=', wsId)
    .execute();
  const appliedIds = new Set(appliedRows.filter((r) => r.status === 'applied').map((r) => r.mutation_id));
  const log = await db.selectFrom('change_log').select('payload').where('seq', '>', baseline).execute();
  const byPhone = new Map<string, number>();
  for (const row of log) {
    const phone = String((JSON.parse(row.payload) as { phone?: unknown }).phone ?? '');
    byPhone.set(phone, (byPhone.get(phone) ?? 0) + 1);
  }
  const attempted = new Set([...intents].map(phoneFor));
  const committedIds = new Set(committed.values());

  const desk = new SQLite(deskFile, { readonly: true });
  let outbox: string[];
  let exceptions: number;
  let deskContacts: Map<string, string>;
  let indexes: string[];
  try {
    indexes = (desk.prepare(REGISTRY_INDEXES_SQL).all() as { name: string }[]).map((r) => r.name);
    outbox = (desk.prepare('select id from outbox').all() as { id: string }[]).map((r) => r.id);
    exceptions = Number((desk.prepare('select count(*) as n from sync_exceptions').get() as { n: number }).n);
    deskContacts = new Map(
      (
        desk
          .prepare(
            `select id, phone, email from residents where id in (${SCENARIO_RESIDENTS.map(() => '?').join(',')})`,
          )
          .all(...SCENARIO_RESIDENTS) as { id: string; phone: string | null; email: string | null }[]
      ).map((r) => [r.id, `${r.phone ?? ''}|${r.email ?? ''}`]),
    );
  } finally {
    desk.close();
  }
  const hubRows = await db
    .selectFrom('residents')
    .select(['id', 'phone', 'email'])
    .where('id', 'in', [...SCENARIO_RESIDENTS])
    .execute();
  const hubContacts = new Map(hubRows.map((r) => [r.id, `${r.phone ?? ''}|${r.email ?? ''}`]));
  // The last action per resident that the hub applied must be what both sides show.
  const lastApplied = new Map<string, string>();
  for (const i of [...intents].sort((a, b) => a - b)) {
    if (byPhone.has(phoneFor(i)))
      lastApplied.set(SCENARIO_RESIDENTS[i % SCENARIO_RESIDENTS.length] ?? '', `${phoneFor(i)}|`);
  }
  const mismatched = [...SCENARIO_RESIDENTS].filter(
    (id) =>
      hubContacts.get(id) !== deskContacts.get(id) ||
      (lastApplied.has(id) && hubContacts.get(id) !== lastApplied.get(id)),
  );

  return {
    kills: opts.kills,
    at,
    killsInTransaction,
    intents: intents.size,
    committed: committed.size,
    applied: appliedIds.size,
    changeLog: log.length,
    lost: [...committed.values()].filter((id) => !appliedIds.has(id)).length,
    duplicated: [...byPhone.values()].filter((n) => n > 1).length,
    phantom: [...byPhone.keys()].filter((p) => !attempted.has(p)).length,
    unreportedApplied: [...appliedIds].filter((id) => !committedIds.has(id)).length,
    stillQueued: outbox.filter((id) => committedIds.has(id)).length,
    exceptions,
    integrity,
    mismatched,
    missingIndexes: (await expectedRegistryIndexes()).filter((ix) => !indexes.includes(ix)),
    ms: { rounds: roundsMs, drain: drainMs },
  };
}
