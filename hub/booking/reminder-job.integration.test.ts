import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkCodiceFiscale } from '../../shared/codice-fiscale/codice-fiscale';
import { HUB_BACKENDS } from '../../test-support/hub-backends';
import { startTestHub, type TestHub } from '../../test-support/running-hub';
import { createBooking } from './bookings';
import type { BookingMail, Messenger } from './mailer';
import { runBookingDay } from './reminder-job';
import { httpSmsSender } from './sms';

/** A real local SMS gateway over HTTP: what the hub posts, as received, and the token it showed. */
async function startSmsGateway(): Promise<{
  url: string;
  received: { auth: string | undefined; body: { sender: string; recipient: string; text: string } }[];
  failNext: () => void;
  close: () => Promise<void>;
}> {
  const received: { auth: string | undefined; body: { sender: string; recipient: string; text: string } }[] =
    [];
  let failing = false;
  const server: Server = createServer((req, res) => {
    let raw = '';
    req.on('data', (c: Buffer) => (raw += c.toString('utf8')));
    req.on('end', () => {
      if (failing) {
        failing = false;
        res.writeHead(503).end();
        return;
      }
      received.push({ auth: req.headers.authorization, body: JSON.parse(raw) });
      res.writeHead(202, { 'content-type': 'application/json' }).end('{"queued":true}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}/sms`,
    received,
    failNext: () => (failing = true),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

const cf = (p: string) => {
  const x = checkCodiceFiscale(`${p}X`).problems.find((q) => q.kind === 'check_char');
  return `${p}${x && x.kind === 'check_char' ? x.expected : 'X'}`;
};

/** The daily run: the reminder 5 days ahead, the release after the deadline 3 days ahead of an unconfirmed booking. */
describe.each(HUB_BACKENDS)('booking reminders and release (%s)', (backend) => {
  let hub: TestHub;
  let gateway: Awaited<ReturnType<typeof startSmsGateway>>;
  const sent: BookingMail[] = [];
  let messenger: Messenger;
  beforeAll(async () => {
    hub = await startTestHub(backend, () => new Date('2026-12-09T07:00:00Z'));
    gateway = await startSmsGateway();
    messenger = {
      mail: { send: async (m: BookingMail) => void sent.push(m) },
      sms: httpSmsSender(gateway.url, 'gateway-secret', 'CasaleMonf'),
    };
  });
  /** the daily run as the hub's job does it, at `iso` */
  const dayRun = (iso: string) =>
    runBookingDay(hub.hubDb.db, messenger, new Date(iso), 'https://hub.example');
  afterAll(async () => {
    await gateway?.close();
    await hub?.close();
  });

  it('reminds once with the confirmation link, then releases the unconfirmed booking and frees its seat', async () => {
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
    expect(await dayRun('2026-12-16T06:00:00Z')).toEqual({
      released: 0,
      reminded: 1,
    });
    expect(sent[0]?.to).toBe('marta@example.org');
    expect(sent[0]?.text).toContain(`code=${b.code}`);
    expect(await dayRun('2026-12-17T06:00:00Z')).toEqual({
      released: 0,
      reminded: 0,
    });
    // 18 December is the confirmation deadline the mail states: still open that day
    expect(await dayRun('2026-12-18T06:00:00Z')).toEqual({
      released: 0,
      reminded: 0,
    });
    expect(sent[0]?.text).toContain('18/12/2026');
    expect(await dayRun('2026-12-19T06:00:00Z')).toEqual({
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

  it('reminds a citizen who gave only a phone by text message, with the link, and retries when the gateway fails', async () => {
    const db = hub.hubDb.db;
    const b = await createBooking(
      db,
      {
        comune: 'B885',
        office: 'anagrafe',
        serviceKey: 'cie',
        slotStart: '2026-12-22T08:30',
        name: 'Ionuț Ștefănescu',
        cf: cf('STFNTI90A01Z129'),
        email: null,
        phone: '333 123 4567',
        lang: 'it',
      },
      new Date('2026-12-09T07:00:00Z'),
    );
    const before = gateway.received.length;
    gateway.failNext();
    expect(await dayRun('2026-12-17T06:00:00Z')).toEqual({
      released: 0,
      reminded: 0,
    });
    expect(await dayRun('2026-12-17T07:00:00Z')).toEqual({
      released: 0,
      reminded: 1,
    });
    const sms = gateway.received.slice(before);
    expect(sms).toHaveLength(1);
    expect(sms[0]?.auth).toBe('Bearer gateway-secret');
    expect(sms[0]?.body.recipient).toBe('+393331234567');
    expect(sms[0]?.body.sender).toBe('CasaleMonf');
    expect(sms[0]?.body.text).toContain(`Promemoria ${b.code}: 22/12/2026 08:30`);
    expect(sms[0]?.body.text).toContain('entro il 19/12/2026');
    expect(sms[0]?.body.text).toContain(`code=${b.code}&t=`);
    // the text names no one: a phone's lock screen shows it
    expect(sms[0]?.body.text).not.toContain('Ionuț');
  });
});
