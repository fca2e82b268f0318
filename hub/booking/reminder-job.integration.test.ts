import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkCodiceFiscale } from '../../shared/codice-fiscale/codice-fiscale';
import { HUB_BACKENDS } from '../../test-support/hub-backends';
import { startTestHub, type TestHub } from '../../test-support/running-hub';
import { createBooking } from './bookings';
import type { BookingMail } from './mailer';
import { runBookingDay } from './reminder-job';

const cf = (p: string) => {
  const x = checkCodiceFiscale(`${p}X`).problems.find((q) => q.kind === 'check_char');
  return `${p}${x && x.kind === 'check_char' ? x.expected : 'X'}`;
};

/** The daily run: the reminder 5 days ahead, the release after the deadline 3 days ahead of an unconfirmed booking. */
describe.each(HUB_BACKENDS)('booking reminders and release (%s)', (backend) => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startTestHub(backend, () => new Date('2026-12-09T07:00:00Z'));
  });
  afterAll(async () => {
    await hub?.close();
  });

  it('reminds once with the confirmation link, then releases the unconfirmed booking and frees its seat', async () => {
    const sent: BookingMail[] = [];
    const mailer = { send: async (m: BookingMail) => void sent.push(m) };
    const db = hub.hubDb.db;
    const b = await createBooking(
      db,
      {
        comune: 'B885',
        office: 'anagrafe',
        serviceKey: 'residence_change',
        slotStart: '2026-12-21T08:30',
        name: 'Marta Rosso',
        cf: cf('RSSMRT80A41L219'),
        email: 'marta@example.org',
        phone: null,
        lang: 'it',
      },
      new Date('2026-12-09T07:00:00Z'),
    );
    expect(b.status).toBe('booked');
    expect(await runBookingDay(db, mailer, new Date('2026-12-16T06:00:00Z'), 'https://hub.example')).toEqual({
      released: 0,
      reminded: 1,
    });
    expect(sent[0]?.to).toBe('marta@example.org');
    expect(sent[0]?.text).toContain(`code=${b.code}`);
    expect(await runBookingDay(db, mailer, new Date('2026-12-17T06:00:00Z'), 'https://hub.example')).toEqual({
      released: 0,
      reminded: 0,
    });
    // 18 December is the confirmation deadline the mail states: still open that day
    expect(await runBookingDay(db, mailer, new Date('2026-12-18T06:00:00Z'), 'https://hub.example')).toEqual({
      released: 0,
      reminded: 0,
    });
    expect(sent[0]?.text).toContain('18/12/2026');
    expect(await runBookingDay(db, mailer, new Date('2026-12-19T06:00:00Z'), 'https://hub.example')).toEqual({
      released: 1,
      reminded: 0,
    });
    const row = await db
      .selectFrom('booking_bookings')
      .select('status')
      .where('id', '=', b.id)
      .executeTakeFirstOrThrow();
    expect(row.status).toBe('released');
    const seats = await db
      .selectFrom('booking_seats')
      .select('booking_id')
      .where('booking_id', '=', b.id)
      .execute();
    expect(seats).toHaveLength(0);
  });
});
