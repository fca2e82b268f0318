import { addDays, compareIsoDates, isIsoDate, type IsoDate } from '../calendar/iso-date';
import { termEnd, type CalendarOptions } from '../calendar/working-days';
import { addCents, halve, increaseByOneThird, isCents, reduceByPercent, type Cents } from '../money/cents';
import { fineFail, type FineResult } from './fine-errors';
import { FINE_RULES, fineRulesOn, type FineRules } from './fine-rules';
import { notificationOutcome, type Notification, type NotificationOutcome } from './notification';
import { tariffFor, VIOLATION_TARIFFS, type ViolationTariff } from './tariffs';

/**
 * What a traffic fine costs on a given day (DOMAIN.md §4.1, §14 fact 5):
 *
 * - within 5 days of contestation or notification: the minimum reduced by 30% (art. 202 c.1
 *   CdS, second sentence, from DL 69/2013), unless the violation carries licence suspension or
 *   vehicle confiscation;
 * - within 60 days: the minimum ("pagamento in misura ridotta", art. 202 c.1 CdS);
 * - after that, with no payment and no appeal, the verbale is an enforceable title for half of
 *   the maximum (art. 203 c.3 CdS) — not a "doubled minimum";
 * - notification and procedure costs are added in every phase and never reduced (§4.4).
 *
 * Terms are counted by `termEnd`: the notification day is not counted, holidays inside the
 * term count, a last day that is not a working day moves to the next working day.
 *
 * Not computed here: the 10%-per-semester surcharge after enforcement (art. 206 CdS, L. 689/1981
 * art. 27 [K/U]); the double-minimum ordinanza-ingiunzione after a rejected appeal (art. 204);
 * the preavviso under the wiper (not a notification). The 30% also does not apply if the person
 * appealed (DOMAIN.md §4.1): an appealed fine is not a payment case for this function.
 */

export type CostKind = 'notification' | 'procedure' | 'renotification' | 'other';

export interface FineCost {
  kind: CostKind;
  cents: Cents;
}

export interface Fine {
  /** tariff id (tariffs.ts) */
  violationId: string;
  /** picks the tariff (amounts in force that day) */
  violationDate: IsoDate;
  notification: Notification;
  /** notification and procedure costs, set by the comune (§4.4); never reduced */
  costs?: readonly FineCost[];
  /** this verbale carries licence suspension (e.g. repeat offence): no 30% */
  licenceSuspension?: boolean;
  /** this verbale carries confiscation of the vehicle (art. 210 c.3): no 30% */
  vehicleConfiscation?: boolean;
  /** the driver did not stop or refused to show documents (art. 202 CdS): no reduced payment */
  reducedPaymentExcluded?: boolean;
  /** minimum and maximum increased by one third (art. 195 c.2-bis night hours; L. 177/2024 multiple speed checks) */
  increasedByOneThird?: boolean;
  /** default: true for contestation by hand, false otherwise */
  driverIdentified?: boolean;
  /** lives abroad: longer Giudice di Pace term */
  residentAbroad?: boolean;
}

export interface AmountDueOptions {
  /** the comune (patron saint), extra closures, Saturday; Saturday defaults to the rules' choice */
  calendar?: CalendarOptions;
  tariffs?: readonly ViolationTariff[];
  rules?: readonly FineRules[];
}

export type FinePhase = 'reduced' | 'minimum' | 'half-maximum';

export interface PhaseWindow {
  phase: FinePhase;
  /** first day of the window; null for the first (it includes the days before notification) */
  from: IsoDate | null;
  /** last day to pay this amount; null for the last window */
  until: IsoDate | null;
  baseCents: Cents;
  totalCents: Cents;
}

export type ThirtyPercent =
  { allowed: true } | { allowed: false; because: 'tariff' | 'licence-suspension' | 'vehicle-confiscation' };

export type FineWarning =
  /** the tariff is past the last date the sources confirm (possible 2026 update, DOMAIN.md §4.2) */
  | 'tariff_not_confirmed'
  /** CAD envelope not collected yet: collecting it would bring every term forward */
  | 'notification_provisional'
  /** after 60 days further surcharges may apply and are not included */
  | 'surcharges_not_included';

