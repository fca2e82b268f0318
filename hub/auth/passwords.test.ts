import { describe, expect, it } from 'vitest';
import { FAST_TEST_SCRYPT } from '../../test-support/password-cost';
import { dummyHash, hashPassword, isWeakerThan, OWASP_SCRYPT, verifyPassword } from './passwords';

describe('password hashes', () => {
  it('are made at the OWASP scrypt cost by default, the cost written in the hash', async () => {
    const hash = await hashPassword('Sportello2026!');
    expect(hash.startsWith('scrypt$131072$8$1$')).toBe(true);
    expect(await verifyPassword('Sportello2026!', hash)).toBe(true);
    expect(isWeakerThan(hash, OWASP_SCRYPT)).toBe(false);
  }, 120_000); // 128 MiB of scrypt per check, on purpose

  it('still verify at the older cost and say they need upgrading', async () => {
    const old = await hashPassword('segreta', { N: 16384, r: 8, p: 1 });
    expect(await verifyPassword('segreta', old)).toBe(true);
    expect(isWeakerThan(old, OWASP_SCRYPT)).toBe(true);
  });

  it('refuse malformed or absurd stored costs instead of running them', async () => {
    expect(await verifyPassword('x', 'scrypt$abc$8$1$AAAA$AAAA')).toBe(false);
    expect(await verifyPassword('x', 'scrypt$1073741824$8$1$AAAA$AAAA')).toBe(false);
  });

  it('spend, for an unknown user, the same work as for a real one', async () => {
    const cost = { ...FAST_TEST_SCRYPT, N: 16384 };
    expect(dummyHash(cost).startsWith('scrypt$16384$8$1$')).toBe(true);
    const real = await hashPassword('segreta', cost);
    const once = async (stored: string) => {
      const started = performance.now();
      await verifyPassword('x', stored);
      return performance.now() - started;
    };
    // interleaved, medians: the machine's load hits both sides alike
    const realTimes: number[] = [];
    const dummyTimes: number[] = [];
    for (let i = 0; i < 7; i++) {
      realTimes.push(await once(real));
      dummyTimes.push(await once(dummyHash(cost)));
    }
    const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[3] ?? 0;
    const ratio = median(dummyTimes) / median(realTimes);
    expect(ratio).toBeGreaterThan(0.4);
    expect(ratio).toBeLessThan(2.5);
  });
});
