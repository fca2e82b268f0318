import type { Selectable } from 'kysely';

/** Failed logins per username typed, known or not (hub/auth/login-attempts.ts). */
export interface LoginAttemptsTable {
  username: string;
  failures: number;
  /** ISO instant; past or null = not locked */
  locked_until: string | null;
  last_failure_at: string;
}
export type LoginAttemptRow = Selectable<LoginAttemptsTable>;
