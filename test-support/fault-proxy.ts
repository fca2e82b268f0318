import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../electron/desk/db/database';
import { openDeskDatabase } from '../electron/desk/db/open-database';
import { hashToken } from '../hub/auth/tokens';
import type { HubDatabase } from '../hub/db/database';
import { DEMO_PASSWORD } from '../hub/seed/demo-users';
import { enrolWorkstation } from '../hub/seed/seed-demo';
import { startTestDesk, type TestDesk } from './desk-harness';
import type { TestHub } from './running-hub';
import { seededRandom } from '../shared/random/seeded-random';

/**
 * A fault-injecting HTTP proxy on 127.0.0.1 in front of the hub: the desk's hub URL points here
 * and every request may be passed through, delayed, dropped, reset, answered 502 or have its
 * answer cut in half. Decisions come from a seeded PRNG (reproducible runs) or from a script of
 * faults queued by a test. Keep-alive and long polls pass through unchanged when not faulted.
 */

export const FAULT_KINDS = ['drop', 'delay', 'truncate', 'error5xx', 'reset'] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

export interface Fault {
  kind: FaultKind;
  /**
   * drop / reset / error5xx: forward the request first and lose the hub's answer (the hub did
   * the work, the desk never hears of it) instead of losing the request itself
   */
  afterUpstream?: boolean;
  /** delay only: how long to hold the request before forwarding it */
  ms?: number;
  /** truncate only: keep the full content-length and cut the connection (else: a short, well-framed body) */
  cutConnection?: boolean;
}

export interface RandomFaults {
  /** share of requests that get a fault, 0..1 */
  faultRate: number;
  kinds?: readonly FaultKind[];
  seed: number;
  /** delay range in ms, default [20, 250] */
  delayMs?: [number, number];
  /** share of drop/reset/error5xx faults applied after the hub answered (lost answers), default 0.5 */
  lostAnswerRate?: number;
  /** only requests whose path starts with one of these may be faulted (default: all) */
  paths?: string[];
}

export interface FaultStats {
  requests: number;
  /** faults injected, every kind */
  faults: number;
  byKind: Record<FaultKind, number>;
  /** faults after the hub had done the work: the request happened, its answer was lost */
  lostAnswers: number;
  /** the hub itself could not be reached (not injected) */
  upstreamErrors: number;
}

export interface FaultProxy {
  url: string;
  /** 'pass' = faults off; otherwise random faults from a seeded PRNG */
  setMode(mode: 'pass' | RandomFaults): void;
  /**
   * a scripted fault, used before any random decision, for the next request whose path starts
   * with `path` once `skip` such requests went through
   */
  injectNext(fault: Fault, path?: string, skip?: number): void;
  stats(): FaultStats;
  close(): Promise<void>;
}

const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-connection',
  'transfer-encoding',
  'upgrade',
  'te',
  'trailer',
]);

const endToEnd = (headers: http.IncomingHttpHeaders): http.OutgoingHttpHeaders => {
  const out: http.OutgoingHttpHeaders = {};
  for (const [k, v] of Object.entries(headers)) if (v !== undefined && !HOP_BY_HOP.has(k)) out[k] = v;
  return out;
};

interface Buffered {
  status: number;
  headers: http.OutgoingHttpHeaders;
  body: Buffer;
}

