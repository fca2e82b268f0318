import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from '../../test-support/desk-harness';
import { HUB_BACKENDS } from '../../test-support/hub-backends';
import { startTestHub, type TestHub } from '../../test-support/running-hub';
import { runDueOnce } from '../db/job-runs';

/** The hub's clock: New Year's Eve in Casale, then New Year's morning (the canone yearly run). */
const NEW_YEARS_EVE = new Date('2026-12-31T18:00:00Z');
const NEW_YEAR = new Date('2027-01-01T07:30:00Z');

const metricsOf = async (hub: TestHub): Promise<string> => {
  const res = await fetch(`${hub.url}/metrics`);
  expect(res.status).toBe(200);
  return res.text();
};

/** The counter's value for one job as /metrics shows it (0 when the job never ran here). */
const countOf = (text: string, metric: string, job: string): number => {
  const line = text.split('\n').find((l) => l.startsWith(`${metric}{job="${job}"} `));
  return line ? Number(line.slice(line.lastIndexOf(' ') + 1)) : 0;
};

describe('job runs and failures on /metrics', () => {
  describe('a scheduled job of a running hub', () => {
    let hub: TestHub;
    let clock = NEW_YEARS_EVE;
    beforeAll(async () => {
      hub = await startTestHub('sqlite', () => clock);
    });
    afterAll(async () => {
      await hub?.close();
    });

    it('counts the canone yearly run once when 1 January comes, and no failure', async () => {
      await new Promise((r) => setTimeout(r, 1200));
      expect(countOf(await metricsOf(hub), 'sportello_job_runs_total', 'canone-yearly')).toBe(0);
      clock = NEW_YEAR;
      // the job ticks every second; its run is recorded in hub_meta when it ends
      await eventually(
        async () =>
          (
            await hub.hubDb.db
              .selectFrom('hub_meta')
              .select('value')
              .where('key', '=', 'job:canone-yearly')
              .executeTakeFirst()
          )?.value === '2027',
        10_000,
        100,
      );
      await new Promise((r) => setTimeout(r, 1500)); // more ticks of the same day: no second run
      const text = await metricsOf(hub);
      expect(text).toContain('sportello_job_runs_total{job="canone-yearly"} 1');
      expect(countOf(text, 'sportello_job_failures_total', 'canone-yearly')).toBe(0);
    });
  });

  describe.each(HUB_BACKENDS)('runDueOnce (%s)', (backend) => {
    let hub: TestHub;
    beforeAll(async () => {
      hub = await startTestHub(backend);
    });
    afterAll(async () => {
      await hub?.close();
    });

    it('counts a failed run as a run and a failure, its retry as a run, a period already done as nothing', async () => {
      const job = `test-metrics-${backend}`;
      const db = hub.hubDb.db;
      await expect(
        runDueOnce(db, job, '2026-12', async () => {
          throw new Error('the treasury file could not be written');
        }),
      ).rejects.toThrow('treasury');
      let text = await metricsOf(hub);
      expect(text).toContain(`sportello_job_runs_total{job="${job}"} 1`);
      expect(text).toContain(`sportello_job_failures_total{job="${job}"} 1`);

      expect(await runDueOnce(db, job, '2026-12', async () => {})).toBe('ran');
      expect(await runDueOnce(db, job, '2026-12', async () => {})).toBe('done');
      text = await metricsOf(hub);
      expect(countOf(text, 'sportello_job_runs_total', job)).toBe(2);
      expect(countOf(text, 'sportello_job_failures_total', job)).toBe(1);
    });
  });
});
