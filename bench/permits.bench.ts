/**
 * `npm run bench:permits`: 200,000 permits across the demo comuni (Casale scaled up so its
 * residents can hold them), then the plate check two ways:
 * - at the hub (SQLite), `GET /api/v1/permits/check` over real HTTP with 200 requests always in
 *   flight: the figure is the hub's own handling time of each request (Fastify's elapsed time,
 *   from the request arriving to the answer sent), the part the hub controls; the client's round
 *   trip, which adds queueing on this 2-core machine, is printed beside it;
 * - in the desk core, `checkPlateAtDesk` on a counter's mirror filled by a real sync.
 * Plates are drawn from those holding permits (allowed or not at that time and zone) and from
 * plates nobody holds. Knobs: BENCH_PERMITS, BENCH_CASALE_RESIDENTS, BENCH_CHECKS,
 * BENCH_CONCURRENCY, BENCH_DESK_SAMPLES.
 *
 * Last line exactly: `permits check_p95_ms=<x> desk_p95_ms=<y> permits=200000 concurrency=200`.
 * Targets: check p95 ≤ 5 ms at the hub (SQLite), desk ≤ 1 ms.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Agent, request } from 'node:http';
import { createDeskCore, DEFAULT_DESK_CONFIG } from '../electron/desk/core';
import { memoryCredentialStore } from '../electron/desk/credential-file';
import { checkPlateAtDesk } from '../electron/desk/permits/plate-check';
import { openHubDatabase } from '../hub/db/open-hub-database';
import { createDemoPermits } from '../hub/permits/demo-permits';
import { enrolWorkstation, seedDemo } from '../hub/seed/seed-demo';
import { FAST_TEST_SCRYPT } from '../test-support/password-cost';
import { buildHubServer } from '../hub/server';
import { defaultDemoPlan } from '../resources/demo/generate-registry';
import { romeDateOf } from '../shared/calendar/rome-date';
import { PERMIT_CHECK_PATH } from '../shared/permits/street-wire';
import { CASALE_ZTL } from '../shared/permits/ztl-zones';
import { PROTOCOL_VERSION } from '../shared/sync/registry-page';
import { percentile } from './percentile';

const env = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const PERMITS = env('BENCH_PERMITS', 200_000);
const CASALE_RESIDENTS = env('BENCH_CASALE_RESIDENTS', 110_000);
const CHECKS = env('BENCH_CHECKS', 20_000);
const CONCURRENCY = env('BENCH_CONCURRENCY', 200);
const DESK_SAMPLES = env('BENCH_DESK_SAMPLES', 5_000);
/** Casale's ZTL, and one sector of resident parking (which opens no gate) */
const ZONES = [CASALE_ZTL, CASALE_ZTL, CASALE_ZTL, 'SOSTA-A'];

