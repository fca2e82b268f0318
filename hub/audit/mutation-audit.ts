import type { Transaction } from 'kysely';
import { subjectIdsOf } from '../../shared/audit/audit-subjects';
import type { MutationEnvelope } from '../../shared/sync/mutations';
import type { ClerkIdentity } from '../auth/clerk-credentials';
import type { HubDatabase } from '../db/database';
import type { WorkstationRow } from '../db/tables/workstations.table';
import { appendHubAudit } from './audit-trail';

/**
 * An applied mutation's row, in its own transaction (savepoint): applied and recorded, or
 * neither. The author is the hub's credential holder; the subject, the ids it names.
 */
export function auditAppliedMutation(
  trx: Transaction<HubDatabase>,
  key: Buffer,
  ws: WorkstationRow,
  author: ClerkIdentity,
  m: MutationEnvelope,
  at: string,
): Promise<void> {
  return appendHubAudit(trx, key, {
    comune: ws.comune,
    at,
    clerk: author.username,
    workstation: ws.name,
    action: m.name,
    entity: 'mutation',
    entityId: subjectIdsOf(m.args),
    reason: `mutation ${m.id}`,
  });
}
