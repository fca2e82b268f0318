import type { Transaction } from 'kysely';
import { romeDateOf, romeDateTimeOf } from '../../shared/calendar/rome-date';
import { maxIsoDate } from '../../shared/calendar/iso-date';
import {
  addAttachment,
  addNote,
  applyCaseEvent,
  assignCaseRecord,
  clampAt,
  hasEntry,
  newCaseRecord,
  recordPoliceCheck,
  recordVisit,
  refused,
  registerCaseRecord,
  type CaseActor,
} from '../../shared/cases/case-engine';
import type { CASE_MUTATIONS } from '../../shared/cases/case-mutations';
import type { CaseRecord } from '../../shared/cases/case-record';
import type { ResidenceIntake } from '../../shared/cases/change-of-residence';
import { procedureOn } from '../../shared/cases/procedure-catalogue';
import {
  checkResidenceIntake,
  newResidenceData,
  residencePersons,
  RESIDENCE_PROCEDURE,
} from '../../shared/cases/residence-case';
import { AppError } from '../../shared/errors/app-error';
import { localDateOf, type LocalDateTime } from '../../shared/protocol/local-date-time';
import type { Change, MutationArgs } from '../../shared/sync/mutations';
import type { HubDatabase } from '../db/database';
import type { WorkstationRow } from '../db/tables/workstations.table';
import { registerProtocol } from '../protocol/protocol-repository';
import { toWireResident } from '../registry/registry-repository';
import type { ApplyContext, Applier } from '../sync/apply-context';
import { appendChange, appendChanges, headSeq } from '../sync/change-log';
import { caseOfficeOf, workstationOffices } from '../sync/office-scope';
import { loadCase, personsInOpenResidenceCases, publishCase, saveCase } from './case-repository';
import {
  currentResident,
  hubStreetList,
  applyResidenceRegistration,
  restoreResidence,
} from './residence-registry';
import { serviceCaseDecisions } from '../services/merge';
import type { HubResidentRow } from '../db/tables/registry.table';

type Trx = Transaction<HubDatabase>;

const actorOf = (ctx: ApplyContext): CaseActor => ({ username: ctx.clerk.username, role: ctx.clerk.role });

/** The hub's wall clock in Italy: protocol registrations are stamped here, never at a counter. */
const hubNow = (ctx: ApplyContext): LocalDateTime => romeDateTimeOf(new Date(ctx.at));

async function requireCase(ctx: ApplyContext, id: string): Promise<CaseRecord> {
  const record = await loadCase(ctx.trx, ctx.ws.comune, id);
  if (!record) throw new AppError('case_not_found', { id });
  return record;
}

async function publishResidents(
  ctx: ApplyContext,
  rows: readonly HubResidentRow[],
  deleted: readonly string[] = [],
) {
  for (const row of rows) {
    await appendChange(ctx.trx, {
      comune: ctx.ws.comune,
      entity: 'resident',
      entityId: row.id,
      op: 'upsert',
      payload: toWireResident(row),
      at: ctx.at,
      mutationId: ctx.mutationId,
    });
  }
  for (const id of deleted) {
    await appendChange(ctx.trx, {
      comune: ctx.ws.comune,
      entity: 'resident',
      entityId: id,
      op: 'delete',
      payload: null,
      at: ctx.at,
      mutationId: ctx.mutationId,
    });
  }
}

/** A workstation of the comune not serving `office` (the hub's own demo author has no mirror). */
async function outsideOffice(ctx: ApplyContext, office: string): Promise<boolean> {
  const known = await ctx.trx
    .selectFrom('workstations')
    .select('id')
    .where('id', '=', ctx.ws.id)
    .executeTakeFirst();
  return known !== undefined && !(await workstationOffices(ctx.trx, ctx.ws.id)).includes(office);
}

