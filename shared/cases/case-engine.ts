import { addDays, compareIsoDates, daysBetween, minIsoDate, type IsoDate } from '../calendar/iso-date';
import { requireAllowed } from '../auth/policy';
import { AppError } from '../errors/app-error';
import { compareLocalDateTimes, localDateOf, type LocalDateTime } from '../protocol/local-date-time';
import type { ProtocolNumber } from '../protocol/protocol-number';
import type { CaseError } from './case-errors';
import { OPEN_STATUSES, type Actor, type CaseStatus, type FinalAct, type TimelineEvent } from './case-model';
import type { CaseEventInput } from './case-mutations';
import type { CaseAttachment, CaseNote, CaseRecord, PoliceCheck, TimelineEntry } from './case-record';
import { openCase, transition, type CaseEvent } from './case-state-machine';
import {
  caseCalendar,
  concludedOn as caseConcludedOn,
  DEFAULT_COLOUR_THRESHOLDS,
  dueDate,
  handlingDays,
  type DeadlineColour,
} from './deadline';
import { MAX_REGULATION_DAYS, type ProcedureDefinition } from './procedure-catalogue';

/**
 * The case engine on a whole record: the state machine (case-state-machine.ts) plus the
 * timeline, notes, attachments and the residence data beside it. The same functions run at the
 * counter (optimistic effect, checks before queuing) and at the hub (authoritative), so both
 * refuse the same things with the same words. A refusal is an AppError: a service shows it, an
 * effect skips it (the hub decides), an applier turns it into a sync exception.
 */

export type StaffRole = 'clerk' | 'supervisor' | 'admin';

export interface CaseActor {
  username: string;
  role: StaffRole | 'system';
}

export const SYSTEM_ACTOR: CaseActor = { username: 'sistema', role: 'system' };

/** An administrator acts with a supervisor's powers on cases. */
export const actorOf = (a: CaseActor): Actor => ({
  id: a.username,
  role: a.role === 'admin' ? 'supervisor' : a.role,
});

export function refused(error: CaseError): AppError {
  return new AppError('case_refused', {
    reason: error.reason,
    detail_it: error.message.it,
    detail_en: error.message.en,
  });
}

/**
 * Counters' clocks drift by seconds, and an offline counter acts before the hub registered its
 * case: an act stamped before the case's last event is taken as simultaneous with it, never
 * refused as "time going backwards" (the order of the outbox is the order of the acts).
 */
export function clampAt(at: LocalDateTime, last: LocalDateTime): LocalDateTime {
  return compareLocalDateTimes(at, last) < 0 ? last : at;
}

export function toEntry(ev: TimelineEvent, id: string): TimelineEntry {
  return {
    id,
    type: ev.type,
    who: ev.who.id,
    role: ev.who.role,
    when: ev.when,
    why: ev.why,
    from: ev.from,
    to: ev.to,
    details: { ...ev.details },
  };
}

export const hasEntry = (record: CaseRecord, id: string): boolean => record.timeline.some((e) => e.id === id);

export interface OpenFacts {
  caseId: string;
  eventId: string;
  at: LocalDateTime;
  comune: string;
  procedure: ProcedureDefinition;
  applicantId: string | null;
  applicantName: string;
  subject: string;
  counterSeconds: number | null;
  receiptDelivery: CaseRecord['receiptDelivery'];
  documents: readonly string[];
  residence: CaseRecord['residence'];
  persons: readonly string[];
}

/** A case taken at the counter: opened and submitted in one act (timeline: create, submit). */
export function newCaseRecord(facts: OpenFacts, actor: CaseActor): CaseRecord {
  const opened = openCase(
    {
      id: facts.caseId,
      comune: facts.comune,
      procedure: facts.procedure,
      applicantId: facts.applicantId,
    },
    actorOf(actor),
    facts.at,
  );
  if (!opened.ok) throw refused(opened.error);
  // Whoever takes the application at the counter files it as the counter clerk does.
  const submitted = transition(
    opened.value.state,
    { type: 'submit' },
    { id: actor.username, role: 'clerk' },
    facts.at,
  );
  if (!submitted.ok) throw refused(submitted.error);
  return {
    state: submitted.value.state,
    office: facts.procedure.office.code,
    subject: facts.subject,
    applicantName: facts.applicantName,
    createdBy: actor.username,
    counterSeconds: facts.counterSeconds,
    visits: 1,
    receiptDelivery: facts.receiptDelivery,
    documents: [...facts.documents],
    residence: facts.residence,
    persons: [...new Set(facts.persons)],
    timeline: [
      toEntry(opened.value.event, facts.eventId),
      toEntry(submitted.value.event, `${facts.eventId}.submit`),
    ],
    notes: [],
    attachments: [],
    registry: null,
  };
}

