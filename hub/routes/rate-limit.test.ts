import { describe, expect, it } from 'vitest';
import { FixedWindowRateLimiter } from './rate-limit';

describe('fixed-window rate limiter', () => {
  it('lets an address make `limit` requests per window, then refuses until the window ends', () => {
    let t = 0;
    const rl = new FixedWindowRateLimiter({ limit: 3, windowMs: 60_000, maxClients: 100, now: () => t });
    expect([1, 2, 3].map(() => rl.hit('a').allowed)).toEqual([true, true, true]);
    const refused = rl.hit('a');
    expect(refused).toEqual({ allowed: false, retryAfterSeconds: 60 });
    expect(rl.hit('b').allowed).toBe(true);
    t = 45_000;
    expect(rl.hit('a').retryAfterSeconds).toBe(15);
    t = 60_000;
    expect(rl.hit('a').allowed).toBe(true);
  });

  it('never tracks more than maxClients addresses', () => {
    let t = 0;
    const rl = new FixedWindowRateLimiter({ limit: 1, windowMs: 1_000, maxClients: 50, now: () => t });
    for (let i = 0; i < 10_000; i++) {
      t = i;
      rl.hit(`10.0.${i >> 8}.${i & 255}`);
    }
    expect(rl.trackedClients).toBeLessThanOrEqual(50);
  });
});
