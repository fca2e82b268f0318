import type { Kysely, Transaction } from 'kysely';
import { romeDateTimeOf } from '../../shared/calendar/rome-date';
import type { IseeStatement } from '../../shared/isee/statement';
import type { IseeHistoryEntry } from '../../shared/school/billing';
import {
  schoolAccountId,
  schoolAccountRecordSchema,
  schoolEnrolmentRecordSchema,
  type SchoolAccountRecord,
  type SchoolBillLine,
  type SchoolEnrolmentRecord,
  type SchoolMonthBill,
} from '../../shared/school/school-wire';
import type { HubDatabase } from '../db/database';
import { appendChange } from '../sync/change-log';
import type { SchoolEnrolmentsTable } from './school-tables';

type Db = Kysely<HubDatabase> | Transaction<HubDatabase>;
type Trx = Transaction<HubDatabase>;

export function enrolmentRowOf(
  r: SchoolEnrolmentRecord,
  household: string,
  workstationId: string,
  at: string,
): SchoolEnrolmentsTable {
  return {
    id: r.id,
    comune: r.comune,
    school_year: r.schoolYear,
    service: r.service,
    child_cf: r.child.codiceFiscale,
    birth_date: r.child.birthDate,
    payer_cf: r.payer.codiceFiscale,
    household,
    school_code: r.school.code,
    resident: r.child.resident ? 1 : 0,
    start_month: r.startMonth,
    end_month: r.endMonth,
    status: r.status,
    record: JSON.stringify(r),
    workstation_id: workstationId,
    updated_at: at,
  };
}

export const enrolmentOf = (row: { record: string }): SchoolEnrolmentRecord =>
  schoolEnrolmentRecordSchema.parse(JSON.parse(row.record));

/** A stored record without the schema check (it was checked when stored): the billing run's bulk read. */
export const storedEnrolmentOf = (row: { record: string }): SchoolEnrolmentRecord =>
  JSON.parse(row.record) as SchoolEnrolmentRecord;

export async function findEnrolment(
  db: Db,
  comune: string,
  id: string,
): Promise<SchoolEnrolmentRecord | null> {
  const row = await db
    .selectFrom('school_enrolments')
    .select('record')
    .where('comune', '=', comune)
    .where('id', '=', id)
    .executeTakeFirst();
  return row ? enrolmentOf(row) : null;
}

export async function publishEnrolment(
  trx: Trx,
  record: SchoolEnrolmentRecord,
  at: string,
  mutationId?: string,
): Promise<void> {
  await appendChange(trx, {
    comune: record.comune,
    entity: 'school_enrolment',
    entityId: record.id,
    op: 'upsert',
    payload: schoolEnrolmentRecordSchema.parse(record),
    at,
    ...(mutationId ? { mutationId } : {}),
  });
}

/** A changed enrolment (status, rank, band): its row and its change, in the caller's transaction. */
export async function saveEnrolment(
  trx: Trx,
  record: SchoolEnrolmentRecord,
  at: string,
  mutationId?: string,
) {
  const checked = schoolEnrolmentRecordSchema.parse(record);
  await trx
    .updateTable('school_enrolments')
    .set({
      status: checked.status,
      end_month: checked.endMonth,
      resident: checked.child.resident ? 1 : 0,
      record: JSON.stringify(checked),
      updated_at: at,
    })
    .where('comune', '=', checked.comune)
    .where('id', '=', checked.id)
    .execute();
  await publishEnrolment(trx, checked, at, mutationId);
}

/** A payer's ISEE history, oldest first. */
export async function iseeHistoryOf(db: Db, comune: string, payerCf: string): Promise<IseeHistoryEntry[]> {
  const rows = await db
    .selectFrom('school_isee')
    .select(['from_month', 'statement', 'recorded_at'])
    .where('comune', '=', comune)
    .where('payer_cf', '=', payerCf)
    .orderBy('from_month')
    .execute();
  return rows.map((r) => ({ fromMonth: r.from_month, statement: JSON.parse(r.statement) as IseeStatement }));
}

/** Records a statement from a month on; a second one for the same month replaces it. */
export async function recordIsee(
  trx: Trx,
  comune: string,
  payerCf: string,
  fromMonth: string,
  statement: IseeStatement,
  at: string,
): Promise<void> {
  await trx
    .deleteFrom('school_isee')
    .where('comune', '=', comune)
    .where('payer_cf', '=', payerCf)
    .where('from_month', '=', fromMonth)
    .execute();
  await trx
    .insertInto('school_isee')
    .values({
      comune,
      payer_cf: payerCf,
      from_month: fromMonth,
      statement: JSON.stringify(statement),
      recorded_at: at,
    })
    .execute();
}

