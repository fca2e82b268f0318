import { inSocialOffice } from '../../../shared/social/social-access';
import { AppError } from '../../../shared/errors/app-error';
import { appendAudit } from '../audit/audit-log';
import { requireSession, workstationName, type ActiveSession, type DeskContext } from '../context';

/**
 * Social data are special-category data (GDPR art. 9, DOMAIN.md §12.1): every social call
 * starts here. A clerk outside the social-services office is refused before anything is read,
 * whatever the role; the hub checks the same on every mutation it receives.
 */
export function requireSocialOffice(ctx: DeskContext): ActiveSession {
  const session = requireSession(ctx);
  if (!inSocialOffice(session.info.clerk.offices)) throw new AppError('social_office_only');
  return session;
}

/**
 * Every read of a social record leaves a line in the desk's tamper-evident log (who, when,
 * which record, which function, workstation; DOMAIN.md §12.1), shipped to the hub at sync.
 * Ids only: never what the worker typed nor what the record says.
 */
export async function auditSocialRead(
  ctx: DeskContext,
  fn: string,
  entity: 'social_contributo' | 'social_sad' | 'resident',
  ids: readonly string[],
): Promise<void> {
  if (ids.length === 0) return;
  const session = requireSession(ctx);
  await ctx.db.transaction().execute((trx) =>
    appendAudit(trx, {
      at: ctx.now().toISOString(),
      clerk: session.info.clerk.username,
      workstation: workstationName(ctx),
      action: 'social.read',
      entity,
      entityId: ids.join(' ').slice(0, 4000),
      reason: fn,
    }),
  );
}
