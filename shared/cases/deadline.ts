import {
  addDays,
  compareIsoDates,
  daysBetween,
  maxIsoDate,
  minIsoDate,
  type IsoDate,
} from '../calendar/iso-date';
import { termEnd, type CalendarOptions } from '../calendar/working-days';
import { localDateOf } from '../protocol/local-date-time';
import type { CaseState, Suspension } from './case-model';

/**
 * Deadlines of a case and the supervisor's view of them (DOMAIN.md §9.2):
 *
 *   due date = legal start + maxDays + Σ suspension days, moved to the next working day
 *
 * The legal start is the receipt of the application (L. 241/1990 art. 2 c.6), normally its
 * protocol date. Days are calendar days; the start day is not counted and a last day that is
 * not a working day moves to the next one (art. 2963 c.c., via calendar/working-days.ts
 * `termEnd`), with the comune's patron saint as a holiday. The terms are "orderly", not
 * peremptory (DOMAIN.md §9.1): a late act is still valid, so overdue is a colour, not an error.
 */

/** The day the term restarts after a suspension, as far as it is known on `asOf`. */
export function suspensionEnd(s: Suspension, asOf: IsoDate): IsoDate {
  if (s.kind === 'information_request') {
    const limit = addDays(s.from, s.maxDays);
    // pending: suspended up to today so far (a lower bound that grows until the limit)
    return minIsoDate(s.resumedOn ?? maxIsoDate(asOf, s.from), limit);
  }
  // art. 10-bis: restart 10 days after the observations, or when the 10 days for them expire;
  // observations filed after that are late and change nothing
  const received = s.noticeReceivedOn ?? s.from;
  const windowEnd = addDays(received, s.observationDays);
  const obs = s.observationsReceivedOn;
  if (obs !== null && compareIsoDates(obs, windowEnd) <= 0) return addDays(obs, s.restartDelayDays);
  return windowEnd;
}

/**
 * Calendar days the suspension adds to the term, as known on `asOf`. A suspension starting
 * after `asOf` adds nothing yet. For a refusal notice whose observations have not arrived, the
 * certain minimum (the 10 days) is counted: if observations arrive, the count grows.
 */
export function suspendedDays(s: Suspension, asOf: IsoDate): number {
  if (compareIsoDates(asOf, s.from) < 0) return 0;
  return Math.max(0, daysBetween(s.from, suspensionEnd(s, asOf)));
}

export function totalSuspendedDays(suspensions: readonly Suspension[], asOf: IsoDate): number {
  return suspensions.reduce((sum, s) => sum + suspendedDays(s, asOf), 0);
}

/**
 * Whether the term is stopped on `date` (the suspension's first day included, its end not).
 * A pending information request stops it until the information arrives or the limit passes.
 */
export function isSuspendedOn(suspensions: readonly Suspension[], date: IsoDate): boolean {
  return suspensions.some((s) => {
    const end =
      s.kind === 'information_request' && s.resumedOn === null
        ? addDays(s.from, s.maxDays)
        : suspensionEnd(s, date);
    return compareIsoDates(date, s.from) >= 0 && compareIsoDates(date, end) < 0;
  });
}

/** Suspended days that have already elapsed on `asOf` (for "days elapsed"). */
function suspendedDaysElapsed(suspensions: readonly Suspension[], asOf: IsoDate): number {
  return suspensions.reduce((sum, s) => {
    if (compareIsoDates(asOf, s.from) < 0) return sum;
    return sum + Math.max(0, daysBetween(s.from, minIsoDate(suspensionEnd(s, asOf), asOf)));
  }, 0);
}

export interface TermFacts {
  /** receipt of the application (art. 2 c.6) */
  legalStart: IsoDate;
  /** the term in calendar days */
  days: number;
  suspensions: readonly Suspension[];
}

/** The last day of the term, as known on `asOf` (suspensions still running count so far). */
export function dueDate(facts: TermFacts, asOf: IsoDate, calendar: CalendarOptions = {}): IsoDate {
  return termEnd(facts.legalStart, facts.days + totalSuspendedDays(facts.suspensions, asOf), calendar);
}

