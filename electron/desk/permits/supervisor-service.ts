import { requireAllowed } from '../../../shared/auth/policy';
import type { CallInput, CallOutput } from '../../../shared/contract/contract';
import { AppError } from '../../../shared/errors/app-error';
import { PERMIT_STATS_PATH, permitStatsSchema } from '../../../shared/permits/street-wire';
import { requireSession, type DeskContext } from '../context';
import { toPermitRecord } from './permit-repository';
import { permitViews } from './permit-service';

/**
 * The supervisors' figures come from the hub, which holds every counter's permits: online only,
 * with the supervisor's own hub session (the hub checks the role again).
 */
export async function permitStats(
  ctx: DeskContext,
  input: CallInput<'permits:stats'>,
): Promise<CallOutput<'permits:stats'>> {
  const session = requireSession(ctx);
  requireAllowed(session.info.clerk.role, 'permits.stats');
  if (!session.hubToken) throw new AppError('hub_unreachable');
  const qs = new URLSearchParams({ from: input.from, to: input.to });
  return ctx.hub.call(
    `${PERMIT_STATS_PATH}?${qs.toString()}`,
    { method: 'GET', clerkToken: session.hubToken },
    permitStatsSchema,
  );
}

/**
 * Permits the hub proposed for revocation when the registry changed (a holder moved out of the
 * zone or emigrated): they reach every counter with the pull, so the list works offline; the
 * supervisor revokes each with a reason, or leaves it.
 */
export async function proposedRevocations(
  ctx: DeskContext,
): Promise<CallOutput<'permits:proposedRevocations'>> {
  requireAllowed(requireSession(ctx).info.clerk.role, 'permits.revoke');
  const rows = await ctx.db
    .selectFrom('permits')
    .selectAll()
    .where('status', '=', 'revocation_proposed')
    .orderBy('valid_to')
    .limit(500)
    .execute();
  return permitViews(ctx, rows.map(toPermitRecord));
}
