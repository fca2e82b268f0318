import type { Selectable } from 'kysely';

/**
 * Bookings and queue tickets at the hub, the one authority: a slot's seats and a ticket's call are
 * decided here, never at a counter. One partition per comune (column `comune`). Times are wall
 * clock in Italy (LocalDateTime), the waiting room's clock; `*_at` hub instants are ISO.
 */

/**
 * booked: made, awaiting the confirmation asked 3 days ahead (made within 3 days: confirmed at
 * once); confirmed; released: not confirmed in time, or cancelled, its seat freed; checked_in: the
 * person arrived and has a ticket.
 */
export const BOOKING_STATUSES = ['booked', 'confirmed', 'released', 'checked_in'] as const;
export type BookingStatus = (typeof BOOKING_STATUSES)[number];

export interface BookingBookingsTable {
  id: string;
  comune: string;
  office: string;
  service_key: string;
  /** the slot's start, LocalDateTime */
  slot_start: string;
  /** the short code printed and put in the QR (booking-code.ts) */
  code: string;
  name: string;
  cf: string;
  email: string | null;
  phone: string | null;
  /** the language the citizen booked in: the mails follow it */
  lang: string;
  status: BookingStatus;
  /** the secret of the confirmation link in the reminder */
  confirm_token: string;
  created_at: string;
  confirmed_at: string | null;
  reminded_at: string | null;
  released_at: string | null;
  checked_in_at: string | null;
  ticket_id: string | null;
}
export type BookingRow = Selectable<BookingBookingsTable>;

/**
 * One row per taken seat of a slot: the primary key is what makes a double booking impossible on
 * both stores (two transactions inserting the same seat: one fails). A released booking's row is
 * deleted, so the seat is free again.
 */
export interface BookingSeatsTable {
  comune: string;
  office: string;
  service_key: string;
  slot_start: string;
  seat: number;
  booking_id: string;
}

export interface VisitTicketsTable {
  id: string;
  comune: string;
  office: string;
  /** the civil day of the visit (the numbering restarts each day) */
  day: string;
  line: string;
  number: number;
  code: string;
  service_key: string;
  status: 'waiting' | 'called' | 'serving' | 'done' | 'no_show';
  /** the counter that called it last, or the one it was transferred to */
  counter: number | null;
  /** transferred to one counter: only that counter calls it */
  for_counter: number | null;
  booking_id: string | null;
  slot_start: string | null;
  arrived_at: string;
  called_at: string | null;
  started_at: string | null;
  ended_at: string | null;
  calls: number;
  /** 0 normal; higher first among walk-ins (pregnant, disabled, elderly at the door's discretion) */
  priority: number;
  /** 1: a booked citizen who arrived in time to keep the slot (shared keptSlot, fixed at check-in) */
  kept_slot: number;
}
export type VisitTicketRow = Selectable<VisitTicketsTable>;

/** The last number given on a line on a day (A141 is the 141st of line A). */
export interface VisitLineNumbersTable {
  comune: string;
  office: string;
  day: string;
  line: string;
  last: number;
}

/** The workstation at a counter of an office on a day (hub/booking/counter-seats.ts). */
export interface VisitCountersTable {
  comune: string;
  office: string;
  day: string;
  counter: number;
  workstation_id: string;
  /** ISO instant of its last action there */
  last_seen: string;
}

export interface BookingHubTables {
  booking_bookings: BookingBookingsTable;
  booking_seats: BookingSeatsTable;
  visit_tickets: VisitTicketsTable;
  visit_line_numbers: VisitLineNumbersTable;
  visit_counters: VisitCountersTable;
}

declare module '../db/database' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface HubDatabase extends BookingHubTables {}
}
