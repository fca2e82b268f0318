import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { CANONE_VERIFY_PATH } from '../../shared/canone/canone-paths';
import { PERMIT_VERIFY_PATH } from '../../shared/permits/street-wire';
import { freshHubDb } from '../../test-support/hub-backends';
import { VERIFY_PAGE_PATH } from '../certificates/verification-routes';
import type { HubDb } from '../db/open-hub-database';
import { buildHubServer } from '../server';
import { RATE_LIMIT_CACHE, RATE_LIMITS } from './rate-limits';

/**
 * The public verification pages of permits and concessions are limited per client address by the
 * rate-limit plugin (hub/ops/rate-limits.ts), like certificates': `max` answers a window, then a
 * 429 page in Italian with Retry-After. Each page counts on its own, and each address on its own.
 * (Injected requests carry the client address a proxy-less hub would see; no network involved.)
 */
describe('rate limits on the public verification pages', () => {
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

  const get = (url: string, remoteAddress: string) => app.inject({ method: 'GET', url, remoteAddress });

  for (const [what, path, number] of [
    ['permit', PERMIT_VERIFY_PATH, 'ZTL-B885-2026-000001'],
    ['concession', CANONE_VERIFY_PATH, 'CUS-B885-2026-000001'],
  ] as const) {
    it(`answers a ${what} page ${RATE_LIMITS.verify.max} times a window per address, then a 429 page in Italian`, async () => {
      const url = `${path.replace(':number', number)}?k=AAAAAAAAAAAAAAAA`;
      const address = what === 'permit' ? '203.0.113.7' : '203.0.113.8';
      const statuses: number[] = [];
      for (let i = 0; i < RATE_LIMITS.verify.max; i++) statuses.push((await get(url, address)).statusCode);
      // unknown numbers: the not-found page, not yet the limit
      expect(statuses.every((s) => s === 404 || s === 400)).toBe(true);

      const refused = await get(url, address);
      expect(refused.statusCode).toBe(429);
      expect(refused.headers['content-type']).toMatch(/^text\/html/);
      expect(Number(refused.headers['retry-after'])).toBeGreaterThanOrEqual(1);
      expect(Number(refused.headers['retry-after'])).toBeLessThanOrEqual(
        RATE_LIMITS.verify.timeWindow / 1000,
      );
      expect(refused.headers['content-security-policy']).toContain("default-src 'none'");
      expect(refused.body).toContain('data-status="rate_limited"');
      expect(refused.body).toMatch(/Troppe verifiche da questo indirizzo: riprovare tra \d+ secondi\./);

      // another address is not held back, nor is the certificates' page for the same address
      expect((await get(url, '198.51.100.9')).statusCode).not.toBe(429);
      expect((await get(VERIFY_PAGE_PATH.replace(':id', 'XXXX'), address)).statusCode).not.toBe(429);
    });
  }

  it(`tracks at most ${RATE_LIMIT_CACHE} addresses: a flood of new ones makes it forget, never grow`, async () => {
    const url = `${PERMIT_VERIFY_PATH.replace(':number', 'ZTL-B885-2026-000002')}?k=AAAAAAAAAAAAAAAA`;
    const held = '192.0.2.1';
    for (let i = 0; i <= RATE_LIMITS.verify.max; i++) await get(url, held);
    expect((await get(url, held)).statusCode).toBe(429);
    // rotating addresses: the least recently seen counters are dropped to make room
    for (let i = 0; i < RATE_LIMIT_CACHE; i++)
      await get(url, `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`);
    expect((await get(url, held)).statusCode).not.toBe(429);
  });
});
