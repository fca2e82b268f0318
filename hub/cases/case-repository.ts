import type { Kysely, Transaction } from 'kysely';
import { caseRecordSchema, type CaseRecord } from '../../shared/cases/case-record';
import { RESIDENCE_PROCEDURE } from '../../shared/cases/residence-case';
import { OPEN_STATUSES, type CaseStatus } from '../../shared/cases/case-model';
import { localDateOf } from '../../shared/protocol/local-date-time';
import type { HubDatabase } from '../db/database';
import { appendChange } from '../sync/change-log';
import { caseOfficeOf } from '../sync/office-scope';

type Db = Kysely<HubDatabase> | Transaction<HubDatabase>;

/** Silence may still become consent while the case waits in one of these states (art. 20). */
const SILENCE_STATES: readonly CaseStatus[] = [
  'registered',
  'taken_in_charge',
  'proposed_outcome',
  'suspended',
];

export async function loadCase(db: Db, comune: string, id: string): Promise<CaseRecord | null> {
  const row = await db
    .selectFrom('cases')
    .select('record')
    .where('comune', '=', comune)
    .where('id', '=', id)
    .executeTakeFirst();
  return row ? caseRecordSchema.parse(JSON.parse(row.record)) : null;
}

/** Stores the case and who it is about, in the caller's transaction. */
export async function saveCase(trx: Transaction<HubDatabase>, record: CaseRecord, at: string): Promise<void> {
  const s = record.state;
  const row = {
    id: s.id,
    comune: s.comune,
    procedure_code: s.procedure.code,
    status: s.status,
    silence_watch: s.procedure.silenceMeansConsent && SILENCE_STATES.includes(s.status) ? 1 : 0,
    opened_on: localDateOf(s.createdAt),
    counter_seconds: record.counterSeconds,
    visits: record.visits,
    receipt_delivery: record.receiptDelivery,
    record: JSON.stringify(record),
    updated_at: at,
  };
  await trx
    .insertInto('cases')
    .values(row)
    .onConflict((oc) => oc.column('id').doUpdateSet(row))
    .execute();
  await trx.deleteFrom('case_persons').where('case_id', '=', s.id).execute();
  const persons = [...new Set(record.persons)];
  if (persons.length > 0) {
    await trx
      .insertInto('case_persons')
      .values(persons.map((person_key) => ({ comune: s.comune, case_id: s.id, person_key })))
      .execute();
  }
}

/**
 * The counters of the comune get the case's whole new state through the change log: all of them,
 * or only the office's when the procedure belongs to an office that scopes its records (social).
 */
export async function publishCase(
  trx: Transaction<HubDatabase>,
  record: CaseRecord,
  at: string,
  mutationId?: string,
): Promise<void> {
  await appendChange(trx, {
    comune: record.state.comune,
    entity: 'case',
    entityId: record.state.id,
    op: 'upsert',
    payload: record,
    at,
    office: caseOfficeOf(record.state.procedure.code),
    ...(mutationId ? { mutationId } : {}),
  });
}

/** Which of `keys` (resident ids, codici fiscali) are already in an open residence case. */
export async function personsInOpenResidenceCases(
  db: Db,
  comune: string,
  keys: readonly string[],
  exceptCaseId: string | null = null,
): Promise<Set<string>> {
  if (keys.length === 0) return new Set();
  let q = db
    .selectFrom('case_persons')
    .innerJoin('cases', 'cases.id', 'case_persons.case_id')
    .select('case_persons.person_key')
    .where('case_persons.comune', '=', comune)
    .where('case_persons.person_key', 'in', [...keys])
    .where('cases.procedure_code', '=', RESIDENCE_PROCEDURE)
    .where('cases.status', 'in', [...OPEN_STATUSES]);
  if (exceptCaseId) q = q.where('cases.id', '!=', exceptCaseId);
  const rows = await q.execute();
  return new Set(rows.map((r) => r.person_key));
}
