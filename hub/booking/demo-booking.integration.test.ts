import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DISPLAY_STATE_PATH, officePath } from '../../shared/booking/booking-wire';
import { startTestHub, type TestHub } from '../../test-support/running-hub';
import { waitMonths } from '../../shared/visits/wait-burden';
import { createDemoBookings } from './demo-booking';
import { waitStats } from './wait-stats-rows';

/** `npm start`'s demo: bookings the kiosk can check in, walk-ins the display shows waiting. */
describe('booking demo data', () => {
  let hub: TestHub;
  const NOW = new Date('2026-12-09T07:00:00Z');
  beforeAll(async () => {
    hub = await startTestHub('sqlite', () => NOW);
  });
  afterAll(async () => {
    await hub?.close();
  });

  it('books today and tomorrow at Casale and puts three walk-ins in the room', async () => {
    const line = await createDemoBookings(hub.hubDb.db, 'B885', NOW);
    expect(line).toMatch(/^booked 4 demo appointments/);
    const res = await fetch(hub.url + officePath(DISPLAY_STATE_PATH, 'B885', 'anagrafe'));
    const state = (await res.json()) as { lines: { line: string; waiting: number }[] };
    expect(state.lines.reduce((a, l) => a + l.waiting, 0)).toBe(3);
  });

  it('leaves three months of past visits whose long waits shrink, for the supervisors’ figures', async () => {
    const months = waitMonths(await waitStats(hub.hubDb.db, 'B885', '2026-09-01', '2026-12-08', undefined));
    expect(months.map((m) => m.month)).toEqual(['2026-09', '2026-10', '2026-11', '2026-12']);
    const [first, , november] = months;
    expect(first?.visits).toBeGreaterThan(300);
    // before booking, about ISTAT's share of long waits; in November well under it
    expect(first?.over20Pct).toBeGreaterThan(20);
    expect(november?.over20Pct).toBeLessThan(first?.over20Pct ?? 0);
    const today = await waitStats(hub.hubDb.db, 'B885', '2026-12-09', '2026-12-09', undefined);
    expect(today).toEqual([]);
  });

  it('books the next two opening days when started on the eve of a holiday', async () => {
    // Monday 7 December 2026 after the office closed; the 8th is the Immacolata
    const eve = new Date('2026-12-07T14:00:00Z');
    const own = await startTestHub('sqlite', () => eve);
    const line = await createDemoBookings(own.hubDb.db, 'B885', eve).finally(() => own.close());
    expect(line).toMatch(/^booked 4 demo appointments/);
    expect(line).toContain('2026-12-09');
    expect(line).toContain('2026-12-10');
    expect(line).not.toContain('2026-12-08');
  });
});
