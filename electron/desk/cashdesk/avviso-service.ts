import { requireAllowed } from '../../../shared/auth/policy';
import type { CallInput } from '../../../shared/contract/contract';
import { AppError } from '../../../shared/errors/app-error';
import { avvisoJsonPath, avvisoJsonSchema, type AvvisoJson } from '../../../shared/pagopa/avviso/avviso-wire';
import { stripSpaces } from '../../../shared/pagopa/pagopa-errors';
import { appendAudit } from '../audit/audit-log';
import { requireSession, workstationName, type DeskContext } from '../context';

/**
 * The pagoPA avviso of a notice, printed by the hub (hub/notices): the hub holds the position,
 * the registry's address and the comune's codes, and is the one place a notice's document comes
 * from, so the counter never prints amounts it merely mirrors. Online only; the counter records
 * in its own log that it handed the debtor's document out.
 */
export async function printAvviso(
  ctx: DeskContext,
  input: CallInput<'cashdesk:avviso'>,
): Promise<AvvisoJson> {
  const session = requireSession(ctx);
  requireAllowed(session.info.clerk.role, 'notices.print');
  if (!session.hubToken) throw new AppError('avviso_hub_required');
  const number = stripSpaces(input.noticeNumber);
  const answer = await ctx.hub.call(
    avvisoJsonPath(number),
    { method: 'GET', clerkToken: session.hubToken, timeoutMs: 30_000 },
    avvisoJsonSchema,
  );
  await ctx.db.transaction().execute((trx) =>
    appendAudit(trx, {
      at: ctx.now().toISOString(),
      clerk: session.info.clerk.username,
      workstation: workstationName(ctx),
      action: 'notice.avviso',
      entity: 'debt_position',
      entityId: answer.noticeNumber,
      reason: 'cashdesk:avviso',
    }),
  );
  return answer;
}
