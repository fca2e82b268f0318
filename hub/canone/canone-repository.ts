import type { Kysely, Transaction } from 'kysely';
import {
  canoneApplicationRecordSchema,
  type CanoneApplicationRecord,
  type CanoneNotice,
  type CanoneNoticeStatus,
} from '../../shared/canone/canone-wire';
import type { HubDatabase } from '../db/database';
import { appendChange } from '../sync/change-log';
import type { CanoneApplicationRow, CanoneApplicationsTable, CanoneNoticeRow } from './canone-tables';

type Db = Kysely<HubDatabase> | Transaction<HubDatabase>;
type Trx = Transaction<HubDatabase>;

/** "Via Roma": the street as the registry writes it, type and name (the zones' and spots' key). */
export const streetOf = (site: { streetType: string; streetName: string }): string =>
  [site.streetType, site.streetName].filter((p) => p.trim() !== '').join(' ');

/** The searchable columns of a record, and the record itself without its notices. */
export function applicationRowOf(
  r: CanoneApplicationRecord,
  workstationId: string,
  updatedAt: string,
  advertising: boolean,
): CanoneApplicationsTable {
  return {
    id: r.id,
    comune: r.comune,
    case_id: r.caseId,
    procedure_code: r.procedureCode,
    status: r.status,
    regime: r.regime,
    category: r.category,
    street: streetOf(r.site),
    civic: r.site.civic,
    start_date: r.start,
    end_date: r.concession?.validTo ?? r.end,
    measure_hundredths: Math.round(r.measure * 100),
    advertising: advertising ? 1 : 0,
    concession_number: r.concession?.number ?? null,
    verification_key: r.concession?.verificationKey ?? null,
    record: JSON.stringify({ ...r, notices: [] }),
    workstation_id: workstationId,
    updated_at: updatedAt,
  };
}

/** A notice row as the record carries it; paid when its debt position was collected. */
export function noticeOf(
  n: Omit<CanoneNoticeRow, 'comune' | 'application_id' | 'issued_at'>,
  paid: boolean,
): CanoneNotice {
  const status: CanoneNoticeStatus = n.status === 'cancelled' ? 'cancelled' : paid ? 'paid' : 'open';
  return {
    noticeNumber: n.notice_number,
    iuv: n.iuv,
    year: Number(n.year),
    instalment: Number(n.instalment),
    of: Number(n.of_count),
    amountCents: Number(n.amount_cents),
    dueDate: n.due_date,
    status,
  };
}

/** The notices of these applications, by application, in year and instalment order. */
export async function noticesOf(
  db: Db,
  comune: string,
  ids: readonly string[],
): Promise<Map<string, CanoneNotice[]>> {
  const out = new Map<string, CanoneNotice[]>();
  if (ids.length === 0) return out;
  const rows = await db
    .selectFrom('canone_notices as n')
    .leftJoin('debt_positions as d', (j) =>
      j.onRef('d.comune', '=', 'n.comune').onRef('d.notice_number', '=', 'n.notice_number'),
    )
    .selectAll('n')
    .select('d.status as paid_status')
    // by the (application, year, instalment) index: ids are unique across comuni (primary key);
    // the comune is checked on the rows, so the planner is never tempted by the notice key
    .where('n.application_id', 'in', ids)
    .orderBy('n.application_id')
    .orderBy('n.year')
    .orderBy('n.instalment')
    .execute();
  for (const r of rows) {
    if (r.comune !== comune) continue;
    const list = out.get(r.application_id) ?? [];
    list.push(noticeOf(r, r.paid_status === 'paid'));
    out.set(r.application_id, list);
  }
  return out;
}

/** The wire record of a row and its notices, checked by the one schema desks read it with. */
export const recordOf = (
  row: Pick<CanoneApplicationRow, 'record'>,
  notices: CanoneNotice[],
): CanoneApplicationRecord =>
  canoneApplicationRecordSchema.parse({ ...(JSON.parse(row.record) as object), notices });

export async function findApplication(
  db: Db,
  comune: string,
  id: string,
): Promise<CanoneApplicationRecord | null> {
  const row = await db
    .selectFrom('canone_applications')
    .select('record')
    .where('comune', '=', comune)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) return null;
  return recordOf(row, (await noticesOf(db, comune, [id])).get(id) ?? []);
}

export async function findApplicationByCase(
  db: Db,
  comune: string,
  caseId: string,
): Promise<CanoneApplicationRecord | null> {
  const row = await db
    .selectFrom('canone_applications')
    .select(['id', 'record'])
    .where('comune', '=', comune)
    .where('case_id', '=', caseId)
    .executeTakeFirst();
  if (!row) return null;
  return recordOf(row, (await noticesOf(db, comune, [row.id])).get(row.id) ?? []);
}

/** Publishes the application's whole current state for every counter of its comune. */
export async function publishApplication(
  trx: Trx,
  record: CanoneApplicationRecord,
  at: string,
  mutationId?: string,
): Promise<void> {
  await appendChange(trx, {
    comune: record.comune,
    entity: 'canone_application',
    entityId: record.id,
    op: 'upsert',
    payload: canoneApplicationRecordSchema.parse(record),
    at,
    ...(mutationId ? { mutationId } : {}),
  });
}

export async function insertApplication(
  trx: Trx,
  record: CanoneApplicationRecord,
  opts: { workstationId: string; advertising: boolean; at: string; mutationId?: string },
): Promise<void> {
  const checked = canoneApplicationRecordSchema.parse(record);
  await trx
    .insertInto('canone_applications')
    .values(applicationRowOf(checked, opts.workstationId, opts.at, opts.advertising))
    .execute();
  await publishApplication(trx, checked, opts.at, opts.mutationId);
}

/** A changed application (status, concession): its row and its change, in the caller's transaction. */
export async function saveApplication(
  trx: Trx,
  record: CanoneApplicationRecord,
  at: string,
  mutationId?: string,
): Promise<void> {
  const checked = canoneApplicationRecordSchema.parse(record);
  await trx
    .updateTable('canone_applications')
    .set({
      status: checked.status,
      end_date: checked.concession?.validTo ?? checked.end,
      concession_number: checked.concession?.number ?? null,
      verification_key: checked.concession?.verificationKey ?? null,
      record: JSON.stringify({ ...checked, notices: [] }),
      updated_at: at,
    })
    .where('comune', '=', checked.comune)
    .where('id', '=', checked.id)
    .execute();
  await publishApplication(trx, checked, at, mutationId);
}
