import { describe, expect, it } from 'vitest';
import { over20Share, waitStatsCsv } from './wait-stats-csv';
import { WAIT_STATS_CSV_HEADER, type WaitStatsRow } from './visit-wire';

const row = (over: Partial<WaitStatsRow>): WaitStatsRow => ({
  day: '2026-12-07',
  office: 'anagrafe',
  serviceKey: 'certificate',
  counter: 2,
  visits: 10,
  served: 9,
  noShows: 1,
  meanWaitMinutes: 12.25,
  maxWaitMinutes: 31,
  meanServiceMinutes: 4.04,
  over20Pct: 20,
  ...over,
});

describe('wait statistics export', () => {
  it('writes the header and one semicolon line per row, decimals with a comma, no counter for no-shows', () => {
    const csv = waitStatsCsv([
      row({}),
      row({ counter: null, serviceKey: 'cie', visits: 3, served: 0, noShows: 3 }),
    ]);
    expect(csv.split('\r\n')).toEqual([
      WAIT_STATS_CSV_HEADER,
      '2026-12-07;anagrafe;certificate;2;10;9;1;12,3;31,0;4,0;20,0',
      '2026-12-07;anagrafe;cie;;3;0;3;12,3;31,0;4,0;20,0',
      '',
    ]);
  });

  it('weights the over-20-minutes share by visits, none for no visits', () => {
    expect(over20Share([row({ visits: 30, over20Pct: 10 }), row({ visits: 10, over20Pct: 50 })])).toBe(20);
    expect(over20Share([])).toBeNull();
  });
});
