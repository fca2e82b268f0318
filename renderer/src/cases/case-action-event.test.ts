import { describe, expect, it } from 'vitest';
import { actionNeedsReason, CASE_ACTIONS, eventForAction } from '../../../shared/cases/case-actions';
import { caseEventSchema } from '../../../shared/cases/case-mutations';

describe('the step the case action form sends', () => {
  it('carries what the clerk typed, and only the fields its step has', () => {
    expect(eventForAction('take_in_charge', { reason: '' })).toEqual({ type: 'take_in_charge' });
    expect(
      eventForAction('suspend_information', { reason: ' manca planimetria ', days: 20, reference: ' P/12 ' }),
    ).toEqual({
      type: 'suspend',
      kind: 'information_request',
      reason: 'manca planimetria',
      days: 20,
      reference: 'P/12',
    });
    expect(eventForAction('suspend_refusal', { reason: 'motivi', days: 20 })).toEqual({
      type: 'suspend',
      kind: 'refusal_notice',
      reason: 'motivi',
    });
    expect(eventForAction('resume', { observationsReceivedOn: '2026-03-01' })).toEqual({
      type: 'resume',
      observationsReceivedOn: '2026-03-01',
    });
    expect(eventForAction('propose_reject', { reason: 'no' })).toEqual({
      type: 'propose',
      outcome: 'reject',
      reason: 'no',
    });
    expect(eventForAction('approve', { reason: '' })).toEqual({ type: 'approve' });
    expect(eventForAction('close', { reason: 'fine' })).toEqual({ type: 'close', reason: 'fine' });
    // a reason the rules require is sent even when empty, for the rules to refuse it
    expect(eventForAction('withdraw', { reason: '  ' })).toEqual({ type: 'withdraw', reason: '' });
  });

  it('is null for the actions that are not a step of the machine', () => {
    for (const a of ['assign', 'police_check', 'visit'] as const) expect(eventForAction(a, {})).toBeNull();
  });

  it('every step it builds is one the core accepts', () => {
    for (const a of CASE_ACTIONS) {
      const event = eventForAction(a, { reason: 'motivo', days: 10, reference: 'R' });
      if (event) expect(caseEventSchema.safeParse(event).success).toBe(true);
    }
  });

  it('asks for a reason exactly where the state machine requires one', () => {
    expect(CASE_ACTIONS.filter(actionNeedsReason)).toEqual([
      'suspend_information',
      'suspend_refusal',
      'propose_approve',
      'propose_reject',
      'return_for_review',
      'withdraw',
    ]);
  });
});
