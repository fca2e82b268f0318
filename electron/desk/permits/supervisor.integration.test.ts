import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { insertPermit } from '../../../hub/permits/permit-repository';
import { addDays } from '../../../shared/calendar/iso-date';
import { romeDateOf } from '../../../shared/calendar/rome-date';
import type { IssuedPermitView, PermitView } from '../../../shared/permits/permit-views';
import type { PermitStats } from '../../../shared/permits/street-wire';
import { permitRecord } from '../../../shared/permits/test-fixtures';
import { startTestDesk, type TestDesk } from '../../../test-support/desk-harness';
import { HUB_BACKENDS } from '../../../test-support/hub-backends';
import { addCavourHousehold } from '../../../test-support/permit-fixtures';
import { startTestHub, type TestHub } from '../../../test-support/running-hub';

const today = romeDateOf(new Date());

/** The supervisors' side of the permits area: the hub's figures, and the proposed revocations. */
describe.each(HUB_BACKENDS)('permits for supervisors (%s hub)', (backend) => {
  let hub: TestHub;
  let desk: TestDesk;
  beforeEach(async () => {
    hub = await startTestHub(backend);
    await addCavourHousehold(hub);
    desk = await startTestDesk(hub);
    await desk.core.sync.syncOnce();
  });
  afterEach(async () => {
    await desk?.close();
    await hub?.close();
  });

  it('shows the hub’s figures of the last 30 days to a supervisor, and refuses them to a clerk', async () => {
    await desk.login();
    const issued = await desk.ok<IssuedPermitView>('permits:issue', {
      residentId: 'r-giorgio',
      kind: 'sosta_residenti',
      plates: [{ plate: 'FG456HK' }],
    });
    expect((await desk.core.sync.syncOnce()).exceptions).toBe(0);
    const refused = await desk.call('permits:stats', { from: addDays(today, -29), to: today });
    expect(refused).toMatchObject({ ok: false, error: { code: 'action_not_allowed' } });

    await desk.ok('session:logout', {});
    await desk.login('supervisore.casale');
    const stats = await desk.ok<PermitStats>('permits:stats', { from: addDays(today, -29), to: today });
    expect(stats.totals).toEqual({ issued: 1, renewed: 0, revoked: 0, revenueCents: issued.permit.feeCents });
    expect(stats.rows).toEqual([expect.objectContaining({ day: today, kind: 'sosta_residenti', issued: 1 })]);
  });

  it('lists the permits proposed for revocation from the mirror, and a supervisor revokes one', async () => {
    const proposed = permitRecord({
      id: 'p-proposed',
      number: 'PRM-B885-H1-2026-000001',
      holderId: 'r-giorgio',
      householdId: 'f-verdi',
      kind: 'sosta_residenti',
      zone: 'SOSTA-A',
      plates: [{ plate: 'GH789JK', country: 'I' }],
      validFrom: addDays(today, -100),
      validTo: addDays(today, 200),
      status: 'revocation_proposed',
      revokedReason: 'Trasferito fuori dal settore: preavviso di 30 giorni',
    });
    await hub.hubDb.db.transaction().execute(async (trx) => {
      const ws = await trx
        .selectFrom('workstations')
        .select('id')
        .where('comune', '=', 'B885')
        .executeTakeFirstOrThrow();
      await insertPermit(trx, proposed, ws.id, new Date().toISOString());
    });
    await desk.core.sync.syncOnce();
    await desk.login();
    expect(await desk.call('permits:proposedRevocations', {})).toMatchObject({
      ok: false,
      error: { code: 'action_not_allowed' },
    });
    await desk.ok('session:logout', {});
    await desk.login('supervisore.casale');
    const list = await desk.ok<PermitView[]>('permits:proposedRevocations', {});
    expect(list.map((p) => p.number)).toEqual(['PRM-B885-H1-2026-000001']);
    await desk.ok('permits:revoke', { permitId: 'p-proposed', reason: 'Trasferito fuori dal settore' });
    expect(await desk.ok<PermitView[]>('permits:proposedRevocations', {})).toEqual([]);
    expect((await desk.core.sync.syncOnce()).exceptions).toBe(0);
    const atHub = await hub.hubDb.db
      .selectFrom('permits')
      .select('status')
      .where('id', '=', 'p-proposed')
      .executeTakeFirstOrThrow();
    expect(atHub.status).toBe('revoked');
  });
});
