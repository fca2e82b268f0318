/**
 * `npm run bench:counter` (needs `npm run build` first: the desk's pages are served from
 * out/renderer): the ten commonest counter tasks, driven at the keyboard in headless Chromium on
 * the browser-mode desk, synced with a real hub (SQLite) holding the demo registry. Each task is
 * timed and counted from "the citizen sits down" (search screen, focus in the box) to "document
 * or receipt in hand" (the PDF has arrived, or the receipt is on screen); the scripts and the
 * counting rules are in test-support/counter-tasks.ts, shared with e2e/counter-tasks.e2e.test.ts.
 * The till is opened before the tasks (once a day, not a citizen's task).
 *
 * One line per task, `task=<name> keys=<k> mouse=<m> seconds=<s>` (`missing` when its service is
 * not in this release, `failed` with the reason when it did not finish), and last, exactly:
 * `counter tasks=10 done=<n> max_keys=<k> mouse=<m> p95_s=<s>`.
 * Targets: every task done, ≤ 8 keyboard actions each, mouse 0, each ≤ 15 s.
 * BENCH_COUNTER_VERBOSE=1 also prints the keys of each task.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { SERVICES } from '../shared/services/registered';
import { startCounter, type Counter } from '../test-support/e2e-counter';
import {
  backToSearch,
  Clerk,
  COUNTER_TASKS,
  openTill,
  prepareCounterHub,
  type CounterFixtures,
} from '../test-support/counter-tasks';
import { percentile } from './percentile';

const verbose = process.env.BENCH_COUNTER_VERBOSE === '1';

async function main(): Promise<void> {
  if (!existsSync(join(resolve(__dirname, '..'), 'out', 'renderer', 'index.html'))) {
    console.error('bench:counter drives the built desk: run `npm run build` first');
    process.exitCode = 1;
    return;
  }
  let fixtures: CounterFixtures | undefined;
  const counter: Counter = await startCounter({
    workstation: 'Casale - Sportello polifunzionale 1',
    login: 'anagrafe.casale',
    prepare: async (hub) => {
      fixtures = await prepareCounterHub(hub);
    },
  });
  const present = new Set<string>(SERVICES.map((s) => s.id));
  const seconds: number[] = [];
  let done = 0;
  let maxKeys = 0;
  let mouse = 0;
  try {
    if (!fixtures) throw new Error('hub not prepared');
    await openTill(counter.page);
    const clerk = new Clerk(counter.page);
    for (const task of COUNTER_TASKS) {
      if (!present.has(task.service)) {
        console.log(`task=${task.name} missing`);
        continue;
      }
      await backToSearch(counter.page);
      if (task.before) {
        await task.before(counter);
        await backToSearch(counter.page);
      }
      clerk.reset();
      const t0 = performance.now();
      try {
        await task.run(clerk, fixtures);
      } catch (e) {
        console.log(`task=${task.name} failed keys=${clerk.keys} (${(e as Error).message.split('\n')[0]})`);
        continue;
      }
      const s = (performance.now() - t0) / 1000;
      done++;
      seconds.push(s);
      maxKeys = Math.max(maxKeys, clerk.keys);
      mouse += clerk.mouse;
      console.log(`task=${task.name} keys=${clerk.keys} mouse=${clerk.mouse} seconds=${s.toFixed(2)}`);
      if (verbose) console.log(`  ${clerk.log.join(' ')}`);
    }
  } finally {
    await counter.close();
  }
  const p95 = seconds.length > 0 ? percentile(seconds, 95).toFixed(2) : 'NaN';
  console.log(
    `counter tasks=${COUNTER_TASKS.length} done=${done} max_keys=${maxKeys} mouse=${mouse} p95_s=${p95}`,
  );
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
