import { targetOf } from '../cases/burden';
import type { WaitStatsRow } from './visit-wire';

/**
 * Waiting, on the burden meter: ISTAT's unit (the share of visitors who waited more than 20
 * minutes) month by month, against ISTAT's figure for the anagrafe in comuni of Casale's class,
 * with the meter's target of a quarter less. The reference is dated data, not a constant of
 * nature: a comune replaces it when ISTAT publishes a newer survey.
 */
export interface WaitBaseline {
  over20Pct: number;
  source: string;
  year: number;
}

/** ISTAT, "Aspetti della vita quotidiana" 2023: anagrafe, comuni of 10-50k inhabitants. */
export const ISTAT_WAIT_BASELINE: WaitBaseline = {
  over20Pct: 23.3,
  source: 'ISTAT, Aspetti della vita quotidiana 2023 (anagrafe, comuni 10–50 mila abitanti)',
  year: 2023,
};

export interface WaitMonth {
  /** 'YYYY-MM' */
  month: string;
  visits: number;
  /** percent with one decimal; null in a month whose visits had no known wait */
  over20Pct: number | null;
}

/** The rows of the supervisors' view folded into months, each weighted by its visits. */
export function waitMonths(rows: readonly WaitStatsRow[]): WaitMonth[] {
  const months = new Map<string, { visits: number; weighted: number }>();
  for (const r of rows) {
    const m = months.get(r.day.slice(0, 7)) ?? { visits: 0, weighted: 0 };
    m.visits += r.visits;
    m.weighted += r.over20Pct * r.visits;
    months.set(r.day.slice(0, 7), m);
  }
  return [...months.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([month, m]) => ({
      month,
      visits: m.visits,
      over20Pct: m.visits === 0 ? null : Math.round((m.weighted / m.visits) * 10) / 10,
    }));
}

export type WaitVerdict = 'on_target' | 'improving' | 'not_improving' | 'no_data';

/** The last `window` months with visits, weighted by visits, against the reference and target. */
export function waitVerdict(
  months: readonly WaitMonth[],
  baseline: WaitBaseline = ISTAT_WAIT_BASELINE,
  window = 3,
): { verdict: WaitVerdict; recent: number | null; target: number } {
  const target = Math.round((targetOf(baseline.over20Pct) ?? 0) * 10) / 10;
  const recentMonths = months.filter((m) => m.over20Pct !== null && m.visits > 0).slice(-window);
  const visits = recentMonths.reduce((n, m) => n + m.visits, 0);
  if (visits === 0) return { verdict: 'no_data', recent: null, target };
  const recent =
    Math.round((recentMonths.reduce((n, m) => n + (m.over20Pct ?? 0) * m.visits, 0) / visits) * 10) / 10;
  const verdict =
    recent <= target ? 'on_target' : recent < baseline.over20Pct ? 'improving' : 'not_improving';
  return { verdict, recent, target };
}
