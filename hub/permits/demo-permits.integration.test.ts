import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { romeDateOf } from '../../shared/calendar/rome-date';
import { permitRecordSchema } from '../../shared/permits/permit-wire';
import { HUB_BACKENDS } from '../../test-support/hub-backends';
import { startTestHub, type TestHub } from '../../test-support/running-hub';
import { createDemoPermits, demoPlate } from './demo-permits';
import { checkPlate } from './street-check';

describe.each(HUB_BACKENDS)('demo permits (%s)', (backend) => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startTestHub(backend);
  });
  afterAll(async () => {
    await hub?.close();
  });

  it('creates the asked number of valid permits with distinct plates, logged for the counters', async () => {
    const today = romeDateOf(new Date());
    expect(await createDemoPermits(hub.hubDb.db, 'B885', { count: 40, today })).toBe(40);
    // a comune without Casale's ZTL rows still gets its permits (CUDE), and the loop ends
    expect(await createDemoPermits(hub.hubDb.db, 'A605', { count: 3, today, plateOffset: 1000 })).toBe(3);
    const rows = await hub.hubDb.db.selectFrom('permit_plates').select(['plate', 'comune']).execute();
    expect(new Set(rows.map((r) => r.plate)).size).toBe(rows.length);
    const logged = await hub.hubDb.db
      .selectFrom('change_log')
      .select('payload')
      .where('entity', '=', 'permit')
      .execute();
    expect(logged).toHaveLength(43);
    for (const l of logged) expect(permitRecordSchema.safeParse(JSON.parse(l.payload)).success).toBe(true);
    // the household of Via Roma got its ZTL residents permit
    const ztl = await hub.hubDb.db
      .selectFrom('permits')
      .select(['holder_id', 'zone'])
      .where('kind', '=', 'ztl_residenti')
      .execute();
    expect(ztl).toEqual([{ holder_id: 'r-mario', zone: 'ZTL-CENTRO' }]);
    const first = await checkPlate(hub.hubDb.db, {
      comune: 'B885',
      plate: demoPlate(0),
      country: 'I',
      zone: null,
      at: `${today}T12:00`,
    });
    expect(first.permits.length + (first.reason === null ? 0 : 1)).toBe(1);
  });
});
