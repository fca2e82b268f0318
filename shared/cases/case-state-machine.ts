import { addDays, compareIsoDates, isIsoDate, type IsoDate } from '../calendar/iso-date';
import type { CalendarOptions } from '../calendar/working-days';
import {
  compareLocalDateTimes,
  isLocalDateTime,
  localDateOf,
  type LocalDateTime,
} from '../protocol/local-date-time';
import {
  formatProtocolNumber,
  parseProtocolNumber,
  validateProtocolNumber,
  type ProtocolNumber,
} from '../protocol/protocol-number';
import type { ProtocolResult } from '../protocol/protocol-errors';
import { caseFail, type CaseProblem, type CaseResult } from './case-errors';
import {
  OPEN_STATUSES,
  type Actor,
  type ActorRole,
  type CaseEventType,
  type CaseOutcome,
  type CaseState,
  type CaseStatus,
  type FinalAct,
  type RefusalNoticeSuspension,
  type Suspension,
  type TimelineDetail,
  type TimelineEvent,
} from './case-model';
import { caseCalendar, caseSilenceFormsOn, caseTermFacts, dueDate } from './deadline';
import type { ProcedureDefinition } from './procedure-catalogue';

/**
 * The life of a case (pratica) as a pure state machine:
 *
 *   draft → submitted → registered → taken_in_charge ⇄ suspended
 *                                    taken_in_charge → proposed_outcome → approved | rejected → closed
 *                                    proposed_outcome → taken_in_charge (returned for review)
 *   registered | taken_in_charge | proposed_outcome → approved (silence-assent, art. 20)
 *   draft … proposed_outcome → withdrawn → closed (see WithdrawalRule for the procedure's limit)
 *
 * `transition` never throws on what people do: a refused step is a typed error naming the
 * states in Italian and English. Each accepted step returns the new state and the timeline
 * entry {who, when, why, from, to} that storage appends to the case history.
 */

/** A protocol number as data or as typed ('2026/0000123'). */
export type ProtocolInput = ProtocolNumber | string;

export interface FinalActInput {
  number: ProtocolInput;
  date: IsoDate;
}

export type CaseEvent =
  | { type: 'submit'; reason?: string }
  | {
      type: 'register';
      /** the protocol number of the incoming application */
      protocol: ProtocolInput;
      /** the protocol registration time (Europe/Rome) */
      registeredAt: LocalDateTime;
      /** receipt of the application if earlier than the registration day (default: that day) */
      receivedOn?: IsoDate;
      reason?: string;
    }
  | { type: 'take_in_charge'; assigneeId?: string; reason?: string }
  | {
      type: 'suspend';
      kind: 'information_request';
      /** days granted, default and maximum the procedure's limit (30) */
      days?: number;
      reason: string;
      reference?: string;
    }
  | { type: 'suspend'; kind: 'refusal_notice'; reason: string; reference?: string }
  | {
      type: 'resume';
      /** refusal notice: the day the applicant received it, if later than it was sent */
      noticeReceivedOn?: IsoDate;
      /** refusal notice: the day the written observations arrived */
      observationsReceivedOn?: IsoDate;
      reason?: string;
    }
  | { type: 'propose'; outcome: 'approve' | 'reject'; reason: string }
  | { type: 'approve'; finalAct?: FinalActInput; reason?: string }
  | { type: 'reject'; finalAct?: FinalActInput; reason?: string }
  | { type: 'return_for_review'; reason: string }
  | { type: 'silence_assent'; reason?: string }
  | { type: 'withdraw'; reason: string }
  | { type: 'close'; finalAct?: FinalActInput; reason?: string };

interface TransitionRule {
  from: readonly CaseStatus[];
  to: CaseStatus;
  roles: readonly ActorRole[];
  reasonRequired: boolean;
}

const STAFF: readonly ActorRole[] = ['clerk', 'supervisor'];

