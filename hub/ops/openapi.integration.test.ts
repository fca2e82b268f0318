import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { freshHubDb } from '../../test-support/hub-backends';
import type { HubDb } from '../db/open-hub-database';
import { routesOf } from '../http-boundary';
import { buildHubServer } from '../server';
import { DOCS_PATH } from './openapi';

describe('the OpenAPI description', () => {
  let hubDb: HubDb;
  let app: FastifyInstance;
  beforeAll(async () => {
    hubDb = await freshHubDb('sqlite');
    app = buildHubServer({ hubDb });
    await app.ready();
  });
  afterAll(async () => {
    await app?.close();
    await hubDb?.close();
  });

  it('fails for any route of the hub that declares no schema', () => {
    const routes = routesOf(app).filter((r) => r.method !== 'HEAD' && !r.url.startsWith(DOCS_PATH));
    expect(routes.length).toBeGreaterThan(40);
    const missing = routes.filter((r) => !r.hasSchema).map((r) => `${r.method} ${r.url}`);
    expect(missing).toEqual([]);
  });

  it('describes every route that is not hidden, with its parameters from the zod schemas', async () => {
    const res = await app.inject({ method: 'GET', url: `${DOCS_PATH}/json` });
    const doc = res.json() as { paths: Record<string, Record<string, { parameters?: { name: string }[] }>> };
    const documented = routesOf(app).filter(
      (r) => r.hasSchema && !r.hidden && r.method !== 'HEAD' && !r.url.startsWith(DOCS_PATH),
    );
    for (const r of documented) {
      const path = r.url.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
      expect(doc.paths[path]?.[r.method.toLowerCase()], `${r.method} ${r.url}`).toBeDefined();
    }
    const changes = doc.paths['/api/v1/sync/changes']?.['get']?.parameters?.map((p) => p.name);
    expect(changes).toEqual(expect.arrayContaining(['since', 'limit', 'waitMs', 'entity']));
    const names = (path: string, method: string) =>
      doc.paths[path]?.[method]?.parameters?.map((p) => p.name) ?? [];
    expect(names('/api/v1/social/contributi/{id}', 'get')).toContain('id');
    expect(names('/api/v1/social/treasury', 'get')).toContain('month');
    expect(names('/updates/{platform}/{file}', 'get')).toEqual(
      expect.arrayContaining(['platform', 'file', 'x-sportello-version', 'range']),
    );
    const bodyOf = (path: string) =>
      (doc.paths[path]?.['post'] as { requestBody?: { content?: Record<string, { schema?: unknown }> } })
        ?.requestBody?.content?.['application/json']?.schema;
    expect(bodyOf('/api/v1/social/sad-hours')).toMatchObject({ properties: { month: {}, csv: {} } });
    expect(bodyOf('/api/v1/updates/report')).toMatchObject({ properties: { version: {}, platform: {} } });
  });
});