async function store(ctx: ApplyContext, record: CaseRecord): Promise<void> {
  await saveCase(ctx.trx, record, ctx.at);
  await publishCase(ctx.trx, record, ctx.at, ctx.mutationId);
  // A counter outside the office may take an application in (the front desk files it for the
  // office), but does not keep it: the case leaves its mirror at its next pull, as it would if
  // the counter had left the office.
  const office = caseOfficeOf(record.state.procedure.code);
  if (office !== null && (await outsideOffice(ctx, office)))
    await appendChanges(ctx.trx, [
      {
        comune: ctx.ws.comune,
        entity: 'case',
        entity_id: record.state.id,
        op: 'delete',
        payload: 'null',
        at: ctx.at,
        mutation_id: ctx.mutationId,
        for_workstation: ctx.ws.id,
      },
    ]);
}

/**
 * The hub's own check of a declaration: registry movers as the registry of record has them
 * (never as a counter copied them), new movers not already registered, the street list and the
 * open cases of the whole comune. Same rules as the counter, on the authoritative data.
 */
async function checkedIntake(
  ctx: ApplyContext,
  intake: MutationArgs<'cases.open'>['residence'] & object,
  caseId: string,
  today: string,
): Promise<ResidenceIntake & typeof intake> {
  const comune = ctx.ws.comune;
  if (intake.comune !== comune) {
    throw new AppError('case_intake_invalid', {
      reasons: 'wrong_street_list',
      fields: 'comune',
      detail_it: `la dichiarazione è per il comune ${intake.comune}.`,
      detail_en: `the declaration is for comune ${intake.comune}.`,
    });
  }
  const movers = [];
  for (const m of intake.movers) {
    if (m.source === 'registry') {
      const row = await currentResident(ctx.trx, comune, m.residentId);
      if (!row || row.status !== 'resident') {
        throw new AppError('case_mover_not_resident', { name: `${m.surname} ${m.givenNames}`.trim() });
      }
      movers.push({
        ...m,
        surname: row.surname,
        givenNames: row.given_names,
        birthDate: row.birth_date,
        codiceFiscale: row.codice_fiscale,
        citizenship: row.citizenship,
      });
    } else {
      movers.push(m);
    }
  }
  const checked = { ...intake, movers };
  const keys = residencePersons(checked);
  checkResidenceIntake(checked, {
    today,
    personsInOpenCases: await personsInOpenResidenceCases(ctx.trx, comune, keys, caseId),
    streets: await hubStreetList(ctx.trx, comune),
  });
  return checked;
}

const openCase: Applier<'cases.open'> = async (ctx, args) => {
  const comune = ctx.ws.comune;
  const actor = actorOf(ctx);
  if (await loadCase(ctx.trx, comune, args.caseId)) {
    throw new AppError('invalid_input', { detail: `caseId ${args.caseId}` });
  }
  const openedOn = localDateOf(args.at);
  const procedure = procedureOn(args.procedureCode, comune, openedOn);
  if (!procedure.ok) throw refused(procedure.error);
  const isResidence = procedure.value.code === RESIDENCE_PROCEDURE;
  if (isResidence !== (args.residence !== null)) {
    throw new AppError('invalid_input', { detail: 'residence' });
  }
  if (args.applicantId !== null) {
    const applicant = await currentResident(ctx.trx, comune, args.applicantId);
    if (!applicant) throw new AppError('resident_not_found');
  }
  // "Today" is the later of the hub's day and the counter's: a counter a few seconds ahead must
  // not see its own declaration refused as "in the future".
  const today = maxIsoDate(romeDateOf(new Date(ctx.at)), openedOn);
  const intake = args.residence ? await checkedIntake(ctx, args.residence, args.caseId, today) : null;
  let record = newCaseRecord(
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
      residence: intake ? newResidenceData(intake) : null,
      persons: intake ? residencePersons(intake) : [args.applicantId ?? ''].filter((p) => p !== ''),
    },
    actor,
  );
  // The protocol registration: only here, at sync; its date is the legal start unless the
  // application was received earlier at the counter (DOMAIN.md §9.2: the term starts at receipt).
  const registeredAt = clampAt(hubNow(ctx), record.state.lastEventAt);
  const number = await registerProtocol(ctx.trx, {
    comune,
    registeredAt,
    direction: 'incoming',
    correspondents: [args.applicantName],
    subject: args.subject,
    caseId: args.caseId,
    registeredBy: ctx.clerk.username,
  });
  record = registerCaseRecord(record, number, registeredAt, openedOn);
  if (!intake) return store(ctx, record);
  // The registry of record changes at registration; every counter learns the new household
  // before the residents that point at it, and the case again after them (their events).
  const registered = await applyResidenceRegistration(ctx.trx, record, {
    at: ctx.at,
    cause: { workstation: ctx.ws, mutationId: ctx.mutationId, clerk: ctx.clerk.username },
  });
  await store(ctx, registered.record);
  await publishResidents(ctx, registered.residents);
  if (registered.residents.length > 0) await publishCase(ctx.trx, registered.record, ctx.at, ctx.mutationId);
};

