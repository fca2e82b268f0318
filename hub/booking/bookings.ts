import { randomBytes, randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { bookingCodeFrom, BOOKING_CODE_BYTES } from '../../shared/booking/booking-code';
import { romeDateOf, romeDateTimeOf } from '../../shared/calendar/rome-date';
import { checkCodiceFiscale, normalizeCodiceFiscale } from '../../shared/codice-fiscale/codice-fiscale';
import { describeCfProblem } from '../../shared/codice-fiscale/cf-messages';
import { AppError } from '../../shared/errors/app-error';
import type { Locale } from '../../shared/i18n/locale';
import type { HubDatabase } from '../db/database';
import type { BookingRow } from './booking-tables';
import { bookingRefusal, confirmedAtOnce, planOf, slotsForDay, type OfficePlan } from './office-plans';

/** What the public page sends; every field is checked here, none trusted. */
export interface BookingRequest {
  comune: string;
  office: string;
  serviceKey: string;
  slotStart: string;
  name: string;
  cf: string;
  email: string | null;
  phone: string | null;
  lang: Locale;
}

const EMAIL = /^[^\s@]{1,64}@[^\s@]{1,190}\.[^\s@]{2,}$/;
/** Italian mobile or landline, optional +39: 6 to 13 digits after the prefix */
const PHONE = /^(\+39)?\d{6,13}$/;

export function officePlan(comune: string, office: string): OfficePlan {
  const plan = planOf(comune, office);
  if (!plan) throw new AppError('booking_office_unknown', { comune, office });
  return plan;
}

/** The form's fields in canonical form, or the typed refusal of the first wrong one. */
export function checkBookingFields(req: BookingRequest): {
  name: string;
  cf: string;
  email: string | null;
  phone: string | null;
} {
  const name = req.name.trim().replace(/\s+/g, ' ');
  if (name.length < 2 || name.length > 100) throw new AppError('booking_name_invalid');
  const cf = checkCodiceFiscale(normalizeCodiceFiscale(req.cf));
  const problem = cf.problems[0];
  if (!cf.valid || problem)
    throw new AppError('booking_cf_invalid', {
      reason: problem ? describeCfProblem(problem, req.lang) : '—',
    });
  const email = req.email?.trim() || null;
  const phone = req.phone?.replace(/[\s./-]/g, '') || null;
  if (!email && !phone) throw new AppError('booking_contact_missing');
  if (email && !EMAIL.test(email))
    throw new AppError('booking_contact_invalid', { value: email.slice(0, 80) });
  if (phone && !PHONE.test(phone))
    throw new AppError('booking_contact_invalid', { value: phone.slice(0, 20) });
  return { name, cf: cf.code, email, phone };
}

/** The day's slots of a service with the seats still free (a slot with none is left out). */
export async function freeSlots(
  db: Kysely<HubDatabase>,
  plan: OfficePlan,
  serviceKey: string,
  day: string,
  now: Date,
): Promise<{ start: string; free: number }[]> {
  const nowLocal = romeDateTimeOf(now);
  const slots = slotsForDay(plan, serviceKey, day).filter((s) => s.start > nowLocal.slice(0, 16));
  if (slots.length === 0) return [];
  const taken = await db
    .selectFrom('booking_seats')
    .select(['slot_start'])
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('comune', '=', plan.comune)
    .where('office', '=', plan.office)
    .where('service_key', '=', serviceKey)
    .where('slot_start', '>=', `${day}T00:00`)
    .where('slot_start', '<=', `${day}T23:59`)
    .groupBy('slot_start')
    .execute();
  const takenAt = new Map(taken.map((t) => [t.slot_start, Number(t.n)]));
  return slots
    .map((s) => ({ start: s.start, free: s.capacity - (takenAt.get(s.start) ?? 0) }))
    .filter((s) => s.free > 0);
}

/**
 * Books one seat of a slot. The refusals (past, holiday, closed, unknown slot, bad CF) come
 * before any write; then one transaction takes the first free seat. Two citizens on the last
 * seat: both try to insert the same seat row, the primary key lets exactly one in (the other
 * finds no seat left and gets `booking_slot_taken`), on SQLite and PostgreSQL alike.
 */
export async function createBooking(
  db: Kysely<HubDatabase>,
  req: BookingRequest,
  now: Date,
): Promise<BookingRow> {
  const plan = officePlan(req.comune, req.office);
  const nowLocal = romeDateTimeOf(now).slice(0, 16);
  const refusal = bookingRefusal(plan, req.serviceKey, req.slotStart, nowLocal, req.lang);
  if (refusal) throw new AppError(refusal.code, refusal.params);
  const fields = checkBookingFields(req);
  const slot = slotsForDay(plan, req.serviceKey, req.slotStart.slice(0, 10)).find(
    (s) => s.start === req.slotStart,
  );
  if (!slot) throw new AppError('booking_slot_unknown', { date: req.slotStart.slice(0, 10), time: '' });
  const confirmed = confirmedAtOnce(req.slotStart, romeDateOf(now));
  const at = now.toISOString();
  const id = randomUUID();
  const booked = await db.transaction().execute(async (trx) => {
    let seatTaken = false;
    for (let seat = 0; seat < slot.capacity && !seatTaken; seat++) {
      const r = await trx
        .insertInto('booking_seats')
        .values({
          comune: plan.comune,
          office: plan.office,
          service_key: req.serviceKey,
          slot_start: req.slotStart,
          seat,
          booking_id: id,
        })
        .onConflict((oc) => oc.doNothing())
        .executeTakeFirst();
      seatTaken = Number(r.numInsertedOrUpdatedRows ?? 0n) === 1;
    }
    if (!seatTaken) return null;
    // a code collision (1 in 10⁹ per live booking) is retried with new random bytes
    for (let attempt = 0; attempt < 5; attempt++) {
      const row: BookingRow = {
        id,
        comune: plan.comune,
        office: plan.office,
        service_key: req.serviceKey,
        slot_start: req.slotStart,
        code: bookingCodeFrom(randomBytes(BOOKING_CODE_BYTES)),
        name: fields.name,
        cf: fields.cf,
        email: fields.email,
        phone: fields.phone,
        lang: req.lang,
        status: confirmed ? 'confirmed' : 'booked',
        confirm_token: randomBytes(16).toString('hex'),
        created_at: at,
        confirmed_at: confirmed ? at : null,
        reminded_at: null,
        released_at: null,
        checked_in_at: null,
        ticket_id: null,
      };
      const r = await trx
        .insertInto('booking_bookings')
        .values(row)
        .onConflict((oc) => oc.doNothing())
        .executeTakeFirst();
      if (Number(r.numInsertedOrUpdatedRows ?? 0n) === 1) return row;
    }
    throw new Error('booking: no free code after 5 draws');
  });
  if (!booked)
    throw new AppError('booking_slot_taken', {
      date: `${req.slotStart.slice(8, 10)}/${req.slotStart.slice(5, 7)}/${req.slotStart.slice(0, 4)}`,
      time: req.slotStart.slice(11, 16),
    });
  return booked;
}

/** The confirmation link of the reminder: a booked one becomes confirmed; anything else stays. */
export async function confirmBooking(
  db: Kysely<HubDatabase>,
  comune: string,
  code: string,
  token: string,
  now: Date,
): Promise<BookingRow> {
  const row = await db
    .selectFrom('booking_bookings')
    .selectAll()
    .where('comune', '=', comune)
    .where('code', '=', code)
    .executeTakeFirst();
  if (!row || row.confirm_token !== token) throw new AppError('booking_code_unknown', { code });
  if (row.status === 'released') throw new AppError('booking_code_stale', { code });
  if (row.status === 'booked') {
    await db
      .updateTable('booking_bookings')
      .set({ status: 'confirmed', confirmed_at: now.toISOString() })
      .where('id', '=', row.id)
      .where('status', '=', 'booked')
      .execute();
    return { ...row, status: 'confirmed', confirmed_at: now.toISOString() };
  }
  return row;
}