export async function startFaultProxy(target: string): Promise<FaultProxy> {
  const upstream = new URL(target);
  const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
  const stats: FaultStats = {
    requests: 0,
    faults: 0,
    byKind: { drop: 0, delay: 0, truncate: 0, error5xx: 0, reset: 0 },
    lostAnswers: 0,
    upstreamErrors: 0,
  };
  let mode: 'pass' | (RandomFaults & { random: () => number }) = 'pass';
  const script: { fault: Fault; path: string; skip: number }[] = [];
  const sockets = new Set<Socket>();

  const decide = (path: string): Fault | null => {
    const i = script.findIndex((s) => path.startsWith(s.path));
    const scripted = script[i];
    if (scripted && scripted.skip > 0) {
      scripted.skip--;
      return null;
    }
    if (scripted) return script.splice(i, 1)[0]?.fault ?? null;
    if (mode === 'pass') return null;
    const m = mode;
    if (m.paths && !m.paths.some((p) => path.startsWith(p))) return null;
    if (m.random() >= m.faultRate) return null;
    const kinds = m.kinds && m.kinds.length > 0 ? m.kinds : FAULT_KINDS;
    const kind = kinds[Math.floor(m.random() * kinds.length)] ?? 'drop';
    const [lo, hi] = m.delayMs ?? [20, 250];
    return {
      kind,
      afterUpstream: m.random() < (m.lostAnswerRate ?? 0.5),
      ms: Math.round(lo + m.random() * (hi - lo)),
      cutConnection: m.random() < 0.5,
    };
  };

  /** Forwards the request; resolves with the upstream response (not yet read). */
  const forward = (req: http.IncomingMessage, body: Buffer, clientGone: AbortSignal) =>
    new Promise<http.IncomingMessage>((resolve, reject) => {
      const headers = endToEnd(req.headers);
      headers.host = upstream.host;
      if (body.length > 0) headers['content-length'] = String(body.length);
      const up = http.request(
        {
          host: upstream.hostname,
          port: upstream.port,
          method: req.method,
          path: req.url,
          headers,
          agent,
          signal: clientGone,
        },
        resolve,
      );
      up.on('error', reject);
      up.end(body);
    });

  const readAll = async (stream: http.IncomingMessage): Promise<Buffer> => {
    const chunks: Buffer[] = [];
    for await (const c of stream) chunks.push(c as Buffer);
    return Buffer.concat(chunks);
  };

  const forwardBuffered = async (
    req: http.IncomingMessage,
    body: Buffer,
    clientGone: AbortSignal,
  ): Promise<Buffered> => {
    const res = await forward(req, body, clientGone);
    return { status: res.statusCode ?? 502, headers: endToEnd(res.headers), body: await readAll(res) };
  };

  const handle = async (req: http.IncomingMessage, res: http.ServerResponse): Promise<void> => {
    const gone = new AbortController();
    res.once('close', () => {
      if (!res.writableFinished) gone.abort();
    });
    const body = await readAll(req);
    stats.requests++;
    const fault = decide(req.url ?? '/');
    if (fault) {
      stats.faults++;
      stats.byKind[fault.kind]++;
    }
    const kill = (how: 'drop' | 'reset') => {
      if (how === 'reset') req.socket.resetAndDestroy();
      else req.socket.destroy();
    };
    try {
      switch (fault?.kind) {
        case undefined:
          break;
        case 'delay':
          await sleep(fault.ms ?? 100, undefined, { signal: gone.signal });
          break;
        case 'drop':
        case 'reset':
          if (fault.afterUpstream) {
            await forwardBuffered(req, body, gone.signal);
            stats.lostAnswers++;
          }
          kill(fault.kind);
          return;
        case 'error5xx':
          if (fault.afterUpstream) {
            await forwardBuffered(req, body, gone.signal);
            stats.lostAnswers++;
          }
          res.writeHead(502, { 'content-type': 'text/html', connection: 'close' });
          res.end('<html><body><h1>502 Bad Gateway</h1></body></html>');
          return;
        case 'truncate': {
          const answer = await forwardBuffered(req, body, gone.signal);
          stats.lostAnswers++;
          const half = answer.body.subarray(0, Math.floor(answer.body.length / 2));
          if (fault.cutConnection) {
            // headers announce the whole body; half of it arrives, then the connection dies
            res.writeHead(answer.status, { ...answer.headers, 'content-length': String(answer.body.length) });
            res.write(half, () => req.socket.destroy());
          } else {
            // a well-framed but short body: valid HTTP, garbled JSON
            const headers = { ...answer.headers, 'content-length': String(half.length) };
            res.writeHead(answer.status, headers);
            res.end(half);
          }
          return;
        }
      }
      // pass-through (also after a delay): stream the answer as it comes, long polls included
      const answer = await forward(req, body, gone.signal);
      answer.once('error', () => req.socket.destroy());
      res.writeHead(answer.statusCode ?? 502, endToEnd(answer.headers));
      answer.pipe(res);
    } catch {
      if (gone.signal.aborted) return; // the desk went away (stop, timeout): nothing to answer
      stats.upstreamErrors++;
      if (!res.headersSent) {
        res.writeHead(502, { 'content-type': 'text/plain', connection: 'close' });
        res.end('hub unreachable');
      } else req.socket.destroy();
    }
  };

  const server = http.createServer((req, res) => {
    handle(req, res).catch(() => req.socket.destroy());
  });
  server.on('connection', (s: Socket) => {
    sockets.add(s);
    s.once('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    setMode(next) {
      mode = next === 'pass' ? 'pass' : { ...next, random: seededRandom(next.seed) };
    },
    injectNext(fault, path = '/', skip = 0) {
      script.push({ fault, path, skip });
    },
    stats: () => ({ ...stats, byKind: { ...stats.byKind } }),
    close: async () => {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      agent.destroy();
    },
  };
}

// ---------------------------------------------------------------------------------------------
// The network-fault scenario, shared by electron/desk/sync/scenarios/network-faults and bench:sync

/** The hub a scenario runs against: a TestHub, or the benchmark's own. */
export type ScenarioHub = Pick<TestHub, 'url' | 'casaleToken'> & { db: Kysely<HubDatabase> };

export const SCENARIO_RESIDENTS = ['r-mario', 'r-anna', 'r-luca', 'r-nicolo', 'r-arben'] as const;

/** A phone number unique to mutation `i`: the hub's change log then tells each application apart. */
export const phoneFor = (i: number): string => `0142${String(1_000_000 + i)}`;

export interface NetworkFaultOptions {
  hub: ScenarioHub;
  /** counter actions performed while faults are injected, split over the desks */
  mutations: number;
  /** keep faults on (with the loops running) until at least this many were injected, bounded */
  minFaults: number;
  /** two counters editing the same residents through the same faulty network (default 2) */
  desks?: 1 | 2;
  /** bursts of actions, each followed by faults off and a convergence check (default 10) */
  rounds?: number;
  faultRate?: number;
  seed?: number;
  /** bound on each phase (bootstrap, faults, drain) */
  phaseTimeoutMs?: number;
}

export interface NetworkFaultReport {
  mutations: number;
  desks: number;
  proxy: FaultStats;
  /** faults injected before the last action was committed */
  faultsDuringMutations: number;
  /** hub: applied_mutations of the scenario's workstations with status 'applied' */
  applied: number;
  /** hub: change-log entries written since the scenario began */
  changeLog: number;
  /** phones the hub logged more than once (a mutation applied twice) */
  duplicated: number;
  /** actions the desks committed that the hub never applied */
  lost: number;
  /** desks: still queued / refused */
  pending: number;
  exceptions: number;
  hubExceptions: number;
  /**
   * residents whose contacts differ between the hub and a desk at the end of a round, or whose
   * final value at the hub is not the last action of one of the desks (an older action replayed
   * over a newer one)
   */
  mismatched: string[];
  /** registry indexes missing from a desk's mirror after a bootstrap through faults */
  missingIndexes: string[];
  /** how long each phase took */
  ms: { bootstrap: number; mutations: number; faultWait: number; drain: number };
}

type Contacts = Map<string, string>;

async function hubContacts(db: Kysely<HubDatabase>): Promise<Contacts> {
  const rows = await db
    .selectFrom('residents')
    .select(['id', 'phone', 'email'])
    .where('id', 'in', [...SCENARIO_RESIDENTS])
    .execute();
  return new Map(rows.map((r) => [r.id, `${r.phone ?? ''}|${r.email ?? ''}`]));
}

async function deskContacts(desk: TestDesk): Promise<Contacts> {
  const rows = await desk.core.ctx.db
    .selectFrom('residents')
    .select(['id', 'phone', 'email'])
    .where('id', 'in', [...SCENARIO_RESIDENTS])
    .execute();
  return new Map(rows.map((r) => [r.id, `${r.phone ?? ''}|${r.email ?? ''}`]));
}

/** Index names of the registry tables in a desk's mirror (a bootstrap defers and rebuilds them). */
export const REGISTRY_INDEXES_SQL =
  "select name from sqlite_master where type = 'index' and tbl_name in ('families', 'residents', 'resident_events') order by name";

export async function registryIndexes(db: Kysely<Database>): Promise<string[]> {
  const { rows } = await sql<{ name: string }>`${sql.raw(REGISTRY_INDEXES_SQL)}`.execute(db);
  return rows.map((r) => r.name);
}

/** What a freshly migrated mirror has: the reference for `registryIndexes`. */
export async function expectedRegistryIndexes(): Promise<string[]> {
  const fresh = await openDeskDatabase(':memory:');
  try {
    return await registryIndexes(fresh.db);
  } finally {
    await fresh.close();
  }
}

async function until(check: () => Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (await check()) return;
    await sleep(20);
  }
  throw new Error(`${what}: not reached within ${timeoutMs} ms`);
}