const transitionCase: Applier<'cases.transition'> = async (ctx, args) => {
  const record = await requireCase(ctx, args.caseId);
  if (hasEntry(record, args.eventId)) return;
  const at = clampAt(args.at, record.state.lastEventAt);
  let finalAct;
  if (args.event.type === 'approve' || args.event.type === 'reject') {
    // The decision is an outgoing act: numbered in the same register, dated the day it was taken.
    const number = await registerProtocol(ctx.trx, {
      comune: ctx.ws.comune,
      registeredAt: clampAt(hubNow(ctx), at),
      direction: 'outgoing',
      correspondents: [record.applicantName],
      subject:
        `Provvedimento di ${args.event.type === 'approve' ? 'accoglimento' : 'rigetto'}: ${record.subject}`.slice(
          0,
          300,
        ),
      caseId: record.state.id,
      registeredBy: ctx.clerk.username,
    });
    finalAct = { number, date: localDateOf(at) };
  }
  let next = applyCaseEvent(record, args.event, actorOf(ctx), at, args.eventId, finalAct ? { finalAct } : {});
  const decided = next.state.status === 'approved' || next.state.status === 'rejected';
  const hook = decided ? serviceCaseDecisions().get(next.state.procedure.code) : undefined;
  if (hook) {
    await store(ctx, next);
    return hook(ctx, next);
  }
  const undone = next.state.status === 'rejected' || next.state.status === 'withdrawn';
  if (!undone || !next.residence) return store(ctx, next);
  const restored = await restoreResidence(ctx.trx, next, localDateOf(at));
  next = restored.record;
  await publishResidents(ctx, restored.residents, restored.deleted);
  await store(ctx, next);
};

const assignCases: Applier<'cases.assign'> = async (ctx, args) => {
  const assignee = await ctx.trx
    .selectFrom('users')
    .select(['username', 'disabled'])
    .where('comune', '=', ctx.ws.comune)
    .where('username', '=', args.assignee)
    .executeTakeFirst();
  if (!assignee || Number(assignee.disabled) === 1) {
    throw new AppError('case_assignee_unknown', { assignee: args.assignee });
  }
  for (const caseId of [...new Set(args.caseIds)]) {
    const record = await requireCase(ctx, caseId);
    const entryId = `${args.eventId}:${caseId}`;
    if (hasEntry(record, entryId)) continue;
    await store(ctx, assignCaseRecord(record, args.assignee, actorOf(ctx), args.at, entryId, args.reason));
  }
};

const noteCase: Applier<'cases.note'> = async (ctx, args) => {
  const record = await requireCase(ctx, args.caseId);
  const next = addNote(
    record,
    { id: args.noteId, kind: args.kind, text: args.text, author: ctx.clerk.username, at: args.at },
    actorOf(ctx),
  );
  if (next !== record) await store(ctx, next);
};

