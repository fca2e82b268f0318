import { randomBytes, randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { bookingCodeFrom, BOOKING_CODE_BYTES } from '../../shared/booking/booking-code';
import { addDays } from '../../shared/calendar/iso-date';
import { romeDateOf, romeDateTimeOf } from '../../shared/calendar/rome-date';
import type { HubDatabase } from '../db/database';
import { planOf, slotsForDay } from './office-plans';
import { takeWalkInTicket } from './tickets';
import { createDemoVisitHistory } from './demo-visit-history';

const DEMO_PEOPLE = [
  { name: 'Lucia Ferraris', cf: 'FRRLCU85C41B885S', email: 'lucia.ferraris@example.org' },
  { name: 'Paolo Gallo', cf: 'GLLPLA72E10B885Q', email: 'paolo.gallo@example.org' },
  { name: 'Sara Coppo', cf: 'CPPSRA90H50B885E', email: 'sara.coppo@example.org' },
];

/**
 * Demo for `npm start`: Casale's anagrafe with a few bookings in the next free slots of the next
 * two opening days (checked in at the kiosk with the codes the log prints), and three walk-in tickets in
 * the room, so the display and a counter's call-next show something at once; three months of
 * past visits for the supervisors' wait figures.
 */
export async function createDemoBookings(
  db: Kysely<HubDatabase>,
  comune: string,
  now: Date,
): Promise<string> {
  const plan = planOf(comune, 'anagrafe');
  if (!plan) return 'no booking plan for this comune';
  const nowLocal = romeDateTimeOf(now).slice(0, 16);
  const codes: string[] = [];
  let person = 0;
  // the next two days the office still opens (a start on a holiday's eve, 7 December, or late on
  // a Friday would otherwise book nothing)
  const days: string[] = [];
  for (let i = 0; i < 14 && days.length < 2; i++) {
    const day = addDays(romeDateOf(now), i);
    if (slotsForDay(plan, 'cie', day).some((slot) => slot.start > nowLocal)) days.push(day);
  }
  for (const day of days) {
    for (const service of ['cie', 'residence_change']) {
      const slot = slotsForDay(plan, service, day).find((s) => s.start > nowLocal);
      const who = DEMO_PEOPLE[person++ % DEMO_PEOPLE.length];
      if (!slot || !who) continue;
      const id = randomUUID();
      const code = bookingCodeFrom(randomBytes(BOOKING_CODE_BYTES));
      await db.transaction().execute(async (trx) => {
        await trx
          .insertInto('booking_seats')
          .values({
            comune,
            office: plan.office,
            service_key: service,
            slot_start: slot.start,
            seat: 0,
            booking_id: id,
          })
          .execute();
        await trx
          .insertInto('booking_bookings')
          .values({
            id,
            comune,
            office: plan.office,
            service_key: service,
            slot_start: slot.start,
            code,
            name: who.name,
            cf: who.cf,
            email: who.email,
            phone: null,
            lang: 'it',
            status: 'confirmed',
            confirm_token: randomBytes(16).toString('hex'),
            created_at: now.toISOString(),
            confirmed_at: now.toISOString(),
            reminded_at: null,
            released_at: null,
            checked_in_at: null,
            ticket_id: null,
          })
          .execute();
      });
      codes.push(`${code} (${service} ${slot.start.slice(0, 10)} ${slot.start.slice(11, 16)})`);
    }
  }
  const past = await createDemoVisitHistory(db, plan, romeDateOf(now));
  for (const line of ['A', 'P', 'A']) await takeWalkInTicket(db, plan, line, now);
  return `booked ${codes.length} demo appointments at the anagrafe: ${codes.join(', ')}; 3 walk-in tickets waiting; ${past} past visits for the wait figures`;
}
