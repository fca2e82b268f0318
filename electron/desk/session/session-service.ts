import { z } from 'zod';
import type { CallInput, CallOutput } from '../../../shared/contract/contract';
import type { SessionInfo } from '../../../shared/contract/views';
import { AppError } from '../../../shared/errors/app-error';
import { appendAudit } from '../audit/audit-log';
import { workstationName, type ActiveSession, type DeskContext } from '../context';
import { PASSWORD_PATH, type PasswordChange } from '../../../shared/sync/registry-page';
import { authenticate, loginAtHub, normalUsername, online, type Authenticated } from './authenticate';
import { storeVerifier } from './offline-verifier';
import { setMeta } from '../db/meta-repository';
import { SERIES_KEY } from '../setup/setup-service';

/**
 * Clerks authenticate against the hub (password hashing, lockout and roles live there). When
 * the hub is unreachable, a clerk who logged in online here within `offlineGraceHours` may log in
 * against the cached verifier (`authenticate`); an online login refreshes that verifier and the
 * sealed push key. The desk ends sessions after the idle time: a counter left unattended must
 * not stay open on a citizen's record.
 */
export async function login(
  ctx: DeskContext,
  input: CallInput<'session:login'>,
): Promise<CallOutput<'session:login'>> {
  return openSession(ctx, await authenticate(ctx, input.username, input.password), input.password, 'login');
}

/**
 * The step after a login refused with `password_change_required` (a one-time password from an
 * admin's reset or a new account). Online only, on purpose: the one-time password never reaches
 * this counter's verifier (authenticate drops its session), so there is no flag to carry in the
 * offline mirror and nothing a stale mirror could let through; the verifier stored here is the
 * password the hub accepted. The desk keeps no state between the two steps: the hub checks the
 * current password twice (its login, then the change), and a restart in between costs nothing.
 */
export async function changePassword(
  ctx: DeskContext,
  input: CallInput<'session:changePassword'>,
): Promise<CallOutput<'session:changePassword'>> {
  const res = await loginAtHub(ctx, normalUsername(input.username), input.password);
  try {
    await ctx.hub.call(
      PASSWORD_PATH,
      {
        method: 'POST',
        body: { password: input.password, newPassword: input.newPassword } satisfies PasswordChange,
        clerkToken: res.token,
        retry: false,
      },
      z.object({ ok: z.literal(true) }),
    );
  } catch (err) {
    ctx.hub.logout(res.token).catch(() => undefined);
    throw err;
  }
  return openSession(
    ctx,
    online({ ...res, mustChangePassword: false }),
    input.newPassword,
    'login after password change',
  );
}

/** A person the hub or this counter's verifier accepted becomes the counter's session. */
async function openSession(
  ctx: DeskContext,
  { clerk, hub, pushKey }: Authenticated,
  password: string,
  auditReason: string,
): Promise<SessionInfo> {
  const now = ctx.now();
  // a login over an open session replaces it: that one ends at the hub as at a logout
  if (ctx.state.session) endHubSession(ctx, ctx.state.session.info.clerk.username);
  const hubToken = hub?.token ?? null;
  if (hub) {
    if (hub.workstationSeries) await setMeta(ctx.db, SERIES_KEY, hub.workstationSeries);
    await storeVerifier(
      ctx.db,
      clerk,
      password,
      now,
      ctx.config.offlineGraceHours,
      {
        pushKey: hub.pushKey,
        expiresAt: hub.pushKeyExpiresAt,
      },
      ctx.config.verifierCost,
    );
  }
  ctx.authors.remember(clerk.username, { sessionToken: hubToken, pushKey });
  const info: SessionInfo = {
    offline: hubToken === null,
    clerk: {
      id: clerk.id,
      username: clerk.username,
      displayName: clerk.displayName,
      role: clerk.role,
      offices: clerk.offices,
    },
    comune: clerk.comune,
    workstation: workstationName(ctx),
    idleTimeoutMinutes: ctx.config.idleTimeoutMinutes,
    expiresAt: new Date(now.getTime() + ctx.config.idleTimeoutMinutes * 60_000).toISOString(),
  };
  const session: ActiveSession = { info, hubToken, lastActivity: now.getTime() };
  await ctx.db.transaction().execute((trx) =>
    appendAudit(trx, {
      at: now.toISOString(),
      clerk: clerk.username,
      workstation: info.workstation,
      action: 'session.login',
      entity: 'clerk',
      entityId: clerk.id,
      reason: hubToken ? auditReason : 'login offline',
    }),
  );
  ctx.state.session = session;
  // what this clerk queued earlier (offline, or before a restart) can go now
  ctx.sync.nudge();
  return info;
}

export async function logout(ctx: DeskContext, reason = 'logout'): Promise<CallOutput<'session:logout'>> {
  const session = ctx.state.session;
  ctx.state.session = null;
  if (session) endHubSession(ctx, session.info.clerk.username);
  if (session) {
    await ctx.db.transaction().execute((trx) =>
      appendAudit(trx, {
        at: ctx.now().toISOString(),
        clerk: session.info.clerk.username,
        workstation: session.info.workstation,
        action: 'session.logout',
        entity: 'clerk',
        entityId: session.info.clerk.id,
        reason,
      }),
    );
  }
  return { loggedOut: true };
}

/**
 * The session ends at the hub too. Not awaited and never inside a transaction: a logout at a
 * counter without network still logs out here, and the hub's session expires on its own.
 */
function endHubSession(ctx: DeskContext, username: string): void {
  const token = ctx.authors.endSession(username);
  if (token) ctx.hub.logout(token).catch(() => undefined);
}

/**
 * Called before every clerk call: an idle session ends here (with its audit entry) and the
 * call fails with `session_expired`; an active one is extended.
 */
export async function touchSession(ctx: DeskContext): Promise<void> {
  const session = ctx.state.session;
  if (!session) throw new AppError('not_logged_in');
  const now = ctx.now().getTime();
  const idleMs = ctx.config.idleTimeoutMinutes * 60_000;
  if (now - session.lastActivity > idleMs) {
    await logout(ctx, 'idle timeout');
    throw new AppError('session_expired', { minutes: ctx.config.idleTimeoutMinutes });
  }
  session.lastActivity = now;
  session.info = { ...session.info, expiresAt: new Date(now + idleMs).toISOString() };
}

export function currentSession(ctx: DeskContext): CallOutput<'session:current'> {
  const session = ctx.state.session;
  if (!session) return null;
  if (ctx.now().getTime() - session.lastActivity > ctx.config.idleTimeoutMinutes * 60_000) return null;
  return session.info;
}
