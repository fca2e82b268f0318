import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  LOGIN_PATH,
  PROTOCOL_VERSION,
  REGISTRY_NEXT_HEADER,
  REGISTRY_PAGE_PATH,
} from '../shared/sync/registry-page';
import { HUB_BACKENDS } from '../test-support/hub-backends';
import { startTestHub, type TestHub } from '../test-support/running-hub';
import { DEMO_PASSWORD } from './seed/demo-users';

describe.each(HUB_BACKENDS)('hub on %s', (backend) => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startTestHub(backend);
  });
  afterAll(async () => {
    await hub?.close();
  });

  const call = async (path: string, opts: { token?: string; body?: unknown; lang?: string } = {}) => {
    const res = await fetch(hub.url + path, {
      method: opts.body === undefined ? 'GET' : 'POST',
      headers: {
        'content-type': 'application/json',
        'x-sportello-protocol': String(PROTOCOL_VERSION),
        ...(opts.token ? { authorization: `Bearer ${opts.token}` } : {}),
        ...(opts.lang ? { 'accept-language': opts.lang } : {}),
      },
      ...(opts.body === undefined
        ? {}
        : { body: typeof opts.body === 'string' ? opts.body : JSON.stringify(opts.body) }),
    });
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    return { status: res.status, headers: res.headers, body: (await res.json()) as Record<string, any> };
  };

  it('answers /health with its backend', async () => {
    const { status, body } = await call('/health');
    expect(status).toBe(200);
    expect(body).toMatchObject({ status: 'ok', dialect: backend });
  });

  it('stores passwords only as scrypt hashes', async () => {
    const user = await hub.hubDb.db
      .selectFrom('users')
      .selectAll()
      .where('username', '=', 'anagrafe.casale')
      .executeTakeFirstOrThrow();
    expect(user.password_hash.startsWith('scrypt$')).toBe(true);
    expect(user.password_hash).not.toContain(DEMO_PASSWORD);
  });

  it('logs a clerk in at a workstation of the same comune', async () => {
    const { status, body } = await call(LOGIN_PATH, {
      token: hub.casaleToken,
      body: { username: 'anagrafe.casale', password: DEMO_PASSWORD },
    });
    expect(status).toBe(200);
    expect(body.user).toMatchObject({ username: 'anagrafe.casale', role: 'clerk', comune: 'B885' });
    expect(body.comune).toEqual({ belfiore: 'B885', name: 'Casale Monferrato' });
  });

  it('refuses a clerk of another comune (tenancy)', async () => {
    const { status, body } = await call(LOGIN_PATH, {
      token: hub.casaleToken,
      body: { username: 'anagrafe.balzola', password: DEMO_PASSWORD },
    });
    expect(status).toBe(403);
    expect(body.error.code).toBe('wrong_comune');
    expect(body.error.message).toContain('Casale Monferrato');
  });

  it('counts down wrong passwords, then locks the account even for the right one', async () => {
    const attempt = (password: string) =>
      call(LOGIN_PATH, { token: hub.casaleToken, body: { username: 'anagrafe2.casale', password } });
    const first = await attempt('sbagliata');
    expect(first.status).toBe(401);
    expect(first.body.error).toMatchObject({ code: 'wrong_credentials', params: { remaining: 4 } });
    expect(first.body.error.message).toBe(
      'Nome utente o password errati. Tentativi rimasti prima del blocco: 4.',
    );
    for (let i = 0; i < 3; i++) await attempt('sbagliata');
    const fifth = await attempt('sbagliata');
    expect(fifth.status).toBe(423);
    expect(fifth.body.error.code).toBe('account_locked');
    const right = await attempt(DEMO_PASSWORD);
    expect(right.body.error.code).toBe('account_locked');
  });

  it('refuses unknown workstations and malformed bodies with typed errors in the caller language', async () => {
    const noToken = await call(LOGIN_PATH, { body: { username: 'x', password: 'y' } });
    expect(noToken.status).toBe(401);
    expect(noToken.body.error.code).toBe('workstation_unknown');
    const bad = await call(LOGIN_PATH, {
      token: hub.casaleToken,
      body: { username: '', password: 'y' },
      lang: 'en',
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('invalid_input');
    expect(bad.body.error.message).toMatch(/^Invalid data/);
    const notJson = await call(LOGIN_PATH, { token: hub.casaleToken, body: '{not json' });
    expect(notJson.status).toBe(400);
    expect(notJson.body.error.code).toBe('malformed_json');
  });

  it("pages a comune's registry and never another comune's", async () => {
    const first = await call(`${REGISTRY_PAGE_PATH}?limit=2`, { token: hub.casaleToken });
    expect(first.status).toBe(200);
    expect(first.body.totalFamilies).toBe(3);
    expect(first.body.families).toHaveLength(2);
    expect(first.body.next).toBe(first.body.families[1].id);
    // the cursor ahead of the body, for a desk that asks for the next page while it reads this one
    expect(first.headers.get(REGISTRY_NEXT_HEADER)).toBe(first.body.next);
    const second = await call(`${REGISTRY_PAGE_PATH}?limit=2&after=${first.body.next}`, {
      token: hub.casaleToken,
    });
    expect(second.body.families).toHaveLength(1);
    expect(second.body.next).toBeNull();
    expect(second.headers.get(REGISTRY_NEXT_HEADER)).toBeNull();
    const casaleIds = [...first.body.residents, ...second.body.residents]
      .map((r: { id: string }) => r.id)
      .sort();
    expect(casaleIds).toEqual(['r-anna', 'r-arben', 'r-dead', 'r-luca', 'r-mario', 'r-nicolo']);
    expect([...first.body.events, ...second.body.events]).toHaveLength(3);

    const balzola = await call(`${REGISTRY_PAGE_PATH}?limit=100`, { token: hub.balzolaToken });
    expect(balzola.body.comune.belfiore).toBe('A605');
    expect(balzola.body.residents.map((r: { id: string }) => r.id)).toEqual(['r-balzola']);
    // A Casale cursor does not open Balzola's partition either.
    const crossed = await call(`${REGISTRY_PAGE_PATH}?limit=100&after=f-a`, { token: hub.balzolaToken });
    expect(crossed.body.residents.every((r: { comune: string }) => r.comune === 'A605')).toBe(true);
  });

  it('refuses a page size out of bounds', async () => {
    const { status, body } = await call(`${REGISTRY_PAGE_PATH}?limit=0`, { token: hub.casaleToken });
    expect(status).toBe(400);
    expect(body.error.code).toBe('invalid_input');
  });
});
