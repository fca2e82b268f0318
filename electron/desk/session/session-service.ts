import type { CallInput, CallOutput } from '../../../shared/contract/contract';
import { AppError } from '../../../shared/errors/app-error';
import { appendAudit } from '../audit/audit-log';
import type { ActiveSession, DeskContext } from '../context';

/**
 * Clerks authenticate against the hub (password hashing, lockout and roles live there);
 * the desk keeps the session and ends it after the configured idle time, because a counter
 * left unattended must not stay open on a citizen's record.
 */
export async function login(
  ctx: DeskContext,
  input: CallInput<'session:login'>,
): Promise<CallOutput<'session:login'>> {
  const res = await ctx.hub.login(input.username, input.password);
  const now = ctx.now();
  const session: ActiveSession = {
    hubToken: res.token,
    lastActivity: now.getTime(),
    info: {
      clerk: {
        id: res.user.id,
        username: res.user.username,
        displayName: res.user.displayName,
        role: res.user.role,
      },
      comune: res.comune,
      workstation: ctx.config.workstation,
      idleTimeoutMinutes: ctx.config.idleTimeoutMinutes,
      expiresAt: new Date(now.getTime() + ctx.config.idleTimeoutMinutes * 60_000).toISOString(),
    },
  };
  await ctx.db.transaction().execute((trx) =>
    appendAudit(trx, {
      at: now.toISOString(),
      clerk: res.user.username,
      workstation: ctx.config.workstation,
      action: 'session.login',
      entity: 'clerk',
      entityId: res.user.id,
      reason: 'login',
    }),
  );
  ctx.state.session = session;
  return session.info;
}

export async function logout(ctx: DeskContext, reason = 'logout'): Promise<CallOutput<'session:logout'>> {
  const session = ctx.state.session;
  ctx.state.session = null;
  if (session) {
    await ctx.db.transaction().execute((trx) =>
      appendAudit(trx, {
        at: ctx.now().toISOString(),
        clerk: session.info.clerk.username,
        workstation: ctx.config.workstation,
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