/**
 * The first day on which silence counts as consent (art. 20): the day AFTER the last day of
 * the silence term, because the administration may still send its refusal notice on the last
 * day itself. Residence: declaration + 45 days (moved off holidays), assent from the next day.
 */
export function silenceFormsOn(facts: TermFacts, asOf: IsoDate, calendar: CalendarOptions = {}): IsoDate {
  return addDays(dueDate(facts, asOf, calendar), 1);
}

/**
 * L. 241/1990 art. 2 c.9-ter: once the term has expired, the applicant may ask the substitute
 * officer (potere sostitutivo), who concludes within HALF the original term from the request.
 * Half of an odd term is rounded up (our reading, in the applicant's disfavour by half a day
 * at most) [U].
 */
export function substituteDueDate(
  requestedOn: IsoDate,
  maxDays: number,
  calendar: CalendarOptions = {},
): IsoDate {
  return termEnd(requestedOn, Math.ceil(maxDays / 2), calendar);
}

export type DeadlineColour = 'green' | 'amber' | 'red';

/**
 * When a case turns amber. The default, our choice for the supervisor's queue: amber when at
 * most 20% of the term or at most 5 calendar days are left (whichever comes first: 5 days of a
 * 30-day term, 9 days of a 45-day one, 12 of a 60-day one), red once overdue. The due day
 * itself is amber, not red: the act may still be adopted that day.
 */
export interface ColourThresholds {
  /** fraction of the term (maxDays) left, 0-1 */
  amberFraction: number;
  /** calendar days left */
  amberDays: number;
}

export const DEFAULT_COLOUR_THRESHOLDS: ColourThresholds = { amberFraction: 0.2, amberDays: 5 };

export function deadlineColour(
  daysRemaining: number,
  termDays: number,
  thresholds: ColourThresholds = DEFAULT_COLOUR_THRESHOLDS,
): DeadlineColour {
  if (daysRemaining < 0) return 'red';
  if (daysRemaining <= thresholds.amberDays || daysRemaining <= thresholds.amberFraction * termDays) {
    return 'amber';
  }
  return 'green';
}

export interface DeadlineStatus {
  legalStart: IsoDate;
  dueDate: IsoDate;
  /** the term without suspensions */
  termDays: number;
  /** days added by suspensions so far (see suspendedDays) */
  suspendedDays: number;
  suspendedNow: boolean;
  /** the day the figures refer to: today, or the day the case was concluded */
  asOf: IsoDate;
  /** days of the term used, suspensions excluded */
  daysElapsed: number;
  /** calendar days from `asOf` to the due date: 0 on the due day, negative when overdue */
  daysRemaining: number;
  overdueDays: number;
  colour: DeadlineColour;
  /** the case reached an outcome (figures frozen on that day) */
  concluded: boolean;
  /** overdue and still open: a case for the substitute officer (art. 2 c.9-bis) */
  escalate: boolean;
}

export interface DeadlineOptions {
  calendar?: CalendarOptions;
  thresholds?: ColourThresholds;
}

/** The deadline figures of a term on `asOf`. `concludedOn`: the day an outcome was reached. */
export function deadlineStatus(
  facts: TermFacts,
  today: IsoDate,
  options: DeadlineOptions & { concludedOn?: IsoDate | null } = {},
): DeadlineStatus {
  const concludedOn = options.concludedOn ?? null;
  const asOf = concludedOn !== null ? minIsoDate(concludedOn, today) : today;
  const due = dueDate(facts, asOf, options.calendar);
  const suspended = totalSuspendedDays(facts.suspensions, asOf);
  const daysRemaining = daysBetween(asOf, due);
  const concluded = concludedOn !== null && compareIsoDates(concludedOn, today) <= 0;
  return {
    legalStart: facts.legalStart,
    dueDate: due,
    termDays: facts.days,
    suspendedDays: suspended,
    suspendedNow: !concluded && isSuspendedOn(facts.suspensions, asOf),
    asOf,
    daysElapsed: Math.max(
      0,
      daysBetween(facts.legalStart, asOf) - suspendedDaysElapsed(facts.suspensions, asOf),
    ),
    daysRemaining,
    overdueDays: Math.max(0, -daysRemaining),
    colour: deadlineColour(daysRemaining, facts.days, options.thresholds),
    concluded,
    escalate: !concluded && daysRemaining < 0,
  };
}

