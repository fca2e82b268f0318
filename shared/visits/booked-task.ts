/**
 * Which task the desk opens when the clerk calls a booked ticket (issue 19: "the desk opens the
 * booked service's task, pre-filled for the person"). The answer is a name, not a screen: each
 * service's resident-page slot (renderer/src/services/screen-service.ts) opens its own form
 * when it sees its task, so a service registered through the pattern gets this for free.
 *
 * The keys are the shared planner's (shared/booking/slot-plan-casale.ts), the ones the hub books
 * against; hub/booking/booked-task-coverage.test.ts fails if a plan gains a key this table does not
 * know, instead of letting the desk fall back silently.
 */
export const DESK_TASKS = [
  /** the resident's page, nothing opened on it: unknown services and walk-ins */
  'resident',
  /** the certificate form (F4) */
  'certificate',
  /** the self-declaration form (F6) */
  'declaration',
  /** the change-of-residence intake (Alt+R, cases service) */
  'residence_intake',
  /**
   * the household's open items (visits service): the cash desk (F8) takes one notice number and
   * cannot be opened for a person, the open-items card pays several in one receipt
   */
  'open_items',
  /** the permit form (F3, permits service) */
  'permit',
  /** the electronic ID card is issued in the ministry's own application: a checklist here */
  'cie_checklist',
] as const;
export type DeskTask = (typeof DESK_TASKS)[number];

/** The fallback: the person's page alone. Never an error, a booking for it is still served. */
export const FALLBACK_TASK: DeskTask = 'resident';

const TASK_BY_SERVICE: Readonly<Record<string, DeskTask>> = {
  cie: 'cie_checklist',
  certificate: 'certificate',
  self_declaration: 'declaration',
  residence_change: 'residence_intake',
  payment: 'open_items',
  permit: 'permit',
};

/** The desk task a booked service opens; an unknown or missing key opens just the person's page. */
export function bookedTask(serviceKey: string | null | undefined): DeskTask {
  if (!serviceKey || !Object.hasOwn(TASK_BY_SERVICE, serviceKey)) return FALLBACK_TASK;
  return TASK_BY_SERVICE[serviceKey] ?? FALLBACK_TASK;
}
