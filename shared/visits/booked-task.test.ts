import { describe, expect, it } from 'vitest';
import { BOOKABLE_SERVICE_KEYS } from '../booking/slot-plan-casale';
import { bookedTask, DESK_TASKS, FALLBACK_TASK } from './booked-task';

describe('bookedTask: the desk task a booked service opens', () => {
  it('opens the certificate form, the residence intake and the open items for their services', () => {
    expect(bookedTask('certificate')).toBe('certificate');
    expect(bookedTask('residence_change')).toBe('residence_intake');
    expect(bookedTask('payment')).toBe('open_items');
  });

  it('gives the CIE, issued in the ministry’s application, a checklist', () => {
    expect(bookedTask('cie')).toBe('cie_checklist');
  });

  it('opens the self-declaration and permit forms', () => {
    expect(bookedTask('self_declaration')).toBe('declaration');
    expect(bookedTask('permit')).toBe('permit');
  });

  it('knows every service the shared planner books', () => {
    for (const key of BOOKABLE_SERVICE_KEYS) expect(bookedTask(key), key).not.toBe(FALLBACK_TASK);
  });

  it('falls back to the person’s page, never an error, for an unknown or missing key', () => {
    for (const key of ['', 'passaporto', 'CIE', 'certificato', 'toString', '__proto__', null, undefined])
      expect(bookedTask(key)).toBe('resident');
    expect(DESK_TASKS).toContain(FALLBACK_TASK);
  });
});
