import type { Kysely } from 'kysely';

// Frozen in time; portable types only (SQLite and PostgreSQL).
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('booking_bookings')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('comune', 'text', (c) => c.notNull())
    .addColumn('office', 'text', (c) => c.notNull())
    .addColumn('service_key', 'text', (c) => c.notNull())
    .addColumn('slot_start', 'text', (c) => c.notNull())
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('cf', 'text', (c) => c.notNull())
    .addColumn('email', 'text')
    .addColumn('phone', 'text')
    .addColumn('lang', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('confirm_token', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('confirmed_at', 'text')
    .addColumn('reminded_at', 'text')
    .addColumn('released_at', 'text')
    .addColumn('checked_in_at', 'text')
    .addColumn('ticket_id', 'text')
    .execute();
  // a code names one booking of a comune (the kiosk reads it)
  await db.schema
    .createIndex('booking_bookings_code')
    .on('booking_bookings')
    .columns(['comune', 'code'])
    .unique()
    .execute();
  // the reminder and release job: bookings of a day by status
  await db.schema
    .createIndex('booking_bookings_slot')
    .on('booking_bookings')
    .columns(['comune', 'slot_start', 'status'])
    .execute();

  await db.schema
    .createTable('booking_seats')
    .addColumn('comune', 'text', (c) => c.notNull())
    .addColumn('office', 'text', (c) => c.notNull())
    .addColumn('service_key', 'text', (c) => c.notNull())
    .addColumn('slot_start', 'text', (c) => c.notNull())
    .addColumn('seat', 'integer', (c) => c.notNull())
    .addColumn('booking_id', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('booking_seats_pk', ['comune', 'office', 'service_key', 'slot_start', 'seat'])
    .execute();

  await db.schema
    .createTable('visit_tickets')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('comune', 'text', (c) => c.notNull())
    .addColumn('office', 'text', (c) => c.notNull())
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('line', 'text', (c) => c.notNull())
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('service_key', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('counter', 'integer')
    .addColumn('for_counter', 'integer')
    .addColumn('booking_id', 'text')
    .addColumn('slot_start', 'text')
    .addColumn('arrived_at', 'text', (c) => c.notNull())
    .addColumn('called_at', 'text')
    .addColumn('started_at', 'text')
    .addColumn('ended_at', 'text')
    .addColumn('calls', 'integer', (c) => c.notNull())
    .addColumn('priority', 'integer', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('visit_tickets_code')
    .on('visit_tickets')
    .columns(['comune', 'office', 'day', 'code'])
    .unique()
    .execute();
  // call-next and the display: the day's tickets of an office by status
  await db.schema
    .createIndex('visit_tickets_queue')
    .on('visit_tickets')
    .columns(['comune', 'office', 'day', 'status'])
    .execute();

  await db.schema
    .createTable('visit_line_numbers')
    .addColumn('comune', 'text', (c) => c.notNull())
    .addColumn('office', 'text', (c) => c.notNull())
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('line', 'text', (c) => c.notNull())
    .addColumn('last', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('visit_line_numbers_pk', ['comune', 'office', 'day', 'line'])
    .execute();
}
