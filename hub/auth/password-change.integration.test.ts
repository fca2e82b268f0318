import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_USERS_PATH, STAFF_NAMES_PATH } from '../../shared/admin/admin-wire';
import { LOGIN_PATH, PASSWORD_PATH, PROTOCOL_VERSION, PUSH_PATH } from '../../shared/sync/registry-page';
import { HUB_BACKENDS } from '../../test-support/hub-backends';
import { startTestHub, type TestHub } from '../../test-support/running-hub';
import { DEMO_PASSWORD } from '../seed/demo-users';

interface Answer {
  status: number;
  error?: { code: string; message: string; params?: Record<string, unknown> };
  token?: string;
  mustChangePassword?: boolean;
  password?: string | null;
}

/** The admin's reset, the person's login and the change, over HTTP as the desk makes them. */
describe.each(HUB_BACKENDS)('one-time passwords on %s', (backend) => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startTestHub(backend);
  });
  afterAll(async () => {
    await hub?.close();
  });

  const call = async (
    method: 'GET' | 'POST',
    path: string,
    opts: { clerk?: string; body?: unknown; locale?: string } = {},
  ): Promise<Answer> => {
    const res = await fetch(hub.url + path, {
      method,
      headers: {
        'x-sportello-protocol': String(PROTOCOL_VERSION),
        authorization: `Bearer ${hub.casaleToken}`,
        ...(opts.body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(opts.clerk ? { 'x-sportello-clerk': opts.clerk } : {}),
        ...(opts.locale ? { 'accept-language': opts.locale } : {}),
      },
      ...(opts.body !== undefined ? { body: JSON.stringify(opts.body) } : {}),
    });
    return { status: res.status, ...((await res.json()) as object) };
  };
  const login = (username: string, password: string) =>
    call('POST', LOGIN_PATH, { body: { username, password } });
  const change = (clerk: string, password: string, newPassword: string) =>
    call('POST', PASSWORD_PATH, { clerk, body: { password, newPassword } });
  const flagOf = async (username: string) =>
    Number(
      (
        await hub.hubDb.db
          .selectFrom('users')
          .select('must_change_password')
          .where('username', '=', username)
          .executeTakeFirstOrThrow()
      ).must_change_password,
    );
  const hashOf = async (username: string) =>
    (
      await hub.hubDb.db
        .selectFrom('users')
        .select('password_hash')
        .where('username', '=', username)
        .executeTakeFirstOrThrow()
    ).password_hash;

  let oneTime = '';
  let session = '';

  it('an ordinary login is not asked to change anything', async () => {
    const a = await login('anagrafe.casale', DEMO_PASSWORD);
    expect(a.status).toBe(200);
    expect(a.mustChangePassword).toBe(false);
  });

  it('after a reset, the one-time password logs in but every other request is refused until the change', async () => {
    const admin = await login('admin.casale', DEMO_PASSWORD);
    const reset = await call('POST', `${ADMIN_USERS_PATH}/anagrafe2.casale/password`, {
      clerk: admin.token ?? '',
      body: {},
    });
    expect(reset.status).toBe(200);
    oneTime = reset.password ?? '';
    expect(await flagOf('anagrafe2.casale')).toBe(1);

    expect((await login('anagrafe2.casale', DEMO_PASSWORD)).error?.code).toBe('wrong_credentials');
    const a = await login('anagrafe2.casale', oneTime);
    expect(a.status).toBe(200);
    expect(a.mustChangePassword).toBe(true);
    session = a.token ?? '';

    const names = await call('GET', STAFF_NAMES_PATH, { clerk: session });
    expect(names.status).toBe(403);
    expect(names.error?.code).toBe('password_change_required');
    expect(names.error?.message).toBe(
      "La password in uso è provvisoria (data dall'amministratore): sceglierne una nuova prima di continuare.",
    );
    const inEnglish = await call('GET', STAFF_NAMES_PATH, { clerk: session, locale: 'en' });
    expect(inEnglish.error?.message).toBe(
      'The password in use is a temporary one (given by the administrator): choose a new one before going on.',
    );
    // nor may its push key upload anything in the person's name
    const push = await call('POST', PUSH_PATH, {
      clerk: session,
      body: { mutations: [{ id: randomUUID() }] },
    });
    expect(push.status).toBe(403);
    expect(push.error?.code).toBe('password_change_required');
  });

  it('refuses a weak, short or unchanged new password, or a wrong current one, and changes nothing', async () => {
    const before = await hashOf('anagrafe2.casale');
    const refusals = [
      await change(session, oneTime, 'corta'),
      await change(session, oneTime, 'anagrafe2.casale-2026'),
      await change(session, oneTime, 'abcabcabcabcabcabc'),
      await change(session, oneTime, oneTime),
      await change(session, 'non-la-password-attuale', 'Una-nuova-password-lunga'),
    ];
    expect(refusals.map((r) => [r.status, r.error?.code])).toEqual([
      [400, 'password_too_short'],
      [400, 'password_weak'],
      [400, 'password_weak'],
      [400, 'password_unchanged'],
      [401, 'wrong_credentials'],
    ]);
    expect(refusals[0]?.error?.message).toBe('Password troppo corta: almeno 14 caratteri.');
    expect(await hashOf('anagrafe2.casale')).toBe(before);
    expect(await flagOf('anagrafe2.casale')).toBe(1);
    expect((await call('GET', STAFF_NAMES_PATH, { clerk: session })).error?.code).toBe(
      'password_change_required',
    );
    // the one-time password still opens only the change step
    expect((await login('anagrafe2.casale', oneTime)).mustChangePassword).toBe(true);
  });

  it('the change clears the flag, opens the session, ends the one-time password, and is audited', async () => {
    const chosen = 'Castello-del-Monferrato-7';
    const done = await change(session, oneTime, chosen);
    expect(done.status).toBe(200);
    expect(await flagOf('anagrafe2.casale')).toBe(0);
    expect((await call('GET', STAFF_NAMES_PATH, { clerk: session })).status).toBe(200);
    expect((await login('anagrafe2.casale', oneTime)).error?.code).toBe('wrong_credentials');
    const again = await login('anagrafe2.casale', chosen);
    expect(again.status).toBe(200);
    expect(again.mustChangePassword).toBe(false);
    const audit = await hub.hubDb.db
      .selectFrom('hub_audit')
      .select(['clerk', 'action', 'entity_id'])
      .where('action', '=', 'auth.changePassword')
      .execute();
    expect(audit).toEqual([
      { clerk: 'anagrafe2.casale', action: 'auth.changePassword', entity_id: 'anagrafe2.casale' },
    ]);
  });

  it('a new account gets the flag only when the hub made its password', async () => {
    const admin = await login('admin.casale', DEMO_PASSWORD);
    const base = { displayName: 'Nuova Persona', role: 'clerk', offices: [] };
    const made = await call('POST', ADMIN_USERS_PATH, {
      clerk: admin.token ?? '',
      body: { ...base, username: 'fatta.dal.hub' },
    });
    const typed = await call('POST', ADMIN_USERS_PATH, {
      clerk: admin.token ?? '',
      body: { ...base, username: 'scelta.a.mano', password: 'Scelta-dall-admin-2026' },
    });
    expect([made.status, typed.status]).toEqual([200, 200]);
    expect((await login('fatta.dal.hub', made.password ?? '')).mustChangePassword).toBe(true);
    expect((await login('scelta.a.mano', 'Scelta-dall-admin-2026')).mustChangePassword).toBe(false);
  });
});
