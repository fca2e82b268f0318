import { AppError } from '../../../shared/errors/app-error';
import type { LoginResponse } from '../../../shared/sync/registry-page';
import type { DeskContext } from '../context';
import { checkOffline, forgetVerifier, type CachedClerk } from './offline-verifier';

/** How usernames are compared at the desk: as typed, without spaces, lower case. */
export const normalUsername = (typed: string): string => typed.trim().toLowerCase();

export interface Authenticated {
  username: string;
  displayName: string;
  role: CachedClerk['role'];
  /** true when the hub checked the password; false when this counter's cached verifier did */
  online: boolean;
  /** the person, as the session and the verifier keep them */
  clerk: CachedClerk;
  /** the hub's answer (hub session token, push key, workstation series) when online */
  hub: LoginResponse | null;
  /** offline: the push key unsealed from this counter's verifier, when it is still valid */
  pushKey: string | null;
}

/**
 * Checks a person's password: at the hub (password hashing, lockout and roles live there), or,
 * only when the hub is unreachable, against the verifier this counter cached at their last online
 * login here. A hub that says the account is disabled or locked also removes that verifier.
 * Throws the hub's error as it is; offline, `wrong_credentials`, `offline_login_locked` (too many
 * wrong passwords here: the cached verifier is deleted) or `offline_login_unavailable`.
 * A one-time password (an admin's reset) is `password_change_required`: the hub session it opened
 * is closed at once, and nothing of it is kept, so it never becomes an offline login here.
 * Storing a fresh verifier is the login's business, not this check's.
 */
export async function authenticate(
  ctx: DeskContext,
  typedUsername: string,
  password: string,
): Promise<Authenticated> {
  const username = normalUsername(typedUsername);
  try {
    const res = await loginAtHub(ctx, username, password);
    if (res.mustChangePassword) {
      ctx.hub.logout(res.token).catch(() => undefined);
      throw new AppError('password_change_required');
    }
    return online(res);
  } catch (err) {
    if (!(err instanceof AppError) || err.code !== 'hub_unreachable') throw err;
  }
  const offline = await checkOffline(ctx.db, username, password, ctx.now());
  if (!offline.ok) {
    if (offline.reason === 'wrong_password')
      throw new AppError('wrong_credentials', { remaining: offline.remaining });
    throw new AppError(offline.reason === 'locked' ? 'offline_login_locked' : 'offline_login_unavailable');
  }
  return { ...pick(offline.user), online: false, clerk: offline.user, hub: null, pushKey: offline.pushKey };
}

/** The hub's own login; an account it says is disabled or locked loses its verifier here. */
export async function loginAtHub(
  ctx: DeskContext,
  username: string,
  password: string,
): Promise<LoginResponse> {
  try {
    return await ctx.hub.login(username, password);
  } catch (err) {
    if (err instanceof AppError && (err.code === 'account_disabled' || err.code === 'account_locked'))
      await forgetVerifier(ctx.db, username);
    throw err;
  }
}

export function online(res: LoginResponse): Authenticated {
  const clerk: CachedClerk = { ...res.user, comune: res.comune };
  return { ...pick(clerk), online: true, clerk, hub: res, pushKey: res.pushKey };
}

const pick = (c: CachedClerk) => ({ username: c.username, displayName: c.displayName, role: c.role });
