import { describe, expect, it } from 'vitest';
import {
  baselineOf,
  burdenVerdict,
  digitalShare,
  fillMonths,
  metricOf,
  monthsEnding,
  targetOf,
} from './burden';
import type { Baseline, BurdenMonth } from './case-wire';

const month = (m: string, counterSeconds: number | null, visits: number | null, cases = 10): BurdenMonth => ({
  month: m,
  cases,
  counterSeconds,
  visits,
  printedPages: cases,
  digitalDocuments: cases,
});

const baseline: Baseline = {
  counterSeconds: 1500,
  visitsX100: 200,
  printedPagesX100: 300,
  setOn: '2026-01-10',
  setBy: 'supervisore.casale',
};

describe('the burden meter', () => {
  it('draws the target a quarter below the baseline', () => {
    expect(baselineOf(baseline, 'counterMinutes')).toBe(25);
    expect(targetOf(baselineOf(baseline, 'counterMinutes'))).toBe(18.75);
    expect(targetOf(baselineOf(baseline, 'visits'))).toBe(1.5);
    expect(targetOf(null)).toBeNull();
  });

  it('reads each metric per case', () => {
    const row = { ...month('2026-03', 600, 1.5, 4), printedPages: 6 };
    expect(metricOf(row, 'counterMinutes')).toBe(10);
    expect(metricOf(row, 'visits')).toBe(1.5);
    expect(metricOf(row, 'printedPages')).toBe(1.5);
    expect(metricOf(month('2026-03', null, null, 0), 'printedPages')).toBeNull();
  });

  it('judges the last three months with data against target and baseline', () => {
    const rows = [
      month('2026-01', 1800, 2),
      month('2026-02', 1200, 2),
      month('2026-03', 1000, 2),
      month('2026-04', 1000, 2),
    ];
    expect(burdenVerdict(rows, 'counterMinutes', baseline)).toMatchObject({
      verdict: 'on_target',
      target: 18.75,
    });
    expect(burdenVerdict(rows, 'visits', baseline)).toMatchObject({ verdict: 'not_improving', change: 0 });
    expect(burdenVerdict([month('2026-04', 1320, 2)], 'counterMinutes', baseline).verdict).toBe('improving');
    expect(burdenVerdict(rows, 'counterMinutes', null).verdict).toBe('no_data');
  });

  it('counts the months of a window across the new year, and fills the empty ones', () => {
    expect(monthsEnding('2026-02', 4)).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
    const filled = fillMonths(['2026-01', '2026-02'], [month('2026-02', 60, 1)]);
    expect(filled[0]).toMatchObject({ month: '2026-01', cases: 0, counterSeconds: null });
    expect(digitalShare(filled)).toBe(0.5);
  });
});