/**
 * Who may do what, from which state. Withdrawal: from any state before the final act (the
 * applicant's own application, common practice; no article of L. 241/1990 regulates it),
 * narrowed per procedure by `ProcedureDefinition.withdrawal`. It needs a reason because the
 * archiving note must say on what the case ended (the applicant's written withdrawal).
 */
export const TRANSITIONS: Readonly<Record<CaseEventType, TransitionRule>> = {
  submit: { from: ['draft'], to: 'submitted', roles: ['citizen', 'clerk'], reasonRequired: false },
  register: {
    from: ['submitted'],
    to: 'registered',
    roles: ['clerk', 'supervisor', 'system'],
    reasonRequired: false,
  },
  take_in_charge: { from: ['registered'], to: 'taken_in_charge', roles: STAFF, reasonRequired: false },
  suspend: { from: ['taken_in_charge'], to: 'suspended', roles: STAFF, reasonRequired: true },
  resume: { from: ['suspended'], to: 'taken_in_charge', roles: [...STAFF, 'system'], reasonRequired: false },
  propose: { from: ['taken_in_charge'], to: 'proposed_outcome', roles: STAFF, reasonRequired: true },
  approve: { from: ['proposed_outcome'], to: 'approved', roles: STAFF, reasonRequired: false },
  reject: { from: ['proposed_outcome'], to: 'rejected', roles: STAFF, reasonRequired: false },
  return_for_review: {
    from: ['proposed_outcome'],
    to: 'taken_in_charge',
    roles: STAFF,
    reasonRequired: true,
  },
  silence_assent: {
    from: ['registered', 'taken_in_charge', 'proposed_outcome'],
    to: 'approved',
    roles: [...STAFF, 'system'],
    reasonRequired: false,
  },
  withdraw: {
    from: ['draft', ...OPEN_STATUSES],
    to: 'withdrawn',
    roles: ['citizen', ...STAFF],
    reasonRequired: true,
  },
  close: {
    from: ['approved', 'rejected', 'withdrawn'],
    to: 'closed',
    roles: [...STAFF, 'system'],
    reasonRequired: false,
  },
};

/** The events that may follow `status` (ignoring roles and the procedure's own limits). */
export function allowedEvents(status: CaseStatus): CaseEventType[] {
  return (Object.keys(TRANSITIONS) as CaseEventType[]).filter((e) => TRANSITIONS[e].from.includes(status));
}

/** Every (event, from, to) the machine knows: for documentation, tests and the UI. */
export const LEGAL_TRANSITIONS: readonly { event: CaseEventType; from: CaseStatus; to: CaseStatus }[] = (
  Object.keys(TRANSITIONS) as CaseEventType[]
).flatMap((event) => TRANSITIONS[event].from.map((from) => ({ event, from, to: TRANSITIONS[event].to })));

const WITHDRAWABLE: Record<ProcedureDefinition['withdrawal'], readonly CaseStatus[]> = {
  until_decision: TRANSITIONS.withdraw.from,
  until_taken_in_charge: ['draft', 'submitted', 'registered'],
};

export interface NewCase {
  id: string;
  comune: string;
  procedure: ProcedureDefinition;
  applicantId?: string | null;
}

/** Opens a draft; the timeline entry has `from: null`. */
export function openCase(
  input: NewCase,
  actor: Actor,
  at: LocalDateTime,
): CaseResult<{ state: CaseState; event: TimelineEvent }> {
  if (input.id.trim() === '') return caseFail({ reason: 'empty_field', field: 'id' });
  if (!isLocalDateTime(at)) return caseFail({ reason: 'invalid_timestamp', field: 'at', value: at });
  if (input.procedure.comune !== null && input.procedure.comune !== input.comune) {
    return caseFail({
      reason: 'procedure_of_other_comune',
      procedure: input.procedure.code,
      comune: input.comune,
    });
  }
  if (actor.role === 'system')
    return caseFail({ reason: 'role_not_allowed', event: 'submit', role: actor.role });
  const state: CaseState = {
    id: input.id,
    comune: input.comune,
    procedure: input.procedure,
    status: 'draft',
    applicantId: input.applicantId ?? (actor.role === 'citizen' ? actor.id : null),
    createdAt: at,
    protocol: null,
    receivedOn: null,
    assigneeId: null,
    suspensions: [],
    proposal: null,
    outcome: null,
    closedAt: null,
    lastEventAt: at,
  };
  return {
    ok: true,
    value: {
      state,
      event: {
        caseId: input.id,
        type: 'create',
        who: actor,
        when: at,
        why: '',
        from: null,
        to: 'draft',
        details: { procedure: input.procedure.code, procedureVersion: input.procedure.validFrom },
      },
    },
  };
}