const attachCase: Applier<'cases.attach'> = async (ctx, args) => {
  const record = await requireCase(ctx, args.caseId);
  const file = await ctx.trx
    .selectFrom('case_files')
    .select('size')
    .where('comune', '=', ctx.ws.comune)
    .where('sha256', '=', args.sha256)
    .executeTakeFirst();
  if (!file) throw new AppError('case_file_missing', { sha256: args.sha256 });
  const next = addAttachment(
    record,
    {
      id: args.attachmentId,
      sha256: args.sha256,
      fileName: args.fileName,
      mediaType: args.mediaType,
      size: Number(file.size),
      addedBy: ctx.clerk.username,
      at: args.at,
    },
    actorOf(ctx),
  );
  if (next !== record) await store(ctx, next);
};

const policeCheck: Applier<'cases.policeCheck'> = async (ctx, args) => {
  const record = await requireCase(ctx, args.caseId);
  if (hasEntry(record, args.eventId)) return;
  await store(
    ctx,
    recordPoliceCheck(
      record,
      { outcome: args.outcome, checkedOn: args.checkedOn, notes: args.notes, at: args.at },
      actorOf(ctx),
      args.eventId,
    ),
  );
};

const visit: Applier<'cases.visit'> = async (ctx, args) => {
  const record = await requireCase(ctx, args.caseId);
  if (hasEntry(record, args.eventId)) return;
  await store(ctx, recordVisit(record, actorOf(ctx), args.at, args.eventId, args.purpose));
};

/**
 * Opens the case of a service's own filing (canone, shops, social) in the filing's transaction.
 * Who applies is what the service checked against the hub's records, never the counter's copy
 * inside the case arguments: the protocol register names them as correspondents.
 */
export function openCaseFiledBy(
  ctx: ApplyContext,
  caseArgs: MutationArgs<'cases.open'>,
  applicant: { id: string | null; name: string },
): Promise<void> {
  return openCase(ctx, {
    ...caseArgs,
    applicantId: applicant.id,
    applicantName: applicant.name.slice(0, 241),
  });
}

/** The hub's authoritative effects of the case engine's mutations, declared in service.ts. */
export const CASE_APPLIERS: { [N in keyof typeof CASE_MUTATIONS]: Applier<N> } = {
  'cases.open': openCase,
  'cases.transition': transitionCase,
  'cases.assign': assignCases,
  'cases.note': noteCase,
  'cases.attach': attachCase,
  'cases.policeCheck': policeCheck,
  'cases.visit': visit,
};

function caseIdsOf(args: unknown): string[] {
  const a = (args ?? {}) as { caseId?: unknown; caseIds?: unknown };
  if (typeof a.caseId === 'string') return [a.caseId];
  if (Array.isArray(a.caseIds))
    return a.caseIds.filter((x): x is string => typeof x === 'string').slice(0, 200);
  return [];
}

/**
 * What a rejected case mutation touched, as the hub has it now: the case (or its absence, so a
 * counter drops a case the hub refused to open, or one of an office it does not serve); null when
 * not a case mutation.
 */
export async function caseCurrentStateFor(
  trx: Trx,
  ws: WorkstationRow,
  name: string,
  args: unknown,
): Promise<Change[] | null> {
  if (!name.startsWith('cases.')) return null;
  const seq = await headSeq(trx, ws.comune);
  const offices = await workstationOffices(trx, ws.id);
  const changes: Change[] = [];
  for (const id of caseIdsOf(args)) {
    const found = await loadCase(trx, ws.comune, id);
    // a case of another office's procedure is not this counter's to hold, even when it named it
    const office = found ? caseOfficeOf(found.state.procedure.code) : null;
    const record = office === null || offices.includes(office) ? found : null;
    changes.push(
      record
        ? { seq, entity: 'case', entityId: id, op: 'upsert', payload: record }
        : { seq, entity: 'case', entityId: id, op: 'delete', payload: null },
    );
  }
  return changes;
}
