import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BOOKING_CREATE_PATH,
  BOOKING_SLOTS_PATH,
  KIOSK_CHECK_IN_PATH,
  KIOSK_TICKET_PATH,
  officePath,
} from '../../shared/booking/booking-wire';
import { checkCodiceFiscale } from '../../shared/codice-fiscale/codice-fiscale';
import { LOGIN_PATH, PROTOCOL_VERSION } from '../../shared/sync/registry-page';
import {
  ticketActionPath,
  VISIT_CALL_NEXT_PATH,
  VISIT_CURRENT_PATH,
  VISIT_STATS_CSV_PATH,
  VISIT_STATS_PATH,
} from '../../shared/visits/visit-wire';
import { HUB_BACKENDS } from '../../test-support/hub-backends';
import { startTestHub, type TestHub } from '../../test-support/running-hub';
import { DEMO_PASSWORD } from '../seed/demo-users';
import { planOf } from './office-plans';
import { takeWalkInTicket } from './tickets';

/**
 * Booking and the queue on a real hub over HTTP, SQLite and PostgreSQL. The hub's clock is fixed
 * on Wednesday 9 December 2026, 07:00 in Casale (a working day before the office opens).
 */
const NOW = new Date('2026-12-09T06:00:00Z');
const TOMORROW = '2026-12-10';

/** a tax code with its check character fixed, so each booking is a different valid person */
const validCf = (prefix15: string): string => {
  const probe = checkCodiceFiscale(`${prefix15}X`);
  const p = probe.problems.find((x) => x.kind === 'check_char');
  return `${prefix15}${p && p.kind === 'check_char' ? p.expected : 'X'}`;
};

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = Record<string, any>;

