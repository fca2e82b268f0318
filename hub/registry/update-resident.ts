import type { Transaction } from 'kysely';
import { AppError } from '../../shared/errors/app-error';
import type { HubDatabase } from '../db/database';
import { compiledOnce } from '../db/compiled-once';
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
  const resident = await updateReturning(trx, ws.comune, residentId, patch);
  if (!resident) throw new AppError('resident_not_found');
  // the record is already changed: a refusal rolls the change back with the mutation
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

const run = compiledOnce();

/**
 * The record as the update left it, in one statement. On PostgreSQL it is read under the row lock
 * the update takes: a select before the update would read it unlocked, and a change to another
 * field committed between the two (by another counter, on another instance) would be written in
 * the table but logged as it was, and every desk would keep the old value. On both, one
 * statement instead of two, compiled once per set of fields changed (one per mutation: on the
 * embedded hub, building two queries per mutation cost as much as SQLite running them).
 */
async function updateReturning(
  trx: Transaction<HubDatabase>,
  comune: string,
  residentId: string,
  patch: ResidentPatch,
): Promise<HubResidentRow | undefined> {
  const fields = Object.keys(patch);
  const rows = await run(
    trx,
    `resident.update ${fields.join(',')}`,
    [...Object.values(patch), residentId, comune],
    () =>
      trx
        .updateTable('residents')
        .set(patch)
        .where('id', '=', residentId)
        .where('comune', '=', comune)
        .returningAll()
        .compile(),
  );
  return rows[0];
}
