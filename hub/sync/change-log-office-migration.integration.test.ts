import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { elderHouseholds } from '../../test-support/elder-households';
import { HUB_BACKENDS } from '../../test-support/hub-backends';
import { startTestHub, type TestHub } from '../../test-support/running-hub';
import { up } from '../db/migrations/2026_12_07_1500_change_log_office';
import { insertHouseholds } from '../seed/seed-demo';
import { createDemoContributi } from '../social/demo-social';

/**
 * A hub upgraded with social cases already in its log: the migration marks their rows for the
 * social office and queues, for each counter outside it, the deletes that empty its mirror.
 */
describe.each(HUB_BACKENDS)('the change_log.office migration on a hub with history (%s hub)', (backend) => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startTestHub(backend);
    await insertHouseholds(hub.hubDb.db, elderHouseholds(200));
    await createDemoContributi(hub.hubDb.db, 'B885', new Date(), 3, true);
    // as before the migration: no office column, the cases logged for everyone
    await sql`alter table change_log drop column office`.execute(hub.hubDb.db);
    await up(hub.hubDb.db);
  });
  afterAll(async () => {
    await hub?.close();
  });

  it('marks the logged social cases for the office and drops them from every counter outside it', async () => {
    const logged = await hub.hubDb.db
      .selectFrom('change_log')
      .select(['office', 'for_workstation', 'op'])
      .where('entity', '=', 'case')
      .execute();
    const shared = logged.filter((r) => r.for_workstation === null);
    expect(shared.length).toBeGreaterThanOrEqual(3);
    expect(shared.every((r) => r.office === 'servizi_sociali')).toBe(true);
    const workstations = await hub.hubDb.db
      .selectFrom('workstations')
      .select('id')
      .where('comune', '=', 'B885')
      .execute();
    const addressed = logged.filter((r) => r.for_workstation !== null);
    // 3 cases for every workstation of the comune (none is in the office yet), each a delete
    expect(addressed).toHaveLength(3 * workstations.length);
    expect(addressed.every((r) => r.op === 'delete')).toBe(true);
  });
});