describe.each(HUB_BACKENDS)('booking and queue at the hub (%s)', (backend) => {
  let hub: TestHub;
  let ws2: string;
  let clock = NOW;
  beforeAll(async () => {
    hub = await startTestHub(backend, () => clock);
    ws2 = await hub.enrol('Casale - Anagrafe 2');
  });
  afterAll(async () => {
    await hub?.close();
  });

  const call = async (method: string, path: string, body?: unknown, token?: string, clerk?: string) => {
    const res = await fetch(hub.url + path, {
      method,
      headers: {
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        'x-sportello-protocol': String(PROTOCOL_VERSION),
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(clerk ? { 'x-sportello-clerk': clerk } : {}),
      },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    const text = await res.text();
    return { status: res.status, text, body: (text.startsWith('{') ? JSON.parse(text) : {}) as Json };
  };
  const login = async (token: string, username: string) =>
    (await call('POST', LOGIN_PATH, { username, password: DEMO_PASSWORD }, token)).body.token as string;
  const path = (p: string) => officePath(p, 'B885', 'anagrafe');

  it('200 citizens at once on 50 seats: exactly 50 bookings, no seat twice', async () => {
    // the certificate's share of the counters' time is small (shared/booking/slot-plan-casale.ts),
    // so its first 50 seats span the next opening days
    const chosen: { start: string; free: number }[] = [];
    let seats = 0;
    for (const day of [TOMORROW, '2026-12-11', '2026-12-14', '2026-12-15']) {
      const { body } = await call('GET', `${path(BOOKING_SLOTS_PATH)}?service=certificate&day=${day}`);
      for (const s of body.slots as { start: string; free: number }[]) {
        // whole slots only, so that the seats on offer are exactly 50
        if (seats + s.free > 50) continue;
        chosen.push(s);
        seats += s.free;
      }
    }
    expect(seats).toBe(50);
    const results = await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        call('POST', path(BOOKING_CREATE_PATH), {
          service: 'certificate',
          slotStart: chosen[i % chosen.length]?.start,
          name: `Cittadino ${i}`,
          cf: validCf(`BNCGNN80A01L${String(100 + (i % 900)).padStart(3, '0')}`),
          email: `c${i}@example.org`,
        }),
      ),
    );
    const won = results.filter((r) => r.status === 201);
    const lost = results.filter((r) => r.status !== 201);
    expect(won).toHaveLength(50);
    expect(new Set(won.map((r) => r.body.code)).size).toBe(50);
    expect(lost.every((r) => r.status === 409 && r.body.error.code === 'booking_slot_taken')).toBe(true);
    const rows = await hub.hubDb.db
      .selectFrom('booking_bookings')
      .select(['slot_start'])
      .where('service_key', '=', 'certificate')
      .execute();
    expect(rows).toHaveLength(50);
    for (const c of chosen) expect(rows.filter((r) => r.slot_start === c.start)).toHaveLength(c.free);
    const after = await call('GET', `${path(BOOKING_SLOTS_PATH)}?service=certificate&day=${TOMORROW}`);
    expect(
      (after.body.slots as { start: string }[]).some((s) => chosen.some((c) => c.start === s.start)),
    ).toBe(false);
  }, 120_000);

  it('refuses a past slot, a holiday, a bad tax code and a missing contact, in both languages, booking nothing', async () => {
    const before = await hub.hubDb.db.selectFrom('booking_bookings').select('id').execute();
    const base = {
      service: 'cie',
      name: 'Anna Bianchi',
      cf: validCf('BNCNNA80A41B885'),
      email: 'anna@example.org',
    };
    const past = await call('POST', path(BOOKING_CREATE_PATH), { ...base, slotStart: '2026-12-08T09:00' });
    expect([past.status, past.body.error.code]).toEqual([400, 'booking_in_past']);
    const christmas = await call('POST', path(BOOKING_CREATE_PATH), {
      ...base,
      slotStart: '2026-12-25T09:00',
      lang: 'en',
    });
    expect([christmas.status, christmas.body.error.code]).toEqual([400, 'booking_holiday']);
    expect(christmas.body.error.message).toContain('festivo');
    const badCf = await call('POST', path(BOOKING_CREATE_PATH), {
      ...base,
      slotStart: `${TOMORROW}T09:10`,
      cf: 'BNCNNA80A41B885A',
    });
    expect(badCf.body.error.code).toBe('booking_cf_invalid');
    expect(badCf.body.error.message).toContain('Carattere di controllo');
    const noContact = await call('POST', path(BOOKING_CREATE_PATH), {
      service: 'cie',
      name: 'Anna Bianchi',
      cf: base.cf,
      slotStart: `${TOMORROW}T09:10`,
    });
    expect(noContact.body.error.code).toBe('booking_contact_missing');
    const after = await hub.hubDb.db.selectFrom('booking_bookings').select('id').execute();
    expect(after).toHaveLength(before.length);
  });

  it('checks a booking in once, refuses an unknown code, and two counters calling at once get each ticket once', async () => {
    // a booking for today, checked in at the kiosk (the hub's clock is 07:00: the 08:30 slot)
    const made = await call('POST', path(BOOKING_CREATE_PATH), {
      service: 'cie',
      slotStart: '2026-12-09T08:30',
      name: 'Anna Bianchi',
      cf: validCf('BNCNNA80A41B885'),
      phone: '3331234567',
    });
    expect(made.status).toBe(201);
    const checkIn = await call('POST', path(KIOSK_CHECK_IN_PATH), { code: made.body.qrText });
    expect(checkIn.status).toBe(201);
    expect(checkIn.body.code).toMatch(/^C\d{3}$/);
    const again = await call('POST', path(KIOSK_CHECK_IN_PATH), { code: made.body.code });
    expect([again.status, again.body.error.code]).toEqual([409, 'booking_already_checked_in']);
    const unknown = await call('POST', path(KIOSK_CHECK_IN_PATH), { code: 'ZZZZZZ' });
    expect(unknown.body.error.code).toBe('booking_code_unknown');

    for (let i = 0; i < 29; i++)
      await takeWalkInTicket(hub.hubDb.db, planOf('B885', 'anagrafe')!, i % 2 ? 'A' : 'P', NOW);
    const c1 = await login(hub.casaleToken, 'anagrafe.casale');
    const c2 = await login(ws2, 'anagrafe2.casale');
    const called: Json[] = [];
    const counter = async (token: string, clerk: string, n: number) => {
      for (;;) {
        const r = await call('POST', VISIT_CALL_NEXT_PATH, { counter: n }, token, clerk);
        expect(r.status).toBe(200);
        if (!r.body.ticket) return;
        called.push(r.body.ticket);
      }
    };
    await Promise.all([counter(hub.casaleToken, c1, 1), counter(ws2, c2, 2)]);
    expect(called).toHaveLength(30);
    expect(new Set(called.map((t) => t.id)).size).toBe(30);
    // the booked person first, with the person for the desk to open the task pre-filled
    const booked = called.find((t) => t.bookingCode === made.body.code);
    expect(booked?.person?.cf).toBe(validCf('BNCNNA80A41B885'));
    expect(called.filter((t) => t.person !== null)).toHaveLength(1);

    // the counter's actions; another counter's ticket is refused
    const t = called[1] as Json;
    const other = t.counter === 1 ? 2 : 1;
    const [token, clerk] = t.counter === 1 ? [hub.casaleToken, c1] : [ws2, c2];
    // the other counter belongs to the other workstation today: the hub refuses, whatever the desk says
    const taken = await call('POST', ticketActionPath('start', t.id), { counter: other }, token, clerk);
    expect([taken.status, taken.body.error.code]).toEqual([409, 'visit_counter_taken']);
    expect(taken.body.error.message).toContain(
      t.counter === 1 ? 'Casale - Anagrafe 2' : 'Casale - Anagrafe 1',
    );
    // a free counter this workstation takes is still not the one that called the ticket
    const wrong = await call('POST', ticketActionPath('start', t.id), { counter: 4 }, token, clerk);
    expect(wrong.body.error.code).toBe('visit_ticket_other_counter');
    expect(
      (await call('POST', ticketActionPath('recall', t.id), { counter: t.counter }, token, clerk)).body.ticket
        .calls,
    ).toBe(2);
    expect(
      (await call('POST', ticketActionPath('start', t.id), { counter: t.counter }, token, clerk)).body.ticket
        .status,
    ).toBe('serving');
    expect(
      (await call('POST', ticketActionPath('end', t.id), { counter: t.counter }, token, clerk)).body.ticket
        .status,
    ).toBe('done');
    const twice = await call('POST', ticketActionPath('end', t.id), { counter: t.counter }, token, clerk);
    expect(twice.body.error.code).toBe('visit_ticket_wrong_state');
    const u = called[2] as Json;
    const [tok2, cl2] = u.counter === 1 ? [hub.casaleToken, c1] : [ws2, c2];
    expect(
      (await call('POST', ticketActionPath('no_show', u.id), { counter: u.counter }, tok2, cl2)).body.ticket
        .status,
    ).toBe('no_show');
    const v = called[3] as Json;
    const [tok3, cl3] = v.counter === 1 ? [hub.casaleToken, c1] : [ws2, c2];
    const moved = await call(
      'POST',
      ticketActionPath('transfer', v.id),
      { counter: v.counter, toLine: 'R' },
      tok3,
      cl3,
    );
    expect([moved.body.ticket.status, moved.body.ticket.line]).toEqual(['waiting', 'R']);

    // the supervisor's figures; a clerk is refused them
    const sup = await login(hub.casaleToken, 'supervisore.casale');
    const stats = await call(
      'GET',
      `${VISIT_STATS_PATH}?from=2026-12-09&to=2026-12-09`,
      undefined,
      hub.casaleToken,
      sup,
    );
    expect(stats.status).toBe(200);
    const rows = stats.body.rows as Json[];
    expect(rows.reduce((a, r) => a + r.served, 0)).toBe(1);
    expect(rows.reduce((a, r) => a + r.noShows, 0)).toBe(1);
    const csv = await call(
      'GET',
      `${VISIT_STATS_CSV_PATH}?from=2026-12-09&to=2026-12-09`,
      undefined,
      hub.casaleToken,
      sup,
    );
    expect(csv.text.split('\r\n')[0]).toContain('giorno;ufficio;servizio;sportello');
    const clerkStats = await call(
      'GET',
      `${VISIT_STATS_PATH}?from=2026-12-09&to=2026-12-09`,
      undefined,
      hub.casaleToken,
      c1,
    );
    expect(clerkStats.status).toBe(403);
  }, 120_000);

  it('binds a counter to the workstation at it: another takes it only once it is idle with no open ticket', async () => {
    const c1 = await login(hub.casaleToken, 'anagrafe.casale');
    const c2 = await login(ws2, 'anagrafe2.casale');
    const first = await call('POST', VISIT_CALL_NEXT_PATH, { counter: 3 }, hub.casaleToken, c1);
    expect(first.status).toBe(200);
    const held = first.body.ticket as Json | null;
    const refused = await call('POST', VISIT_CALL_NEXT_PATH, { counter: 3 }, ws2, c2);
    expect([refused.status, refused.body.error.code]).toEqual([409, 'visit_counter_taken']);
    // a desk restarting reads what is open at its counter; another workstation may not
    const mine = await call('GET', `${VISIT_CURRENT_PATH}?counter=3`, undefined, hub.casaleToken, c1);
    expect(mine.status).toBe(200);
    expect((mine.body.tickets as Json[]).map((x) => x.id)).toEqual(held ? [held.id] : []);
    const theirs = await call('GET', `${VISIT_CURRENT_PATH}?counter=3`, undefined, ws2, c2);
    expect(theirs.body.error.code).toBe('visit_counter_taken');
    clock = new Date(NOW.getTime() + 11 * 60_000);
    if (held) {
      // idle, but a ticket is still called there: not yet
      const open = await call('POST', VISIT_CALL_NEXT_PATH, { counter: 3 }, ws2, c2);
      expect(open.body.error.code).toBe('visit_counter_taken');
      await call('POST', ticketActionPath('no_show', held.id), { counter: 3 }, hub.casaleToken, c1);
      clock = new Date(NOW.getTime() + 22 * 60_000);
    }
    const takenOver = await call('POST', VISIT_CALL_NEXT_PATH, { counter: 3 }, ws2, c2);
    expect(takenOver.status).toBe(200);
    const back = await call('POST', VISIT_CALL_NEXT_PATH, { counter: 3 }, hub.casaleToken, c1);
    expect(back.body.error.code).toBe('visit_counter_taken');
  });

  it('stops a kiosk flooding tickets with a typed 429, adding none', async () => {
    const count = async () => (await hub.hubDb.db.selectFrom('visit_tickets').select('id').execute()).length;
    const before = await count();
    const answers = [];
    for (let i = 0; i < 40; i++) answers.push(await call('POST', path(KIOSK_TICKET_PATH), { line: 'A' }));
    const refused = answers.filter((a) => a.status === 429);
    expect(refused.length).toBeGreaterThan(0);
    expect(refused[0]?.body.error.code).toBe('kiosk_rate_limited');
    expect(await count()).toBe(before + answers.filter((a) => a.status === 201).length);
  });
});
