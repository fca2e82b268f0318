import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eventually, startTestDesk, type TestDesk } from '../../../../test-support/desk-harness';
import { HUB_BACKENDS } from '../../../../test-support/hub-backends';
import { startTestHub, type TestHub } from '../../../../test-support/running-hub';

const ACTIONS = 300;

describe.each(HUB_BACKENDS)('hub restart mid-push (%s hub)', (backend) => {
  let hub: TestHub;
  let desk: TestDesk;
  beforeEach(async () => {
    hub = await startTestHub(backend);
    desk = await startTestDesk(hub, { sync: { pushBatch: 20 } });
    await desk.core.sync.syncOnce();
    await desk.login();
  });
  afterEach(async () => {
    await desk?.close();
    await hub?.close();
  });

  it('loses nothing and applies nothing twice when the hub goes down while batches are in flight', async () => {
    for (let i = 0; i < ACTIONS; i++) {
      await desk.ok('registry:updateContacts', {
        residentId: i % 2 ? 'r-mario' : 'r-anna',
        phone: `0142${200000 + i}`,
        email: null,
      });
    }
    desk.core.sync.start();
    await eventually(async () => (await desk.count('outbox')) < ACTIONS - 40, 10_000, 2);
    await hub.stop();
    const stranded = await desk.count('outbox');
    expect(stranded).toBeGreaterThan(0);
    await new Promise((r) => setTimeout(r, 300));
    await hub.start();
    await eventually(async () => (await desk.count('outbox')) === 0, 20_000, 20);
    await desk.core.sync.stop();

    const applied = await hub.hubDb.db
      .selectFrom('applied_mutations')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    const log = await hub.hubDb.db
      .selectFrom('change_log')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(applied.n)).toBe(ACTIONS);
    expect(Number(log.n)).toBe(ACTIONS);
    await desk.core.sync.syncOnce();
    const hubMario = await hub.hubDb.db
      .selectFrom('residents')
      .select('phone')
      .where('id', '=', 'r-mario')
      .executeTakeFirstOrThrow();
    expect(hubMario.phone).toBe(`0142${200000 + ACTIONS - 1}`);
    const local = await desk.core.ctx.db
      .selectFrom('residents')
      .select('phone')
      .where('id', '=', 'r-mario')
      .executeTakeFirstOrThrow();
    expect(local.phone).toBe(hubMario.phone);
  });
});
