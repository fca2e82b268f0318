import type { Kysely, Transaction } from 'kysely';
import type { Role } from '../../shared/contract/views';
import { AppError } from '../../shared/errors/app-error';
import type { HubDatabase } from '../db/database';
import type { ClerkCredentialKind } from '../db/tables/clerk-sessions.table';
import type { WorkstationRow } from '../db/tables/workstations.table';
import { hashToken, newToken } from './tokens';

export const CLERK_SESSION_HOURS = 12;
/** How long after an online login a counter may still log the clerk in, and upload for them, offline. */
export const DEFAULT_OFFLINE_GRACE_HOURS = 72;

export function offlineGraceHoursFromEnv(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.SPORTELLO_OFFLINE_GRACE_HOURS;
  const n = raw === undefined ? DEFAULT_OFFLINE_GRACE_HOURS : Number(raw);
  return Number.isInteger(n) && n >= 0 && n <= 24 * 30 ? n : DEFAULT_OFFLINE_GRACE_HOURS;
}

export interface IssuedCredentials {
  sessionToken: string;
  pushKey: string;
  pushKeyExpiresAt: string;
}

/**
 * What an online login hands the workstation: an interactive session, and a push key for the
 * mutations this clerk makes there (also after an offline login within the grace). Both are
 * bound to this workstation; only their hashes are stored.
 */
export async function issueClerkCredentials(
  trx: Transaction<HubDatabase> | Kysely<HubDatabase>,
  userId: string,
  ws: WorkstationRow,
  now: Date,
  offlineGraceHours: number,
): Promise<IssuedCredentials> {
  const sessionToken = newToken();
  const pushKey = newToken();
  const at = now.toISOString();
  const pushKeyExpiresAt = new Date(now.getTime() + offlineGraceHours * 3_600_000).toISOString();
  await trx
    .insertInto('clerk_sessions')
    .values([
      {
        token_hash: hashToken(sessionToken),
        user_id: userId,
        workstation_id: ws.id,
        created_at: at,
        expires_at: new Date(now.getTime() + CLERK_SESSION_HOURS * 3_600_000).toISOString(),
        kind: 'session',
        revoked_at: null,
      },
      {
        token_hash: hashToken(pushKey),
        user_id: userId,
        workstation_id: ws.id,
        created_at: at,
        expires_at: pushKeyExpiresAt,
        kind: 'push',
        revoked_at: null,
      },
    ])
    .execute();
  return { sessionToken, pushKey, pushKeyExpiresAt };
}

export interface ClerkIdentity {
  id: string;
  username: string;
  role: Role;
  comune: string;
  disabled: boolean;
  kind: ClerkCredentialKind;
  /** the password is one the hub made: only PASSWORD_PATH takes this credential */
  mustChangePassword: boolean;
}

/**
 * The person behind an `x-sportello-clerk` credential, as the hub's own records say: issued to
 * this workstation, of its comune, not expired, not ended by a logout. `kinds` says which
 * credentials the route takes (interactive routes: sessions only; the push: also push keys).
 * A disabled account is returned as such: the push refuses each of its mutations with a reason
 * rather than stalling the workstation's queue; other routes refuse it at once.
 * While the account's password is one the hub made (a reset), the credential is refused
 * (`password_change_required`) unless `forPasswordChange`: whoever read the one-time password over
 * the admin's shoulder must not get further than the change-password step.
 */
export async function findClerkCredential(
  db: Kysely<HubDatabase>,
  token: string,
  ws: WorkstationRow,
  now: Date,
  kinds: readonly ClerkCredentialKind[],
  forPasswordChange = false,
): Promise<ClerkIdentity> {
  if (!token) throw new AppError('not_logged_in');
  const row = await db
    .selectFrom('clerk_sessions')
    .innerJoin('users', 'users.id', 'clerk_sessions.user_id')
    .select([
      'users.id',
      'users.username',
      'users.role',
      'users.comune',
      'users.disabled',
      'users.must_change_password',
      'clerk_sessions.workstation_id',
      'clerk_sessions.expires_at',
      'clerk_sessions.revoked_at',
      'clerk_sessions.kind',
    ])
    .where('clerk_sessions.token_hash', '=', hashToken(token))
    .executeTakeFirst();
  if (
    !row ||
    !kinds.includes(row.kind) ||
    row.workstation_id !== ws.id ||
    row.comune !== ws.comune ||
    row.revoked_at !== null ||
    new Date(row.expires_at) <= now
  ) {
    throw new AppError('clerk_session_invalid');
  }
  const disabled = Number(row.disabled) === 1;
  const mustChangePassword = Number(row.must_change_password) === 1;
  // a disabled account is answered as such (above all else), not sent to choose a password
  if (mustChangePassword && !forPasswordChange && !disabled) throw new AppError('password_change_required');
  return {
    id: row.id,
    username: row.username,
    role: row.role,
    comune: row.comune,
    disabled,
    kind: row.kind,
    mustChangePassword,
  };
}

/** Logout at the desk: the session ends at the hub too (kept, marked, for the audit). */
export async function endClerkSession(
  db: Kysely<HubDatabase>,
  token: string,
  ws: WorkstationRow,
  now: Date,
): Promise<void> {
  await db
    .updateTable('clerk_sessions')
    .set({ revoked_at: now.toISOString() })
    .where('token_hash', '=', hashToken(token))
    .where('workstation_id', '=', ws.id)
    .where('kind', '=', 'session')
    .where('revoked_at', 'is', null)
    .execute();
}
