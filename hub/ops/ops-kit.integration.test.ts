import { uuidv7 } from 'uuidv7';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { romeDateOf } from '../../shared/calendar/rome-date';
import type { CounterSessionView } from '../../shared/contract/cashdesk-views';
import {
  ENROL_PATH,
  LOGIN_PATH,
  PROTOCOL_VERSION,
  REGISTRY_PAGE_PATH,
} from '../../shared/sync/registry-page';
import { CapturedLog } from '../../test-support/captured-log';
import { startTestDesk, type TestDesk } from '../../test-support/desk-harness';
import { freshHubDb, HUB_BACKENDS } from '../../test-support/hub-backends';
import { FIXTURE_HOUSEHOLDS } from '../../test-support/registry-fixture';
import { startTestHub, type TestHub } from '../../test-support/running-hub';
import { FAST_TEST_SCRYPT } from '../../test-support/password-cost';
import { buildHubServer } from '../server';
import { RATE_LIMITS } from './rate-limits';

/** What a log must never hold: the fixture residents' codici fiscali and names. */
const PERSONAL = FIXTURE_HOUSEHOLDS.flatMap((h) =>
  h.members.flatMap((m) => [m.codiceFiscale, m.surname, ...m.givenNames.split(' ')]),
).filter((s) => s.length >= 3);

const api = (hub: TestHub, path: string, init: { token?: string; body?: unknown; method?: string } = {}) =>
  fetch(hub.url + path, {
    method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
    headers: {
      'x-sportello-protocol': String(PROTOCOL_VERSION),
      ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(init.token ? { authorization: `Bearer ${init.token}` } : {}),
    },
    ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
  });

