import type { Kysely } from 'kysely';

/** The late rule when this ran (shared/visits/call-order.ts DEFAULT_LATE_MINUTES), frozen. */
const LATE_MINUTES = 15;

const minutesOf = (t: string): number =>
  Date.UTC(Number(t.slice(0, 4)), Number(t.slice(5, 7)) - 1, Number(t.slice(8, 10))) / 60_000 +
  Number(t.slice(11, 13)) * 60 +
  Number(t.slice(14, 16)) +
  (t.length > 16 ? Number(t.slice(17)) / 60 : 0);

// Frozen in time; portable types only (SQLite and PostgreSQL).
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  // whether a booked ticket's holder came in time to keep the slot (arrival ≤ slot + 15 min),
  // fixed at check-in: call-next then reads the head of each tier through an index instead of
  // ranking every ticket in the room at every call
  await db.schema
    .alterTable('visit_tickets')
    .addColumn('kept_slot', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  const booked = await db
    .selectFrom('visit_tickets')
    .select(['id', 'slot_start', 'arrived_at'])
    .where('slot_start', 'is not', null)
    .execute();
  for (const t of booked as { id: string; slot_start: string; arrived_at: string }[]) {
    if (minutesOf(t.arrived_at) <= minutesOf(t.slot_start) + LATE_MINUTES)
      await db.updateTable('visit_tickets').set({ kept_slot: 1 }).where('id', '=', t.id).execute();
  }
  // the heads of the tiers: booked and kept by slot, walk-ins per line by priority then arrival
  await db.schema
    .createIndex('visit_tickets_booked_head')
    .on('visit_tickets')
    .columns(['comune', 'office', 'day', 'status', 'kept_slot', 'slot_start', 'arrived_at'])
    .execute();
  await db.schema
    .createIndex('visit_tickets_line_head')
    .on('visit_tickets')
    .columns(['comune', 'office', 'day', 'status', 'kept_slot', 'line', 'priority', 'arrived_at'])
    .execute();
}
