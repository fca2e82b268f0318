/** Counter accounts lock after repeated failures (AgID misure minime, ABSC 5: privileges). */
export const LOCKOUT_POLICY = { maxFailedAttempts: 5, lockMinutes: 15 } as const;

export type FailureOutcome = { locked: false; remaining: number } | { locked: true; until: Date };

export function afterFailedAttempt(failedSoFar: number, now: Date, policy = LOCKOUT_POLICY): FailureOutcome {
  const failed = failedSoFar + 1;
  if (failed >= policy.maxFailedAttempts)
    return { locked: true, until: new Date(now.getTime() + policy.lockMinutes * 60_000) };
  return { locked: false, remaining: policy.maxFailedAttempts - failed };
}

/** "14:05" in Italian local time, for the lockout message. */
export function formatLocalTime(d: Date): string {
  return d.toLocaleTimeString('it-IT', { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Rome' });
}
