import type { Kysely, Transaction } from 'kysely';
import type { PermitRecord, PlateWire } from '../../../shared/permits/permit-wire';
import type { Database } from '../db/database';
import { permitColumnsOf, permitFromColumns } from '../../../shared/permits/permit-columns';
import type { PermitRow } from './permit-tables';

type Db = Kysely<Database> | Transaction<Database>;

/** A stored row as the wire record (the rules read records, never rows). */
export const toPermitRecord = (r: PermitRow): PermitRecord => permitFromColumns(r);

const toRow = (p: PermitRecord, confirmed: boolean): PermitRow => ({
  ...permitColumnsOf(p),
  confirmed: confirmed ? 1 : 0,
});

/** The plate index follows the record's plates (a plate change replaces them). */
async function writePlates(trx: Transaction<Database>, permitId: string, plates: readonly PlateWire[]) {
  await trx.deleteFrom('permit_plates').where('permit_id', '=', permitId).execute();
  const unique = [...new Map(plates.map((p) => [`${p.plate}|${p.country}`, p])).values()];
  if (unique.length > 0) {
    await trx
      .insertInto('permit_plates')
      .values(unique.map((p) => ({ permit_id: permitId, plate: p.plate, country: p.country })))
      .execute();
  }
}

/**
 * Stores a permit. `confirmed`: the hub's record replaces ours whatever it says; an optimistic
 * one (ours, not yet confirmed) never overwrites a record the hub has sent.
 */
export async function savePermit(
  trx: Transaction<Database>,
  p: PermitRecord,
  opts: { confirmed: boolean },
): Promise<void> {
  const row = toRow(p, opts.confirmed);
  if (opts.confirmed) {
    await trx
      .insertInto('permits')
      .values(row)
      .onConflict((oc) => oc.column('id').doUpdateSet(row))
      .execute();
  } else {
    const known = await trx
      .selectFrom('permits')
      .select('confirmed')
      .where('id', '=', p.id)
      .executeTakeFirst();
    if (known && Number(known.confirmed) === 1) return;
    await trx
      .insertInto('permits')
      .values(row)
      .onConflict((oc) => oc.column('id').doUpdateSet(row))
      .execute();
  }
  await writePlates(trx, p.id, p.plates);
}

export async function updatePermit(
  trx: Transaction<Database>,
  id: string,
  change: Partial<Pick<PermitRow, 'status' | 'revoked_reason' | 'revoked_at' | 'plates'>>,
): Promise<void> {
  await trx.updateTable('permits').set(change).where('id', '=', id).execute();
}

export { writePlates };

export async function findPermit(db: Db, id: string): Promise<PermitRecord | null> {
  const row = await db.selectFrom('permits').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toPermitRecord(row) : null;
}

export async function findPermitRow(db: Db, id: string): Promise<PermitRow | undefined> {
  return db.selectFrom('permits').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Permits of a person or of a household (any status), newest first. */
export async function permitsOf(
  db: Db,
  who: { holderId: string; householdId: string | null },
): Promise<PermitRecord[]> {
  const rows = await db
    .selectFrom('permits')
    .selectAll()
    .where((eb) =>
      who.householdId === null
        ? eb('holder_id', '=', who.holderId)
        : eb.or([eb('holder_id', '=', who.holderId), eb('household_id', '=', who.householdId)]),
    )
    .orderBy('valid_to', 'desc')
    .orderBy('number', 'desc')
    .limit(500)
    .execute();
  return rows.map(toPermitRecord);
}

/** Permits carrying a plate, through the plate index. */
export async function permitsWithPlate(db: Db, plate: string, country: string): Promise<PermitRecord[]> {
  const rows = await db
    .selectFrom('permit_plates')
    .innerJoin('permits', 'permits.id', 'permit_plates.permit_id')
    .selectAll('permits')
    .where('permit_plates.plate', '=', plate)
    .where('permit_plates.country', '=', country)
    .orderBy('permits.valid_to', 'desc')
    .limit(200)
    .execute();
  return rows.map(toPermitRecord);
}

/** Active permits whose last day falls between `from` and `to` (both included). */
export async function permitsEndingBetween(db: Db, from: string, to: string): Promise<PermitRecord[]> {
  const rows = await db
    .selectFrom('permits')
    .selectAll()
    .where('status', '=', 'active')
    .where('valid_to', '>=', from)
    .where('valid_to', '<=', to)
    .orderBy('valid_to')
    .limit(2000)
    .execute();
  return rows.map(toPermitRecord);
}

/** Ids of permits that a standing permit renews (they need no reminder and no second renewal). */
export async function renewedIds(db: Db, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .selectFrom('permits')
    .select('renews_id')
    .where('renews_id', 'in', [...ids])
    .where('status', 'in', ['active', 'revocation_proposed'])
    .execute();
  return new Set(rows.map((r) => r.renews_id).filter((v): v is string => v !== null));
}

/** Permit ids still waiting in the outbox (issued here, not yet at the hub). */
export async function pendingIds(db: Db): Promise<Set<string>> {
  const rows = await db.selectFrom('permits').select('id').where('confirmed', '=', 0).execute();
  return new Set(rows.map((r) => r.id));
}
