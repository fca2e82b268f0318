import { randomBytes, scryptSync } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setClerkDisabled } from '../../../../hub/admin/users';
import { DEMO_PASSWORD } from '../../../../hub/seed/demo-users';
import { startTestDesk, type TestDesk } from '../../../../test-support/desk-harness';
import { HUB_BACKENDS } from '../../../../test-support/hub-backends';
import { FAST_TEST_SCRYPT } from '../../../../test-support/password-cost';
import { startTestHub, type TestHub } from '../../../../test-support/running-hub';

describe.each(HUB_BACKENDS)('offline login (%s hub)', (backend) => {
  let hub: TestHub;
  let desk: TestDesk;
  let clock = new Date('2026-11-26T08:00:00Z');
  beforeEach(async () => {
    clock = new Date('2026-11-26T08:00:00Z');
    hub = await startTestHub(backend);
    desk = await startTestDesk(hub, { now: () => clock });
    await desk.core.sync.syncOnce();
  });
  afterEach(async () => {
    await desk?.close();
    await hub?.close();
  });

  const login = (username = 'anagrafe.casale', password = DEMO_PASSWORD) =>
    desk.call('session:login', { username, password });

  it('lets a clerk who logged in here log in again with the hub down, for the 72 h grace only', async () => {
    expect(await login()).toMatchObject({ ok: true, value: { offline: false } });
    await desk.call('session:logout');
    await hub.stop();
    expect(await login()).toMatchObject({ ok: true, value: { offline: true } });
    await desk.call('session:logout');
    clock = new Date(clock.getTime() + 71 * 3_600_000);
    expect(await login()).toMatchObject({ ok: true, value: { offline: true } });
    await desk.call('session:logout');
    clock = new Date(clock.getTime() + 2 * 3_600_000); // 73 h after the online login
    expect(await login()).toMatchObject({ ok: false, error: { code: 'offline_login_unavailable' } });
  });

  it('removes the offline login of a clerk disabled at the hub at the next sync', async () => {
    expect(await login()).toMatchObject({ ok: true });
    await desk.call('session:logout');
    await setClerkDisabled(hub.hubDb.db, 'anagrafe.casale', true);
    await desk.core.sync.syncOnce();
    await hub.stop();
    expect(await login()).toMatchObject({
      ok: false,
      error: {
        code: 'offline_login_unavailable',
        message:
          'Server centrale non raggiungibile e nessun accesso recente di questo operatore su questa postazione: impossibile accedere fuori linea.',
      },
    });
    await hub.start();
    expect(await login()).toMatchObject({ ok: false, error: { code: 'account_disabled' } });
  });

  const verifierOf = async (username = 'anagrafe.casale') =>
    (
      await desk.core.ctx.db
        .selectFrom('clerk_verifiers')
        .select('verifier')
        .where('username', '=', username)
        .executeTakeFirstOrThrow()
    ).verifier;

  it('keeps its offline verifier with its cost, accepts the older format, and upgrades it at the next online login', async () => {
    expect(await login()).toMatchObject({ ok: true, value: { offline: false } });
    await desk.call('session:logout');
    expect(await verifierOf()).toMatch(new RegExp(`^scrypt\\$${FAST_TEST_SCRYPT.N}\\$8\\$1\\$`));
    // a row as desks wrote it before costs were stored: salt$verifier, scrypt N=16384
    const salt = randomBytes(16);
    const legacy = scryptSync(DEMO_PASSWORD, salt, 64, { N: 16384, r: 8, p: 1 }).subarray(0, 32);
    await desk.core.ctx.db
      .updateTable('clerk_verifiers')
      .set({ verifier: `${salt.toString('base64')}$${legacy.toString('base64')}`, push_key: null })
      .where('username', '=', 'anagrafe.casale')
      .execute();
    await hub.stop();
    expect(await login('anagrafe.casale', 'sbagliata')).toMatchObject({
      ok: false,
      error: { code: 'wrong_credentials' },
    });
    expect(await login()).toMatchObject({ ok: true, value: { offline: true } });
    await desk.call('session:logout');
    await hub.start();
    expect(await login()).toMatchObject({ ok: true, value: { offline: false } });
    expect(await verifierOf()).toMatch(/^scrypt\$\d+\$8\$1\$/);
  });

  it('counts wrong passwords typed offline and, at the lockout threshold, forgets the offline login', async () => {
    expect(await login()).toMatchObject({ ok: true, value: { offline: false } });
    await desk.call('session:logout');
    await hub.stop();
    const wrong = () => login('anagrafe.casale', 'sbagliata');
    expect(await wrong()).toMatchObject({
      ok: false,
      error: { code: 'wrong_credentials', params: { remaining: 4 } },
    });
    expect(await wrong()).toMatchObject({ ok: false, error: { params: { remaining: 3 } } });
    // a good password starts the count again
    expect(await login()).toMatchObject({ ok: true, value: { offline: true } });
    await desk.call('session:logout');
    for (const remaining of [4, 3, 2, 1]) {
      expect(await wrong()).toMatchObject({
        ok: false,
        error: { code: 'wrong_credentials', params: { remaining } },
      });
    }
    expect(await wrong()).toMatchObject({ ok: false, error: { code: 'offline_login_locked' } });
    expect(await login()).toMatchObject({ ok: false, error: { code: 'offline_login_unavailable' } });
    await hub.start();
    expect(await login()).toMatchObject({ ok: true, value: { offline: false } });
  });
});