export interface AmountDue {
  tariff: ViolationTariff;
  onDate: IsoDate;
  notification: NotificationOutcome;
  phase: FinePhase;
  baseCents: Cents;
  costsCents: Cents;
  totalCents: Cents;
  /** last day to pay the current amount (already moved off holidays); null after 60 days */
  deadline: IsoDate | null;
  /** what applies from the day after `deadline` */
  nextThreshold: { from: IsoDate; phase: FinePhase; baseCents: Cents; totalCents: Cents } | null;
  /** every window, for the "amounts per window" display of DOMAIN.md §4.5 */
  schedule: readonly PhaseWindow[];
  thirtyPercent: ThirtyPercent;
  appeals: { prefettoBy: IsoDate; giudiceDiPaceBy: IsoDate };
  /** art. 126-bis c.2: owner's duty to name the driver of a violation with points */
  driverIdentification: { required: false } | { required: true; dueBy: IsoDate };
  warnings: readonly FineWarning[];
}

function thirtyPercentFor(fine: Fine, tariff: ViolationTariff): ThirtyPercent {
  if (!tariff.thirtyPercentAllowed) return { allowed: false, because: 'tariff' };
  if (fine.vehicleConfiscation) return { allowed: false, because: 'vehicle-confiscation' };
  if (fine.licenceSuspension) return { allowed: false, because: 'licence-suspension' };
  return { allowed: true };
}

function invalidDate(fine: Fine, onDate: string): { field: string; value: string } | null {
  const dates: [string, unknown][] = [
    ['onDate', onDate],
    ['violationDate', fine.violationDate],
  ];
  const n = fine.notification;
  if (n.mode === 'cad') {
    dates.push(['notification.depositedOn', n.depositedOn]);
    if (n.collectedOn !== undefined && n.collectedOn !== null)
      dates.push(['notification.collectedOn', n.collectedOn]);
  } else {
    dates.push(['notification.deliveredOn', n.deliveredOn]);
  }
  const bad = dates.find(([, value]) => !isIsoDate(value));
  return bad ? { field: bad[0], value: String(bad[1]) } : null;
}

/**
 * The amount due on `onDate` for a fine, with its phase, deadline, next threshold and the other
 * dates the counter shows. Pure: the calendar, tariffs and rules come in as data.
 */
