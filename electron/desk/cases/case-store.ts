import type { Kysely, Transaction } from 'kysely';
import { deadlineColumns, isOpenStatus } from '../../../shared/cases/case-engine';
import { caseRecordSchema, procedureSchema, type CaseRecord } from '../../../shared/cases/case-record';
import type { ProcedureDefinition } from '../../../shared/cases/procedure-catalogue';
import { localDateOf } from '../../../shared/protocol/local-date-time';
import { formatProtocolNumber } from '../../../shared/protocol/protocol-number';
import type { Database } from '../db/database';
import type { CaseRow } from './case-tables';

type Db = Kysely<Database> | Transaction<Database>;

/** One key per catalogue version: the same definition is stored once for all its cases. */
export const procedureKey = (p: ProcedureDefinition): string => `${p.code}|${p.comune ?? '*'}|${p.validFrom}`;

/** The record without its procedure (kept in case_procedures), as stored in `cases.record`. */
function storedJson(record: CaseRecord): string {
  const { procedure: _procedure, ...state } = record.state;
  return JSON.stringify({ ...record, state });
}

/** The queue's columns of a record, computed as of `asOf` (a running suspension moves the due date). */
export function caseColumns(record: CaseRecord, asOf = localDateOf(record.state.lastEventAt)) {
  const s = record.state;
  const d = deadlineColumns(record, asOf);
  return {
    id: s.id,
    comune: s.comune,
    procedure_code: s.procedure.code,
    office: record.office,
    status: s.status,
    is_open: isOpenStatus(s.status) ? 1 : 0,
    subject: record.subject,
    applicant_id: s.applicantId,
    applicant_name: record.applicantName,
    assignee: s.assigneeId,
    created_at: s.createdAt,
    created_by: record.createdBy,
    protocol: s.protocol ? formatProtocolNumber(s.protocol.number) : null,
    received_on: s.receivedOn,
    due_date: d.dueDate,
    amber_from: d.amberFrom,
    term_days: d.termDays,
    deadline_asof: d.asOf,
    concluded_on: d.concludedOn,
    handling_days: d.handlingDays,
    last_event_at: s.lastEventAt,
    counter_seconds: record.counterSeconds,
    visits: record.visits,
    receipt_delivery: record.receiptDelivery,
    procedure_key: procedureKey(s.procedure),
    record: storedJson(record),
  };
}

/** The only writer of a case: row, columns, catalogue version and persons, together. */
export async function saveCaseRecord(
  trx: Transaction<Database>,
  record: CaseRecord,
  asOf?: string,
): Promise<void> {
  const row = caseColumns(record, asOf);
  await trx
    .insertInto('case_procedures')
    .values({ key: row.procedure_key, definition: JSON.stringify(record.state.procedure) })
    .onConflict((oc) => oc.column('key').doNothing())
    .execute();
  await trx
    .insertInto('cases')
    .values(row)
    .onConflict((oc) => oc.column('id').doUpdateSet(row))
    .execute();
  await trx.deleteFrom('case_persons').where('case_id', '=', row.id).execute();
  const persons = [...new Set(record.persons)];
  if (persons.length > 0) {
    await trx
      .insertInto('case_persons')
      .values(persons.map((person_key) => ({ case_id: row.id, person_key })))
      .execute();
  }
}

export async function deleteCaseRecord(trx: Transaction<Database>, id: string): Promise<void> {
  await trx.deleteFrom('case_persons').where('case_id', '=', id).execute();
  await trx.deleteFrom('cases').where('id', '=', id).execute();
}

const procedureCache = new Map<string, ProcedureDefinition>();

async function procedureOf(db: Db, key: string): Promise<ProcedureDefinition | null> {
  const cached = procedureCache.get(key);
  if (cached) return cached;
  const row = await db
    .selectFrom('case_procedures')
    .select('definition')
    .where('key', '=', key)
    .executeTakeFirst();
  if (!row) return null;
  const parsed = procedureSchema.parse(JSON.parse(row.definition));
  procedureCache.set(key, parsed);
  return parsed;
}

/** A stored row back to its record (validated: a damaged row is an error, not a guess). */
export async function recordOfRow(
  db: Db,
  row: Pick<CaseRow, 'record' | 'procedure_key'>,
): Promise<CaseRecord> {
  const procedure = await procedureOf(db, row.procedure_key);
  if (!procedure) throw new Error(`case procedure ${row.procedure_key} missing`);
  const stored = JSON.parse(row.record) as { state: Record<string, unknown> };
  return caseRecordSchema.parse({ ...stored, state: { ...stored.state, procedure } });
}

export async function loadCaseRecord(db: Db, id: string): Promise<CaseRecord | null> {
  const row = await db
    .selectFrom('cases')
    .select(['record', 'procedure_key'])
    .where('id', '=', id)
    .executeTakeFirst();
  return row ? recordOfRow(db, row) : null;
}
