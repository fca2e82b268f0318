import { describe, expect, it } from 'vitest';
import { MUTATIONS } from '../sync/mutations';
import { AppError } from '../errors/app-error';
import { can, isAction, policyTable, requireAllowed } from './policy';

describe('role policy', () => {
  it('has a rule for every mutation the hub applies', () => {
    for (const name of Object.keys(MUTATIONS)) expect(isAction(name), name).toBe(true);
  });

  it('keeps supervisor acts from clerks, and the till from administrators', () => {
    expect(can('clerk', 'registry.setCertifiable')).toBe(false);
    expect(can('supervisor', 'registry.setCertifiable')).toBe(true);
    expect(can('admin', 'certificates.revoke')).toBe(true);
    expect(can('clerk', 'cashdesk.recordReversal')).toBe(false);
    expect(can('clerk', 'cashdesk.closeSession')).toBe(false);
    expect(can('clerk', 'cashdesk.recordPayment')).toBe(true);
    expect(can('admin', 'cashdesk.recordPayment')).toBe(false);
    expect(can('citizen', 'cases.open')).toBe(false);
    expect(can('system', 'cases.assign')).toBe(false);
  });

  it('refuses in both languages, naming the action and the role', () => {
    let refusal: unknown = null;
    try {
      requireAllowed('clerk', 'protocol.cancel');
    } catch (err) {
      refusal = err;
    }
    expect(refusal).toBeInstanceOf(AppError);
    const error = refusal as AppError;
    expect(error.toData('it').message).toBe(
      'Operazione «annullamento di una registrazione di protocollo» non consentita al ruolo operatore.',
    );
    expect(error.toData('en').message).toBe(
      '“cancelling a protocol entry” is not allowed for the clerk role.',
    );
  });

  it('gives every rule at least one role and a label in both languages', () => {
    for (const [action, rule] of Object.entries(policyTable())) {
      expect(rule.roles.length, action).toBeGreaterThan(0);
      expect(rule.label.it.length, action).toBeGreaterThan(3);
      expect(rule.label.en.length, action).toBeGreaterThan(3);
    }
  });
});
