import type { Kysely } from 'kysely';

/**
 * The hub booked against a provisional plan with Italian service keys; it now books against the
 * shared planner's keys (shared/booking/slot-plan-casale.ts). Bookings and tickets already made
 * keep meaning the same service under its new key, so the desk still opens their task.
 * Frozen in time: the old → new keys as they were when this ran.
 */
const RENAMED: readonly (readonly [string, string])[] = [
  ['certificato', 'certificate'],
  ['residenza', 'residence_change'],
  ['pagamento', 'payment'],
];
const TABLES = ['booking_bookings', 'booking_seats', 'visit_tickets'] as const;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  for (const table of TABLES) {
    for (const [from, to] of RENAMED) {
      await db.updateTable(table).set({ service_key: to }).where('service_key', '=', from).execute();
    }
  }
}
