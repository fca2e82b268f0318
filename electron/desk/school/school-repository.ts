import type { Kysely, Transaction } from 'kysely';
import {
  schoolAccountRecordSchema,
  schoolEnrolmentRecordSchema,
  type SchoolAccountRecord,
  type SchoolEnrolmentRecord,
} from '../../../shared/school/school-wire';
import type { Database } from '../db/database';
import type { SchoolEnrolmentRow } from './school-tables';
import './school-tables';

type Db = Kysely<Database> | Transaction<Database>;

/**
 * Stores an enrolment. The hub's record (confirmed) always wins; our optimistic one never
 * replaces a record the hub has sent, so replaying the effect after a pull changes nothing.
 */
export async function saveEnrolment(
  db: Db,
  r: SchoolEnrolmentRecord,
  opts: { confirmed: boolean },
): Promise<void> {
  const row = {
    id: r.id,
    comune: r.comune,
    school_year: r.schoolYear,
    service: r.service,
    child_cf: r.child.codiceFiscale,
    child_resident_id: r.child.residentId,
    payer_cf: r.payer.codiceFiscale,
    school_code: r.school.code,
    class_name: r.school.className,
    status: r.status,
    start_month: r.startMonth,
    end_month: r.endMonth,
    enrolled_at: r.enrolledAt,
    record: JSON.stringify(r),
    confirmed: opts.confirmed ? 1 : 0,
  };
  await db
    .insertInto('school_enrolments')
    .values(row)
    .onConflict((oc) => (opts.confirmed ? oc.column('id').doUpdateSet(row) : oc.column('id').doNothing()))
    .execute();
}

export async function saveAccount(db: Db, r: SchoolAccountRecord): Promise<void> {
  const row = {
    id: r.id,
    payer_cf: r.payer.codiceFiscale,
    payer_name: r.payer.name,
    owed_cents: r.owedCents,
    record: JSON.stringify(r),
  };
  await db
    .insertInto('school_accounts')
    .values(row)
    .onConflict((oc) => oc.column('id').doUpdateSet(row))
    .execute();
}

const recordOf = (row: SchoolEnrolmentRow): SchoolEnrolmentRecord =>
  schoolEnrolmentRecordSchema.parse(JSON.parse(row.record));

export async function findEnrolment(db: Db, id: string): Promise<SchoolEnrolmentRecord | null> {
  const row = await db.selectFrom('school_enrolments').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? recordOf(row) : null;
}

export async function listEnrolments(
  db: Db,
  filter: {
    childCf?: string;
    childResidentId?: string;
    payerCf?: string;
    payerCfs?: readonly string[];
    schoolCode?: string;
    className?: string;
    schoolYear?: string;
    service?: string;
    limit: number;
  },
): Promise<SchoolEnrolmentRecord[]> {
  let q = db.selectFrom('school_enrolments').selectAll();
  if (filter.childCf) q = q.where('child_cf', '=', filter.childCf);
  if (filter.childResidentId) q = q.where('child_resident_id', '=', filter.childResidentId);
  if (filter.payerCf) q = q.where('payer_cf', '=', filter.payerCf);
  if (filter.payerCfs) q = q.where('payer_cf', 'in', filter.payerCfs.length ? [...filter.payerCfs] : ['']);
  if (filter.schoolCode) q = q.where('school_code', '=', filter.schoolCode);
  if (filter.className) q = q.where('class_name', '=', filter.className);
  if (filter.schoolYear) q = q.where('school_year', '=', filter.schoolYear);
  if (filter.service) q = q.where('service', '=', filter.service);
  const rows = await q
    .orderBy('school_code')
    .orderBy('class_name')
    .orderBy('enrolled_at')
    .limit(filter.limit)
    .execute();
  return rows.map(recordOf);
}

/** The enrolments of children of these registry ids (the household's), any payer. */
export async function enrolmentsOfChildren(
  db: Db,
  residentIds: readonly string[],
  schoolYear: string,
): Promise<SchoolEnrolmentRecord[]> {
  if (residentIds.length === 0) return [];
  const rows = await db
    .selectFrom('school_enrolments')
    .selectAll()
    .where('child_resident_id', 'in', [...residentIds])
    .where('school_year', '=', schoolYear)
    .execute();
  return rows.map(recordOf);
}

export async function findAccount(db: Db, payerCf: string): Promise<SchoolAccountRecord | null> {
  const row = await db
    .selectFrom('school_accounts')
    .select('record')
    .where('payer_cf', '=', payerCf)
    .executeTakeFirst();
  return row ? schoolAccountRecordSchema.parse(JSON.parse(row.record)) : null;
}

/**
 * Ids of enrolments still in the outbox, not yet at the hub. An absence or a withdrawal queued
 * for an enrolment the hub holds leaves it confirmed.
 */
export async function pendingEnrolmentIds(db: Db): Promise<Set<string>> {
  const rows = await db.selectFrom('outbox').select('args').where('name', '=', 'school.enrol').execute();
  return new Set(
    rows.flatMap((r) => {
      const id = (JSON.parse(r.args) as { enrolmentId?: unknown }).enrolmentId;
      return typeof id === 'string' ? [id] : [];
    }),
  );
}
