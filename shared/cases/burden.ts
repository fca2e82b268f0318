import type { Baseline, BurdenMonth } from './case-wire';

/**
 * The burden meter (the project's founding aim: fewer trips, less waiting, less paper): per
 * procedure and month, how long the citizen spent at the counter, how many visits a case took,
 * how many pages were printed instead of handed over as files, against the comune's baseline
 * and the target of a quarter less.
 */

/** The target: 25% less than the baseline the comune set. */
export const BURDEN_TARGET_REDUCTION = 0.25;

export const BURDEN_METRICS = ['counterMinutes', 'visits', 'printedPages'] as const;
export type BurdenMetric = (typeof BURDEN_METRICS)[number];

/** The value of a month for a metric, per case; null when the month has no data for it. */
export function metricOf(row: BurdenMonth, metric: BurdenMetric): number | null {
  switch (metric) {
    case 'counterMinutes':
      return row.counterSeconds === null ? null : row.counterSeconds / 60;
    case 'visits':
      return row.visits;
    case 'printedPages':
      return row.cases === 0 ? null : row.printedPages / row.cases;
  }
}

/** The baseline of a metric in the metric's unit (minutes, visits per case, pages per case). */
export function baselineOf(baseline: Baseline | null, metric: BurdenMetric): number | null {
  if (baseline === null) return null;
  switch (metric) {
    case 'counterMinutes':
      return baseline.counterSeconds / 60;
    case 'visits':
      return baseline.visitsX100 / 100;
    case 'printedPages':
      return baseline.printedPagesX100 / 100;
  }
}

export const targetOf = (baseline: number | null): number | null =>
  baseline === null ? null : baseline * (1 - BURDEN_TARGET_REDUCTION);

/** Documents handed over as files against pages printed, 0-1 (null when nothing left the counter). */
export function digitalShare(rows: readonly BurdenMonth[]): number | null {
  const printed = rows.reduce((n, r) => n + r.printedPages, 0);
  const digital = rows.reduce((n, r) => n + r.digitalDocuments, 0);
  return printed + digital === 0 ? null : digital / (printed + digital);
}

export type BurdenVerdict = 'on_target' | 'improving' | 'not_improving' | 'no_data';

/**
 * Where a metric stands: the mean of the last `window` months with data against the target
 * (reached), the baseline (improving, not yet there) or neither.
 */
export function burdenVerdict(
  rows: readonly BurdenMonth[],
  metric: BurdenMetric,
  baseline: Baseline | null,
  window = 3,
): { verdict: BurdenVerdict; recent: number | null; target: number | null; change: number | null } {
  const values = rows.map((r) => metricOf(r, metric)).filter((v): v is number => v !== null);
  const recentValues = values.slice(-window);
  const base = baselineOf(baseline, metric);
  const target = targetOf(base);
  if (recentValues.length === 0) return { verdict: 'no_data', recent: null, target, change: null };
  const recent = recentValues.reduce((a, b) => a + b, 0) / recentValues.length;
  if (base === null || target === null) return { verdict: 'no_data', recent, target, change: null };
  const change = base === 0 ? 0 : (recent - base) / base;
  const verdict = recent <= target ? 'on_target' : recent < base ? 'improving' : 'not_improving';
  return { verdict, recent, target, change };
}

/** The months of a window ending with `lastMonth` ('YYYY-MM'), oldest first. */
export function monthsEnding(lastMonth: string, count: number): string[] {
  const [y = 0, m = 1] = lastMonth.split('-').map(Number);
  const months: string[] = [];
  for (let i = count - 1; i >= 0; i--) {
    const index = y * 12 + (m - 1) - i;
    months.push(`${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`);
  }
  return months;
}

/** Rows for every month of the window (empty months as zero cases), in order. */
export function fillMonths(months: readonly string[], rows: readonly BurdenMonth[]): BurdenMonth[] {
  const byMonth = new Map(rows.map((r) => [r.month, r]));
  return months.map(
    (month) =>
      byMonth.get(month) ?? {
        month,
        cases: 0,
        counterSeconds: null,
        visits: null,
        printedPages: 0,
        digitalDocuments: 0,
      },
  );
}
