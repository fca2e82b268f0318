import type { Migration, Transaction } from 'kysely';
import { streetKey } from '../../../shared/registry/search-query';
import { casesService } from '../../../shared/cases/service';
import { defineDeskService } from '../services/desk-service';
import { createCaseHandlers } from './case-handlers';
import { CASE_LOCAL_EFFECTS } from './case-effects';
import { caseRecordSchema } from '../../../shared/cases/case-record';
import type { Change } from '../../../shared/sync/mutations';
import type { DeskContext } from '../context';
import type { Database } from '../db/database';
import { uploadPendingFiles } from './case-files';
import * as m1600 from './migrations/2026_11_26_1600_cases';
import { deleteCaseRecord, saveCaseRecord } from './case-store';
import type { CaseFilesTable, CasePersonsTable, CaseProceduresTable, CasesTable } from './case-tables';

/** Desk-side tables of the case engine, merged into the desk Database type. */
export interface CaseDeskTables {
  cases: CasesTable;
  case_procedures: CaseProceduresTable;
  case_persons: CasePersonsTable;
  case_files: CaseFilesTable;
}

declare module '../db/database' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface Database extends CaseDeskTables {}
}

/** Desk migrations of the case engine (append only), merged after the core ones. */
export const CASE_DESK_MIGRATIONS: Record<string, Migration> = {
  '2026_11_26_1600_cases': m1600,
};

/**
 * A case as the hub has it now. A registration may carry registry facts the resident changes
 * after it depend on: the new household (residents point at it, so it goes in first) and the
 * registry events (kept when their person is already in the mirror; an immutable history, so
 * applying them again changes nothing).
 */
async function applyCaseChange(trx: Transaction<Database>, change: Change): Promise<void> {
  if (change.op === 'delete') {
    await deleteCaseRecord(trx, change.entityId);
    return;
  }
  const record = caseRecordSchema.parse(change.payload);
  const family = record.registry?.family ?? null;
  if (family) {
    const row = {
      id: family.id,
      street_type: family.streetType,
      street_name: family.streetName,
      house_number: family.houseNumber,
      interior: family.interior,
      cap: family.cap,
      frazione: family.frazione,
      since: family.since,
      street_norm: streetKey(family.streetType, family.streetName),
    };
    await trx
      .insertInto('families')
      .values(row)
      .onConflict((oc) => oc.column('id').doUpdateSet(row))
      .execute();
  }
  for (const e of record.registry?.events ?? []) {
    const known = await trx
      .selectFrom('residents')
      .select('id')
      .where('id', '=', e.residentId)
      .executeTakeFirst();
    if (!known) continue;
    await trx
      .insertInto('resident_events')
      .values({ id: e.id, resident_id: e.residentId, kind: e.kind, date: e.date, description: e.description })
      .onConflict((oc) => oc.column('id').doNothing())
      .execute();
  }
  await saveCaseRecord(trx, record);
}

/** How the desk applies pulled changes of the case engine's entities. */
export const CASE_CHANGE_HANDLERS: Partial<
  Record<Change['entity'], (trx: Transaction<Database>, change: Change) => Promise<void>>
> = {
  case: applyCaseChange,
};

/**
 * Runs before each push round: attachment contents go up before the `cases.attach` mutations
 * that reference them, so the hub can check the file it is told about. Quick when none wait.
 */
export const CASE_BEFORE_PUSH = async (ctx: DeskContext): Promise<void> => {
  await uploadPendingFiles(ctx);
};

/** The case engine at the counter: intake, the queue, the protocol register, the burden meter. */
export const casesDesk = defineDeskService({
  shared: casesService,
  handlers: createCaseHandlers,
  effects: CASE_LOCAL_EFFECTS,
  changes: CASE_CHANGE_HANDLERS,
  migrations: CASE_DESK_MIGRATIONS,
  personalTables: ['case_files', 'case_persons', 'cases', 'case_procedures'],
  beforePush: CASE_BEFORE_PUSH,
});
