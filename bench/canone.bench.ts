/**
 * `npm run bench:canone`: the canone unico's yearly run (hub/canone/yearly-run.ts) over 50,000
 * active permanent concessions and signs of Casale in a SQLite hub — dehors, driveways, kiosks,
 * awnings, shop signs and boards on Casale's real streets (the demo registry's), each approved
 * with no notice yet for next year. The run issues next year's notices (code 47, instalments
 * above the threshold), their debt positions for the cash desk and the change log for the
 * counters, in chunks with one transaction each. Then it runs again: nothing new (idempotent).
 * Knobs: BENCH_CONCESSIONS, BENCH_CASALE_RESIDENTS.
 *
 * Last line exactly: `canone yearly_run_s=<x> notices=<n> concessions=50000`. Target ≤ 30 s.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { openHubDatabase } from '../hub/db/open-hub-database';
import { createDemoConcessions } from '../hub/canone/demo-canone';
import { runYearly } from '../hub/canone/yearly-run';
import { seedDemo } from '../hub/seed/seed-demo';
import { defaultDemoPlan } from '../resources/demo/generate-registry';
import { romeDateOf } from '../shared/calendar/rome-date';
import { FAST_TEST_SCRYPT } from '../test-support/password-cost';

const env = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const CONCESSIONS = env('BENCH_CONCESSIONS', 50_000);
const CASALE_RESIDENTS = env('BENCH_CASALE_RESIDENTS', 5_000);

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'sportello-bench-canone-'));
  const hubDb = await openHubDatabase({ sqliteFile: join(dir, 'hub.sqlite') });
  const today = romeDateOf(new Date());
  const year = Number(today.slice(0, 4)) + 1;
  try {
    const t0 = performance.now();
    const plan = defaultDemoPlan(CASALE_RESIDENTS).filter((p) => p.comune.belfiore === 'B885');
    await seedDemo(hubDb.db, { seed: 7, comuni: plan }, () => {}, FAST_TEST_SCRYPT);
    const made = await createDemoConcessions(hubDb.db, 'B885', {
      count: CONCESSIONS,
      today,
      permanentOnly: true,
      notices: false,
    });
    if (made !== CONCESSIONS) throw new Error(`only ${made} concessions generated`);
    console.log(`seeded concessions=${made} in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

    const first = await runYearly(hubDb.db, 'B885', year);
    if (first.failed.length > 0) {
      throw new Error(`${first.failed.length} concessions failed, e.g. ${first.failed[0]?.message}`);
    }
    const again = await runYearly(hubDb.db, 'B885', year);
    console.log(
      `second run: issued=${again.issued} skipped=${again.skipped} in ${again.seconds.toFixed(2)} s (idempotent: nothing new)`,
    );
    if (again.issued !== 0) throw new Error('the second run issued notices');
    console.log(
      `canone yearly_run_s=${first.seconds.toFixed(2)} notices=${first.issued} concessions=${first.concessions}`,
    );
  } finally {
    await hubDb.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
