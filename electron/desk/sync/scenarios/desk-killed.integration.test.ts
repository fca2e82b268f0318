import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runKillScenario } from '../../../../test-support/desk-child';
import { HUB_BACKENDS } from '../../../../test-support/hub-backends';
import { startTestHub, type TestHub } from '../../../../test-support/running-hub';

/** CI-bounded; SPORTELLO_KILLS=200 (say) for a longer run. */
const KILLS = Number(process.env.SPORTELLO_KILLS ?? 30);

describe.each(HUB_BACKENDS)('desk killed with SIGKILL (%s hub)', (backend) => {
  let hub: TestHub;
  beforeEach(async () => {
    hub = await startTestHub(backend);
  });
  afterEach(async () => {
    await hub?.close();
  });

  it(
    `loses and duplicates nothing across ${KILLS} kills during push and pull`,
    { timeout: 600_000 },
    async () => {
      const report = await runKillScenario({
        hub: { url: hub.url, casaleToken: hub.casaleToken, db: hub.hubDb.db },
        kills: KILLS,
        seed: backend === 'sqlite' ? 30 : 31,
      });
      const why = JSON.stringify(report); // the whole report on any failure
      expect(
        report.integrity.every((r) => r === 'ok'),
        why,
      ).toBe(true);
      expect(report.committed, why).toBeGreaterThan(KILLS);
      expect(report, why).toMatchObject({
        lost: 0,
        duplicated: 0,
        phantom: 0,
        stillQueued: 0,
        exceptions: 0,
        mismatched: [],
        missingIndexes: [],
      });
      // the kills landed while pushes and pulls were under way, not only between them
      expect(report.at.pushInFlight + report.at.pushAnswered, why).toBeGreaterThan(0);
      expect(report.at.pullInFlight + report.at.pullAnswered, why).toBeGreaterThan(0);
      // what the hub applied = what the child reported committed + at most one unreported per kill
      expect(report.applied, why).toBe(report.committed + report.unreportedApplied);
      expect(report.unreportedApplied, why).toBeLessThanOrEqual(report.killsInTransaction);
      expect(report.changeLog, why).toBe(report.applied);
    },
  );
});
