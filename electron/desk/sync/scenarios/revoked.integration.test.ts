import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { revokeWorkstation } from '../../../../hub/admin/workstations';
import { startTestDesk, type TestDesk } from '../../../../test-support/desk-harness';
import { HUB_BACKENDS } from '../../../../test-support/hub-backends';
import { startTestHub, type TestHub } from '../../../../test-support/running-hub';

describe.each(HUB_BACKENDS)('revoked workstation (%s hub)', (backend) => {
  let hub: TestHub;
  let desk: TestDesk;
  beforeEach(async () => {
    hub = await startTestHub(backend);
    desk = await startTestDesk(hub, { workstation: 'Casale - Anagrafe 1' });
    await desk.core.sync.syncOnce();
    await desk.login();
  });
  afterEach(async () => {
    await desk?.close();
    await hub?.close();
  });

  it('stops syncing, wipes local personal data and says why at its next contact', async () => {
    await desk.ok('registry:updateContacts', { residentId: 'r-mario', phone: '0142000001', email: null });
    expect(await revokeWorkstation(hub.hubDb.db, 'Casale - Anagrafe 1')).toBe(1);

    const status = await desk.core.sync.syncOnce();
    expect(status).toMatchObject({ state: 'revoked', residents: 0, pending: 0 });
    expect(status.error).toBe(
      'Questa postazione è stata revocata dal server centrale: i dati personali locali sono stati cancellati. Rivolgersi ai Servizi Informatici.',
    );
    for (const table of ['residents', 'outbox', 'sync_exceptions'] as const)
      expect(await desk.count(table)).toBe(0);
    expect(await desk.core.ctx.db.selectFrom('families').selectAll().execute()).toEqual([]);
    expect(await desk.core.ctx.db.selectFrom('clerk_verifiers').selectAll().execute()).toEqual([]);
    expect(desk.core.ctx.credentials.read()).toBeNull();
    expect(await desk.ok('setup:status')).toMatchObject({ enrolled: false, revoked: status.error });
    // the clerk is logged out and cannot log in again, online or off
    expect(await desk.call('registry:search', { query: 'rossi' })).toMatchObject({
      ok: false,
      error: { code: 'not_logged_in' },
    });
    expect(await desk.call('session:login', { username: 'anagrafe.casale', password: 'x' })).toMatchObject({
      ok: false,
      error: { code: 'not_enrolled' },
    });
    // the audit log is kept: it is evidence, and holds no personal data
    const audit = await desk.core.ctx.db.selectFrom('audit_log').select('action').orderBy('seq').execute();
    expect(audit.map((a) => a.action)).toEqual(['session.login', 'registry.updateContacts', 'resident.read']);
  });

  it('refuses the revoked credential on every hub route', async () => {
    await revokeWorkstation(hub.hubDb.db, 'Casale - Anagrafe 1');
    const hubClient = desk.core.ctx.hub;
    await expect(hubClient.registryPage(null, 10)).rejects.toMatchObject({ code: 'workstation_revoked' });
    await expect(hubClient.changes(0, 10, 0)).rejects.toMatchObject({ code: 'workstation_revoked' });
    await expect(
      hubClient.push(
        [
          {
            id: '0190a000-0000-7000-8000-000000000000',
            name: 'registry.updateContacts',
            args: {},
            clerk: 'anagrafe.casale',
            at: new Date().toISOString(),
          },
        ],
        'any-token-at-all-0000',
      ),
    ).rejects.toMatchObject({ code: 'workstation_revoked' });
    await expect(hubClient.login('anagrafe.casale', 'x')).rejects.toMatchObject({
      code: 'workstation_revoked',
    });
  });
});
