/**
 * `npm run bench:fines`: 1,000,000 verbali in a desk's local mirror; lookups through the desk
 * core (`fines:lookup`, the call the counter makes: query, amount due today, next threshold) by
 * verbale number + plate and by plate alone. BENCH_VERBALI, BENCH_SAMPLES.
 *
 * Last line exactly: `fines_lookup p95_ms=<x> verbali=1000000` (the worse of the two). Target ≤ 2 ms.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createDeskCore, DEFAULT_DESK_CONFIG } from '../electron/desk/core';
import { memoryCredentialStore } from '../electron/desk/credential-file';
import { demoPlate } from '../hub/cashdesk/demo-fines';
import { DEMO_PASSWORD } from '../hub/seed/demo-users';
import { addDays } from '../shared/calendar/iso-date';
import { romeDateOf } from '../shared/calendar/rome-date';
import { generateNoticeNumber } from '../shared/pagopa/notice-number';
import { sql } from 'kysely';
import { openHubDatabase } from '../hub/db/open-hub-database';
import { enrolWorkstation, insertHouseholds, seedComuniAndUsers } from '../hub/seed/seed-demo';
import { buildHubServer } from '../hub/server';
import { CASALE, FIXTURE_HOUSEHOLDS } from '../test-support/registry-fixture';
import { percentile } from './percentile';

const N = Number(process.env.BENCH_VERBALI ?? 1_000_000);
const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 2000);
const CHUNK = 500;
const VIOLATIONS = [
  ['7', '15', 'parking-prohibited-car'],
  ['7', '14', 'ztl-no-permit'],
  ['146', '3', 'red-light'],
  ['142', '7', 'speeding-up-to-10'],
] as const;

const pct = percentile;

/** About 2.5 verbali per plate, like a town's repeat offenders; deterministic. */
const plateOf = (i: number) => demoPlate(Math.floor(i / 2.5) + 17);

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'sportello-bench-fines-'));
  const hubDb = await openHubDatabase({ sqliteFile: join(dir, 'hub.sqlite') });
  await seedComuniAndUsers(hubDb.db, [CASALE]);
  await insertHouseholds(
    hubDb.db,
    FIXTURE_HOUSEHOLDS.filter((h) => h.family.comune === 'B885'),
  );
  const ws = await enrolWorkstation(hubDb.db, 'B885', 'Casale - Cassa bench');
  const app = buildHubServer({ hubDb });
  const url = await app.listen({ host: '127.0.0.1', port: 0 });
  const core = await createDeskCore({
    dbFile: join(dir, 'desk.sqlite'),
    config: { ...DEFAULT_DESK_CONFIG, version: 'bench' },
    credentials: memoryCredentialStore({
      hubUrl: url,
      workstation: 'Casale - Cassa bench',
      token: ws.token,
    }),
  });
  try {
    await core.sync.syncOnce();
    const login = await core.dispatch('session:login', {
      username: 'anagrafe.casale',
      password: DEMO_PASSWORD,
    });
    if (!login.ok) throw new Error(login.error.message);
    const today = romeDateOf(new Date());
    const t0 = performance.now();
    for (let start = 0; start < N; start += CHUNK * 20) {
      await core.ctx.db.transaction().execute(async (trx) => {
        for (let c = start; c < Math.min(N, start + CHUNK * 20); c += CHUNK) {
          const rows = [];
          for (let i = c; i < Math.min(N, c + CHUNK); i++) {
            const [article, comma, violationId] = VIOLATIONS[i % VIOLATIONS.length] ?? VIOLATIONS[0];
            const violation = addDays(today, -(i % 400) - 1);
            const notice = generateNoticeNumber({ auxDigit: 3, segregationCode: '01', base: 1_000_000 + i });
            rows.push({
              key: `${i + 1}/B`,
              number: String(i + 1),
              series: 'B',
              plate: plateOf(i),
              violation_date: violation,
              violation_time: '10:00',
              article,
              comma,
              violation_id: violationId,
              notification: JSON.stringify({ mode: 'post', how: 'post', notifiedOn: addDays(violation, 10) }),
              notification_costs_cents: 1450,
              licence_points: 0,
              driver_identified: 1,
              notice_number: notice.ok ? notice.value.noticeNumber : '',
              status: 'open' as const,
              paid_receipt: null,
            });
          }
          await trx.insertInto('verbali').values(rows).execute();
        }
      });
    }
    // statistics for the freshly loaded rows, so the planner sees the table as it will be
    await sql`analyze`.execute(core.ctx.db);
    console.log(`loaded verbali=${N} in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

    const measure = async (label: string, query: (i: number) => string) => {
      const times: number[] = [];
      let found = 0;
      for (let s = 0; s < SAMPLES; s++) {
        const i = (s * 7919 + 13) % N;
        const t = performance.now();
        const res = await core.dispatch('fines:lookup', { query: query(i) });
        times.push(performance.now() - t);
        if (res.ok && (res.value as { kind: string }).kind === 'results') found++;
      }
      const p95 = pct(times, 95);
      console.log(
        `${label} samples=${SAMPLES} found=${found} p50_ms=${pct(times, 50).toFixed(3)} p95_ms=${p95.toFixed(3)} p99_ms=${pct(times, 99).toFixed(3)}`,
      );
      if (found !== SAMPLES) throw new Error(`${label}: ${SAMPLES - found} lookups found nothing`);
      return p95;
    };
    const byVerbale = await measure('by_verbale_plate', (i) => `${i + 1}/B ${plateOf(i)}`);
    const byPlate = await measure('by_plate', (i) => plateOf(i));
    console.log(`fines_lookup p95_ms=${Math.max(byVerbale, byPlate).toFixed(3)} verbali=${N}`);
  } finally {
    await core.close();
    await app.close();
    await hubDb.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
