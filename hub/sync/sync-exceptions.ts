import type { Transaction } from 'kysely';
import { uuidv7 } from 'uuidv7';
import type { HubDatabase } from '../db/database';
import type { WorkstationRow } from '../db/tables/workstations.table';

/**
 * Puts a mutation in the supervisors' queue (`sync_exceptions`), in the transaction that decided
 * it: a refusal (push-service) or a case the hub accepted but a person must settle (a second
 * payment of a debt). Never dropped, resolved later.
 */
export async function recordException(
  trx: Transaction<HubDatabase>,
  ws: Pick<WorkstationRow, 'id' | 'comune'>,
  e: {
    mutationId: string;
    name: string;
    args: unknown;
    clerk: string;
    code: string;
    message: string;
    at: string;
  },
): Promise<void> {
  await trx
    .insertInto('sync_exceptions')
    .values({
      id: uuidv7(),
      comune: ws.comune,
      workstation_id: ws.id,
      mutation_id: e.mutationId,
      name: e.name,
      args: JSON.stringify(e.args ?? null),
      clerk: e.clerk,
      code: e.code,
      message: e.message,
      at: e.at,
      resolved_at: null,
    })
    .execute();
}