export function amountDue(
  fine: Fine,
  onDate: IsoDate,
  options: AmountDueOptions = {},
): FineResult<AmountDue> {
  const bad = invalidDate(fine, onDate);
  if (bad) return fineFail({ reason: 'invalid_date', ...bad });
  const n = fine.notification;
  if (n.mode === 'cad' && n.collectedOn && compareIsoDates(n.collectedOn, n.depositedOn) < 0) {
    return fineFail({
      reason: 'collected_before_deposit',
      collectedOn: n.collectedOn,
      depositedOn: n.depositedOn,
    });
  }
  if (compareIsoDates(onDate, fine.violationDate) < 0) {
    return fineFail({ reason: 'date_before_violation', date: onDate, violationDate: fine.violationDate });
  }
  const costs = fine.costs ?? [];
  const badCost = costs.find((c) => !isCents(c.cents) || c.cents < 0);
  if (badCost) return fineFail({ reason: 'invalid_cost', kind: badCost.kind });

  const lookup = tariffFor(fine.violationId, fine.violationDate, options.tariffs ?? VIOLATION_TARIFFS);
  if (!lookup.ok) {
    if (lookup.reason === 'unknown_violation') {
      return fineFail({ reason: 'unknown_violation', violationId: fine.violationId });
    }
    return fineFail({ reason: lookup.reason, violationId: fine.violationId, date: fine.violationDate });
  }
  const { tariff } = lookup;
  if (!tariff.reducedPaymentAllowed || fine.reducedPaymentExcluded) {
    return fineFail({ reason: 'reduced_payment_not_allowed', violationId: fine.violationId });
  }

  // Rules are picked by the notification date; for CAD the deposit date stands in until the
  // notification date is known (the rules needed to compute it are those of that moment).
  const anchor = n.mode === 'cad' ? n.depositedOn : n.deliveredOn;
  const rulesTable = options.rules ?? FINE_RULES;
  const firstRules = fineRulesOn(anchor, rulesTable);
  if (!firstRules) return fineFail({ reason: 'no_rules_on_date', date: anchor });
  const notification = notificationOutcome(n, firstRules.cadPerfectedAfterDays, onDate);
  const rules = fineRulesOn(notification.notifiedOn, rulesTable) ?? firstRules;
  if (compareIsoDates(notification.notifiedOn, fine.violationDate) < 0) {
    return fineFail({
      reason: 'notified_before_violation',
      notifiedOn: notification.notifiedOn,
      violationDate: fine.violationDate,
    });
  }

  const calendar: CalendarOptions = { saturdayIsWorkingDay: rules.saturdayIsWorkingDay, ...options.calendar };
  const notifiedOn = notification.notifiedOn;
  const { rounding } = rules;

  const min = fine.increasedByOneThird ? increaseByOneThird(tariff.minCents, rounding) : tariff.minCents;
  const max = fine.increasedByOneThird ? increaseByOneThird(tariff.maxCents, rounding) : tariff.maxCents;
  const costsCents = addCents(...costs.map((c) => c.cents));
  const total = (base: Cents): Cents => addCents(base, costsCents);

  const thirtyPercent = thirtyPercentFor(fine, tariff);
  const minimumUntil = termEnd(notifiedOn, rules.minimumDays, calendar);
  const schedule: PhaseWindow[] = [];
  let reducedUntil: IsoDate | null = null;
  if (thirtyPercent.allowed) {
    const reduced = reduceByPercent(min, rules.reducedPercent, rounding);
    reducedUntil = termEnd(notifiedOn, rules.reducedDays, calendar);
    schedule.push({
      phase: 'reduced',
      from: null,
      until: reducedUntil,
      baseCents: reduced,
      totalCents: total(reduced),
    });
  }
  schedule.push({
    phase: 'minimum',
    from: reducedUntil === null ? null : addDays(reducedUntil, 1),
    until: minimumUntil,
    baseCents: min,
    totalCents: total(min),
  });
  const halfMax = halve(max, rounding);
  schedule.push({
    phase: 'half-maximum',
    from: addDays(minimumUntil, 1),
    until: null,
    baseCents: halfMax,
    totalCents: total(halfMax),
  });

  // the last window is open-ended, so one always matches
  const index = schedule.findIndex((w) => w.until === null || compareIsoDates(onDate, w.until) <= 0);
  const current = schedule[index];
  if (!current) throw new Error('unreachable: the last fine window is open-ended');
  const next = schedule[index + 1];

  const warnings: FineWarning[] = [];
  if (!lookup.confirmed) warnings.push('tariff_not_confirmed');
  if (notification.provisional) warnings.push('notification_provisional');
  if (current.phase === 'half-maximum') warnings.push('surcharges_not_included');

  const identified = fine.driverIdentified ?? n.mode === 'hand';
  const courtCalendar: CalendarOptions = { ...calendar, saturdayIsWorkingDay: false }; // art. 155 c.5 c.p.c.

  return {
    ok: true,
    value: {
      tariff,
      onDate,
      notification,
      phase: current.phase,
      baseCents: current.baseCents,
      costsCents,
      totalCents: current.totalCents,
      deadline: current.until,
      nextThreshold:
        next && next.from !== null
          ? { from: next.from, phase: next.phase, baseCents: next.baseCents, totalCents: next.totalCents }
          : null,
      schedule,
      thirtyPercent,
      appeals: {
        prefettoBy: termEnd(notifiedOn, rules.prefettoAppealDays, calendar),
        giudiceDiPaceBy: termEnd(
          notifiedOn,
          fine.residentAbroad ? rules.giudiceDiPaceAppealDaysAbroad : rules.giudiceDiPaceAppealDays,
          courtCalendar,
        ),
      },
      driverIdentification:
        tariff.licencePoints > 0 && !identified
          ? { required: true, dueBy: termEnd(notifiedOn, rules.driverIdentificationDays, calendar) }
          : { required: false },
      warnings,
    },
  };
}
