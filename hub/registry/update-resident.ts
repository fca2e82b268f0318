import { AppError } from '../../shared/errors/app-error';
import type { HubResidentRow } from '../db/tables/registry.table';
import type { ApplyContext } from '../sync/apply-context';
import { appendChange } from '../sync/change-log';
import { toWireResident } from './registry-repository';

/** What a counter may change on a resident's record at the hub. */
export type ResidentPatch = Partial<Pick<HubResidentRow, 'phone' | 'email' | 'not_certifiable'>>;

/**
 * Changes one resident of the workstation's comune and logs the new record for every counter,
 * in the mutation's transaction. `check` may refuse on the record as it is now.
 */
export async function updateResident(
  { trx, ws, at, mutationId }: ApplyContext,
  residentId: string,
  patch: ResidentPatch,
  check?: (current: HubResidentRow) => void,
): Promise<void> {
  const resident = await trx
    .selectFrom('residents')
    .selectAll()
    .where('id', '=', residentId)
    .where('comune', '=', ws.comune)
    .executeTakeFirst();
  if (!resident) throw new AppError('resident_not_found');
  check?.(resident);
  await trx
    .updateTable('residents')
    .set(patch)
    .where('id', '=', resident.id)
    .where('comune', '=', ws.comune)
    .execute();
  await appendChange(trx, {
    comune: ws.comune,
    entity: 'resident',
    entityId: resident.id,
    op: 'upsert',
    payload: toWireResident({ ...resident, ...patch }),
    at,
    mutationId,
  });
}
