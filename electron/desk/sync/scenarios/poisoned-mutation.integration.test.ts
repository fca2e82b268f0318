import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { uuidv7 } from 'uuidv7';
import { startTestDesk, type TestDesk } from '../../../../test-support/desk-harness';
import { HUB_BACKENDS } from '../../../../test-support/hub-backends';
import { startTestHub, type TestHub } from '../../../../test-support/running-hub';

/**
 * Issue 12 §6: one mutation the hub cannot read (args null, a name from another release, a field
 * missing) used to make the whole push a 500, and the desk resent the same batch for ever.
 */
describe.each(HUB_BACKENDS)('a poisoned mutation in the outbox (%s hub)', (backend) => {
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

  const queue = async (name: string, args: unknown, extra: Record<string, unknown> = {}) => {
    const id = uuidv7();
    await desk.core.ctx.db
      .insertInto('outbox')
      .values({
        id,
        name,
        args: JSON.stringify(args),
        clerk: 'anagrafe.casale',
        workstation: 'test desk',
        at: new Date().toISOString(),
        ...extra,
      })
      .execute();
    return id;
  };

  it('is refused alone with a reason, the good one lands, and the desk is in sync', async () => {
    const poisoned = await queue('registry.updateContacts', null);
    await desk.ok('registry:updateContacts', { residentId: 'r-arben', phone: '3331112222', email: null });

    const status = await desk.core.sync.syncOnce();
    expect(status).toMatchObject({ pending: 0, exceptions: 1, online: true, error: null });

    const atHub = await hub.hubDb.db
      .selectFrom('residents')
      .select('phone')
      .where('id', '=', 'r-arben')
      .executeTakeFirstOrThrow();
    expect(atHub.phone).toBe('3331112222');

    const exceptions =
      await desk.ok<{ mutationId: string; code: string; message: string }[]>('sync:exceptions');
    expect(exceptions).toEqual([expect.objectContaining({ mutationId: poisoned, code: 'mutation_invalid' })]);
    expect(exceptions[0]?.message).toContain('args');
    const hubExceptions = await hub.hubDb.db
      .selectFrom('sync_exceptions')
      .select(['mutation_id', 'code', 'clerk'])
      .execute();
    expect(hubExceptions).toEqual([
      { mutation_id: poisoned, code: 'mutation_invalid', clerk: 'anagrafe.casale' },
    ]);

    // nothing left to resend: a second round is quiet
    expect(await desk.core.sync.syncOnce()).toMatchObject({ pending: 0, exceptions: 1 });
  });

  it('refuses a mutation from another release by its name, and a wrong-typed one by its field', async () => {
    const unknown = await queue('registry.renameStreet', { street: 'Via Roma' });
    const wrongType = await queue('registry.updateContacts', { residentId: 42, phone: true, email: null });
    await desk.ok('registry:updateContacts', { residentId: 'r-arben', phone: '3334445555', email: null });

    expect(await desk.core.sync.syncOnce()).toMatchObject({ pending: 0, exceptions: 2, error: null });
    const exceptions =
      await desk.ok<{ mutationId: string; code: string; message: string }[]>('sync:exceptions');
    const byId = new Map(exceptions.map((e) => [e.mutationId, e]));
    expect(byId.get(unknown)).toMatchObject({ code: 'mutation_unknown' });
    expect(byId.get(unknown)?.message).toContain('registry.renameStreet');
    expect(byId.get(wrongType)).toMatchObject({ code: 'mutation_invalid' });
    expect(byId.get(wrongType)?.message).toContain('residentId');
    const atHub = await hub.hubDb.db
      .selectFrom('residents')
      .select('phone')
      .where('id', '=', 'r-arben')
      .executeTakeFirstOrThrow();
    expect(atHub.phone).toBe('3334445555');
  });
});
