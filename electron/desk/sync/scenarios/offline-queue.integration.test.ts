import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestDesk, type TestDesk } from '../../../../test-support/desk-harness';
import { HUB_BACKENDS } from '../../../../test-support/hub-backends';
import { startTestHub, type TestHub } from '../../../../test-support/running-hub';

const ACTIONS = 500;

describe.each(HUB_BACKENDS)('offline queue (%s hub)', (backend) => {
  let hub: TestHub;
  let desk: TestDesk;
  beforeEach(async () => {
    hub = await startTestHub(backend);
    desk = await startTestDesk(hub);
    await desk.core.sync.syncOnce();
    await desk.login();
  });
  afterEach(async () => {
    await desk?.close();
    await hub?.close();
  });

  it('keeps serving with the hub down, then applies all 500 actions exactly once', async () => {
    await hub.stop();
    for (let i = 0; i < ACTIONS; i++) {
      const who = ['r-mario', 'r-anna', 'r-luca', 'r-nicolo', 'r-arben'][i % 5] ?? 'r-mario';
      await desk.ok('registry:updateContacts', {
        residentId: who,
        phone: `0142${String(100000 + i)}`,
        email: null,
      });
    }
    const offline = await desk.core.sync.syncOnce();
    expect(offline).toMatchObject({ online: false, pending: ACTIONS });
    expect(offline.error).toBe('Il server centrale non risponde. Verificare la rete e riprovare.');

    await hub.start();
    const back = await desk.core.sync.syncOnce();
    expect(back).toMatchObject({ online: true, pending: 0, exceptions: 0, error: null });

    const applied = await hub.hubDb.db
      .selectFrom('applied_mutations')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('status', '=', 'applied')
      .executeTakeFirstOrThrow();
    expect(Number(applied.n)).toBe(ACTIONS);
    const logged = await hub.hubDb.db
      .selectFrom('change_log')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(logged.n)).toBe(ACTIONS);
    // the last action per resident wins, at the hub and here
    const mario = await hub.hubDb.db
      .selectFrom('residents')
      .select('phone')
      .where('id', '=', 'r-mario')
      .executeTakeFirstOrThrow();
    expect(mario.phone).toBe(`0142${100000 + ACTIONS - 5}`);
    const local = await desk.core.ctx.db
      .selectFrom('residents')
      .select('phone')
      .where('id', '=', 'r-mario')
      .executeTakeFirstOrThrow();
    expect(local.phone).toBe(mario.phone);
  });
});
