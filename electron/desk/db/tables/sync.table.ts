import type { Generated, Selectable } from 'kysely';

export interface OutboxTable {
  seq: Generated<number>;
  id: string;
  name: string;
  /** JSON */
  args: string;
  clerk: string;
  workstation: string;
  at: string;
}
export type OutboxRow = Selectable<OutboxTable>;

export interface SyncExceptionsTable {
  mutation_id: string;
  name: string;
  args: string;
  clerk: string;
  at: string;
  code: string;
  message: string;
  received_at: string;
}

export interface ClerkVerifiersTable {
  username: string;
  /** JSON of the clerk as the hub last described them */
  user: string;
  verifier: string;
  verified_at: string;
  expires_at: string;
  /** the hub's push key for this clerk here, sealed with a key derived from their password */
  push_key: string | null;
  /** wrong passwords typed offline since the last good one (LOCKOUT_POLICY) */
  failed_attempts: Generated<number>;
}
