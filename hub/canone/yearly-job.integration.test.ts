import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from '../../test-support/desk-harness';
import { HUB_BACKENDS } from '../../test-support/hub-backends';
import { startTestHub, type TestHub } from '../../test-support/running-hub';
import { createDemoConcessions } from './demo-canone';
import { runYearly } from './yearly-run';

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

  it('reports a concession the rules refuse with its reason and issues the others', async () => {
    const before = await hub.hubDb.db.selectFrom('canone_applications').select('id').execute();
    await createDemoConcessions(hub.hubDb.db, 'B885', {
      count: 6,
      today: '2026-12-31',
      seed: 99,
      permanentOnly: true,
      notices: false,
    });
    const known = new Set(before.map((r) => r.id));
    const fresh = (
      await hub.hubDb.db.selectFrom('canone_applications').select(['id', 'record']).execute()
    ).filter((r) => !known.has(r.id));
    const [broken, ...others] = fresh;
    if (!broken) throw new Error('no concession');
    // a category the comune's table no longer has (a row removed by mistake)
    await hub.hubDb.db
      .updateTable('canone_applications')
      .set({ category: 'categoria_soppressa' })
      .where('id', '=', broken.id)
      .execute();
    const report = await runYearly(hub.hubDb.db, 'B885', 2027, NEW_YEAR);
    expect(report.failed).toEqual([
      expect.objectContaining({
        applicationId: broken.id,
        code: 'canone_category_unknown',
        message: expect.stringContaining('categoria_soppressa'),
      }),
    ]);
    const withFee = others.filter(
      (r) => (JSON.parse(r.record) as { fee: { totalCents: number } }).fee.totalCents > 0,
    );
    const issued = await hub.hubDb.db
      .selectFrom('canone_notices')
      .select('application_id')
      .distinct()
      .where('year', '=', 2027)
      .where(
        'application_id',
        'in',
        others.map((r) => r.id),
      )
      .execute();
    expect(issued).toHaveLength(withFee.length);
  });
});
