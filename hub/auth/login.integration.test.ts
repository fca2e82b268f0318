import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOGIN_PATH, PROTOCOL_VERSION } from '../../shared/sync/registry-page';
import { HUB_BACKENDS } from '../../test-support/hub-backends';
import { FAST_TEST_SCRYPT } from '../../test-support/password-cost';
import { startTestHub, type TestHub } from '../../test-support/running-hub';
import { setClerkDisabled } from '../admin/users';
import { DEMO_PASSWORD } from '../seed/demo-users';

interface Answer {
  status: number;
  error?: { code: string; message: string; params?: Record<string, unknown> };
  user?: { username: string };
}

const login = async (hub: TestHub, token: string, username: string, password: string): Promise<Answer> => {
  const res = await fetch(hub.url + LOGIN_PATH, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-sportello-protocol': String(PROTOCOL_VERSION),
      authorization: `Bearer ${token}`,
    },
    body: JSON.stringify({ username, password }),
  });
  return { status: res.status, ...((await res.json()) as object) };
};

describe.each(HUB_BACKENDS)('clerk login on %s', (backend) => {
  // Seeded at the cheap test cost; the server asks for twice that, so a login upgrades the hash.
  const serverCost = { ...FAST_TEST_SCRYPT, N: FAST_TEST_SCRYPT.N * 2 };
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startTestHub(backend, undefined, serverCost);
  });
  afterAll(async () => {
    await hub?.close();
  });

  it('locks the account when twenty wrong passwords arrive at once', async () => {
    const answers = await Promise.all(
      Array.from({ length: 20 }, () => login(hub, hub.casaleToken, 'anagrafe2.casale', 'sbagliata')),
    );
    const wrong = answers.filter((a) => a.error?.code === 'wrong_credentials');
    const locked = answers.filter((a) => a.error?.code === 'account_locked');
    expect(wrong.length + locked.length).toBe(20);
    expect(wrong.length).toBeLessThanOrEqual(4);
    // each failure was counted once: the countdowns are all different
    expect(new Set(wrong.map((a) => a.error?.params?.remaining)).size).toBe(wrong.length);
    const right = await login(hub, hub.casaleToken, 'anagrafe2.casale', DEMO_PASSWORD);
    expect(right.status).toBe(423);
    expect(right.error?.code).toBe('account_locked');
  });

  it('tells a clerk of another comune so before any password check, without touching their lockout', async () => {
    for (let i = 0; i < 6; i++) {
      const a = await login(hub, hub.casaleToken, 'anagrafe.balzola', 'sbagliata');
      expect(a.status).toBe(403);
      expect(a.error?.code).toBe('wrong_comune');
    }
    const home = await login(hub, hub.balzolaToken, 'anagrafe.balzola', DEMO_PASSWORD);
    expect(home.status).toBe(200);
    expect(home.user?.username).toBe('anagrafe.balzola');
  });

  it('answers an unknown username exactly as a wrong password, lock included', async () => {
    const asUnknown: Answer[] = [];
    const asKnown: Answer[] = [];
    for (let i = 0; i < 6; i++) {
      asUnknown.push(await login(hub, hub.casaleToken, 'nessuno.casale', 'sbagliata'));
      asKnown.push(await login(hub, hub.casaleToken, 'supervisore.casale', 'sbagliata'));
    }
    const shape = (a: Answer) => ({ status: a.status, code: a.error?.code, message: a.error?.message });
    expect(asUnknown.map(shape)).toEqual(asKnown.map(shape));
    expect(asKnown[0]?.error?.message).toBe(
      'Nome utente o password errati. Tentativi rimasti prima del blocco: 4.',
    );
    expect(asKnown[5]?.error?.code).toBe('account_locked');
  });

  it('tells only the holder of the password that the account is disabled', async () => {
    await setClerkDisabled(hub.hubDb.db, 'admin.casale', true);
    const wrong = await login(hub, hub.casaleToken, 'admin.casale', 'sbagliata');
    expect(wrong.error?.code).toBe('wrong_credentials');
    const right = await login(hub, hub.casaleToken, 'admin.casale', DEMO_PASSWORD);
    expect(right.error?.code).toBe('account_disabled');
    await setClerkDisabled(hub.hubDb.db, 'admin.casale', false);
  });

  it('rehashes an older, cheaper password hash at the next successful login', async () => {
    const hashOf = async () =>
      (
        await hub.hubDb.db
          .selectFrom('users')
          .select('password_hash')
          .where('username', '=', 'anagrafe.casale')
          .executeTakeFirstOrThrow()
      ).password_hash;
    const before = await hashOf();
    expect(before.startsWith(`scrypt$${FAST_TEST_SCRYPT.N}$8$1$`)).toBe(true);
    expect((await login(hub, hub.casaleToken, 'anagrafe.casale', DEMO_PASSWORD)).status).toBe(200);
    const after = await hashOf();
    expect(after.startsWith(`scrypt$${serverCost.N}$8$1$`)).toBe(true);
    expect((await login(hub, hub.casaleToken, 'anagrafe.casale', DEMO_PASSWORD)).status).toBe(200);
    expect(await hashOf()).toBe(after);
  });
});
