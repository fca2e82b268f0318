import type { Kysely, Transaction } from 'kysely';
import {
  contributoRecordSchema,
  sadRecordSchema,
  type ContributoRecord,
  type SadRecord,
} from '../../shared/social/social-wire';
import type { HubDatabase } from '../db/database';
import { appendChange } from '../sync/change-log';
import './social-tables';

type Db = Kysely<HubDatabase> | Transaction<HubDatabase>;

const parseContributo = (json: string): ContributoRecord => contributoRecordSchema.parse(JSON.parse(json));
export const parseSad = (json: string): SadRecord => sadRecordSchema.parse(JSON.parse(json));

export async function findContributo(db: Db, comune: string, id: string): Promise<ContributoRecord | null> {
  const row = await db
    .selectFrom('social_contributi')
    .select('record')
    .where('comune', '=', comune)
    .where('id', '=', id)
    .executeTakeFirst();
  return row ? parseContributo(row.record) : null;
}

export async function findContributoByCase(
  db: Db,
  comune: string,
  caseId: string,
): Promise<ContributoRecord | null> {
  const row = await db
    .selectFrom('social_contributi')
    .select('record')
    .where('comune', '=', comune)
    .where('case_id', '=', caseId)
    .executeTakeFirst();
  return row ? parseContributo(row.record) : null;
}

export async function contributiOf(
  db: Db,
  comune: string,
  beneficiaryId: string,
): Promise<ContributoRecord[]> {
  const rows = await db
    .selectFrom('social_contributi')
    .select('record')
    .where('comune', '=', comune)
    .where('beneficiary_id', '=', beneficiaryId)
    .execute();
  return rows.map((r) => parseContributo(r.record));
}

export async function contributiWithStatus(
  db: Db,
  comune: string,
  status: readonly string[],
): Promise<ContributoRecord[]> {
  const rows = await db
    .selectFrom('social_contributi')
    .select('record')
    .where('comune', '=', comune)
    .where('status', 'in', [...status])
    .orderBy('id')
    .execute();
  return rows.map((r) => parseContributo(r.record));
}

export async function findSad(db: Db, comune: string, id: string): Promise<SadRecord | null> {
  const row = await db
    .selectFrom('social_sad')
    .select('record')
    .where('comune', '=', comune)
    .where('id', '=', id)
    .executeTakeFirst();
  return row ? parseSad(row.record) : null;
}

export async function sadsWith(
  db: Db,
  comune: string,
  where: { status?: readonly string[]; beneficiaryId?: string },
): Promise<SadRecord[]> {
  let q = db.selectFrom('social_sad').select('record').where('comune', '=', comune);
  if (where.status) q = q.where('status', 'in', [...where.status]);
  if (where.beneficiaryId) q = q.where('beneficiary_id', '=', where.beneficiaryId);
  const rows = await q.orderBy('id').execute();
  return rows.map((r) => parseSad(r.record));
}

/** Writes the record and its change for the counters, in the caller's transaction. */
export async function saveContributo(
  trx: Transaction<HubDatabase>,
  c: ContributoRecord,
  at: string,
  mutationId?: string | null,
): Promise<void> {
  const record = contributoRecordSchema.parse(c);
  const columns = {
    comune: record.comune,
    beneficiary_id: record.beneficiary.personId,
    case_id: record.caseId,
    status: record.status,
    record: JSON.stringify(record),
    updated_at: at,
  };
  const updated = await trx
    .updateTable('social_contributi')
    .set(columns)
    .where('id', '=', record.id)
    .where('comune', '=', record.comune)
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) === 0)
    await trx
      .insertInto('social_contributi')
      .values({ id: record.id, ...columns })
      .execute();
  await appendChange(trx, {
    comune: record.comune,
    entity: 'social_contributo',
    entityId: record.id,
    op: 'upsert',
    payload: record,
    at,
    ...(mutationId ? { mutationId } : {}),
  });
}

export async function saveSad(
  trx: Transaction<HubDatabase>,
  s: SadRecord,
  at: string,
  mutationId?: string | null,
): Promise<void> {
  const record = sadRecordSchema.parse(s);
  const columns = {
    comune: record.comune,
    beneficiary_id: record.beneficiary.personId,
    beneficiary_cf: record.beneficiary.codiceFiscale,
    case_id: record.caseId,
    status: record.status,
    record: JSON.stringify(record),
    updated_at: at,
  };
  const updated = await trx
    .updateTable('social_sad')
    .set(columns)
    .where('id', '=', record.id)
    .where('comune', '=', record.comune)
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) === 0)
    await trx
      .insertInto('social_sad')
      .values({ id: record.id, ...columns })
      .execute();
  await appendChange(trx, {
    comune: record.comune,
    entity: 'social_sad',
    entityId: record.id,
    op: 'upsert',
    payload: record,
    at,
    ...(mutationId ? { mutationId } : {}),
  });
}
