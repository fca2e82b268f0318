import { AppError } from '../../../shared/errors/app-error';
import type { DeskContext } from '../context';
import { authenticate, normalUsername, type Authenticated } from '../session/authenticate';

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
  const username = normalUsername(approver.username);
  if (username === clerkUsername) throw new AppError('approver_invalid');
  let who: Authenticated;
  try {
    who = await authenticate(ctx, username, approver.password);
  } catch (err) {
    if (err instanceof AppError) throw new AppError('approver_invalid');
    throw err;
  }
  if (who.role !== 'supervisor' && who.role !== 'admin') throw new AppError('approver_invalid');
  return { username, displayName: who.displayName };
}