/**
 * A payer's account as the hub has it now: the months billed with their notices (paid when the
 * cash desk collected the debt position), what was paid and what is owed, the ISEE history.
 */
export async function accountOf(
  db: Db,
  comune: string,
  payerCf: string,
): Promise<SchoolAccountRecord | null> {
  const enrolment = await db
    .selectFrom('school_enrolments')
    .select('record')
    .where('comune', '=', comune)
    .where('payer_cf', '=', payerCf)
    .orderBy('updated_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!enrolment) return null;
  const payer = enrolmentOf(enrolment).payer;
  const bills = await db
    .selectFrom('school_bills as b')
    .leftJoin('debt_positions as d', (j) =>
      j.onRef('d.comune', '=', 'b.comune').onRef('d.notice_number', '=', 'b.notice_number'),
    )
    .select([
      'b.month',
      'b.notice_number',
      'b.amount_cents',
      'b.carried_cents',
      'b.due_date',
      'b.lines',
      'b.billed_at',
      'd.status as paid_status',
    ])
    .where('b.comune', '=', comune)
    .where('b.payer_cf', '=', payerCf)
    .orderBy('b.month')
    .execute();
  return accountRecordOf(
    comune,
    payer,
    bills.map((b) => billOf(b, b.paid_status === 'paid')),
    await iseeHistoryOf(db, comune, payerCf),
    (
      await db
        .selectFrom('school_isee')
        .select(['from_month', 'recorded_at'])
        .where('comune', '=', comune)
        .where('payer_cf', '=', payerCf)
        .execute()
    ).reduce((m, r) => m.set(r.from_month, r.recorded_at), new Map<string, string>()),
  );
}

export function billOf(
  b: {
    month: string;
    notice_number: string | null;
    amount_cents: number | string | bigint;
    carried_cents: number | string | bigint;
    due_date: string | null;
    lines: string;
    billed_at: string;
  },
  paid: boolean,
): SchoolMonthBill {
  return {
    month: b.month,
    noticeNumber: b.notice_number,
    amountCents: Number(b.amount_cents),
    carriedCents: Number(b.carried_cents),
    dueDate: b.due_date,
    status: b.notice_number === null ? 'none' : paid ? 'paid' : 'open',
    lines: JSON.parse(b.lines) as SchoolBillLine[],
    billedAt: b.billed_at,
  };
}

export function accountRecordOf(
  comune: string,
  payer: SchoolAccountRecord['payer'],
  months: SchoolMonthBill[],
  history: readonly IseeHistoryEntry[],
  recordedAt: ReadonlyMap<string, string>,
): SchoolAccountRecord {
  const paid = months.filter((m) => m.status === 'paid').reduce((s, m) => s + m.amountCents, 0);
  const owed = months.filter((m) => m.status === 'open').reduce((s, m) => s + m.amountCents, 0);
  return {
    id: schoolAccountId(comune, payer.codiceFiscale),
    comune,
    payer,
    months: months.slice(-120),
    paidCents: paid,
    owedCents: owed,
    iseeHistory: history.slice(-60).map((h) => ({
      fromMonth: h.fromMonth,
      statement: h.statement,
      recordedAt: localOf(recordedAt.get(h.fromMonth) ?? null),
    })),
  };
}

/** A stored instant as the wall-clock time in Rome, as the records carry it. */
export const localOf = (instant: string | null): string =>
  instant === null ? '2000-01-01T00:00:00' : romeDateTimeOf(new Date(instant));

export async function publishAccount(trx: Trx, record: SchoolAccountRecord, at: string, mutationId?: string) {
  await appendChange(trx, {
    comune: record.comune,
    entity: 'school_account',
    entityId: record.id,
    op: 'upsert',
    payload: schoolAccountRecordSchema.parse(record),
    at,
    ...(mutationId ? { mutationId } : {}),
  });
}

/** Recomputes and publishes a payer's account (after an ISEE change, a billing run). */
export async function republishAccount(
  trx: Trx,
  comune: string,
  payerCf: string,
  at: string,
  mutationId?: string,
) {
  const account = await accountOf(trx, comune, payerCf);
  if (account) await publishAccount(trx, account, at, mutationId);
}
