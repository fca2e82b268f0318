import type { Generated } from 'kysely';

/**
 * A clerk's credential at one workstation. `session`: the interactive login (12 h); `push`: the
 * key that uploads what the clerk did at that workstation, also after an offline login there
 * (the offline grace). Both are bound to the workstation that received them.
 */
export type ClerkCredentialKind = 'session' | 'push';

export interface ClerkSessionsTable {
  token_hash: string;
  user_id: string;
  workstation_id: string;
  created_at: string;
  expires_at: string;
  kind: Generated<ClerkCredentialKind>;
  revoked_at: string | null;
}
