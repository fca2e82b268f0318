import { transition, TRANSITIONS, type CaseEvent } from './case-state-machine';
import { can } from '../auth/policy';
import { actorOf, clampAt, isOpenStatus, type CaseActor } from './case-engine';
import type { CaseEventInput } from './case-mutations';
import type { CaseRecord } from './case-record';
import type { LocalDateTime } from '../protocol/local-date-time';

/** What a person may do on a case from the screen: the detail's buttons and keys. */
export const CASE_ACTIONS = [
  'take_in_charge',
  'assign',
  'suspend_information',
  'suspend_refusal',
  'resume',
  'propose_approve',
  'propose_reject',
  'approve',
  'reject',
  'return_for_review',
  'withdraw',
  'close',
  'police_check',
  'visit',
] as const;
export type CaseAction = (typeof CASE_ACTIONS)[number];

const TRIAL_REASON = '—';

/** The state-machine step behind each action, with placeholder reasons for the trial run. */
const STEPS: Partial<Record<CaseAction, CaseEvent>> = {
  take_in_charge: { type: 'take_in_charge' },
  suspend_information: { type: 'suspend', kind: 'information_request', reason: TRIAL_REASON },
  suspend_refusal: { type: 'suspend', kind: 'refusal_notice', reason: TRIAL_REASON },
  propose_approve: { type: 'propose', outcome: 'approve', reason: TRIAL_REASON },
  propose_reject: { type: 'propose', outcome: 'reject', reason: TRIAL_REASON },
  approve: { type: 'approve' },
  reject: { type: 'reject' },
  return_for_review: { type: 'return_for_review', reason: TRIAL_REASON },
  withdraw: { type: 'withdraw', reason: TRIAL_REASON },
  close: { type: 'close' },
};

/**
 * The actions the rules would accept now from this person, found by trying each step on the
 * state machine (so roles, four-eyes, suspension limits, art. 10-bis and the procedure's own
 * limits are the machine's, never restated here). Resuming is offered whenever the case is
 * suspended: whether the observation period allows it depends on dates the clerk gives.
 */
export function allowedActions(record: CaseRecord, actor: CaseActor, now: LocalDateTime): CaseAction[] {
  const state = record.state;
  const at = clampAt(now, state.lastEventAt);
  const actions: CaseAction[] = [];
  for (const [action, event] of Object.entries(STEPS) as [CaseAction, CaseEvent][]) {
    if (transition(state, event, actorOf(actor), at).ok) actions.push(action);
  }
  if (state.status === 'suspended') actions.push('resume');
  const open = isOpenStatus(state.status);
  const reassignable = ['registered', 'taken_in_charge', 'suspended', 'proposed_outcome'].includes(
    state.status,
  );
  if (reassignable && can(actor.role, 'cases.assign')) actions.push('assign');
  if (open && record.residence !== null) actions.push('police_check');
  if (open) actions.push('visit');
  return CASE_ACTIONS.filter((a) => actions.includes(a));
}

/** The step behind every action that is a transition, resuming included (its dates come from the clerk). */
const EVENTS: Partial<Record<CaseAction, CaseEvent>> = { ...STEPS, resume: { type: 'resume' } };

/** Whether the rules require a reason for this action (actions that are not transitions: no). */
export function actionNeedsReason(action: CaseAction): boolean {
  const step = EVENTS[action];
  return step !== undefined && TRANSITIONS[step.type].reasonRequired;
}

/** What the clerk typed on the form of an action. */
export interface ActionFields {
  reason?: string;
  /** a suspension's protocol or letter reference */
  reference?: string;
  /** days granted by an information request */
  days?: number;
  observationsReceivedOn?: string;
  noticeReceivedOn?: string;
}

/**
 * The step to send for an action, from what the clerk typed: null for the actions that are not a
 * transition (assign, police check, visit). A reason the rules require is always sent, so an empty
 * one is refused by the rules rather than silently dropped; an optional one only when typed.
 */
export function eventForAction(action: CaseAction, fields: ActionFields): CaseEventInput | null {
  const step = EVENTS[action];
  if (!step) return null;
  const reason = fields.reason?.trim() ?? '';
  const reference = fields.reference?.trim() ?? '';
  const { reason: _trial, ...base } = { reason: undefined, ...step };
  return {
    ...base,
    ...(step.type === 'suspend' && step.kind === 'information_request' && fields.days !== undefined
      ? { days: fields.days }
      : {}),
    ...(step.type === 'suspend' && reference ? { reference } : {}),
    ...(step.type === 'resume' && fields.observationsReceivedOn
      ? { observationsReceivedOn: fields.observationsReceivedOn }
      : {}),
    ...(step.type === 'resume' && fields.noticeReceivedOn
      ? { noticeReceivedOn: fields.noticeReceivedOn }
      : {}),
    ...(reason || TRANSITIONS[step.type].reasonRequired ? { reason } : {}),
  } as CaseEventInput;
}