/** The term facts of a case, or null before it is registered (no legal start yet). */
export function caseTermFacts(state: CaseState): TermFacts | null {
  if (state.receivedOn === null) return null;
  return { legalStart: state.receivedOn, days: state.procedure.maxDays, suspensions: state.suspensions };
}

/** The calendar of the case's comune (patron saint), with the caller's options on top. */
export function caseCalendar(state: CaseState, calendar: CalendarOptions = {}): CalendarOptions {
  return { comune: state.comune, ...calendar };
}

/** The day a case reached its outcome (decision, silence-assent or withdrawal), or null. */
export function concludedOn(state: CaseState): IsoDate | null {
  if (state.outcome === null) return null;
  return state.outcome.kind === 'silence_assent' ? state.outcome.formedOn : localDateOf(state.outcome.at);
}

/** The supervisor's deadline figures of a case on `today`; null before registration. */
export function caseDeadline(
  state: CaseState,
  today: IsoDate,
  options: DeadlineOptions = {},
): DeadlineStatus | null {
  const facts = caseTermFacts(state);
  if (facts === null) return null;
  return deadlineStatus(facts, today, {
    ...options,
    calendar: caseCalendar(state, options.calendar),
    concludedOn: concludedOn(state),
  });
}

/** When silence-assent forms for a case whose procedure provides it; null otherwise. */
export function caseSilenceFormsOn(
  state: CaseState,
  asOf: IsoDate,
  calendar: CalendarOptions = {},
): IsoDate | null {
  const { silenceMeansConsent, silenceDays } = state.procedure;
  if (!silenceMeansConsent || silenceDays === null || state.receivedOn === null) return null;
  return silenceFormsOn(
    { legalStart: state.receivedOn, days: silenceDays, suspensions: state.suspensions },
    asOf,
    caseCalendar(state, calendar),
  );
}

// ---- handling-time statistics for the supervisor's dashboard (pure) ----

/** Net handling time: calendar days from the legal start to the conclusion, suspensions excluded. */
export function handlingDays(
  legalStart: IsoDate,
  concluded: IsoDate,
  suspensions: readonly Suspension[] = [],
): number {
  return Math.max(0, daysBetween(legalStart, concluded) - suspendedDaysElapsed(suspensions, concluded));
}

function checkDurations(values: readonly number[]): void {
  for (const v of values) {
    if (!Number.isFinite(v) || v < 0) throw new RangeError(`Not a duration in days: ${v}`);
  }
}

/**
 * The p-th percentile (0 < p ≤ 100) by the nearest-rank method: the smallest value with at
 * least p% of the values at or below it. Always one of the values (no interpolation), so "p90 =
 * 41 days" means a real case took 41 days. Null for an empty list.
 */
export function percentile(values: readonly number[], p: number): number | null {
  if (!(p > 0 && p <= 100)) throw new RangeError(`Percentile outside (0, 100]: ${p}`);
  checkDurations(values);
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.ceil((p / 100) * sorted.length) - 1] ?? null;
}

export interface HandlingStats {
  count: number;
  /** arithmetic mean, unrounded (the screen rounds) */
  mean: number;
  median: number;
  p90: number;
  max: number;
}

/** Average, median, p90 and maximum of handling times in days; null for no cases. */
export function handlingStats(durations: readonly number[]): HandlingStats | null {
  checkDurations(durations);
  if (durations.length === 0) return null;
  const sum = durations.reduce((a, b) => a + b, 0);
  return {
    count: durations.length,
    mean: sum / durations.length,
    median: percentile(durations, 50) ?? 0,
    p90: percentile(durations, 90) ?? 0,
    max: durations.reduce((a, b) => Math.max(a, b), 0),
  };
}