export interface TransitionOptions {
  /** calendar options on top of the case's comune (e.g. Saturday closed, local closures) */
  calendar?: CalendarOptions;
}

type Step = CaseResult<{ next: Partial<CaseState>; details?: Record<string, TimelineDetail> }>;

const fail = (problem: CaseProblem): Step => caseFail(problem);
const step = (next: Partial<CaseState>, details: Record<string, TimelineDetail> = {}): Step => ({
  ok: true,
  value: { next, details },
});

function parseProtocolInput(input: ProtocolInput): ProtocolResult<ProtocolNumber> {
  return typeof input === 'string'
    ? parseProtocolNumber(input, { lenient: true })
    : validateProtocolNumber(input);
}

function protocolText(input: ProtocolInput): string {
  return typeof input === 'string' ? input : `${input.year}/${input.number}`;
}

function finalActOf(
  input: FinalActInput | undefined,
  today: IsoDate,
  notBefore: IsoDate | null,
): CaseResult<FinalAct | null> {
  if (input === undefined) return { ok: true, value: null };
  const parsed = parseProtocolInput(input.number);
  if (!parsed.ok) {
    return caseFail({
      reason: 'invalid_protocol',
      value: protocolText(input.number),
      detail: parsed.error.message,
    });
  }
  if (!isIsoDate(input.date))
    return caseFail({ reason: 'invalid_date', field: 'finalAct.date', value: input.date });
  const dateYear = Number(input.date.slice(0, 4));
  if (dateYear !== parsed.value.year) {
    return caseFail({ reason: 'protocol_year_mismatch', numberYear: parsed.value.year, dateYear });
  }
  const tooEarly = notBefore !== null && compareIsoDates(input.date, notBefore) < 0;
  if (tooEarly || compareIsoDates(input.date, today) > 0) {
    return caseFail({
      reason: 'date_out_of_order',
      field: 'finalAct.date',
      value: input.date,
      notBefore: notBefore ?? '—',
    });
  }
  return { ok: true, value: { number: parsed.value, date: input.date } };
}

const lastOf = <T>(list: readonly T[]): T | undefined => list[list.length - 1];
const refusalNotices = (state: CaseState): RefusalNoticeSuspension[] =>
  state.suspensions.filter((s): s is RefusalNoticeSuspension => s.kind === 'refusal_notice');

/** Refuses when silence-assent has already formed (art. 2 c.8-bis: later refusals are ineffective). */
function silenceFormed(state: CaseState, today: IsoDate, options: TransitionOptions): CaseProblem | null {
  if (refusalNotices(state).length > 0) return null;
  const formsOn = caseSilenceFormsOn(state, today, options.calendar);
  if (formsOn !== null && compareIsoDates(today, formsOn) >= 0) {
    return { reason: 'silence_already_formed', formedOn: formsOn };
  }
  return null;
}

function fourEyes(state: CaseState, event: 'approve' | 'reject', actor: Actor): CaseProblem | null {
  const proposal = state.proposal;
  if (proposal === null) return null;
  if (state.procedure.needsSecondApproval && proposal.by === actor.id) {
    return { reason: 'four_eyes', event, actorId: actor.id };
  }
  return null;
}

