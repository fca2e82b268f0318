import type { Kysely, Transaction } from 'kysely';
import {
  canoneApplicationRecordSchema,
  type CanoneApplicationRecord,
} from '../../../shared/canone/canone-wire';
import { streetKey } from '../../../shared/canone/zones';
import type { Database } from '../db/database';
import type { CanoneApplicationRow } from './canone-tables';
import './canone-tables';

type Db = Kysely<Database> | Transaction<Database>;

export const siteStreet = (r: Pick<CanoneApplicationRecord, 'site'>): string =>
  `${r.site.streetType} ${r.site.streetName}`.trim();

/**
 * Stores an application. The hub's record (confirmed) always wins; our optimistic one never
 * replaces a record the hub has sent, so replaying the effect after a pull changes nothing.
 */
export async function saveApplication(
  db: Db,
  r: CanoneApplicationRecord,
  opts: { confirmed: boolean },
): Promise<void> {
  const row = {
    id: r.id,
    case_id: r.caseId,
    comune: r.comune,
    status: r.status,
    street_key: streetKey(siteStreet(r)),
    civic: r.site.civic,
    start: r.start,
    end: r.concession?.validTo ?? r.end,
    resident_id: r.applicant.kind === 'person' ? r.applicant.residentId : null,
    submitted_at: r.submittedAt,
    record: JSON.stringify(r),
    confirmed: opts.confirmed ? 1 : 0,
  };
  if (opts.confirmed) {
    await db
      .insertInto('canone_applications')
      .values(row)
      .onConflict((oc) => oc.column('id').doUpdateSet(row))
      .execute();
  } else {
    await db
      .insertInto('canone_applications')
      .values(row)
      .onConflict((oc) => oc.column('id').doNothing())
      .execute();
  }
}

const recordOf = (row: CanoneApplicationRow): CanoneApplicationRecord =>
  canoneApplicationRecordSchema.parse(JSON.parse(row.record));

export async function findApplication(db: Db, id: string): Promise<CanoneApplicationRecord | null> {
  const row = await db.selectFrom('canone_applications').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? recordOf(row) : null;
}

export async function applicationOfCase(db: Db, caseId: string): Promise<CanoneApplicationRecord | null> {
  const row = await db
    .selectFrom('canone_applications')
    .selectAll()
    .where('case_id', '=', caseId)
    .executeTakeFirst();
  return row ? recordOf(row) : null;
}

export async function listApplications(
  db: Db,
  filter: { statuses?: readonly string[]; residentId?: string; limit: number },
): Promise<CanoneApplicationRecord[]> {
  let q = db.selectFrom('canone_applications').selectAll();
  if (filter.statuses) q = q.where('status', 'in', [...filter.statuses]);
  if (filter.residentId) q = q.where('resident_id', '=', filter.residentId);
  const rows = await q.orderBy('submitted_at', 'desc').orderBy('id', 'desc').limit(filter.limit).execute();
  return rows.map(recordOf);
}

/** The applications at one spot (street + civic number), for the capacity check. */
export async function applicationsAtStreet(db: Db, street: string): Promise<CanoneApplicationRecord[]> {
  const rows = await db
    .selectFrom('canone_applications')
    .selectAll()
    .where('street_key', '=', streetKey(street))
    .execute();
  return rows.map(recordOf);
}

/** Occupations in force on `day` (submitted ones count too: the office sees what is coming). */
export async function activeOn(db: Db, day: string): Promise<CanoneApplicationRecord[]> {
  const rows = await db
    .selectFrom('canone_applications')
    .selectAll()
    .where('status', 'in', ['submitted', 'approved'])
    .where('start', '<=', day)
    .where((eb) => eb.or([eb('end', 'is', null), eb('end', '>=', day)]))
    .orderBy('street_key')
    .orderBy('civic')
    .execute();
  return rows.map(recordOf);
}

/** Ids of applications with a `canone.*` mutation (filing, revocation) still in the outbox. */
export async function pendingApplicationIds(db: Db): Promise<Set<string>> {
  const rows = await db.selectFrom('outbox').select('args').where('name', 'like', 'canone.%').execute();
  return new Set(
    rows.flatMap((r) => {
      const id = (JSON.parse(r.args) as { applicationId?: unknown }).applicationId;
      return typeof id === 'string' ? [id] : [];
    }),
  );
}
