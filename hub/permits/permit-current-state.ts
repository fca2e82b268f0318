import type { Transaction } from 'kysely';
import type { Change, MutationName } from '../../shared/sync/mutations';
import type { HubDatabase } from '../db/database';
import type { WorkstationRow } from '../db/tables/workstations.table';
import { headSeq } from '../sync/change-log';
import { findPermit } from './permit-repository';

/**
 * The hub's version of the permit a refused mutation touched, for the desk to rebase on: the
 * permit as the hub has it, or nothing (the desk's optimistic permit goes away).
 */
export async function currentPermitState(
  trx: Transaction<HubDatabase>,
  ws: WorkstationRow,
  name: MutationName,
  fields: Record<string, unknown>,
): Promise<Change[] | null> {
  if (!name.startsWith('permits.')) return null;
  const ids = [fields.permitId, fields.newPermitId].filter((v): v is string => typeof v === 'string');
  const seq = await headSeq(trx, ws.comune);
  const changes: Change[] = [];
  for (const id of ids) {
    const found = await findPermit(trx, ws.comune, id);
    changes.push(
      found
        ? { seq, entity: 'permit', entityId: id, op: 'upsert', payload: found }
        : { seq, entity: 'permit', entityId: id, op: 'delete', payload: null },
    );
  }
  return changes;
}
