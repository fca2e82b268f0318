import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestDesk, type TestDesk } from '../../../../test-support/desk-harness';
import { HUB_BACKENDS } from '../../../../test-support/hub-backends';
import { startTestHub, type TestHub } from '../../../../test-support/running-hub';

describe.each(HUB_BACKENDS)('rejection becomes an exception (%s hub)', (backend) => {
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

  it('keeps a refused change visible to the clerk and to supervisors, and undoes it locally', async () => {
    // Offline, the clerk records contacts of Arben Hoxha; meanwhile the registry of record says he emigrated.
    await desk.ok('registry:updateContacts', { residentId: 'r-arben', phone: '3331112222', email: null });
    await hub.hubDb.db
      .updateTable('residents')
      .set({ status: 'emigrated', status_date: '2026-11-20' })
      .where('id', '=', 'r-arben')
      .execute();

    const status = await desk.core.sync.syncOnce();
    expect(status).toMatchObject({ pending: 0, exceptions: 1 });
    const exceptions =
      await desk.ok<{ code: string; message: string; summary: string; clerk: string }[]>('sync:exceptions');
    expect(exceptions).toHaveLength(1);
    expect(exceptions[0]).toMatchObject({
      code: 'resident_not_current',
      clerk: 'anagrafe.casale',
      message: 'La scheda non è più di un residente (emigrated): modifica non applicata.',
    });
    expect(exceptions[0]?.summary).toContain('3331112222');

    const local = await desk.core.ctx.db
      .selectFrom('residents')
      .select(['phone', 'status'])
      .where('id', '=', 'r-arben')
      .executeTakeFirstOrThrow();
    expect(local).toEqual({ phone: null, status: 'emigrated' });

    // the supervisors of the comune see it from any counter; a clerk may not list the comune's
    const supervisorDesk = await startTestDesk(hub, { workstation: 'Casale - Ufficio responsabile' });
    await supervisorDesk.login('supervisore.casale');
    const forSupervisor =
      await supervisorDesk.ok<{ workstation: string; code: string; summary: string }[]>(
        'sync:comuneExceptions',
      );
    expect(forSupervisor).toEqual([
      expect.objectContaining({
        workstation: 'Casale - Anagrafe 1',
        code: 'resident_not_current',
        summary: expect.stringContaining('3331112222'),
      }),
    ]);
    expect(await desk.call('sync:comuneExceptions')).toMatchObject({
      ok: false,
      error: { code: 'action_not_allowed' },
    });
    await supervisorDesk.close();

    const atHub = await hub.hubDb.db.selectFrom('sync_exceptions').selectAll().execute();
    expect(atHub).toHaveLength(1);
    expect(atHub[0]).toMatchObject({
      comune: 'B885',
      code: 'resident_not_current',
      clerk: 'anagrafe.casale',
    });
  });
});
