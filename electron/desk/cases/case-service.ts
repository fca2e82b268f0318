import type { Kysely } from 'kysely';
import { uuidv7 } from 'uuidv7';
import { requireAllowed } from '../../../shared/auth/policy';
import { romeDateOf, romeDateTimeOf } from '../../../shared/calendar/rome-date';
import {
  addAttachment,
  addNote,
  applyCaseEvent,
  assignCaseRecord,
  recordPoliceCheck,
  recordVisit,
  refused,
  type CaseActor,
} from '../../../shared/cases/case-engine';
import { ATTACHMENT_MAX_BYTES, caseOpenSchema } from '../../../shared/cases/case-mutations';
import type { CaseRecord } from '../../../shared/cases/case-record';
import type { Mover, ResidenceIntake } from '../../../shared/cases/change-of-residence';
import { procedureOn, proceduresFor } from '../../../shared/cases/procedure-catalogue';
import {
  canonicalStreet,
  checkResidenceIntake,
  residencePersons,
  residenceSubject,
  RESIDENCE_PROCEDURE,
  streetListOf,
} from '../../../shared/cases/residence-case';
import type { ResidenceIntakeData } from '../../../shared/cases/residence-intake-schema';
import { OPEN_STATUSES } from '../../../shared/cases/case-model';
import type { CallInput, CallOutput } from '../../../shared/contract/contract';
import { AppError } from '../../../shared/errors/app-error';
import { formatAddressLine } from '../registry/registry-mapping';
import { appendAudit } from '../audit/audit-log';
import { fromBase64, sha256Hex, toBase64 } from '../bytes';
import { requireSession, workstationName, type ActiveSession, type DeskContext } from '../context';
import type { Database } from '../db/database';
import { getMeta } from '../db/meta-repository';
import { findFamily, findResident, listFamilyMembers } from '../registry/registry-repository';
import { runMutation } from '../sync/run-mutation';
import { fileContent } from './case-files';
import { loadCaseRecord } from './case-store';
import { caseDetail, procedureView } from './case-view-mapping';
import { assignableClerks } from './case-hub-services';

export const actorOfSession = (session: ActiveSession): CaseActor => ({
  username: session.info.clerk.username,
  role: session.info.clerk.role,
});

const nowLocal = (ctx: DeskContext) => romeDateTimeOf(ctx.now());
const todayOf = (ctx: DeskContext) => romeDateOf(ctx.now());

async function comuneOf(ctx: DeskContext): Promise<string> {
  const comune = await getMeta(ctx.db, 'comune.belfiore');
  if (!comune) throw new AppError('registry_not_ready');
  return comune;
}

async function requireRecord(db: Kysely<Database>, id: string): Promise<CaseRecord> {
  const record = await loadCaseRecord(db, id);
  if (!record) throw new AppError('case_not_found', { id });
  return record;
}

