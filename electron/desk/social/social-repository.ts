import type { Kysely, Transaction } from 'kysely';
import {
  contributoRecordSchema,
  sadRecordSchema,
  type ContributoRecord,
  type SadRecord,
} from '../../../shared/social/social-wire';
import type { Database } from '../db/database';
import './social-tables';

type Db = Kysely<Database> | Transaction<Database>;

/**
 * Stores a contributo. The hub's record (confirmed) always wins; our optimistic one never
 * replaces a record the hub has sent, so replaying an effect after a pull changes nothing.
 */
export async function saveContributo(
  db: Db,
  r: ContributoRecord,
  opts: { confirmed: boolean },
): Promise<void> {
  const row = {
    id: r.id,
    case_id: r.caseId,
    comune: r.comune,
    status: r.status,
    beneficiary_id: r.beneficiary.personId,
    applied_on: r.appliedOn,
    record: JSON.stringify(r),
    confirmed: opts.confirmed ? 1 : 0,
  };
  const q = db.insertInto('social_contributi').values(row);
  await (
    opts.confirmed
      ? q.onConflict((oc) => oc.column('id').doUpdateSet(row))
      : q.onConflict((oc) => oc.column('id').doNothing())
  ).execute();
}

/** An optimistic change of our own to a record (a step not yet confirmed): never over the hub's. */
export async function updateOwnContributo(db: Db, r: ContributoRecord): Promise<void> {
  await db
    .updateTable('social_contributi')
    .set({ status: r.status, record: JSON.stringify(r) })
    .where('id', '=', r.id)
    .execute();
}

export async function saveSad(db: Db, r: SadRecord, opts: { confirmed: boolean }): Promise<void> {
  const row = {
    id: r.id,
    case_id: r.caseId,
    comune: r.comune,
    status: r.status,
    beneficiary_id: r.beneficiary.personId,
    applied_on: r.appliedOn,
    waiting_position: r.status === 'waiting' ? (r.waiting?.position ?? null) : null,
    record: JSON.stringify(r),
    confirmed: opts.confirmed ? 1 : 0,
  };
  const q = db.insertInto('social_sad').values(row);
  await (
    opts.confirmed
      ? q.onConflict((oc) => oc.column('id').doUpdateSet(row))
      : q.onConflict((oc) => oc.column('id').doNothing())
  ).execute();
}

export async function updateOwnSad(db: Db, r: SadRecord): Promise<void> {
  await db
    .updateTable('social_sad')
    .set({
      status: r.status,
      waiting_position: r.status === 'waiting' ? (r.waiting?.position ?? null) : null,
      record: JSON.stringify(r),
    })
    .where('id', '=', r.id)
    .execute();
}

export async function findContributo(db: Db, id: string): Promise<ContributoRecord | null> {
  const row = await db
    .selectFrom('social_contributi')
    .select('record')
    .where('id', '=', id)
    .executeTakeFirst();
  return row ? contributoRecordSchema.parse(JSON.parse(row.record)) : null;
}

export async function findSad(db: Db, id: string): Promise<SadRecord | null> {
  const row = await db.selectFrom('social_sad').select('record').where('id', '=', id).executeTakeFirst();
  return row ? sadRecordSchema.parse(JSON.parse(row.record)) : null;
}

export async function listContributi(
  db: Db,
  filter: { statuses?: readonly string[]; beneficiaryId?: string; limit: number },
): Promise<ContributoRecord[]> {
  let q = db.selectFrom('social_contributi').select('record');
  if (filter.statuses) q = q.where('status', 'in', [...filter.statuses]);
  if (filter.beneficiaryId) q = q.where('beneficiary_id', '=', filter.beneficiaryId);
  const rows = await q.orderBy('applied_on', 'desc').orderBy('id', 'desc').limit(filter.limit).execute();
  return rows.map((r) => contributoRecordSchema.parse(JSON.parse(r.record)));
}

export async function listSad(
  db: Db,
  filter: { statuses?: readonly string[]; beneficiaryId?: string; limit: number },
): Promise<SadRecord[]> {
  let q = db.selectFrom('social_sad').select('record');
  if (filter.statuses) q = q.where('status', 'in', [...filter.statuses]);
  if (filter.beneficiaryId) q = q.where('beneficiary_id', '=', filter.beneficiaryId);
  const rows = await q.orderBy('applied_on', 'desc').orderBy('id', 'desc').limit(filter.limit).execute();
  return rows.map((r) => sadRecordSchema.parse(JSON.parse(r.record)));
}

/** The waiting list in the hub's order (position 1 = next to start). */
export async function waitingSad(db: Db): Promise<SadRecord[]> {
  const rows = await db
    .selectFrom('social_sad')
    .select('record')
    .where('status', '=', 'waiting')
    .orderBy('waiting_position')
    .orderBy('applied_on')
    .execute();
  return rows.map((r) => sadRecordSchema.parse(JSON.parse(r.record)));
}

/** Ids of contributi and SAD records with a `social.*` mutation still in the outbox. */
export async function pendingSocialIds(db: Db): Promise<Set<string>> {
  const rows = await db.selectFrom('outbox').select('args').where('name', 'like', 'social.%').execute();
  return new Set(
    rows.flatMap((r) => {
      const a = JSON.parse(r.args) as { contributoId?: unknown; sadId?: unknown };
      const id = a.contributoId ?? a.sadId;
      return typeof id === 'string' ? [id] : [];
    }),
  );
}