function toMachineEvent(input: CaseEventInput, finalAct: FinalAct | undefined): CaseEvent {
  switch (input.type) {
    case 'take_in_charge':
      return { type: 'take_in_charge', ...(input.reason ? { reason: input.reason } : {}) };
    case 'suspend':
      return input.kind === 'information_request'
        ? {
            type: 'suspend',
            kind: 'information_request',
            reason: input.reason,
            ...(input.days !== undefined ? { days: input.days } : {}),
            ...(input.reference ? { reference: input.reference } : {}),
          }
        : {
            type: 'suspend',
            kind: 'refusal_notice',
            reason: input.reason,
            ...(input.reference ? { reference: input.reference } : {}),
          };
    case 'resume':
      return {
        type: 'resume',
        ...(input.noticeReceivedOn ? { noticeReceivedOn: input.noticeReceivedOn } : {}),
        ...(input.observationsReceivedOn ? { observationsReceivedOn: input.observationsReceivedOn } : {}),
        ...(input.reason ? { reason: input.reason } : {}),
      };
    case 'approve':
    case 'reject':
      return {
        type: input.type,
        ...(input.reason ? { reason: input.reason } : {}),
        ...(finalAct ? { finalAct } : {}),
      };
    default:
      return input;
  }
}

/** One step of the state machine on the record, with its timeline entry `eventId`. */
export function applyCaseEvent(
  record: CaseRecord,
  input: CaseEventInput | { type: 'silence_assent' },
  actor: CaseActor,
  at: LocalDateTime,
  eventId: string,
  options: { finalAct?: FinalAct } = {},
): CaseRecord {
  const event: CaseEvent =
    input.type === 'silence_assent' ? { type: 'silence_assent' } : toMachineEvent(input, options.finalAct);
  const result = transition(record.state, event, actorOf(actor), clampAt(at, record.state.lastEventAt));
  if (!result.ok) throw refused(result.error);
  return {
    ...record,
    state: result.value.state,
    timeline: [...record.timeline, toEntry(result.value.event, eventId)],
  };
}

/** The hub's protocol registration of the application: the number, the time, the legal start. */
export function registerCaseRecord(
  record: CaseRecord,
  protocol: ProtocolNumber,
  registeredAt: LocalDateTime,
  receivedOn: IsoDate,
): CaseRecord {
  const at = clampAt(registeredAt, record.state.lastEventAt);
  const result = transition(
    record.state,
    { type: 'register', protocol, registeredAt: at, receivedOn: minIsoDate(receivedOn, localDateOf(at)) },
    actorOf(SYSTEM_ACTOR),
    at,
  );
  if (!result.ok) throw refused(result.error);
  return {
    ...record,
    state: result.value.state,
    timeline: [...record.timeline, toEntry(result.value.event, `${record.state.id}.register`)],
  };
}

const REASSIGNABLE: readonly CaseStatus[] = ['taken_in_charge', 'suspended', 'proposed_outcome'];

/**
 * Assigning a registered case takes it in charge for the assignee; a case already in charge
 * changes hands (the new officer carries on from the same state). Supervisors only.
 */
export function assignCaseRecord(
  record: CaseRecord,
  assignee: string,
  actor: CaseActor,
  at: LocalDateTime,
  eventId: string,
  reason: string,
): CaseRecord {
  requireAllowed(actor.role, 'cases.assign');
  const when = clampAt(at, record.state.lastEventAt);
  const state = record.state;
  if (state.status === 'registered') {
    const result = transition(
      state,
      { type: 'take_in_charge', assigneeId: assignee, ...(reason ? { reason } : {}) },
      actorOf(actor),
      when,
    );
    if (!result.ok) throw refused(result.error);
    return {
      ...record,
      state: result.value.state,
      timeline: [...record.timeline, toEntry(result.value.event, eventId)],
    };
  }
  if (!REASSIGNABLE.includes(state.status)) {
    // the state machine's own wording: "cannot take in charge: the case is …"
    const result = transition(state, { type: 'take_in_charge', assigneeId: assignee }, actorOf(actor), when);
    if (!result.ok) throw refused(result.error);
  }
  const entry: TimelineEntry = {
    id: eventId,
    type: 'assign',
    who: actor.username,
    role: actorOf(actor).role,
    when,
    why: reason,
    from: state.status,
    to: state.status,
    details: { assigneeId: assignee, previous: state.assigneeId },
  };
  return {
    ...record,
    state: { ...state, assigneeId: assignee, lastEventAt: when },
    timeline: [...record.timeline, entry],
  };
}

const sideEntry = (
  record: CaseRecord,
  id: string,
  type: TimelineEntry['type'],
  actor: CaseActor,
  at: LocalDateTime,
  why: string,
  details: TimelineEntry['details'] = {},
): TimelineEntry => ({
  id,
  type,
  who: actor.username,
  role: actorOf(actor).role,
  when: clampAt(at, record.state.lastEventAt),
  why,
  from: record.state.status,
  to: record.state.status,
  details,
});

