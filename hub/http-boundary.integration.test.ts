import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { uuidv7 } from 'uuidv7';
import { CASE_FILES_PATH, PROTOCOL_REGISTER_PATH } from '../shared/cases/case-wire';
import {
  CHANGES_PATH,
  LOGIN_PATH,
  PROTOCOL_VERSION,
  PUSH_PATH,
  REGISTRY_PAGE_PATH,
} from '../shared/sync/registry-page';
import { freshHubDb, HUB_BACKENDS } from '../test-support/hub-backends';
import { BALZOLA, CASALE, FIXTURE_HOUSEHOLDS } from '../test-support/registry-fixture';
import type { HubDb } from './db/open-hub-database';
import { DEMO_PASSWORD } from './seed/demo-users';
import { enrolWorkstation, insertHouseholds, seedComuniAndUsers } from './seed/seed-demo';
import { buildHubServer } from './server';

/** Issue 12 §6: ordinary bad requests are 4xx with a typed error in both languages, never a 500. */
describe.each(HUB_BACKENDS)('the hub refuses bad requests with typed 4xx (%s)', (backend) => {
  let hubDb: HubDb;
  let app: FastifyInstance;
  let ws = '';
  let clerk = '';
  beforeAll(async () => {
    hubDb = await freshHubDb(backend);
    await seedComuniAndUsers(hubDb.db, [CASALE, BALZOLA]);
    await insertHouseholds(hubDb.db, FIXTURE_HOUSEHOLDS);
    ws = (await enrolWorkstation(hubDb.db, 'B885', 'Casale - Anagrafe 1')).token;
    app = buildHubServer({ hubDb });
    const login = await app.inject({
      method: 'POST',
      url: LOGIN_PATH,
      headers: headers(),
      payload: { username: 'anagrafe.casale', password: DEMO_PASSWORD },
    });
    clerk = (login.json() as { token: string }).token;
  });
  afterAll(async () => {
    await app?.close();
    await hubDb?.close();
  });

  const headers = (extra: Record<string, string> = {}) => ({
    'x-sportello-protocol': String(PROTOCOL_VERSION),
    authorization: `Bearer ${ws}`,
    ...(clerk ? { 'x-sportello-clerk': clerk } : {}),
    ...extra,
  });
  type Reply = { status: number; code: string; message: string; body: Record<string, unknown> };
  const send = async (
    method: 'GET' | 'POST' | 'PUT' | 'DELETE' | 'PATCH',
    url: string,
    opts: { payload?: string | object; headers?: Record<string, string> } = {},
  ): Promise<Reply> => {
    const res = await app.inject({
      method,
      url,
      headers: headers({
        ...(opts.payload !== undefined ? { 'content-type': 'application/json' } : {}),
        ...opts.headers,
      }),
      ...(opts.payload !== undefined ? { payload: opts.payload } : {}),
    });
    const body = res.json() as Record<string, unknown>;
    const error = (body.error ?? {}) as { code?: string; message?: string };
    return { status: res.statusCode, code: error.code ?? '', message: error.message ?? '', body };
  };

  it('answers an unknown path with 404 route_not_found, in Italian and in English', async () => {
    const it_ = await send('GET', '/api/v1/nothing/here');
    expect(it_).toMatchObject({ status: 404, code: 'route_not_found' });
    expect(it_.message).toContain('Indirizzo sconosciuto');
    const en = await send('GET', '/api/v1/nothing/here', { headers: { 'accept-language': 'en' } });
    expect(en.message).toContain('Address unknown');
  });

  it('answers a known path with the wrong method with 405 and the methods it takes', async () => {
    const res = await app.inject({ method: 'DELETE', url: PUSH_PATH, headers: headers() });
    expect(res.statusCode).toBe(405);
    expect(res.headers.allow).toBe('POST');
    expect(res.json()).toMatchObject({ error: { code: 'method_not_allowed' } });
    expect((await send('POST', '/verifica/B885-P1-2026-000001', { payload: {} })).status).toBe(405);
  });

  it('answers malformed JSON with 400 malformed_json', async () => {
    expect(await send('POST', PUSH_PATH, { payload: '{"mutations": [' })).toMatchObject({
      status: 400,
      code: 'malformed_json',
    });
  });

  it('answers a body that is not JSON with 415', async () => {
    for (const type of ['text/plain', 'application/xml', 'multipart/form-data; boundary=x']) {
      expect(
        await send('POST', LOGIN_PATH, { payload: 'username=a', headers: { 'content-type': type } }),
      ).toMatchObject({ status: 415, code: 'unsupported_media_type' });
    }
  });

  it('answers a body over the limit with 413', async () => {
    const huge = JSON.stringify({ mutations: [{ id: uuidv7(), args: 'x'.repeat(5 * 1024 * 1024) }] });
    expect(await send('POST', PUSH_PATH, { payload: huge })).toMatchObject({
      status: 413,
      code: 'body_too_large',
    });
  });

  it('names the missing or wrong field with 400, in the body and in the query', async () => {
    const noPassword = await send('POST', LOGIN_PATH, { payload: { username: 'anagrafe.casale' } });
    expect(noPassword).toMatchObject({ status: 400, code: 'invalid_input' });
    expect(noPassword.message).toContain('password');
    const badSince = await send('GET', `${CHANGES_PATH}?since=ieri`);
    expect(badSince).toMatchObject({ status: 400, code: 'invalid_input' });
    expect(badSince.message).toContain('since');
    const badLimit = await send('GET', `${REGISTRY_PAGE_PATH}?limit=-4`);
    expect(badLimit).toMatchObject({ status: 400, code: 'invalid_input' });
    expect(badLimit.message).toContain('limit');
    const badYear = await send('GET', `${PROTOCOL_REGISTER_PATH}?year=abc`);
    expect(badYear).toMatchObject({ status: 400, code: 'invalid_input' });
    const noId = await send('POST', PUSH_PATH, { payload: { mutations: [{ name: 'x' }] } });
    expect(noId).toMatchObject({ status: 400, code: 'invalid_input' });
    expect(noId.message).toContain('mutations.0.id');
  });

  it('answers an unknown id with 404 typed', async () => {
    const missing = await send('GET', `${CASE_FILES_PATH}/${'a'.repeat(64)}`);
    expect(missing).toMatchObject({ status: 404, code: 'case_attachment_not_found' });
  });

  it('answers a refusal without an explicit status with 4xx, never 500', async () => {
    const mismatch = await send('PUT', `${CASE_FILES_PATH}/${'b'.repeat(64)}`, {
      payload: { contentBase64: 'aGVsbG8=', mediaType: 'application/pdf' },
    });
    expect(mismatch.status).toBe(400);
    expect(mismatch.code).toBe('case_file_mismatch');
  });

  it('refuses each unreadable mutation of a push alone, never the batch', async () => {
    const good = {
      id: uuidv7(),
      name: 'registry.updateContacts',
      args: { residentId: 'r-arben', phone: '3330001111', email: null },
      clerk: 'anagrafe.casale',
      at: new Date().toISOString(),
    };
    const bad = [
      { ...good, id: uuidv7(), args: null },
      { id: uuidv7(), args: {}, clerk: 'anagrafe.casale', at: good.at },
      { ...good, id: uuidv7(), clerk: undefined },
      { ...good, id: uuidv7(), at: 'yesterday' },
      { ...good, id: uuidv7(), name: 42 },
      { ...good, id: uuidv7(), name: 'registry.fromTheFuture' },
    ];
    const res = await send('POST', PUSH_PATH, { payload: { mutations: [...bad, good] } });
    expect(res.status).toBe(200);
    const results = res.body.results as { id: string; status: string; error?: { code: string } }[];
    expect(results.map((r) => [r.status, r.error?.code])).toEqual([
      ['rejected', 'mutation_invalid'],
      ['rejected', 'mutation_invalid'],
      ['rejected', 'mutation_invalid'],
      ['rejected', 'mutation_invalid'],
      ['rejected', 'mutation_invalid'],
      ['rejected', 'mutation_unknown'],
      ['applied', undefined],
    ]);
    const exceptions = await hubDb.db.selectFrom('sync_exceptions').select('mutation_id').execute();
    expect(exceptions.map((e) => e.mutation_id).sort()).toEqual(bad.map((b) => b.id).sort());
  });
});
