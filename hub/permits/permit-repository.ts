import type { Kysely, Transaction } from 'kysely';
import { permitRecordSchema, type PermitRecord } from '../../shared/permits/permit-wire';
import type { HubDatabase } from '../db/database';
import { permitColumnsOf, permitFromColumns } from '../../shared/permits/permit-columns';
import { appendChange } from '../sync/change-log';
import { localCudePlatform } from './cude-platform';
import type { PermitRow, PermitsTable } from './permit-tables';

type Db = Kysely<HubDatabase> | Transaction<HubDatabase>;
type Trx = Transaction<HubDatabase>;

/** The wire record of a row, checked by the one schema desks read it with. */
export const toPermitRecord = (row: PermitRow): PermitRecord =>
  permitRecordSchema.parse(permitFromColumns(row));

export function permitRowOf(p: PermitRecord, workstationId: string, updatedAt: string): PermitsTable {
  return { ...permitColumnsOf(p), workstation_id: workstationId, updated_at: updatedAt };
}

export async function findPermit(db: Db, comune: string, id: string): Promise<PermitRecord | null> {
  const row = await db
    .selectFrom('permits')
    .selectAll()
    .where('comune', '=', comune)
    .where('id', '=', id)
    .executeTakeFirst();
  return row ? toPermitRecord(row) : null;
}

/** Across comuni: the public page finds a permit by its number (the number names the comune). */
export async function findPermitByNumber(db: Db, number: string): Promise<PermitRecord | null> {
  const comune = number.slice(4, 8);
  const row = await db
    .selectFrom('permits')
    .selectAll()
    .where('comune', '=', comune)
    .where('number', '=', number)
    .executeTakeFirst();
  return row ? toPermitRecord(row) : null;
}

/**
 * What eligibility must see of the comune's permits for a request: the holder's, the
 * household's, those carrying one of the plates asked for, and the one being renewed.
 */
export async function permitsConcerning(
  db: Db,
  comune: string,
  who: { holderId: string | null; householdId: string | null; renewsId: string | null },
  plates: readonly { plate: string; country: string }[],
): Promise<PermitRecord[]> {
  const rows = await db
    .selectFrom('permits')
    .selectAll()
    .where('comune', '=', comune)
    .where((eb) => {
      const any = [];
      if (who.holderId !== null) any.push(eb('holder_id', '=', who.holderId));
      if (who.householdId !== null) any.push(eb('household_id', '=', who.householdId));
      if (who.renewsId !== null) any.push(eb('id', '=', who.renewsId));
      for (const p of plates) {
        any.push(
          eb(
            'id',
            'in',
            eb
              .selectFrom('permit_plates')
              .select('permit_id')
              .where('comune', '=', comune)
              .where('plate', '=', p.plate)
              .where('country', '=', p.country),
          ),
        );
      }
      return any.length > 0 ? eb.or(any) : eb.val(false);
    })
    .execute();
  return rows.map(toPermitRecord);
}

/** Publishes the permit's whole current state for every counter of its comune. */
export async function publishPermit(
  trx: Trx,
  permit: PermitRecord,
  at: string,
  mutationId?: string,
): Promise<void> {
  await appendChange(trx, {
    comune: permit.comune,
    entity: 'permit',
    entityId: permit.id,
    op: 'upsert',
    payload: permitRecordSchema.parse(permit),
    at,
    ...(mutationId ? { mutationId } : {}),
  });
}

/** A new permit: its row, its plates, its change. */
export async function insertPermit(
  trx: Trx,
  permit: PermitRecord,
  workstationId: string,
  at: string,
  mutationId?: string,
): Promise<void> {
  const checked = permitRecordSchema.parse(permit);
  await trx
    .insertInto('permits')
    .values(permitRowOf(checked, workstationId, at))
    .execute();
  await insertPlates(trx, checked);
  await localCudePlatform.record(trx, checked, at);
  await publishPermit(trx, checked, at, mutationId);
}

async function insertPlates(trx: Trx, permit: PermitRecord): Promise<void> {
  if (permit.plates.length === 0) return;
  await trx
    .insertInto('permit_plates')
    .values(
      permit.plates.map((p) => ({
        permit_id: permit.id,
        comune: permit.comune,
        plate: p.plate,
        country: p.country,
      })),
    )
    .execute();
}

/** A changed permit (status, plates): row, plates index and change, in the caller's transaction. */
export async function savePermit(
  trx: Trx,
  permit: PermitRecord,
  at: string,
  mutationId?: string,
): Promise<void> {
  const checked = permitRecordSchema.parse(permit);
  await trx
    .updateTable('permits')
    .set({
      plates: JSON.stringify(checked.plates.map(({ plate, country }) => ({ plate, country }))),
      status: checked.status,
      revoked_reason: checked.revokedReason,
      revoked_at: checked.revokedAt,
      updated_at: at,
    })
    .where('comune', '=', checked.comune)
    .where('id', '=', checked.id)
    .execute();
  await trx.deleteFrom('permit_plates').where('permit_id', '=', checked.id).execute();
  await insertPlates(trx, checked);
  await localCudePlatform.record(trx, checked, at);
  await publishPermit(trx, checked, at, mutationId);
}
