import type { IsoDate } from '../calendar/iso-date';
import { localDateOf, type LocalDateTime } from '../protocol/local-date-time';
import { localMinutes } from './call-order';

/**
 * Waits and service times from the visits' own records, per day, office, service and counter.
 * The headline is ISTAT's unit: the share of visitors who waited MORE than 20 minutes (ISTAT,
 * "Aspetti della vita quotidiana" 2023: 23.3 % at the anagrafe in comuni of 10-50k inhabitants,
 * 12.6 % under 10k).
 *
 * Wait = call − arrival (ticket taken or booking checked in). A no-show was called but never
 * sat down: counted as a no-show, not as a wait, since nobody knows when they left. A ticket not
 * yet called has no wait yet (`uncalled`).
 */

export interface VisitRecord {
  office: string;
  service: string;
  /** the counter that called the ticket (null while nobody has) */
  counter: string | null;
  arrivedAt: LocalDateTime;
  calledAt: LocalDateTime | null;
  startedAt: LocalDateTime | null;
  endedAt: LocalDateTime | null;
  noShow: boolean;
}

export type WaitStatsKey = 'day' | 'office' | 'service' | 'counter';

export interface WaitStatsRow {
  /** the group: null in a key the rows are not split by */
  day: IsoDate | null;
  office: string | null;
  service: string | null;
  counter: string | null;
  /** tickets in the group */
  visits: number;
  /** called and seen: the visits whose wait is known */
  waited: number;
  noShows: number;
  uncalled: number;
  /** seen through to the end: started and ended at a counter */
  served: number;
  meanWaitMinutes: number | null;
  p90WaitMinutes: number | null;
  maxWaitMinutes: number | null;
  meanServiceMinutes: number | null;
  /** visits that waited more than 20 minutes */
  over20: number;
  /** over20 / waited × 100 (null with no waits) */
  over20Percent: number | null;
}

/** ISTAT's threshold: waiting more than this many minutes counts as a long wait. */
export const LONG_WAIT_MINUTES = 20;

/** Minutes from arrival to call, or null for a no-show or a ticket not called yet. */
export function waitMinutes(visit: VisitRecord): number | null {
  if (visit.noShow || visit.calledAt === null) return null;
  return Math.max(0, localMinutes(visit.calledAt) - localMinutes(visit.arrivedAt));
}

/** Minutes at the counter, or null until the visit has started and ended. */
export function serviceMinutes(visit: VisitRecord): number | null {
  if (visit.startedAt === null || visit.endedAt === null) return null;
  return Math.max(0, localMinutes(visit.endedAt) - localMinutes(visit.startedAt));
}

/** Nearest-rank percentile of values sorted ascending. */
function percentileOfSorted(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? null;
}

const mean = (values: readonly number[]): number | null =>
  values.length === 0 ? null : values.reduce((a, b) => a + b, 0) / values.length;

const KEYS: readonly WaitStatsKey[] = ['day', 'office', 'service', 'counter'];

function keyValue(visit: VisitRecord, key: WaitStatsKey): string | null {
  switch (key) {
    case 'day':
      return localDateOf(visit.arrivedAt);
    case 'office':
      return visit.office;
    case 'service':
      return visit.service;
    case 'counter':
      return visit.counter;
  }
}

/** Group order: by day, office, service, counter; a group without a counter (nobody called) last. */
function compareGroups(
  a: Record<WaitStatsKey, string | null>,
  b: Record<WaitStatsKey, string | null>,
): number {
  for (const key of KEYS) {
    const x = a[key];
    const y = b[key];
    if (x === y) continue;
    if (x === null) return 1;
    if (y === null) return -1;
    return x < y ? -1 : 1;
  }
  return 0;
}

/**
 * One row per group of `by` (all four by default; [] gives one row for everything), sorted by
 * the group's values. Rows carry the figures the supervisor view and its CSV show.
 */
export function waitStats(
  visits: readonly VisitRecord[],
  by: readonly WaitStatsKey[] = KEYS,
): WaitStatsRow[] {
  const groups = new Map<string, { values: Record<WaitStatsKey, string | null>; visits: VisitRecord[] }>();
  for (const visit of visits) {
    const values = { day: null, office: null, service: null, counter: null } as Record<
      WaitStatsKey,
      string | null
    >;
    for (const key of by) values[key] = keyValue(visit, key);
    const id = JSON.stringify(KEYS.map((k) => values[k]));
    const group = groups.get(id) ?? { values, visits: [] };
    group.visits.push(visit);
    groups.set(id, group);
  }
  return [...groups.values()]
    .sort((a, b) => compareGroups(a.values, b.values))
    .map(({ values, visits: group }) => {
      const waits = group.flatMap((v) => {
        const w = waitMinutes(v);
        return w === null ? [] : [w];
      });
      const sorted = [...waits].sort((a, b) => a - b);
      const services = group.flatMap((v) => {
        const s = serviceMinutes(v);
        return s === null ? [] : [s];
      });
      const over20 = waits.filter((w) => w > LONG_WAIT_MINUTES).length;
      return {
        day: values.day,
        office: values.office,
        service: values.service,
        counter: values.counter,
        visits: group.length,
        waited: waits.length,
        noShows: group.filter((v) => v.noShow).length,
        uncalled: group.filter((v) => !v.noShow && v.calledAt === null).length,
        served: services.length,
        meanWaitMinutes: mean(waits),
        p90WaitMinutes: percentileOfSorted(sorted, 90),
        maxWaitMinutes: sorted.length === 0 ? null : (sorted[sorted.length - 1] ?? null),
        meanServiceMinutes: mean(services),
        over20,
        over20Percent: waits.length === 0 ? null : (over20 / waits.length) * 100,
      };
    });
}