/** Local changes to a case still waiting for the hub (shown as "not yet confirmed"). */
async function pendingFor(db: Kysely<Database>, caseId: string): Promise<number> {
  const row = await db
    .selectFrom('outbox')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('name', 'like', 'cases.%')
    .where('args', 'like', `%${caseId}%`)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The case as the screen shows it; reading it is audited like a registry record (it holds one). */
export async function getCase(
  ctx: DeskContext,
  input: CallInput<'cases:get'>,
): Promise<CallOutput<'cases:get'>> {
  const session = requireSession(ctx);
  const record = await requireRecord(ctx.db, input.id);
  if (input.refresh) {
    return caseDetail(
      record,
      actorOfSession(session),
      nowLocal(ctx),
      todayOf(ctx),
      await pendingFor(ctx.db, input.id),
    );
  }
  await ctx.db.transaction().execute((trx) =>
    appendAudit(trx, {
      at: ctx.now().toISOString(),
      clerk: session.info.clerk.username,
      workstation: workstationName(ctx),
      action: 'case.read',
      entity: 'case',
      entityId: input.id,
      reason: 'consultazione pratica',
    }),
  );
  return caseDetail(
    record,
    actorOfSession(session),
    nowLocal(ctx),
    todayOf(ctx),
    await pendingFor(ctx.db, input.id),
  );
}

async function detailAfter(ctx: DeskContext, id: string): Promise<CallOutput<'cases:get'>> {
  const session = requireSession(ctx);
  const record = await requireRecord(ctx.db, id);
  return caseDetail(
    record,
    actorOfSession(session),
    nowLocal(ctx),
    todayOf(ctx),
    await pendingFor(ctx.db, id),
  );
}

export async function procedures(ctx: DeskContext): Promise<CallOutput<'cases:procedures'>> {
  requireSession(ctx);
  return proceduresFor(await comuneOf(ctx), todayOf(ctx)).map(procedureView);
}

async function localStreets(db: Kysely<Database>, comune: string) {
  const rows = await db
    .selectFrom('families')
    .select(['street_type', 'street_name', 'cap'])
    .distinct()
    .execute();
  return streetListOf(
    comune,
    rows.map((r) => ({ streetType: r.street_type, streetName: r.street_name, cap: r.cap })),
  );
}

export async function streets(ctx: DeskContext): Promise<CallOutput<'cases:streets'>> {
  requireSession(ctx);
  const comune = await comuneOf(ctx);
  const list = await localStreets(ctx.db, comune);
  return {
    today: todayOf(ctx),
    comune,
    streets: list.streets
      .map((s) => ({ name: `${s.streetType} ${s.streetName}`.trim(), caps: [...(s.caps ?? list.caps)] }))
      .sort((a, b) => a.name.localeCompare(b.name, 'it')),
  };
}

export async function householdOf(
  ctx: DeskContext,
  input: CallInput<'cases:householdOf'>,
): Promise<CallOutput<'cases:householdOf'>> {
  requireSession(ctx);
  const resident = await findResident(ctx.db, input.residentId);
  if (!resident) throw new AppError('resident_not_found');
  const family = await findFamily(ctx.db, resident.family_id);
  if (!family) throw new AppError('resident_not_found');
  const members = await listFamilyMembers(ctx.db, family.id);
  return {
    familyId: family.id,
    address: [formatAddressLine(family), family.interior].filter((p) => p !== '').join(', '),
    members: members
      .filter((m) => m.status === 'resident')
      .map((m) => ({ id: m.id, name: `${m.surname} ${m.given_names}`, relationship: m.relationship })),
  };
}

/** Resident ids and codici fiscali among `keys` already in an open residence case here. */
async function personsInOpenCases(db: Kysely<Database>, keys: readonly string[]): Promise<Set<string>> {
  if (keys.length === 0) return new Set();
  const rows = await db
    .selectFrom('case_persons')
    .innerJoin('cases', 'cases.id', 'case_persons.case_id')
    .select('case_persons.person_key')
    .where('case_persons.person_key', 'in', [...keys])
    .where('cases.procedure_code', '=', RESIDENCE_PROCEDURE)
    .where('cases.status', 'in', [...OPEN_STATUSES])
    .execute();
  return new Set(rows.map((r) => r.person_key));
}

/**
 * A change of residence at the counter (DL 5/2012 art. 5; DOMAIN.md §3): every mover (from the
 * registry, whose data the core copies, or new), the new address on the comune's street list,
 * the title of occupation, the household, licences and plates, the signatures. Every problem is
 * listed at once and nothing is stored; accepted, the case is queued for the hub, which numbers
 * it in the protocol and changes the registry of record (an offline case awaits its number).
 */
export async function openResidence(
  ctx: DeskContext,
  input: CallInput<'cases:openResidence'>,
): Promise<CallOutput<'cases:openResidence'>> {
  requireSession(ctx);
  const comune = await comuneOf(ctx);
  const today = todayOf(ctx);
  const movers: Mover[] = [];
  for (const m of input.movers) {
    if (m.source === 'registry') {
      const row = await findResident(ctx.db, m.residentId);
      if (!row || row.status !== 'resident') {
        throw new AppError('case_mover_not_resident', {
          name: row ? `${row.surname} ${row.given_names}` : m.residentId,
        });
      }
      movers.push({
        source: 'registry',
        residentId: row.id,
        surname: row.surname,
        givenNames: row.given_names,
        birthDate: row.birth_date,
        codiceFiscale: row.codice_fiscale,
        citizenship: row.citizenship,
        relationship: m.relationship,
      });
      continue;
    }
    const name = `${m.surname} ${m.givenNames}`.trim() || m.key;
    if (!m.codiceFiscale || m.codiceFiscale.trim() === '') throw new AppError('case_cf_required', { name });
    const taken = await ctx.db
      .selectFrom('residents')
      .select('id')
      .where('codice_fiscale', '=', m.codiceFiscale)
      .where('status', '=', 'resident')
      .executeTakeFirst();
    if (taken) throw new AppError('case_cf_taken', { codiceFiscale: m.codiceFiscale });
    movers.push(m);
  }
  if (input.household.kind === 'join' && input.household.familyId.trim() !== '') {
    if (!(await findFamily(ctx.db, input.household.familyId))) {
      throw new AppError('case_family_not_found', { familyId: input.household.familyId });
    }
  }
  const streetList = await localStreets(ctx.db, comune);
  const street = canonicalStreet(streetList, input.address.streetType, input.address.streetName);
  const { counterSeconds, receiptDelivery, documents, movers: _inputMovers, ...declaration } = input;
  const compact = (text: string): string => text.replace(/\s+/g, '').toUpperCase();
  const intake: ResidenceIntake & ResidenceIntakeData = {
    comune,
    ...declaration,
    drivingLicences: declaration.drivingLicences.map((l) => ({ ...l, number: compact(l.number) })),
    vehiclePlates: declaration.vehiclePlates.map((v) => ({ ...v, plate: compact(v.plate) })),
    address: street
      ? { ...input.address, streetType: street.streetType, streetName: street.streetName }
      : input.address,
    movers: movers as ResidenceIntakeData['movers'],
  };
  const warnings = checkResidenceIntake(intake, {
    today,
    personsInOpenCases: await personsInOpenCases(ctx.db, residencePersons(intake)),
    streets: streetList,
  });
  const procedure = procedureOn(RESIDENCE_PROCEDURE, comune, today);
  if (!procedure.ok) throw refused(procedure.error);
  const first = movers[0];
  const firstRegistry = movers.find((m) => m.source === 'registry');
  const caseId = uuidv7();
  const args = caseOpenSchema.parse({
    caseId,
    eventId: uuidv7(),
    at: nowLocal(ctx),
    procedureCode: RESIDENCE_PROCEDURE,
    applicantId: firstRegistry?.source === 'registry' ? firstRegistry.residentId : null,
    applicantName: first ? `${first.surname} ${first.givenNames}` : '—',
    subject: residenceSubject(intake),
    counterSeconds,
    receiptDelivery,
    documents,
    residence: intake,
  });
  await runMutation(ctx, 'cases.open', args, {
    entity: 'case',
    entityId: caseId,
    reason: 'dichiarazione di residenza allo sportello',
  });
  return {
    case: await detailAfter(ctx, caseId),
    warnings: warnings.map((w) => w.message[ctx.state.locale]),
  };
}

/** Any other procedure of the catalogue, taken at the counter for a resident. */
export async function openCase(
  ctx: DeskContext,
  input: CallInput<'cases:open'>,
): Promise<CallOutput<'cases:open'>> {
  requireSession(ctx);
  const comune = await comuneOf(ctx);
  const today = todayOf(ctx);
  const procedure = procedureOn(input.procedureCode, comune, today);
  if (!procedure.ok) throw refused(procedure.error);
  if (procedure.value.code === RESIDENCE_PROCEDURE) {
    throw new AppError('invalid_input', { detail: 'cambio_residenza: dichiarazione di residenza' });
  }
  const applicant = await findResident(ctx.db, input.applicantId);
  if (!applicant) throw new AppError('resident_not_found');
  const known = new Set(procedure.value.requiredDocuments.map((d) => d.id));
  const unknown = input.documents.find((d) => !known.has(d));
  if (unknown) throw new AppError('invalid_input', { detail: `documents: ${unknown}` });
  const caseId = uuidv7();
  await runMutation(
    ctx,
    'cases.open',
    {
      caseId,
      eventId: uuidv7(),
      at: nowLocal(ctx),
      procedureCode: procedure.value.code,
      applicantId: applicant.id,
      applicantName: `${applicant.surname} ${applicant.given_names}`,
      subject: input.subject,
      counterSeconds: input.counterSeconds,
      receiptDelivery: input.receiptDelivery,
      documents: input.documents,
      residence: null,
    },
    { entity: 'case', entityId: caseId, reason: `apertura pratica ${procedure.value.code}` },
  );
  return { case: await detailAfter(ctx, caseId), warnings: [] };
}

/**
 * One step of the state machine. The local rules run first, on the counter's copy: a refused
 * step (illegal transition, four-eyes, suspension limits…) is explained and nothing is queued.
 */
export async function transitionCase(
  ctx: DeskContext,
  input: CallInput<'cases:transition'>,
): Promise<CallOutput<'cases:transition'>> {
  const session = requireSession(ctx);
  const record = await requireRecord(ctx.db, input.caseId);
  const eventId = uuidv7();
  const at = nowLocal(ctx);
  applyCaseEvent(record, input.event, actorOfSession(session), at, eventId);
  const why = 'reason' in input.event && input.event.reason ? `: ${input.event.reason}` : '';
  await runMutation(
    ctx,
    'cases.transition',
    { caseId: input.caseId, eventId, at, event: input.event },
    { entity: 'case', entityId: input.caseId, reason: `${input.event.type}${why}`.slice(0, 300) },
  );
  return detailAfter(ctx, input.caseId);
}

/** Supervisors assign or reassign one or many cases: all of them are checked first, then one action. */
export async function assignCases(
  ctx: DeskContext,
  input: CallInput<'cases:assign'>,
): Promise<CallOutput<'cases:assign'>> {
  const session = requireSession(ctx);
  const actor = actorOfSession(session);
  requireAllowed(actor.role, 'cases.assign');
  const clerks = await assignableClerks(ctx);
  if (!clerks.some((c) => c.username === input.assignee)) {
    throw new AppError('case_assignee_unknown', { assignee: input.assignee });
  }
  const eventId = uuidv7();
  const at = nowLocal(ctx);
  const ids = [...new Set(input.caseIds)];
  for (const id of ids) {
    assignCaseRecord(
      await requireRecord(ctx.db, id),
      input.assignee,
      actor,
      at,
      `${eventId}:${id}`,
      input.reason,
    );
  }
  await runMutation(
    ctx,
    'cases.assign',
    { eventId, at, assignee: input.assignee, caseIds: ids, reason: input.reason },
    {
      entity: 'case',
      entityId: ids.length === 1 ? (ids[0] ?? '') : `${ids.length} pratiche`,
      reason: `assegnazione a ${input.assignee}${input.reason ? `: ${input.reason}` : ''}`.slice(0, 300),
    },
  );
  return { assigned: ids.length };
}

export async function noteCase(
  ctx: DeskContext,
  input: CallInput<'cases:note'>,
): Promise<CallOutput<'cases:note'>> {
  const session = requireSession(ctx);
  const record = await requireRecord(ctx.db, input.caseId);
  const noteId = uuidv7();
  const at = nowLocal(ctx);
  addNote(
    record,
    { id: noteId, kind: input.kind, text: input.text, author: session.info.clerk.username, at },
    actorOfSession(session),
  );
  await runMutation(
    ctx,
    'cases.note',
    { caseId: input.caseId, noteId, at, kind: input.kind, text: input.text },
    {
      entity: 'case',
      entityId: input.caseId,
      reason: input.kind === 'internal' ? 'nota interna' : 'comunicazione al cittadino',
    },
  );
  return detailAfter(ctx, input.caseId);
}

/**
 * An attachment (scan, PDF) stored here by its SHA-256 in the same transaction as its mutation;
 * its content reaches the hub before the mutation does (CASE_BEFORE_PUSH).
 */
export async function attachToCase(
  ctx: DeskContext,
  input: CallInput<'cases:attach'>,
): Promise<CallOutput<'cases:attach'>> {
  const session = requireSession(ctx);
  const record = await requireRecord(ctx.db, input.caseId);
  const content = fromBase64(input.contentBase64);
  if (content.length === 0 || content.length > ATTACHMENT_MAX_BYTES) {
    throw new AppError('case_file_too_large', { size: content.length, max: ATTACHMENT_MAX_BYTES });
  }
  const sha256 = sha256Hex(content);
  const attachmentId = uuidv7();
  const at = nowLocal(ctx);
  const attachment = {
    id: attachmentId,
    sha256,
    fileName: input.fileName,
    mediaType: input.mediaType,
    size: content.length,
    addedBy: session.info.clerk.username,
    at,
  };
  addAttachment(record, attachment, actorOfSession(session));
  await runMutation(
    ctx,
    'cases.attach',
    {
      caseId: input.caseId,
      attachmentId,
      at,
      sha256,
      fileName: input.fileName,
      mediaType: input.mediaType,
      size: content.length,
    },
    { entity: 'case', entityId: input.caseId, reason: `allegato ${input.fileName}`.slice(0, 300) },
    async (trx) => {
      await trx
        .insertInto('case_files')
        .values({ sha256, content, size: content.length, media_type: input.mediaType, at_hub: 0 })
        .onConflict((oc) => oc.column('sha256').doNothing())
        .execute();
    },
  );
  return detailAfter(ctx, input.caseId);
}

export async function attachmentOf(
  ctx: DeskContext,
  input: CallInput<'cases:attachment'>,
): Promise<CallOutput<'cases:attachment'>> {
  const session = requireSession(ctx);
  const record = await requireRecord(ctx.db, input.caseId);
  const attachment = record.attachments.find((a) => a.id === input.attachmentId);
  if (!attachment) throw new AppError('case_attachment_not_found', { id: input.attachmentId });
  const file = await fileContent(ctx, attachment.sha256);
  await ctx.db.transaction().execute((trx) =>
    appendAudit(trx, {
      at: ctx.now().toISOString(),
      clerk: session.info.clerk.username,
      workstation: workstationName(ctx),
      action: 'case.attachment.read',
      entity: 'case',
      entityId: input.caseId,
      reason: attachment.fileName,
    }),
  );
  return {
    fileName: attachment.fileName,
    mediaType: file.mediaType,
    contentBase64: toBase64(file.content),
  };
}

export async function policeCheck(
  ctx: DeskContext,
  input: CallInput<'cases:policeCheck'>,
): Promise<CallOutput<'cases:policeCheck'>> {
  const session = requireSession(ctx);
  const record = await requireRecord(ctx.db, input.caseId);
  if (input.checkedOn > todayOf(ctx)) {
    throw new AppError('invalid_input', { detail: `checkedOn: ${input.checkedOn}` });
  }
  const eventId = uuidv7();
  const at = nowLocal(ctx);
  recordPoliceCheck(
    record,
    { outcome: input.outcome, checkedOn: input.checkedOn, notes: input.notes, at },
    actorOfSession(session),
    eventId,
  );
  await runMutation(
    ctx,
    'cases.policeCheck',
    {
      caseId: input.caseId,
      eventId,
      at,
      outcome: input.outcome,
      checkedOn: input.checkedOn,
      notes: input.notes,
    },
    { entity: 'case', entityId: input.caseId, reason: `accertamento Polizia Locale: ${input.outcome}` },
  );
  return detailAfter(ctx, input.caseId);
}

export async function visitCase(
  ctx: DeskContext,
  input: CallInput<'cases:visit'>,
): Promise<CallOutput<'cases:visit'>> {
  const session = requireSession(ctx);
  const record = await requireRecord(ctx.db, input.caseId);
  const eventId = uuidv7();
  const at = nowLocal(ctx);
  recordVisit(record, actorOfSession(session), at, eventId, input.purpose);
  await runMutation(
    ctx,
    'cases.visit',
    { caseId: input.caseId, eventId, at, purpose: input.purpose },
    {
      entity: 'case',
      entityId: input.caseId,
      reason: `nuovo accesso allo sportello: ${input.purpose}`.slice(0, 300),
    },
  );
  return detailAfter(ctx, input.caseId);
}
