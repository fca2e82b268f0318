import { uuidv7 } from 'uuidv7';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestDesk, type TestDesk } from '../../../../test-support/desk-harness';
import { HUB_BACKENDS } from '../../../../test-support/hub-backends';
import { startTestHub, type TestHub } from '../../../../test-support/running-hub';

describe.each(HUB_BACKENDS)('replay (%s hub)', (backend) => {
  let hub: TestHub;
  let desk: TestDesk;
  beforeEach(async () => {
    hub = await startTestHub(backend);
    desk = await startTestDesk(hub);
  });
  afterEach(async () => {
    await desk?.close();
    await hub?.close();
  });

  it('applies a batch pushed three times exactly once', async () => {
    const at = new Date().toISOString();
    const batch = ['r-mario', 'r-anna', 'r-luca'].map((residentId, i) => ({
      id: uuidv7(),
      name: 'registry.updateContacts',
      args: { residentId, phone: `01421234${i}`, email: null },
      clerk: 'anagrafe.casale',
      at,
    }));
    await desk.login();
    const first = await desk.core.ctx.hub.push(batch, desk.token());
    const second = await desk.core.ctx.hub.push(batch, desk.token());
    const third = await desk.core.ctx.hub.push(batch, desk.token());
    expect(first.map((r) => r.status)).toEqual(['applied', 'applied', 'applied']);
    expect(second.map((r) => r.status)).toEqual(['duplicate', 'duplicate', 'duplicate']);
    expect(third.map((r) => r.status)).toEqual(['duplicate', 'duplicate', 'duplicate']);
    const log = await hub.hubDb.db
      .selectFrom('change_log')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(log.n)).toBe(3);
  });

  it('answers concurrent replays of one mutation with one application', async () => {
    const m = {
      id: uuidv7(),
      name: 'registry.updateContacts',
      args: { residentId: 'r-mario', phone: '0142999', email: null },
      clerk: 'anagrafe.casale',
      at: new Date().toISOString(),
    };
    await desk.login();
    const answers = await Promise.all(
      Array.from({ length: 5 }, () => desk.core.ctx.hub.push([m], desk.token())),
    );
    const statuses = answers.map((a) => a[0]?.status).sort();
    expect(statuses.filter((s) => s === 'applied')).toHaveLength(1);
    expect(statuses.filter((s) => s === 'duplicate')).toHaveLength(4);
  });
});
