import { describe, expect, it } from 'vitest';
import { afterFailedAttempt, LOCKOUT_POLICY } from './lockout-policy';

describe('lockout policy', () => {
  const now = new Date('2026-11-26T09:00:00Z');
  it('counts down the attempts left, then locks for the configured minutes', () => {
    expect(afterFailedAttempt(0, now)).toEqual({
      locked: false,
      remaining: LOCKOUT_POLICY.maxFailedAttempts - 1,
    });
    expect(afterFailedAttempt(3, now)).toEqual({ locked: false, remaining: 1 });
    expect(afterFailedAttempt(4, now)).toEqual({ locked: true, until: new Date('2026-11-26T09:15:00Z') });
  });
});
