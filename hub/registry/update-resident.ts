import type { Transaction } from 'kysely';
import { AppError } from '../../shared/errors/app-error';
import type { HubDatabase } from '../db/database';
import { isPostgres } from '../db/job-runs';
import type { HubResidentRow } from '../db/tables/registry.table';
import type { ApplyContext } from '../sync/apply-context';
import { appendChange } from '../sync/change-log';
import { toWireResident } from './registry-repository';

/** What a counter may change on a resident's record at the hub. */
export type ResidentPatch = Partial<Pick<HubResidentRow, 'phone' | 'email' | 'not_certifiable'>>;

/**
 * Changes one resident of the workstation's comune and logs the new record for every counter,
 * in the mutation's transaction. `check` may refuse on the record as the change leaves it (a
 * patch never touches what a check looks at: the resident's status).
 */
export async function updateResident(
  { trx, ws, at, mutationId }: ApplyContext,
  residentId: string,
  patch: ResidentPatch,
  check?: (current: HubResidentRow) => void,
): Promise<void> {
  const resident = isPostgres(trx)
    ? await updateReturning(trx, ws.comune, residentId, patch)
    : await selectThenUpdate(trx, ws.comune, residentId, patch);
  if (!resident) throw new AppError('resident_not_found');
  // on PostgreSQL the record is already changed: a refusal rolls the change back with the mutation
  check?.(resident);
  await appendChange(trx, {
    comune: ws.comune,
    entity: 'resident',
    entityId: resident.id,
    op: 'upsert',
    payload: toWireResident(resident),
    at,
    mutationId,
  });
}

/**
 * PostgreSQL: the record as the update left it, read under the row lock the update takes. A
 * select before the update would read it unlocked: a change to another field committed between
 * the two (by another counter, on another instance) would be written in the table but logged as
 * it was, and every desk would keep the old value. One round trip instead of two, too.
 */
function updateReturning(
  trx: Transaction<HubDatabase>,
  comune: string,
  residentId: string,
  patch: ResidentPatch,
): Promise<HubResidentRow | undefined> {
  return trx
    .updateTable('residents')
    .set(patch)
    .where('id', '=', residentId)
    .where('comune', '=', comune)
    .returningAll()
    .executeTakeFirst();
}

/** SQLite has one writer: nothing changes between the two, and its select and update cost less. */
async function selectThenUpdate(
  trx: Transaction<HubDatabase>,
  comune: string,
  residentId: string,
  patch: ResidentPatch,
): Promise<HubResidentRow | undefined> {
  const resident = await trx
    .selectFrom('residents')
    .selectAll()
    .where('id', '=', residentId)
    .where('comune', '=', comune)
    .executeTakeFirst();
  if (!resident) return undefined;
  await trx
    .updateTable('residents')
    .set(patch)
    .where('id', '=', resident.id)
    .where('comune', '=', comune)
    .execute();
  return { ...resident, ...patch };
}
