import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { romeDateOf } from '../../shared/calendar/rome-date';
import { checkPartitaIva } from '../../shared/codice-fiscale/partita-iva';
import { shopRecordSchema } from '../../shared/shops/shop-wire';
import { checkVicinatoClass } from '../../shared/shops/size-class';
import { HUB_BACKENDS } from '../../test-support/hub-backends';
import { startTestHub, type TestHub } from '../../test-support/running-hub';
import { createDemoShops } from './demo-shops';

describe.each(HUB_BACKENDS)('demo shops (%s)', (backend) => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startTestHub(backend);
  });
  afterAll(async () => {
    await hub?.close();
  });

  it('registers 100 active vicinato shops in Casale on its registry’s streets, logged for the counters', async () => {
    const today = romeDateOf(new Date());
    expect(await createDemoShops(hub.hubDb.db, 'B885', { count: 100, today })).toBe(100);
    const streets = await hub.hubDb.db
      .selectFrom('families')
      .select('street_name')
      .where('comune', '=', 'B885')
      .execute();
    const logged = await hub.hubDb.db
      .selectFrom('change_log')
      .select('payload')
      .where('entity', '=', 'shop')
      .execute();
    expect(logged).toHaveLength(100);
    const shops = logged.map((l) => shopRecordSchema.parse(JSON.parse(l.payload)));
    for (const s of shops) {
      expect(s.status).toBe('active');
      expect(checkPartitaIva(s.company.partitaIva).ok).toBe(true);
      expect(checkVicinatoClass('B885', today, s.salesAreaM2).ok).toBe(true);
      expect(streets.map((r) => r.street_name)).toContain(s.streetName);
    }
    expect(new Set(shops.map((s) => s.company.partitaIva)).size).toBe(100);
  });
});
