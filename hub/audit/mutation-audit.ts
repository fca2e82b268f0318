import { subjectIdsOf } from '../../shared/audit/audit-subjects';
import type { MutationEnvelope } from '../../shared/sync/mutations';
import type { ClerkIdentity } from '../auth/clerk-credentials';
import type { WorkstationRow } from '../db/tables/workstations.table';
import type { HubAuditEntry } from './audit-trail';

/**
 * An applied mutation's row: the author is the hub's credential holder; the subject, the ids it
 * names. The push writes the rows of its batch in the batch's transaction (appendHubAudits):
 * applied and recorded, or neither.
 */
export function mutationAuditEntry(
  ws: WorkstationRow,
  author: ClerkIdentity,
  m: MutationEnvelope,
  at: string,
): HubAuditEntry {
  return {
    comune: ws.comune,
    at,
    clerk: author.username,
    workstation: ws.name,
    action: m.name,
    entity: 'mutation',
    entityId: subjectIdsOf(m.args),
    reason: `mutation ${m.id}`,
  };
}
