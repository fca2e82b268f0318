import { describe, expect, it } from 'vitest';
import { waitMinutes, waitStats, type VisitRecord } from './wait-stats';

const visit = (
  day: string,
  arrived: string,
  called: string | null,
  over: Partial<VisitRecord> & { minutes?: number } = {},
): VisitRecord => {
  const { minutes = 5, ...rest } = over;
  const start = called === null ? null : `${day}T${called}`;
  const [h = 0, m = 0] = (called ?? '00:00').split(':').map(Number);
  const end =
    start === null
      ? null
      : `${day}T${String(h + Math.floor((m + minutes) / 60)).padStart(2, '0')}:${String((m + minutes) % 60).padStart(2, '0')}`;
  return {
    office: 'anagrafe',
    service: 'certificate',
    counter: called === null ? null : '1',
    arrivedAt: `${day}T${arrived}`,
    calledAt: start,
    startedAt: start,
    endedAt: end,
    noShow: false,
    ...rest,
  };
};

describe('waitStats', () => {
  const day = '2026-12-07';
  const visits = [
    visit(day, '08:30', '08:35'), // 5
    visit(day, '08:31', '08:51'), // 20: not MORE than 20
    visit(day, '08:32', '08:53'), // 21
    visit(day, '08:40', '09:20', { minutes: 15 }), // 40
    visit(day, '08:41', '08:45', { noShow: true, startedAt: null, endedAt: null }),
    visit(day, '12:20', null),
  ];

  it('counts the share of visitors waiting more than 20 minutes, ISTAT’s unit', () => {
    const [all] = waitStats(visits, []);
    expect(all).toMatchObject({
      visits: 6,
      waited: 4,
      noShows: 1,
      uncalled: 1,
      over20: 2,
      over20Percent: 50,
    });
    expect(all?.meanWaitMinutes).toBe((5 + 20 + 21 + 40) / 4);
    expect(all?.p90WaitMinutes).toBe(40);
    expect(all?.meanServiceMinutes).toBe((5 + 5 + 5 + 15) / 4);
  });

  it('splits by day, service and counter, each row naming its group', () => {
    const next = '2026-12-09';
    const rows = waitStats([
      ...visits,
      visit(next, '09:00', '09:02', { service: 'cie', counter: '2', minutes: 20 }),
      visit(next, '09:00', '09:30', { service: 'cie', counter: '2', minutes: 20 }),
    ]);
    const cie = rows.find((r) => r.day === next && r.service === 'cie' && r.counter === '2');
    expect(cie).toMatchObject({
      office: 'anagrafe',
      visits: 2,
      waited: 2,
      over20: 1,
      over20Percent: 50,
      meanWaitMinutes: 16,
    });
    expect(cie?.meanServiceMinutes).toBe(20);
    expect(rows.filter((r) => r.day === day).reduce((n, r) => n + r.visits, 0)).toBe(6);
    expect(waitStats(visits, ['counter']).map((r) => r.counter)).toEqual(['1', null]);
  });

  it('reports no figures rather than zeros when nobody was seen', () => {
    const [row] = waitStats([visit(day, '12:20', null)], ['day']);
    expect(row).toMatchObject({
      day,
      waited: 0,
      meanWaitMinutes: null,
      p90WaitMinutes: null,
      over20Percent: null,
    });
    expect(waitStats([], [])).toEqual([]);
  });

  it('measures the wait from arrival to call, never negative', () => {
    expect(waitMinutes(visit(day, '09:00', '09:12'))).toBe(12);
    expect(waitMinutes(visit(day, '09:00:30', '09:00'))).toBe(0);
  });
});
