import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from '../../test-support/desk-harness';
import { HUB_BACKENDS } from '../../test-support/hub-backends';
import { startTestHub, type TestHub } from '../../test-support/running-hub';
import { createDemoConcessions } from './demo-canone';

/** The hub's clock: New Year's Eve in Casale, then New Year's morning. */
const NEW_YEARS_EVE = new Date('2026-12-31T18:00:00Z');
const NEW_YEAR = new Date('2027-01-01T07:30:00Z');

describe.each(HUB_BACKENDS)('the canone yearly job (%s)', (backend) => {
  let hub: TestHub;
  let clock = NEW_YEARS_EVE;
  beforeAll(async () => {
    hub = await startTestHub(backend, () => clock);
  });
  afterAll(async () => {
    await hub?.close();
  });

  it('issues the new year’s notices of every permanent concession on 1 January, by itself', async () => {
    const made = await createDemoConcessions(hub.hubDb.db, 'B885', {
      count: 25,
      today: '2026-12-31',
      permanentOnly: true,
      notices: false,
    });
    expect(made).toBe(25);
    // on the 31st the job does nothing
    await new Promise((r) => setTimeout(r, 1200));
    expect(await hub.hubDb.db.selectFrom('canone_notices').select('notice_number').execute()).toEqual([]);
    clock = NEW_YEAR;
    const issuedFor2027 = async () =>
      new Set(
        (
          await hub.hubDb.db
            .selectFrom('canone_notices')
            .select('application_id')
            .where('year', '=', 2027)
            .execute()
        ).map((r) => r.application_id),
      ).size;
    // the job ticks every second: within a few ticks every concession with a fee has its notices
    const withFee = await hub.hubDb.db
      .selectFrom('canone_applications')
      .select(['id', 'record'])
      .where('regime', '=', 'permanent')
      .execute();
    const due = withFee.filter(
      (r) => (JSON.parse(r.record) as { fee: { totalCents: number } }).fee.totalCents > 0,
    );
    await eventually(async () => (await issuedFor2027()) === due.length, 10_000, 100);
    // and again on the next tick of the same day: nothing new
    await new Promise((r) => setTimeout(r, 1500));
    const rows = await hub.hubDb.db
      .selectFrom('canone_notices')
      .select('notice_number')
      .where('year', '=', 2027)
      .execute();
    expect(await issuedFor2027()).toBe(due.length);
    expect(new Set(rows.map((r) => r.notice_number)).size).toBe(rows.length);
  });
});
