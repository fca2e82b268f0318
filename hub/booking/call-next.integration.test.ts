import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { romeDateTimeOf } from '../../shared/calendar/rome-date';
import { keptSlot, nextTicket } from '../../shared/visits/call-order';
import { seededRandom } from '../../shared/random/seeded-random';
import { HUB_BACKENDS } from '../../test-support/hub-backends';
import { startTestHub, type TestHub } from '../../test-support/running-hub';
import type { VisitTicketRow } from './booking-tables';
import { planOf } from './office-plans';
import { callNext, queueTicketOf } from './tickets';

/**
 * The hub reads only the head of each tier at a call (tickets.ts); the call order is defined over
 * the whole room (shared/visits/call-order.ts). On random rooms (walk-ins with and without
 * priority, booked on time, early and late, tickets transferred to one counter), every call must
 * choose the ticket nextTicket chooses over every waiting ticket, until the room is empty.
 */
const NOW = new Date('2026-12-09T09:00:00Z'); // 10:00 in Casale
const DAY = '2026-12-09';
const LINES = ['A', 'C', 'P', 'R'];
const at = (minute: number) =>
  `${DAY}T${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}:00`;

function randomRoom(seed: number, size: number): VisitTicketRow[] {
  const random = seededRandom(seed);
  const rows: VisitTicketRow[] = [];
  for (let i = 0; i < size; i++) {
    const line = LINES[Math.floor(random() * LINES.length)] ?? 'A';
    const booked = random() < 0.4;
    // slots from 9:00 to 11:00 every 5 minutes; arrivals from 8:30 to 10:00
    const slot = booked ? at(540 + 5 * Math.floor(random() * 24)) : null;
    const arrived = at(510 + Math.floor(random() * 90));
    rows.push({
      id: `t-${seed}-${i}`,
      comune: 'B885',
      office: 'anagrafe',
      day: DAY,
      line,
      number: i + 1,
      code: `${line}${String(i + 1).padStart(3, '0')}`,
      service_key: 'certificate',
      status: 'waiting',
      counter: null,
      for_counter: random() < 0.08 ? 1 + Math.floor(random() * 4) : null,
      booking_id: null,
      slot_start: slot,
      arrived_at: arrived,
      called_at: null,
      started_at: null,
      ended_at: null,
      calls: 0,
      priority: random() < 0.1 ? 1 + Math.floor(random() * 2) : 0,
      kept_slot: slot !== null && keptSlot(slot, arrived) ? 1 : 0,
    });
  }
  return rows;
}

describe.each(HUB_BACKENDS)('call-next reads the tier heads only (%s)', (backend) => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startTestHub(backend, () => NOW);
  });
  afterAll(async () => {
    await hub?.close();
  });

  it.each([1, 2, 3])('calls what the whole room’s order calls, room %i', async (seed) => {
    const db = hub.hubDb.db;
    const plan = planOf('B885', 'anagrafe');
    if (!plan) throw new Error('no plan');
    await db.deleteFrom('visit_tickets').execute();
    await db.insertInto('visit_tickets').values(randomRoom(seed, 80)).execute();
    const now = romeDateTimeOf(NOW);
    let calls = 0;
    for (let i = 0; i < 200; i++) {
      const counter = 1 + (i % 4);
      // counter 4 serves only two lines, in its own order
      const lines = counter === 4 ? ['R', 'A'] : null;
      const room = await db.selectFrom('visit_tickets').selectAll().where('status', '=', 'waiting').execute();
      const expected = nextTicket(
        room.map(queueTicketOf),
        now,
        // a counter serving every line takes them in the plan's order
        { id: String(counter), lines: lines ?? [...new Set(plan.services.map((s) => s.line))] },
      );
      const called = await callNext(db, plan, counter, lines, NOW);
      expect(called?.id ?? null, `call ${i} at counter ${counter}`).toBe(expected?.row.id ?? null);
      if (called) calls++;
      if (room.length === 0) break;
    }
    // every ticket a counter could take was called: only those transferred to nobody left are none
    const left = await db.selectFrom('visit_tickets').select('id').where('status', '=', 'waiting').execute();
    expect(left).toHaveLength(0);
    expect(calls).toBe(80);
  });
});
