import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../../shared/errors/app-error';
import { getMeta } from '../../db/meta-repository';
import { applyChanges, CURSOR_KEY } from '../apply-changes';
import { startTestDesk, type TestDesk } from '../../../../test-support/desk-harness';
import { HUB_BACKENDS } from '../../../../test-support/hub-backends';
import { startTestHub, type TestHub } from '../../../../test-support/running-hub';

const contactsOf = async (desk: TestDesk) =>
  desk.core.ctx.db
    .selectFrom('residents')
    .select(['phone', 'email'])
    .where('id', '=', 'r-mario')
    .executeTakeFirstOrThrow();

describe.each(HUB_BACKENDS)('two workstations editing the same record (%s hub)', (backend) => {
  let hub: TestHub;
  let a: TestDesk;
  let b: TestDesk;
  beforeEach(async () => {
    hub = await startTestHub(backend);
    a = await startTestDesk(hub, { workstation: 'A' });
    b = await startTestDesk(hub, { workstation: 'B' });
    for (const d of [a, b]) {
      await d.core.sync.syncOnce();
      await d.login(d === a ? 'anagrafe.casale' : 'anagrafe2.casale');
    }
  });
  afterEach(async () => {
    await a?.close();
    await b?.close();
    await hub?.close();
  });

  it('converges on the order the hub applied them, at both counters', async () => {
    await a.ok('registry:updateContacts', {
      residentId: 'r-mario',
      phone: '0142111111',
      email: 'a@comune.it',
    });
    await b.ok('registry:updateContacts', {
      residentId: 'r-mario',
      phone: '0142222222',
      email: 'b@comune.it',
    });
    await a.core.sync.syncOnce(); // A reaches the hub first
    await b.core.sync.syncOnce(); // B second: B's change is the latest
    await a.core.sync.syncOnce();
    const expected = { phone: '0142222222', email: 'b@comune.it' };
    expect(await contactsOf(a)).toEqual(expected);
    expect(await contactsOf(b)).toEqual(expected);
    expect(
      await hub.hubDb.db
        .selectFrom('residents')
        .select(['phone', 'email'])
        .where('id', '=', 'r-mario')
        .executeTakeFirstOrThrow(),
    ).toEqual(expected);
  });

  it("keeps a pending local change on top of another counter's pulled change (rebase)", async () => {
    await b.ok('registry:updateContacts', { residentId: 'r-mario', phone: '0142222222', email: null });
    await b.core.sync.syncOnce();
    await hub.stop(); // A cannot push...
    await a.ok('registry:updateContacts', { residentId: 'r-mario', phone: '0142333333', email: null });
    await hub.start();
    // ...then pulls B's change before its own push is acknowledged: pull applies B, rebase re-applies A.
    const original = a.core.ctx.hub.push;
    a.core.ctx.hub.push = () => Promise.reject(new Error('network down for push only'));
    await a.core.sync.syncOnce();
    expect((await contactsOf(a)).phone).toBe('0142333333');
    a.core.ctx.hub.push = original;
    expect(await a.core.sync.syncOnce()).toMatchObject({ online: true, pending: 0 });
    await b.core.sync.syncOnce();
    expect((await contactsOf(b)).phone).toBe('0142333333');
  });

  it('does not replay its own mutation over a later change when the push answer was lost', async () => {
    await a.ok('registry:updateContacts', { residentId: 'r-mario', phone: '0142111111', email: null });
    const realPush = a.core.ctx.hub.push;
    a.core.ctx.hub.push = async (batch, token) => {
      await realPush(batch, token); // applied at the hub...
      throw new AppError('hub_unreachable'); // ...but the answer never arrives
    };
    await a.core.sync.syncOnce();
    expect(await a.count('outbox')).toBe(1);
    await b.ok('registry:updateContacts', { residentId: 'r-mario', phone: '0142222222', email: null });
    await b.core.sync.syncOnce();

    // A pulls before it ever hears back about its push: its mutation is in the log, B's after it.
    const cursor = Number((await getMeta(a.core.ctx.db, CURSOR_KEY)) ?? 0);
    const page = await a.core.ctx.hub.changes(cursor, 100, 0);
    await applyChanges(a.core.ctx.db, page.changes, page.head, new Date().toISOString());
    expect(await a.count('outbox')).toBe(0);
    expect((await contactsOf(a)).phone).toBe('0142222222');
  });
});
