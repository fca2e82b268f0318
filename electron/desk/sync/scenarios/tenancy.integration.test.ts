import { uuidv7 } from 'uuidv7';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestDesk, type TestDesk } from '../../../../test-support/desk-harness';
import { HUB_BACKENDS } from '../../../../test-support/hub-backends';
import { startTestHub, type TestHub } from '../../../../test-support/running-hub';

/** A workstation or clerk of comune A can never read or write comune B, on any route. */
describe.each(HUB_BACKENDS)('tenancy (%s hub)', (backend) => {
  let hub: TestHub;
  let casale: TestDesk;
  let balzola: TestDesk;
  beforeEach(async () => {
    hub = await startTestHub(backend);
    casale = await startTestDesk(hub, { comune: 'casale' });
    balzola = await startTestDesk(hub, { comune: 'balzola' });
    await casale.core.sync.syncOnce();
    await balzola.core.sync.syncOnce();
  });
  afterEach(async () => {
    await casale?.close();
    await balzola?.close();
    await hub?.close();
  });

  const envelope = (residentId: string, clerk: string) => ({
    id: uuidv7(),
    name: 'registry.updateContacts',
    args: { residentId, phone: '0142123456', email: null },
    clerk,
    at: new Date().toISOString(),
  });

  it('bootstraps each comune with its own residents only', async () => {
    expect(await balzola.count('residents')).toBe(1);
    expect(await casale.count('residents')).toBe(6);
  });

  it("refuses to write another comune's resident, even with a valid mutation", async () => {
    await balzola.login();
    const [result] = await balzola.core.ctx.hub.push(
      [envelope('r-mario', 'anagrafe.balzola')],
      balzola.token(),
    );
    expect(result).toMatchObject({ status: 'rejected', error: { code: 'resident_not_found' } });
    const mario = await hub.hubDb.db
      .selectFrom('residents')
      .select('phone')
      .where('id', '=', 'r-mario')
      .executeTakeFirstOrThrow();
    expect(mario.phone).toBeNull();
    expect(result?.current ?? []).toEqual([]); // and reveals nothing about it
  });

  it('refuses a clerk of another comune named in a mutation', async () => {
    await balzola.login();
    const [result] = await balzola.core.ctx.hub.push(
      [envelope('r-balzola', 'anagrafe.casale')],
      balzola.token(),
    );
    expect(result).toMatchObject({ status: 'rejected', error: { code: 'author_mismatch' } });
  });

  it("refuses a Casale clerk's session presented by a Balzola workstation", async () => {
    await casale.login();
    await expect(
      balzola.core.ctx.hub.push([envelope('r-balzola', 'anagrafe.casale')], casale.token()),
    ).rejects.toMatchObject({ code: 'clerk_session_invalid' });
  });

  it("never streams another comune's changes", async () => {
    await casale.login();
    await casale.ok('registry:updateContacts', { residentId: 'r-mario', phone: '0142555555', email: null });
    await casale.core.sync.syncOnce();
    const feed = await balzola.core.ctx.hub.changes(0, 1000, 0);
    expect(feed.changes).toEqual([]);
    const own = await casale.core.ctx.hub.changes(0, 1000, 0);
    expect(own.changes.map((c) => c.entityId)).toEqual(['r-mario']);
  });

  it('refuses a clerk of Casale at a Balzola workstation', async () => {
    expect(
      await balzola.call('session:login', { username: 'anagrafe.casale', password: 'Sportello2026!' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'wrong_comune' },
    });
  });
});
