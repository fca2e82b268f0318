import { describe, expect, it } from 'vitest';
import type { WaitStatsRow } from './visit-wire';
import { ISTAT_WAIT_BASELINE, waitMonths, waitVerdict } from './wait-burden';

const row = (day: string, visits: number, over20Pct: number): WaitStatsRow => ({
  day,
  office: 'anagrafe',
  serviceKey: 'cie',
  counter: 1,
  visits,
  served: visits,
  noShows: 0,
  meanWaitMinutes: 10,
  maxWaitMinutes: 30,
  meanServiceMinutes: 12,
  over20Pct,
});

describe('waiting on the burden meter', () => {
  it('folds days into months, weighting each row by its visits', () => {
    const months = waitMonths([
      row('2026-11-02', 30, 10),
      row('2026-11-03', 10, 50),
      row('2026-10-30', 20, 25),
    ]);
    expect(months).toEqual([
      { month: '2026-10', visits: 20, over20Pct: 25 },
      { month: '2026-11', visits: 40, over20Pct: 20 },
    ]);
  });

  it('sets the target a quarter below ISTAT’s 23.3 % and says where the comune stands', () => {
    expect(waitVerdict([])).toEqual({ verdict: 'no_data', recent: null, target: 17.5 });
    const improving = waitVerdict([{ month: '2026-11', visits: 40, over20Pct: 20 }]);
    expect(improving).toEqual({ verdict: 'improving', recent: 20, target: 17.5 });
    const months = [
      { month: '2026-08', visits: 100, over20Pct: 40 },
      { month: '2026-09', visits: 100, over20Pct: 20 },
      { month: '2026-10', visits: 100, over20Pct: 10 },
      { month: '2026-11', visits: 100, over20Pct: 10 },
    ];
    expect(waitVerdict(months)).toMatchObject({ verdict: 'on_target', recent: 13.3 });
    expect(waitVerdict([{ month: '2026-11', visits: 5, over20Pct: 30 }])).toMatchObject({
      verdict: 'not_improving',
    });
    expect(ISTAT_WAIT_BASELINE.year).toBe(2023);
  });
});
