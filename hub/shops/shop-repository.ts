import type { Kysely, Transaction } from 'kysely';
import { shopRecordSchema, type ShopRecord } from '../../shared/shops/shop-wire';
import type { HubDatabase } from '../db/database';
import { appendChange } from '../sync/change-log';
import './shop-tables';

type Db = Kysely<HubDatabase> | Transaction<HubDatabase>;

export async function findShop(db: Db, comune: string, id: string): Promise<ShopRecord | null> {
  const row = await db
    .selectFrom('shops')
    .select('record')
    .where('comune', '=', comune)
    .where('id', '=', id)
    .executeTakeFirst();
  return row ? shopRecordSchema.parse(JSON.parse(row.record)) : null;
}

export async function findShopBySciaCase(db: Db, comune: string, caseId: string): Promise<ShopRecord | null> {
  const row = await db
    .selectFrom('shops')
    .select('record')
    .where('comune', '=', comune)
    .where('scia_case_id', '=', caseId)
    .executeTakeFirst();
  return row ? shopRecordSchema.parse(JSON.parse(row.record)) : null;
}

/** Writes the shop and its change for the counters, in the caller's transaction. */
export async function saveShop(
  trx: Transaction<HubDatabase>,
  shop: ShopRecord,
  at: string,
  mutationId?: string,
): Promise<void> {
  const record = shopRecordSchema.parse(shop);
  const columns = {
    comune: record.comune,
    sign_name: record.signName,
    partita_iva: record.company.partitaIva,
    street_name: record.streetName,
    status: record.status,
    scia_case_id: record.scia?.caseId ?? null,
    record: JSON.stringify(record),
    updated_at: at,
  };
  const updated = await trx
    .updateTable('shops')
    .set(columns)
    .where('id', '=', record.id)
    .where('comune', '=', record.comune)
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) === 0) {
    await trx
      .insertInto('shops')
      .values({ id: record.id, ...columns })
      .execute();
  }
  await appendChange(trx, {
    comune: record.comune,
    entity: 'shop',
    entityId: record.id,
    op: 'upsert',
    payload: record,
    at,
    ...(mutationId ? { mutationId } : {}),
  });
}
