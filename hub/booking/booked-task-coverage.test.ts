import { describe, expect, it } from 'vitest';
import { OFFICE_SLOT_PLANS } from '../../shared/booking/slot-plan-casale';
import { whatToBring } from '../../shared/booking/what-to-bring';
import { bookedTask, FALLBACK_TASK } from '../../shared/visits/booked-task';

/**
 * Every service an office books opens a task at the desk and has a what-to-bring list: a key
 * renamed in a plan must fail here, not make the desk fall back to the bare resident page, or
 * the confirmation go out without the list, without anyone noticing.
 */
describe('every bookable service has a desk task and a list of what to bring', () => {
  const services = OFFICE_SLOT_PLANS.flatMap((plan) =>
    Object.keys(plan.services).map((key) => [`${plan.comune}/${plan.office}/${key}`, key] as const),
  );
  it.each(services)('%s', (_where, key) => {
    expect(bookedTask(key)).not.toBe(FALLBACK_TASK);
    expect(whatToBring(key, 'it').length).toBeGreaterThan(0);
    expect(whatToBring(key, 'en')).toHaveLength(whatToBring(key, 'it').length);
  });
});