const CLERKS = ['anagrafe.casale', 'anagrafe2.casale'];

/**
 * Bootstrap through faults, then `mutations` counter actions at one or two desks (the same
 * residents) with the sync loops running while the proxy injects faults of every kind; faults
 * off; drain; reconcile the hub with every desk.
 */
export async function runNetworkFaultScenario(opts: NetworkFaultOptions): Promise<NetworkFaultReport> {
  const seed = opts.seed ?? 20261126;
  const phaseMs = opts.phaseTimeoutMs ?? 30_000;
  const random = seededRandom(seed ^ 0x5eed);
  const db = opts.hub.db;
  const baseline = Number(
    (
      await db
        .selectFrom('change_log')
        .select((eb) => eb.fn.max('seq').as('s'))
        .executeTakeFirst()
    )?.s ?? 0,
  );
  const tokens = [opts.hub.casaleToken];
  if ((opts.desks ?? 2) === 2) tokens.push((await enrolWorkstation(db, 'B885', `faults ${seed} B`)).token);
  const proxy = await startFaultProxy(opts.hub.url);
  const desks: TestDesk[] = [];
  try {
    for (const [i, token] of tokens.entries()) {
      // startTestDesk reads only the URL and the token of the hub it is given
      const viaProxy = { url: proxy.url, casaleToken: token, balzolaToken: '' } as unknown as TestHub;
      desks.push(
        await startTestDesk(viaProxy, {
          workstation: `faults ${seed} ${i}`,
          sync: { pollWaitMs: 100, maxBackoffMs: 40, pushBatch: 2, pullPage: 2, bootstrapPage: 1 },
        }),
      );
    }
    proxy.setMode({ faultRate: opts.faultRate ?? 0.4, seed: seed - 1, lostAnswerRate: 0.5 });

    // Bootstrap (one household per page, so it is cut between pages) and login, through faults.
    let t = Date.now();
    const lap = () => -t + (t = Date.now());
    for (const [i, desk] of desks.entries()) {
      await until(
        async () => (await desk.core.sync.syncOnce()).state === 'ready',
        phaseMs,
        'bootstrap through faults',
      );
      const login = { username: CLERKS[i] ?? 'anagrafe.casale', password: DEMO_PASSWORD };
      await until(async () => (await desk.call('session:login', login)).ok, phaseMs, 'login through faults');
    }
    const bootstrapMs = lap();

    for (const desk of desks) desk.core.sync.start();
    const sent: { residentId: string; phone: string }[] = [];
    // per desk, the last action on each resident: the hub must end on one of these
    const lastOf = desks.map(() => new Map<string, string>());
    const touched = () => [...new Set(sent.map((s) => s.residentId))];
    const diverging = async () => {
      const h = await hubContacts(db);
      const views = await Promise.all(desks.map(deskContacts));
      return touched().filter((id) => views.some((v) => v.get(id) !== h.get(id)));
    };
    const settled = async () => {
      for (const desk of desks) if ((await desk.count('outbox')) > 0) return false;
      return (await diverging()).length === 0;
    };
    // Rounds of actions on two residents under faults, each ending with faults off and a check
    // that everybody converged: a wrong final state only shows at the end of a burst, so there are many ends.
    const rounds = Math.max(1, Math.min(opts.rounds ?? 10, opts.mutations));
    const unsettled: string[] = [];
    let mutationsMs = 0;
    let faultWaitMs = 0;
    let drainMs = 0;
    let faultsDuringMutations = 0;
    let i = 0;
    for (let r = 0; r < rounds; r++) {
      proxy.setMode({ faultRate: opts.faultRate ?? 0.4, seed: seed + r, lostAnswerRate: 0.5 });
      const first = Math.floor(random() * SCENARIO_RESIDENTS.length);
      const pair = [
        first,
        (first + 1 + Math.floor(random() * (SCENARIO_RESIDENTS.length - 1))) % SCENARIO_RESIDENTS.length,
      ];
      for (const end = Math.round(((r + 1) * opts.mutations) / rounds); i < end; i++) {
        const d = i % desks.length;
        const residentId = SCENARIO_RESIDENTS[pair[Math.floor(random() * 2)] ?? 0] ?? 'r-mario';
        const phone = phoneFor(i);
        const email = `m${i}@comune.it`;
        await desks[d]?.ok('registry:updateContacts', { residentId, phone, email });
        sent.push({ residentId, phone });
        lastOf[d]?.set(residentId, `${phone}|${email}`);
        await sleep(Math.floor((random() * 80) / desks.length));
      }
      mutationsMs += lap();
      if (r === rounds - 1) {
        faultsDuringMutations = proxy.stats().faults;
        await until(async () => proxy.stats().faults >= opts.minFaults, phaseMs, `${opts.minFaults} faults`);
        faultWaitMs += lap();
      }
      proxy.setMode('pass');
      try {
        // The same bound for every round: a request cut by a dropped connection waits for the hub
        // client's own timeout before it is retried, so a round may take longer than 10 s to settle
        // on a loaded machine. What is asserted is that everybody converges, not how fast.
        await until(settled, phaseMs, `round ${r} settled`);
      } catch {
        unsettled.push(...(await diverging()).map((id) => `round ${r}: ${id}`));
      }
      drainMs += lap();
    }
    for (const desk of desks) await desk.core.sync.stop();

    const wsIds = await Promise.all(tokens.map((tk) => workstationIdOf(db, tk)));
    const applied = Number(
      (
        await db
          .selectFrom('applied_mutations')
          .select((eb) => eb.fn.countAll().as('n'))
          .where('workstation_id', 'in', wsIds)
          .where('status', '=', 'applied')
          .executeTakeFirstOrThrow()
      ).n,
    );
    const log = await db.selectFrom('change_log').select('payload').where('seq', '>', baseline).execute();
    const phones = new Map<string, number>();
    for (const row of log) {
      const phone = String((JSON.parse(row.payload) as { phone?: unknown }).phone ?? '');
      phones.set(phone, (phones.get(phone) ?? 0) + 1);
    }
    const h = await hubContacts(db);
    const mismatched = [
      ...unsettled,
      ...(await diverging()),
      ...touched().filter((id) => !lastOf.some((last) => last.get(id) === h.get(id))),
    ];
    const hubExceptions = Number(
      (
        await db
          .selectFrom('sync_exceptions')
          .select((eb) => eb.fn.countAll().as('n'))
          .where('workstation_id', 'in', wsIds)
          .executeTakeFirstOrThrow()
      ).n,
    );
    const expectedIndexes = await expectedRegistryIndexes();
    const missingIndexes: string[] = [];
    for (const desk of desks) {
      const present = new Set(await registryIndexes(desk.core.ctx.db));
      missingIndexes.push(...expectedIndexes.filter((ix) => !present.has(ix)));
    }
    let pending = 0;
    let exceptions = 0;
    for (const desk of desks) {
      pending += await desk.count('outbox');
      exceptions += await desk.count('sync_exceptions');
    }
    return {
      mutations: sent.length,
      desks: desks.length,
      proxy: proxy.stats(),
      faultsDuringMutations,
      applied,
      changeLog: log.length,
      duplicated: [...phones.values()].filter((n) => n > 1).length,
      lost: sent.filter((s) => !phones.has(s.phone)).length,
      pending,
      exceptions,
      hubExceptions,
      mismatched,
      missingIndexes,
      ms: { bootstrap: bootstrapMs, mutations: mutationsMs, faultWait: faultWaitMs, drain: drainMs },
    };
  } finally {
    for (const desk of desks) await desk.close();
    await proxy.close();
  }
}

export async function workstationIdOf(db: Kysely<HubDatabase>, token: string): Promise<string> {
  const row = await db
    .selectFrom('workstations')
    .select('id')
    .where('token_hash', '=', hashToken(token))
    .executeTakeFirstOrThrow();
  return row.id;
}
