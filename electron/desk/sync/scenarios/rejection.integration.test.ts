import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestDesk, type TestDesk } from '../../../../test-support/desk-harness';
import { HUB_BACKENDS } from '../../../../test-support/hub-backends';
import { startTestHub, type TestHub } from '../../../../test-support/running-hub';
import { getMeta } from '../../db/meta-repository';
import type { DeskHubClient } from '../../hub-client/hub-client';
import { applyChanges, CURSOR_KEY } from '../apply-changes';
import { pushOutboxOnce } from '../push-outbox';

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
  it('undoes a refused change even when a pull passed the hub’s copy before the answer came', async () => {
    const other = await startTestDesk(hub, { workstation: 'Casale - Anagrafe 2' });
    try {
      await other.core.sync.syncOnce();
      await other.login();
      await desk.ok('registry:updateContacts', { residentId: 'r-arben', phone: '3331112222', email: null });
      await hub.hubDb.db
        .updateTable('residents')
        .set({ status: 'emigrated', status_date: '2026-11-20' })
        .where('id', '=', 'r-arben')
        .execute();
      const db = desk.core.ctx.db;
      const real = desk.core.ctx.hub;
      // while the refused push is out, another counter changes someone else and this counter's
      // pull loop takes it: the cursor is past the seq the hub stamped its copy of Arben with
      const racing = Object.create(real) as DeskHubClient;
      racing.push = async (envelopes, token) => {
        const results = await real.push(envelopes, token);
        await other.ok('registry:updateContacts', {
          residentId: 'r-mario',
          phone: '0142000001',
          email: null,
        });
        await other.core.sync.syncOnce();
        const page = await real.changes(Number((await getMeta(db, CURSOR_KEY)) ?? 0), 1000, 0);
        const last = page.changes[page.changes.length - 1];
        if (last) await applyChanges(db, page.changes, last.seq, new Date().toISOString());
        return results;
      };
      const round = await pushOutboxOnce(db, racing, desk.core.ctx.authors, 200, () => new Date());
      expect(round.settled).toBe(1);
      await desk.core.sync.syncOnce();
      const rows = await db
        .selectFrom('residents')
        .select(['id', 'phone', 'status'])
        .where('id', 'in', ['r-arben', 'r-mario'])
        .orderBy('id')
        .execute();
      expect(rows).toEqual([
        { id: 'r-arben', phone: null, status: 'emigrated' },
        { id: 'r-mario', phone: '0142000001', status: 'resident' },
      ]);
      expect(await desk.count('sync_exceptions')).toBe(1);
    } finally {
      await other.close();
    }
  });
});