function applyEvent(
  state: CaseState,
  event: CaseEvent,
  actor: Actor,
  at: LocalDateTime,
  options: TransitionOptions,
): Step {
  const today = localDateOf(at);
  const procedure = state.procedure;
  switch (event.type) {
    case 'submit':
      return step({});

    case 'register': {
      if (typeof event.protocol === 'string' && event.protocol.trim() === '') {
        return fail({ reason: 'protocol_required' });
      }
      const parsed = parseProtocolInput(event.protocol);
      if (!parsed.ok) {
        return fail({
          reason: 'invalid_protocol',
          value: protocolText(event.protocol),
          detail: parsed.error.message,
        });
      }
      if (!isLocalDateTime(event.registeredAt)) {
        return fail({ reason: 'invalid_timestamp', field: 'registeredAt', value: event.registeredAt });
      }
      if (compareLocalDateTimes(event.registeredAt, at) > 0) {
        return fail({ reason: 'registered_in_future', registeredAt: event.registeredAt, at });
      }
      const registeredOn = localDateOf(event.registeredAt);
      const dateYear = Number(registeredOn.slice(0, 4));
      if (dateYear !== parsed.value.year) {
        return fail({ reason: 'protocol_year_mismatch', numberYear: parsed.value.year, dateYear });
      }
      const receivedOn = event.receivedOn ?? registeredOn;
      if (!isIsoDate(receivedOn))
        return fail({ reason: 'invalid_date', field: 'receivedOn', value: receivedOn });
      if (compareIsoDates(receivedOn, registeredOn) > 0) {
        return fail({ reason: 'received_after_registration', receivedOn, registeredOn });
      }
      return step(
        { protocol: { number: parsed.value, registeredAt: event.registeredAt }, receivedOn },
        { protocol: formatProtocolNumber(parsed.value), registeredAt: event.registeredAt, receivedOn },
      );
    }

    case 'take_in_charge': {
      const assigneeId = event.assigneeId ?? actor.id;
      if (assigneeId.trim() === '') return fail({ reason: 'empty_field', field: 'assigneeId' });
      return step({ assigneeId }, { assigneeId });
    }

    case 'suspend': {
      const reference = event.reference ?? null;
      const facts = caseTermFacts(state);
      if (event.kind === 'information_request') {
        const rules = procedure.suspension;
        const previous = state.suspensions.filter((s) => s.kind === 'information_request');
        const first = previous[0];
        if (previous.length >= rules.informationRequests) {
          return fail({
            reason: 'information_suspension_limit',
            max: rules.informationRequests,
            previousFrom: first?.from ?? '—',
          });
        }
        const days = event.days ?? rules.informationRequestMaxDays;
        if (!Number.isInteger(days) || days < 1 || days > rules.informationRequestMaxDays) {
          return fail({ reason: 'suspension_too_long', days, max: rules.informationRequestMaxDays });
        }
        if (facts !== null) {
          const due = dueDate(facts, today, caseCalendar(state, options.calendar));
          if (compareIsoDates(today, due) > 0) return fail({ reason: 'suspension_after_term', dueDate: due });
        }
        const suspension: Suspension = {
          kind: 'information_request',
          from: today,
          maxDays: days,
          resumedOn: null,
          reason: event.reason.trim(),
          reference,
        };
        return step(
          { suspensions: [...state.suspensions, suspension] },
          { kind: event.kind, days, reference },
        );
      }
      if (!procedure.refusalNoticeApplies) {
        return fail({ reason: 'refusal_notice_not_applicable', procedure: procedure.code });
      }
      const formed = silenceFormed(state, today, options);
      if (formed) return fail(formed);
      const suspension: Suspension = {
        kind: 'refusal_notice',
        from: today,
        observationDays: procedure.suspension.refusalObservationDays,
        restartDelayDays: procedure.suspension.refusalRestartDelayDays,
        noticeReceivedOn: null,
        observationsReceivedOn: null,
        resumedOn: null,
        reason: event.reason.trim(),
        reference,
      };
      return step(
        { suspensions: [...state.suspensions, suspension] },
        { kind: event.kind, observationDays: suspension.observationDays, reference },
      );
    }

    case 'resume': {
      const current = lastOf(state.suspensions);
      if (!current || current.resumedOn !== null)
        return fail({
          reason: 'illegal_transition',
          event: 'resume',
          from: state.status,
          allowed: allowedEvents(state.status),
        });
      const others = state.suspensions.slice(0, -1);
      if (current.kind === 'information_request') {
        return step({ suspensions: [...others, { ...current, resumedOn: today }] }, { kind: current.kind });
      }
      const received = event.noticeReceivedOn ?? current.noticeReceivedOn ?? null;
      if (received !== null) {
        if (!isIsoDate(received))
          return fail({ reason: 'invalid_date', field: 'noticeReceivedOn', value: received });
        if (compareIsoDates(received, current.from) < 0 || compareIsoDates(received, today) > 0) {
          return fail({
            reason: 'date_out_of_order',
            field: 'noticeReceivedOn',
            value: received,
            notBefore: current.from,
          });
        }
      }
      const observations = event.observationsReceivedOn ?? null;
      const windowStart = received ?? current.from;
      if (observations !== null) {
        if (!isIsoDate(observations)) {
          return fail({ reason: 'invalid_date', field: 'observationsReceivedOn', value: observations });
        }
        if (compareIsoDates(observations, current.from) < 0 || compareIsoDates(observations, today) > 0) {
          return fail({
            reason: 'date_out_of_order',
            field: 'observationsReceivedOn',
            value: observations,
            notBefore: current.from,
          });
        }
      } else {
        const until = addDays(windowStart, current.observationDays);
        if (compareIsoDates(today, until) < 0) return fail({ reason: 'observation_period_running', until });
      }
      const resumed: Suspension = {
        ...current,
        noticeReceivedOn: received,
        observationsReceivedOn: observations,
        resumedOn: today,
      };
      return step(
        { suspensions: [...others, resumed] },
        { kind: current.kind, noticeReceivedOn: received, observationsReceivedOn: observations },
      );
    }

    case 'propose': {
      if (actor.role !== 'supervisor' && state.assigneeId !== null && state.assigneeId !== actor.id) {
        return fail({ reason: 'not_assignee', actorId: actor.id, assigneeId: state.assigneeId });
      }
      return step(
        { proposal: { outcome: event.outcome, by: actor.id, at, reason: event.reason.trim() } },
        { proposed: event.outcome },
      );
    }

    case 'approve':
    case 'reject': {
      const proposal = state.proposal;
      const wanted = event.type === 'approve' ? 'approve' : 'reject';
      if (proposal !== null && proposal.outcome !== wanted) {
        return fail({
          reason: 'decision_differs_from_proposal',
          event: event.type,
          proposed: proposal.outcome,
        });
      }
      const eyes = fourEyes(state, event.type, actor);
      if (eyes) return fail(eyes);
      if (event.type === 'reject') {
        const formed = silenceFormed(state, today, options);
        if (formed) return fail(formed);
        if (procedure.refusalNoticeApplies && refusalNotices(state).length === 0) {
          return fail({ reason: 'refusal_notice_required' });
        }
      }
      const act = finalActOf(event.finalAct, today, state.receivedOn);
      if (!act.ok) return act;
      const outcome: CaseOutcome = {
        kind: event.type === 'approve' ? 'approved' : 'rejected',
        at,
        by: actor.id,
        finalAct: act.value,
      };
      return step(
        { outcome },
        {
          proposedBy: proposal?.by ?? null,
          finalAct: act.value ? formatProtocolNumber(act.value.number) : null,
        },
      );
    }

    case 'return_for_review':
      return step(
        { proposal: null },
        { proposed: state.proposal?.outcome ?? null, proposedBy: state.proposal?.by ?? null },
      );

    case 'silence_assent': {
      if (!procedure.silenceMeansConsent)
        return fail({ reason: 'silence_not_applicable', procedure: procedure.code });
      const notice = refusalNotices(state)[0];
      if (notice) return fail({ reason: 'silence_blocked', noticeOn: notice.from });
      const formsOn = caseSilenceFormsOn(state, today, options.calendar);
      if (formsOn === null) return fail({ reason: 'silence_not_applicable', procedure: procedure.code });
      if (compareIsoDates(today, formsOn) < 0) return fail({ reason: 'silence_not_yet', formsOn });
      return step({ outcome: { kind: 'silence_assent', at, formedOn: formsOn } }, { formedOn: formsOn });
    }

    case 'withdraw': {
      if (!WITHDRAWABLE[procedure.withdrawal].includes(state.status)) {
        return fail({ reason: 'withdrawal_not_allowed', from: state.status });
      }
      if (actor.role === 'citizen' && state.applicantId !== null && state.applicantId !== actor.id) {
        return fail({ reason: 'not_applicant', actorId: actor.id });
      }
      // a running suspension ends with the case
      const current = lastOf(state.suspensions);
      const suspensions =
        current && current.resumedOn === null
          ? [...state.suspensions.slice(0, -1), { ...current, resumedOn: today }]
          : state.suspensions;
      return step(
        { outcome: { kind: 'withdrawn', at, by: actor.id, fromStatus: state.status }, suspensions },
        { fromStatus: state.status },
      );
    }

    case 'close': {
      const outcome = state.outcome;
      if (outcome !== null && (outcome.kind === 'approved' || outcome.kind === 'rejected')) {
        const act = finalActOf(event.finalAct, today, state.receivedOn);
        if (!act.ok) return act;
        const finalAct = act.value ?? outcome.finalAct;
        if (finalAct === null) return fail({ reason: 'final_act_required', outcome: outcome.kind });
        return step(
          { outcome: { ...outcome, finalAct }, closedAt: at },
          { outcome: outcome.kind, finalAct: formatProtocolNumber(finalAct.number) },
        );
      }
      return step({ closedAt: at }, { outcome: outcome?.kind ?? null });
    }
  }
}

