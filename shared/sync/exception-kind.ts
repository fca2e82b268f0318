/**
 * What a supervisor needs to know first about a change that did not go through: will it go
 * through by itself, or must a person act?
 *  - transient: nothing is wrong with the record; it goes through once the software or the
 *    network catches up (a counter updated to a release that knows the kind, the hub back);
 *  - permanent: refused on its merits or unreadable by design (bad data, a rule, a conflict,
 *    a mutation the hub no longer knows): a person must decide, waiting changes nothing.
 */
export const EXCEPTION_KINDS = ['transient', 'permanent'] as const;
export type ExceptionKind = (typeof EXCEPTION_KINDS)[number];

/** Codes that settle by themselves; every other code, known or not, needs a person. */
const TRANSIENT_CODES: ReadonlySet<string> = new Set([
  // an older counter facing a newer hub: the counter's update applies it
  'change_kind_unknown',
  // the hub or the network failed while deciding: the next attempt decides again
  'hub_unreachable',
  'hub_error',
  'internal',
  'rate_limited',
]);

export function exceptionKind(code: string): ExceptionKind {
  return TRANSIENT_CODES.has(code) ? 'transient' : 'permanent';
}

/** Whole minutes between `at` and `now` (never negative: clocks of counters drift). */
export function ageMinutes(at: string, now: Date): number {
  const t = Date.parse(at);
  if (Number.isNaN(t)) return 0;
  return Math.max(0, Math.floor((now.getTime() - t) / 60_000));
}
