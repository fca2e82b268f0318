import type { CallOutput } from '../../../shared/contract/contract';
import { requireAllowed } from '../../../shared/auth/policy';
import { AppError } from '../../../shared/errors/app-error';
import { describeMutation } from '../../../shared/sync/describe-mutation';
import { requireSession, type DeskContext } from '../context';

/** Rejected local changes, newest first, with what they tried to do in words a clerk reads. */
export async function listExceptions(ctx: DeskContext): Promise<CallOutput<'sync:exceptions'>> {
  const rows = await ctx.db
    .selectFrom('sync_exceptions')
    .selectAll()
    .orderBy('received_at', 'desc')
    .limit(200)
    .execute();
  return rows.map((r) => ({
    mutationId: r.mutation_id,
    name: r.name,
    clerk: r.clerk,
    workstation: null,
    at: r.at,
    code: r.code,
    message: r.message,
    summary: describeMutation(r.name, JSON.parse(r.args)),
  }));
}

/** Every counter's rejected changes in the comune, from the hub: supervisors and admins only, online only. */
export async function listComuneExceptions(ctx: DeskContext): Promise<CallOutput<'sync:comuneExceptions'>> {
  const session = requireSession(ctx);
  requireAllowed(session.info.clerk.role, 'sync.comuneExceptions');
  if (!session.hubToken) throw new AppError('hub_unreachable');
  const res = await ctx.hub.comuneExceptions(session.hubToken);
  return res.exceptions.map((x) => ({
    mutationId: x.mutationId,
    name: x.name,
    clerk: x.clerk,
    workstation: x.workstation,
    at: x.at,
    code: x.code,
    message: x.message,
    summary: describeMutation(x.name, x.args),
  }));
}
