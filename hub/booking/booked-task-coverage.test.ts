import { describe, expect, it } from 'vitest';
import { CASALE_ANAGRAFE_PLAN } from '../../shared/booking/slot-plan-casale';
import { bookedTask, FALLBACK_TASK } from '../../shared/visits/booked-task';
import { OFFICE_PLANS } from './provisional-plan';

/**
 * Every service the hub books opens a task at the desk: a key renamed in a plan must fail here,
 * not make the desk fall back to the bare resident page without anyone noticing.
 */
describe('every bookable service has a desk task', () => {
  const provisional = OFFICE_PLANS.flatMap((plan) =>
    plan.services.map((s) => [`${plan.comune}/${plan.office}/${s.key}`, s.key] as const),
  );
  it.each(provisional)('provisional plan %s', (_where, key) => {
    expect(bookedTask(key)).not.toBe(FALLBACK_TASK);
  });

  it.each(Object.keys(CASALE_ANAGRAFE_PLAN.services))('shared planner %s', (key) => {
    expect(bookedTask(key)).not.toBe(FALLBACK_TASK);
  });
});
