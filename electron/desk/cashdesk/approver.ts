import { AppError } from '../../../shared/errors/app-error';
import type { DeskContext } from '../context';
import { checkOffline } from '../session/offline-verifier';

/**
 * A supervisor approves at the clerk's own counter by typing their password (as at a shop till):
 * checked by the hub when it answers, otherwise against the verifier this counter cached at
 * their last login here. The approver must be a supervisor and not the clerk who asks.
 */
export async function verifyApprover(
  ctx: DeskContext,
  approver: { username: string; password: string },
  clerkUsername: string,
): Promise<{ username: string; displayName: string }> {
  const username = approver.username.trim().toLowerCase();
  if (username === clerkUsername) throw new AppError('approver_invalid');
  let role: string;
  let displayName: string;
  try {
    const res = await ctx.hub.login(username, approver.password);
    role = res.user.role;
    displayName = res.user.displayName;
  } catch (err) {
    if (!(err instanceof AppError) || err.code !== 'hub_unreachable') throw new AppError('approver_invalid');
    const offline = await checkOffline(ctx.db, username, approver.password, ctx.now());
    if (!offline.ok) throw new AppError('approver_invalid');
    role = offline.user.role;
    displayName = offline.user.displayName;
  }
  if (role !== 'supervisor' && role !== 'admin') throw new AppError('approver_invalid');
  return { username, displayName };
}
