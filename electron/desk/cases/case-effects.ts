import type { Transaction } from 'kysely';
import {
  addAttachment,
  addNote,
  applyCaseEvent,
  assignCaseRecord,
  hasEntry,
  newCaseRecord,
  recordPoliceCheck,
  recordVisit,
  type CaseActor,
  type StaffRole,
} from '../../../shared/cases/case-engine';
import type { CASE_MUTATIONS } from '../../../shared/cases/case-mutations';
import type { CaseRecord } from '../../../shared/cases/case-record';
import { newResidenceData, residencePersons } from '../../../shared/cases/residence-case';
import { procedureOn } from '../../../shared/cases/procedure-catalogue';
import { AppError } from '../../../shared/errors/app-error';
import { localDateOf } from '../../../shared/protocol/local-date-time';
import type { Database } from '../db/database';
import type { Effect } from '../sync/effect';
import { loadCaseRecord, saveCaseRecord } from './case-store';

/**
 * The role a clerk had when the hub last described them (the offline verifier cache): effects
 * have no session, and the rules depend on the role. Unknown = clerk, the least power.
 */
async function actorFor(trx: Transaction<Database>, username: string): Promise<CaseActor> {
  const row = await trx
    .selectFrom('clerk_verifiers')
    .select('user')
    .where('username', '=', username)
    .executeTakeFirst();
  const role = row ? (JSON.parse(row.user) as { role?: string }).role : undefined;
  const known: StaffRole[] = ['clerk', 'supervisor', 'admin'];
  return { username, role: known.includes(role as StaffRole) ? (role as StaffRole) : 'clerk' };
}

/**
 * Applies a change to one local case, or nothing: a step the rules refuse here (the case moved
 * on at the hub meanwhile) is left for the hub to refuse with its reason; a step already in the
 * timeline (the rebase after a pull) is not applied twice.
 */
async function onCase(
  trx: Transaction<Database>,
  caseId: string,
  entryId: string,
  change: (record: CaseRecord) => CaseRecord,
): Promise<void> {
  const record = await loadCaseRecord(trx, caseId);
  if (!record || hasEntry(record, entryId)) return;
  let next: CaseRecord;
  try {
    next = change(record);
  } catch (err) {
    if (err instanceof AppError) return;
    throw err;
  }
  if (next !== record) await saveCaseRecord(trx, next);
}

async function comuneOf(trx: Transaction<Database>): Promise<string | null> {
  const row = await trx
    .selectFrom('meta')
    .select('value')
    .where('key', '=', 'comune.belfiore')
    .executeTakeFirst();
  return row?.value ?? null;
}

/** Optimistic local effects of the case engine's mutations, declared in service.ts. */
export const CASE_LOCAL_EFFECTS: { [N in keyof typeof CASE_MUTATIONS]: Effect<N> } = {
  'cases.open': async (trx, args, meta) => {
    const exists = await trx
      .selectFrom('cases')
      .select('id')
      .where('id', '=', args.caseId)
      .executeTakeFirst();
    if (exists) return;
    const comune = args.residence?.comune ?? (await comuneOf(trx));
    if (!comune) return;
    const procedure = procedureOn(args.procedureCode, comune, localDateOf(args.at));
    if (!procedure.ok) return;
    try {
      const record = newCaseRecord(
        {
          caseId: args.caseId,
          eventId: args.eventId,
          at: args.at,
          comune,
          procedure: procedure.value,
          applicantId: args.applicantId,
          applicantName: args.applicantName,
          subject: args.subject,
          counterSeconds: args.counterSeconds,
          receiptDelivery: args.receiptDelivery,
          documents: args.documents,
          residence: args.residence ? newResidenceData(args.residence) : null,
          persons: args.residence
            ? residencePersons(args.residence)
            : [args.applicantId ?? ''].filter((p) => p !== ''),
        },
        await actorFor(trx, meta.clerk),
      );
      await saveCaseRecord(trx, record);
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
    }
  },
  'cases.transition': async (trx, args, meta) => {
    const actor = await actorFor(trx, meta.clerk);
    await onCase(trx, args.caseId, args.eventId, (r) =>
      applyCaseEvent(r, args.event, actor, args.at, args.eventId),
    );
  },
  'cases.assign': async (trx, args, meta) => {
    const actor = await actorFor(trx, meta.clerk);
    for (const caseId of args.caseIds) {
      const entryId = `${args.eventId}:${caseId}`;
      await onCase(trx, caseId, entryId, (r) =>
        assignCaseRecord(r, args.assignee, actor, args.at, entryId, args.reason),
      );
    }
  },
  'cases.note': async (trx, args, meta) => {
    await onCase(trx, args.caseId, `${args.noteId}.note`, (r) =>
      addNote(
        r,
        { id: args.noteId, kind: args.kind, text: args.text, author: meta.clerk, at: args.at },
        {
          username: meta.clerk,
          role: 'clerk',
        },
      ),
    );
  },
  'cases.attach': async (trx, args, meta) => {
    await onCase(trx, args.caseId, `${args.attachmentId}.attachment`, (r) =>
      addAttachment(
        r,
        {
          id: args.attachmentId,
          sha256: args.sha256,
          fileName: args.fileName,
          mediaType: args.mediaType,
          size: args.size,
          addedBy: meta.clerk,
          at: args.at,
        },
        { username: meta.clerk, role: 'clerk' },
      ),
    );
  },
  'cases.policeCheck': async (trx, args, meta) => {
    const actor = await actorFor(trx, meta.clerk);
    await onCase(trx, args.caseId, args.eventId, (r) =>
      recordPoliceCheck(
        r,
        { outcome: args.outcome, checkedOn: args.checkedOn, notes: args.notes, at: args.at },
        actor,
        args.eventId,
      ),
    );
  },
  'cases.visit': async (trx, args, meta) => {
    const actor = await actorFor(trx, meta.clerk);
    await onCase(trx, args.caseId, args.eventId, (r) =>
      recordVisit(r, actor, args.at, args.eventId, args.purpose),
    );
  },
};