/** Notes never change the case's state; they go on the timeline so the history is complete. */
export function addNote(record: CaseRecord, note: CaseNote, actor: CaseActor): CaseRecord {
  if (record.notes.some((n) => n.id === note.id)) return record;
  return {
    ...record,
    notes: [...record.notes, note],
    timeline: [
      ...record.timeline,
      sideEntry(record, `${note.id}.note`, 'note', actor, note.at, '', { kind: note.kind }),
    ],
  };
}

export function addAttachment(record: CaseRecord, attachment: CaseAttachment, actor: CaseActor): CaseRecord {
  if (record.attachments.some((a) => a.id === attachment.id)) return record;
  return {
    ...record,
    attachments: [...record.attachments, attachment],
    timeline: [
      ...record.timeline,
      sideEntry(
        record,
        `${attachment.id}.attachment`,
        'attachment',
        actor,
        attachment.at,
        attachment.fileName,
        {
          sha256: attachment.sha256,
        },
      ),
    ],
  };
}

export const isOpenStatus = (status: CaseStatus): boolean => OPEN_STATUSES.includes(status);

function requireOpen(record: CaseRecord): void {
  if (!isOpenStatus(record.state.status)) {
    throw new AppError('case_closed', { id: record.state.id, status: record.state.status });
  }
}

/** DOMAIN.md §3: the Polizia Locale's outcome, recorded on an open residence case. */
export function recordPoliceCheck(
  record: CaseRecord,
  check: Omit<PoliceCheck, 'by'>,
  actor: CaseActor,
  eventId: string,
): CaseRecord {
  if (!record.residence) throw new AppError('case_not_residence', { id: record.state.id });
  requireOpen(record);
  const policeCheck: PoliceCheck = { ...check, by: actor.username };
  return {
    ...record,
    residence: { ...record.residence, policeCheck },
    timeline: [
      ...record.timeline,
      sideEntry(record, eventId, 'police_check', actor, check.at, check.notes, {
        outcome: check.outcome,
        checkedOn: check.checkedOn,
      }),
    ],
  };
}

export function recordVisit(
  record: CaseRecord,
  actor: CaseActor,
  at: LocalDateTime,
  eventId: string,
  purpose: string,
): CaseRecord {
  requireOpen(record);
  return {
    ...record,
    visits: record.visits + 1,
    timeline: [...record.timeline, sideEntry(record, eventId, 'visit', actor, at, purpose)],
  };
}

// ---- what the queue stores beside the record ----

export interface DeadlineColumns {
  /** the last day of the term as known on `asOf` (null: never, e.g. withdrawn before the start) */
  dueDate: IsoDate;
  /** the first day the case shows amber (DEFAULT_COLOUR_THRESHOLDS) */
  amberFrom: IsoDate;
  termDays: number;
  /** the day the figures were computed: a running suspension moves the due date every day */
  asOf: IsoDate;
  concludedOn: IsoDate | null;
  /** net handling days of a concluded case (dashboard), null while open */
  handlingDays: number | null;
}

/**
 * The legal start of a case: its receipt (set at registration). A counter case awaiting its
 * protocol number was received on the day it was taken, which will be its legal start.
 */
export function legalStartOf(record: CaseRecord): IsoDate {
  return record.state.receivedOn ?? localDateOf(record.state.createdAt);
}

/**
 * Days of warning before the due date: amber when at most 20% of the term or 5 days are left
 * (deadline.ts `deadlineColour`), so the band starts this many days before the due date.
 */
export function amberDays(termDays: number): number {
  const t = DEFAULT_COLOUR_THRESHOLDS;
  return Math.floor(Math.max(t.amberDays, t.amberFraction * termDays));
}

/** No case shows amber earlier than this many days before its due date (terms are ≤ 180 days). */
export const MAX_AMBER_DAYS = amberDays(MAX_REGULATION_DAYS);

export function deadlineColumns(record: CaseRecord, asOf: IsoDate): DeadlineColumns {
  const state = record.state;
  const legalStart = legalStartOf(record);
  const concluded = caseConcludedOn(state);
  const at = concluded !== null ? minIsoDate(concluded, asOf) : asOf;
  const due = dueDate(
    { legalStart, days: state.procedure.maxDays, suspensions: state.suspensions },
    at,
    caseCalendar(state),
  );
  return {
    dueDate: due,
    amberFrom: addDays(due, -amberDays(state.procedure.maxDays)),
    termDays: state.procedure.maxDays,
    asOf: at,
    concludedOn: concluded,
    handlingDays: concluded === null ? null : handlingDays(legalStart, concluded, state.suspensions),
  };
}

/** The queue's colour from the stored columns: green, amber from `amberFrom`, red after the due day. */
export function colourOn(dueDateValue: IsoDate, amberFromValue: IsoDate, today: IsoDate): DeadlineColour {
  if (compareIsoDates(today, dueDateValue) > 0) return 'red';
  if (compareIsoDates(today, amberFromValue) >= 0) return 'amber';
  return 'green';
}

export const daysRemaining = (dueDateValue: IsoDate, today: IsoDate): number =>
  daysBetween(today, dueDateValue);