const ms = (x: number) => x.toFixed(2);

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'sportello-bench-permits-'));
  const hubDb = await openHubDatabase({ sqliteFile: join(dir, 'hub.sqlite') });
  const today = romeDateOf(new Date());
  try {
    const t0 = performance.now();
    const plan = defaultDemoPlan(CASALE_RESIDENTS);
    const registry = await seedDemo(hubDb.db, { seed: 7, comuni: plan }, () => {}, FAST_TEST_SCRYPT);
    // Each partner comune gets what its residents can hold; Casale the rest.
    let made = 0;
    let plateOffset = 0;
    for (const { comune } of [...plan].reverse()) {
      const want = comune.belfiore === 'B885' ? PERMITS - made : Math.min(2_000, PERMITS - made);
      const n = await createDemoPermits(hubDb.db, comune.belfiore, { count: want, today, plateOffset });
      made += n;
      plateOffset += n * 3 + 1000;
    }
    if (made !== PERMITS) throw new Error(`only ${made} permits generated (need more residents)`);
    const seeded = (performance.now() - t0) / 1000;
    console.log(
      `seeded residents=${registry.residents} permits=${made} comuni=${plan.length} in ${seeded.toFixed(1)} s`,
    );

    const ws = await enrolWorkstation(hubDb.db, 'B885', 'Casale - Polizia Locale varco 1');
    const app = buildHubServer({ hubDb });
    const handled: number[] = [];
    app.addHook('onResponse', async (req, reply) => {
      if (req.url.startsWith(PERMIT_CHECK_PATH)) handled.push(reply.elapsedTime);
    });
    const url = await app.listen({ host: '127.0.0.1', port: 0 });

    const held = await hubDb.db
      .selectFrom('permit_plates')
      .select(['plate', 'country'])
      .where('comune', '=', 'B885')
      .limit(CHECKS)
      .execute();
    const at = `${today}T10:15`;
    const queries = Array.from({ length: CHECKS }, (_, i) => {
      // three in four plates hold a permit somewhere; the rest are strangers (the cameras' usual case)
      const p =
        i % 4 === 3
          ? { plate: `ZZ${String(i % 1000).padStart(3, '0')}ZZ`, country: 'I' }
          : held[i % held.length];
      const zone = ZONES[i % ZONES.length] ?? CASALE_ZTL;
      return `${PERMIT_CHECK_PATH}?plate=${p?.plate ?? 'AB123CD'}&country=${p?.country ?? 'I'}&zone=${zone}&at=${encodeURIComponent(at)}`;
    });
    const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });
    const headers = { authorization: `Bearer ${ws.token}`, 'x-sportello-protocol': String(PROTOCOL_VERSION) };
    const ask = (path: string) =>
      new Promise<boolean>((resolve, reject) => {
        const req = request(`${url}${path}`, { agent, headers }, (res) => {
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => (text += chunk));
          res.on('end', () => {
            const body = JSON.parse(text) as { allowed?: unknown };
            if (res.statusCode !== 200 || typeof body.allowed !== 'boolean') {
              reject(new Error(`check answered ${res.statusCode}: ${text}`));
            } else resolve(body.allowed);
          });
        });
        req.on('error', reject);
        req.end();
      });
    // warm up the connections and the statement
    await Promise.all(queries.slice(0, CONCURRENCY).map(ask));
    handled.length = 0;

    const roundTrips: number[] = [];
    let next = 0;
    let allowed = 0;
    const started = performance.now();
    const worker = async () => {
      while (next < queries.length) {
        const path = queries[next++] ?? '';
        const t = performance.now();
        if (await ask(path)) allowed++;
        roundTrips.push(performance.now() - t);
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    const seconds = (performance.now() - started) / 1000;
    const checkP95 = percentile(handled, 95);
    console.log(
      `hub check: ${CHECKS} requests, ${CONCURRENCY} in flight, ${(CHECKS / seconds).toFixed(0)} req/s, allowed ${allowed}; ` +
        `hub handling p50=${ms(percentile(handled, 50))} p95=${ms(checkP95)} p99=${ms(percentile(handled, 99))} ms; ` +
        `client round trip p50=${ms(percentile(roundTrips, 50))} p95=${ms(percentile(roundTrips, 95))} ms`,
    );
    agent.destroy();

    // The counter: a Casale desk mirror filled by a real sync (registry bootstrap, then the permits).
    const core = await createDeskCore({
      dbFile: join(dir, 'desk.sqlite'),
      config: { ...DEFAULT_DESK_CONFIG, version: 'bench' },
      credentials: memoryCredentialStore({
        hubUrl: url,
        workstation: 'Casale - Polizia Locale varco 1',
        token: ws.token,
      }),
    });
    try {
      const t1 = performance.now();
      const status = await core.sync.syncOnce();
      const local = await core.ctx.db
        .selectFrom('permits')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow();
      console.log(
        `desk mirror: residents=${status.residents} permits=${Number(local.n)} synced in ${((performance.now() - t1) / 1000).toFixed(1)} s`,
      );
      const deskTimes: number[] = [];
      for (let i = 0; i < DESK_SAMPLES; i++) {
        const q = new URLSearchParams(queries[(i * 7919) % queries.length]?.split('?')[1] ?? '');
        const t = performance.now();
        await checkPlateAtDesk(core.ctx.db, {
          plate: q.get('plate') ?? '',
          country: q.get('country') ?? 'I',
          zone: q.get('zone') ?? CASALE_ZTL,
          at,
        });
        deskTimes.push(performance.now() - t);
      }
      const deskP95 = percentile(deskTimes, 95);
      console.log(
        `desk check: ${DESK_SAMPLES} lookups p50=${ms(percentile(deskTimes, 50))} p95=${ms(deskP95)} ms (target ≤ 1 ms); ` +
          `hub target ≤ 5 ms: ${(checkP95 / 5).toFixed(2)}× of target, desk ${(deskP95 / 1).toFixed(2)}×`,
      );
      console.log(
        `permits check_p95_ms=${ms(checkP95)} desk_p95_ms=${ms(deskP95)} permits=${PERMITS} concurrency=${CONCURRENCY}`,
      );
    } finally {
      await core.close();
      await app.close();
    }
  } finally {
    await hubDb.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
