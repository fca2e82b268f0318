import { can, type Action } from '../../../shared/auth/policy';
import type { Role } from '../../../shared/contract/views';
import { AppError } from '../../../shared/errors/app-error';
import type { DeskContext } from '../context';
import { authenticate, normalUsername, type Authenticated } from '../session/authenticate';

/**
 * A supervisor approves at the clerk's own counter by typing their password (as at a shop till):
 * checked by the hub when it answers, otherwise against the verifier this counter cached at
 * their last login here. The approver must be allowed the action (policy) and not be the clerk
 * who asks. The approval is the supervisor's own act: its mutation is theirs, pushed with the
 * push key the hub gave for them at this login (or unsealed from this counter's verifier), and
 * the hub session the check opened is closed at once.
 */
export async function verifyApprover(
  ctx: DeskContext,
  approver: { username: string; password: string },
  clerkUsername: string,
  action: Action,
): Promise<{ username: string; displayName: string; role: Role }> {
  const username = normalUsername(approver.username);
  if (username === clerkUsername) throw new AppError('approver_invalid');
  let who: Authenticated;
  try {
    who = await authenticate(ctx, username, approver.password);
  } catch (err) {
    if (err instanceof AppError) throw new AppError('approver_invalid');
    throw err;
  }
  if (!can(who.role, action)) throw new AppError('approver_invalid');
  ctx.authors.remember(username, { pushKey: who.pushKey });
  if (who.hub) ctx.hub.logout(who.hub.token).catch(() => undefined);
  return { username, displayName: who.displayName, role: who.role };
}