/**
 * Applies `event` by `actor` at `at` (Europe/Rome wall clock) to a case. Checks, in order: the
 * time, the state (illegal transition), the actor's role, the reason where one is required,
 * then the rules of the step (protocol number, four-eyes, suspension limits, art. 10-bis,
 * silence-assent, withdrawal limits, final act).
 */
export function transition(
  state: CaseState,
  event: CaseEvent,
  actor: Actor,
  at: LocalDateTime,
  options: TransitionOptions = {},
): CaseResult<{ state: CaseState; event: TimelineEvent }> {
  if (!isLocalDateTime(at)) return caseFail({ reason: 'invalid_timestamp', field: 'at', value: at });
  if (compareLocalDateTimes(at, state.lastEventAt) < 0) {
    return caseFail({ reason: 'time_goes_backwards', at, last: state.lastEventAt });
  }
  const rule = TRANSITIONS[event.type];
  if (!rule.from.includes(state.status)) {
    return caseFail({
      reason: 'illegal_transition',
      event: event.type,
      from: state.status,
      allowed: allowedEvents(state.status),
    });
  }
  if (!rule.roles.includes(actor.role))
    return caseFail({ reason: 'role_not_allowed', event: event.type, role: actor.role });
  const why = (event.reason ?? '').trim();
  if (rule.reasonRequired && why === '') return caseFail({ reason: 'reason_required', event: event.type });

  const result = applyEvent(state, event, actor, at, options);
  if (!result.ok) return result;
  const next: CaseState = { ...state, ...result.value.next, status: rule.to, lastEventAt: at };
  return {
    ok: true,
    value: {
      state: next,
      event: {
        caseId: state.id,
        type: event.type,
        who: actor,
        when: at,
        why,
        from: state.status,
        to: rule.to,
        details: result.value.details ?? {},
      },
    },
  };
}
