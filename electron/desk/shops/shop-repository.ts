import type { Kysely, Transaction } from 'kysely';
import { shopRecordSchema, type ShopRecord } from '../../../shared/shops/shop-wire';
import type { Database } from '../db/database';
import './shop-tables';

type Db = Kysely<Database> | Transaction<Database>;

const parse = (json: string): ShopRecord => shopRecordSchema.parse(JSON.parse(json));

export async function findShop(db: Db, id: string): Promise<ShopRecord | null> {
  const row = await db.selectFrom('shops').select('record').where('id', '=', id).executeTakeFirst();
  return row ? parse(row.record) : null;
}

/** Stores a shop; `confirmed`: the hub's record, else our optimistic one. */
export async function saveShop(
  trx: Transaction<Database>,
  shop: ShopRecord,
  confirmed: boolean,
): Promise<void> {
  const row = {
    id: shop.id,
    sign_name: shop.signName,
    company_name: shop.company.name,
    partita_iva: shop.company.partitaIva,
    street_name: `${shop.streetType} ${shop.streetName}`,
    status: shop.status,
    record: JSON.stringify(shop),
    confirmed: confirmed ? 1 : 0,
  };
  await trx
    .insertInto('shops')
    .values(row)
    .onConflict((oc) => oc.column('id').doUpdateSet(row))
    .execute();
}

/** The register as the mirror has it: by sign, company, VAT number or street; by status. */
export async function searchShops(
  db: Db,
  query: string,
  status: string | null,
  limit = 200,
): Promise<{ shop: ShopRecord; confirmed: boolean }[]> {
  let q = db.selectFrom('shops').select(['record', 'confirmed']);
  if (status) q = q.where('status', '=', status);
  const words = query
    .toLowerCase()
    .split(/\s+/)
    .filter((w) => w !== '');
  for (const w of words) {
    const like = `%${w.replace(/[%_]/g, '')}%`;
    q = q.where((eb) =>
      eb.or([
        eb(eb.fn('lower', ['sign_name']), 'like', like),
        eb(eb.fn('lower', ['company_name']), 'like', like),
        eb('partita_iva', 'like', like),
        eb(eb.fn('lower', ['street_name']), 'like', like),
      ]),
    );
  }
  const rows = await q.orderBy('sign_name').orderBy('id').limit(limit).execute();
  return rows.map((r) => ({ shop: parse(r.record), confirmed: Number(r.confirmed) === 1 }));
}

/** Shops with a SCIA check still open (pending or invited to conform). */
export async function shopsUnderCheck(db: Db): Promise<ShopRecord[]> {
  const rows = await db.selectFrom('shops').select('record').where('record', 'like', '%"scia":{%').execute();
  return rows
    .map((r) => parse(r.record))
    .filter((s) => s.scia !== null && (s.scia.outcome === 'pending' || s.scia.outcome === 'invito'));
}