describe.each(HUB_BACKENDS)('the hub as operations see it (%s)', (backend) => {
  const log = new CapturedLog();
  let hub: TestHub;
  let desk: TestDesk;
  beforeAll(async () => {
    hub = await startTestHub(backend, undefined, FAST_TEST_SCRYPT, { logger: log });
    desk = await startTestDesk(hub);
    // a counter's day: bootstrap, login, a till, a certificate for Mario Rossi, pulls, a public check
    await desk.core.sync.syncOnce();
    await desk.login();
    const till = (await desk.ok<CounterSessionView>('cashdesk:open', { openingFloatCents: 0 })).id;
    await desk.core.sync.syncOnce();
    const id = `B885-P1-${new Date().getFullYear()}-000777-7KQ3ZP9M`;
    await desk.core.ctx.hub.push(
      [
        {
          id: uuidv7(),
          name: 'certificates.record',
          clerk: 'anagrafe.casale',
          at: new Date(Date.now() - 90_000).toISOString(),
          args: {
            id,
            residentId: 'r-mario',
            holderInitials: 'M. R.',
            title: 'Certificato di residenza',
            facts: ['residenza'],
            storicoReferenceDate: null,
            destination: 'private_it',
            issuedOn: romeDateOf(new Date()),
            issuedAt: new Date().toISOString(),
            validUntil: '2099-12-31',
            bollo: { kind: 'exempt', groundCode: 'previdenza_assistenza' },
            dirittiCents: 26,
            tillSessionId: till,
            sha256: 'a'.repeat(64),
            pages: 1,
            delivery: 'printed',
          },
        },
      ],
      desk.token(),
    );
    await desk.core.sync.syncOnce();
    await fetch(`${hub.url}/verifica/${id}?sha256=${'b'.repeat(64)}`);
    await fetch(`${hub.url}/api/public/verifica/${id}`);
    // personal data in places a careless log would copy: a query string, a path, a body
    await api(hub, `/api/v1/search?cf=RSSMRA72L09H501S&q=Rossi%20Mario`, { token: hub.casaleToken });
    await fetch(`${hub.url}/verifica/RSSMRA72L09H501S`);
    await api(hub, LOGIN_PATH, { token: hub.casaleToken, body: { username: 'Mario Rossi', password: 'x' } });
  }, 300_000);
  afterAll(async () => {
    await desk?.close();
    await hub?.close();
  });

  it('logs one JSON line per request with id, route, status, duration, workstation and comune', () => {
    const requests = log.records.filter((r) => r['msg'] === 'request');
    expect(requests.length).toBeGreaterThan(10);
    for (const r of requests) {
      expect(r).toHaveProperty('reqId');
      expect(typeof r['route']).toBe('string');
      expect(typeof r['status']).toBe('number');
      expect(typeof r['ms']).toBe('number');
    }
    const push = requests.find((r) => r['route'] === '/api/v1/sync/push');
    expect(push).toMatchObject({ status: 200, comune: 'B885', method: 'POST' });
    expect(typeof push?.['workstation']).toBe('string');
    // the route as registered, never the concrete address
    expect(requests.some((r) => r['route'] === '/verifica/:id')).toBe(true);
  });

  it('has no codice fiscale and no name of any resident in the whole log', () => {
    expect(log.text.length).toBeGreaterThan(1000);
    const found = PERSONAL.filter((p) => log.text.toLowerCase().includes(p.toLowerCase()));
    expect(found).toEqual([]);
    expect(log.text).not.toContain('anagrafe.casale');
  });

  it('answers /metrics on the admin side with request latency, sync counts and outbox lag', async () => {
    const res = await fetch(`${hub.url}/metrics`);
    expect(res.status).toBe(200);
    const text = await res.text();
    for (const name of [
      'sportello_http_request_duration_seconds_bucket',
      'sportello_sync_push_requests_total',
      'sportello_sync_mutations_total',
      'sportello_sync_mutations_rejected_total',
      'sportello_sync_pull_requests_total',
      'sportello_desk_outbox_lag_seconds_bucket',
      'sportello_job_runs_total',
      'sportello_job_failures_total',
    ])
      expect(text, name).toContain(name);
    expect(text).toMatch(
      /sportello_http_request_duration_seconds_count\{route="\/api\/v1\/sync\/push",method="POST",status="2xx"\} [1-9]/,
    );
    // the certificate was stamped 90 s before it was pushed
    expect(text).toMatch(/sportello_desk_outbox_lag_seconds_count\{comune="B885"\} [1-9]/);
    if (backend === 'postgres') expect(text).toContain('sportello_db_pool_connections');
    else expect(text).not.toContain('sportello_db_pool_connections');
  });

  it('is live, and ready when the database answers with every migration run', async () => {
    expect(await (await fetch(`${hub.url}/health/live`)).json()).toEqual({ status: 'ok' });
    const ready = await fetch(`${hub.url}/health/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ ready: true, database: 'ok', pendingMigrations: 0 });
    expect(await (await fetch(`${hub.url}/health`)).json()).toMatchObject({ status: 'ok', dialect: backend });
  });

  it('serves the OpenAPI description of its routes at /docs', async () => {
    const res = await fetch(`${hub.url}/docs/json`);
    expect(res.status).toBe(200);
    const doc = (await res.json()) as { openapi: string; paths: Record<string, Record<string, unknown>> };
    expect(doc.openapi).toMatch(/^3\./);
    const login = doc.paths[LOGIN_PATH]?.['post'] as { requestBody?: unknown } | undefined;
    expect(JSON.stringify(login?.requestBody)).toContain('username');
    expect(doc.paths).toHaveProperty(['/verifica/{id}']);
    expect((await fetch(`${hub.url}/docs`)).status).toBeLessThan(400);
  });
});

describe('the admin side and failures', () => {
  it('answers /metrics and /docs only with the admin token when one is set', async () => {
    const hub = await startTestHub('sqlite', undefined, FAST_TEST_SCRYPT, { adminToken: 'scrape-me' });
    try {
      const refused = await fetch(`${hub.url}/metrics`);
      expect(refused.status).toBe(403);
      expect(await refused.json()).toMatchObject({ error: { code: 'admin_only' } });
      expect((await fetch(`${hub.url}/docs/json`)).status).toBe(403);
      const wrong = await fetch(`${hub.url}/metrics`, { headers: { authorization: 'Bearer scrape-you' } });
      expect(wrong.status).toBe(403);
      const ok = await fetch(`${hub.url}/metrics`, { headers: { authorization: 'Bearer scrape-me' } });
      expect(ok.status).toBe(200);
      expect(await ok.text()).toContain('sportello_http_request_duration_seconds');
    } finally {
      await hub.close();
    }
  });

  it('leaves a log line with the error of a 500, without the personal data in its message', async () => {
    const log = new CapturedLog();
    const hubDb = await freshHubDb('sqlite');
    const app = buildHubServer({ hubDb, logger: log });
    app.get('/boom', { schema: { hide: true } }, async () => {
      throw new Error('UNIQUE constraint failed for RSSMRA72L09H501S (IBAN IT60X0542811101000000123456)');
    });
    try {
      const res = await app.inject({ method: 'GET', url: '/boom?cf=RSSMRA72L09H501S' });
      expect(res.statusCode).toBe(500);
      expect(res.json()).toMatchObject({ error: { code: 'internal' } });
      const error = log.records.find((r) => r['level'] === 50) as {
        err?: { message?: string; stack?: string };
      };
      expect(error.err?.message).toContain('UNIQUE constraint failed');
      expect(error.err?.stack).toContain('ops-kit.integration.test');
      expect(log.text).not.toContain('RSSMRA72L09H501S');
      expect(log.text).not.toContain('IT60X0542811101000000123456');
      expect(log.records.find((r) => r['msg'] === 'request')).toMatchObject({ route: '/boom', status: 500 });
    } finally {
      await app.close();
      await hubDb.close();
    }
  });

  it('finishes a request in flight when told to close, and takes no new ones', async () => {
    const hubDb = await freshHubDb('sqlite');
    const app = buildHubServer({ hubDb });
    app.get('/slow', { schema: { hide: true } }, async () => {
      await new Promise((r) => setTimeout(r, 600));
      return { done: true };
    });
    const url = await app.listen({ host: '127.0.0.1', port: 0 });
    try {
      const inFlight = fetch(`${url}/slow`);
      await new Promise((r) => setTimeout(r, 150));
      const closing = app.close();
      const res = await inFlight;
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ done: true });
      await closing;
      await expect(fetch(`${url}/health/live`)).rejects.toThrow();
    } finally {
      await hubDb.close();
    }
  });

  it('wakes long polls when closing, so a shutdown is not held for their wait', async () => {
    const hub = await startTestHub('sqlite');
    const started = Date.now();
    const poll = api(hub, '/api/v1/sync/changes?since=999999&waitMs=25000', { token: hub.casaleToken });
    await new Promise((r) => setTimeout(r, 200));
    await hub.close();
    expect((await poll).status).toBe(200);
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});

describe('rate limits and the enrolment lockout', () => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startTestHub('sqlite');
  });
  afterAll(async () => {
    await hub?.close();
  });

  it('locks an address out of enrolment after five wrong codes, even for a right one', async () => {
    const tries: { status: number; code: string }[] = [];
    for (let i = 0; i < 6; i++) {
      const res = await api(hub, ENROL_PATH, { body: { code: `WRONG-${i}-CODE` } });
      tries.push({
        status: res.status,
        code: ((await res.json()) as { error: { code: string } }).error.code,
      });
    }
    expect(tries.slice(0, 4).every((t) => t.code === 'enrolment_code_invalid')).toBe(true);
    expect(tries[4]).toEqual({ status: 423, code: 'enrolment_locked' });
    expect(tries[5]).toEqual({ status: 423, code: 'enrolment_locked' });
  });

  it('answers 429 with Retry-After once an address calls the login too often', async () => {
    const statuses: number[] = [];
    let last: Response | null = null;
    for (let i = 0; i <= RATE_LIMITS.login.max; i++) {
      last = await api(hub, LOGIN_PATH, {
        token: hub.casaleToken,
        body: { username: 'nessuno', password: 'x' },
      });
      statuses.push(last.status);
    }
    // wrong credentials, then the account's own lockout: refusals, but not yet the address limit
    expect(statuses.slice(0, RATE_LIMITS.login.max).every((s) => s === 401 || s === 423)).toBe(true);
    expect(last?.status).toBe(429);
    expect(last?.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(await last?.json()).toMatchObject({ error: { code: 'too_many_requests' } });
    // the rest of the API is not throttled by it
    expect((await api(hub, REGISTRY_PAGE_PATH, { token: hub.casaleToken })).status).toBe(200);
  });
});
