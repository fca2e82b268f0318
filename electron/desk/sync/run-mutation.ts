import type { Transaction } from 'kysely';
import { uuidv7 } from 'uuidv7';
import { requireAllowed } from '../../../shared/auth/policy';
import type { Role } from '../../../shared/contract/views';
import type { MutationArgs, MutationName } from '../../../shared/sync/mutations';
import { appendAudit } from '../audit/audit-log';
import { requireSession, workstationName, type DeskContext } from '../context';
import type { Database } from '../db/database';
import { localEffects } from './local-effects';

/**
 * One counter action = one local transaction: the optimistic effect, its queued mutation and
 * its audit entry together, or none of them. The network comes later (the pusher).
 */
export async function runMutation<N extends MutationName>(
  ctx: DeskContext,
  name: N,
  args: MutationArgs<N>,
  audit: { entity: string; entityId: string; reason: string },
  /** local writes that belong to the same action (a document and its PDF), in the same transaction */
  alongside?: (trx: Transaction<Database>) => Promise<void>,
  /**
   * Whose act it is, when not the logged-in clerk's: a supervisor approving at this counter. The
   * hub applies it only with that person's own credential (ctx.authors).
   */
  author?: { username: string; role: Role },
): Promise<string> {
  const session = requireSession(ctx);
  const by = author ?? { username: session.info.clerk.username, role: session.info.clerk.role };
  // the same table the hub applies: the counter never queues what the hub would refuse by role
  requireAllowed(by.role, name);
  const id = uuidv7();
  const at = ctx.now().toISOString();
  const workstation = workstationName(ctx);
  await ctx.db.transaction().execute(async (trx) => {
    if (alongside) await alongside(trx);
    await localEffects()[name](trx, args, { at, clerk: by.username });
    await trx
      .insertInto('outbox')
      .values({ id, name, args: JSON.stringify(args), clerk: by.username, workstation, at })
      .execute();
    await appendAudit(trx, {
      at,
      clerk: session.info.clerk.username,
      workstation,
      action: name,
      entity: audit.entity,
      entityId: audit.entityId,
      reason: audit.reason,
    });
  });
  ctx.sync.nudge();
  return id;
}
