import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BOOKING_CREATE_PATH,
  BOOKING_SLOTS_PATH,
  DISPLAY_STATE_PATH,
  KIOSK_CHECK_IN_PATH,
  KIOSK_TICKET_PATH,
  officePath,
  type BookingConfirmation,
  type DisplayState,
} from '../shared/booking/booking-wire';
import { expectAccessible } from '../test-support/axe';
import { startCounter, type Counter } from '../test-support/e2e-counter';

/**
 * The whole visit as one thread (issue 19), in real Chromium against a real hub: Anna Bianchi
 * (in the counter's registry) books an ID card appointment on the public route, checks in at
 * the kiosk, and at the desk Shift+F9 calls her: her ticket shows on the counter bar, her page
 * opens, the waiting-room display shows the ticket at this counter. Alt+Shift+I and Alt+Shift+F
 * start and end the visit at the hub; the next Shift+F9 calls the walk-in who took a ticket.
 * Each booking opens its service's task (shared/visits/booked-task.ts): Anna's CIE a checklist
 * (the card is issued in the ministry's application), Nicolò D'Amico's change of residence the
 * intake, pre-filled for him.
 *
 * The hub's clock runs from Wednesday 9 December 2026, 09:06 in Rome (the 09:10 slot is on time);
 * the desk keeps the machine's.
 */
const START = Date.parse('2026-12-09T08:06:00Z');
const DAY = '2026-12-09';
const ANNA_CF = 'BNCNNA80A41B885M';
const NICOLO_CF = 'DMCNCL66D20B885V';
const COUNTER = 3;

describe('the visit as one thread: booking, kiosk, counter bar, display', () => {
  let counter: Counter;
  let page: Page;

  const publicCall = async <T>(path: string, body?: unknown): Promise<{ status: number; json: T }> => {
    const res = await fetch(counter.hub.url + path, {
      method: body === undefined ? 'GET' : 'POST',
      ...(body === undefined
        ? {}
        : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
    });
    return { status: res.status, json: (await res.json()) as T };
  };
  const office = (path: string) => officePath(path, 'B885', 'anagrafe');
  const display = async () => (await publicCall<DisplayState>(office(DISPLAY_STATE_PATH))).json;
  const ticketRow = (code: string) =>
    counter.hub.hubDb.db
      .selectFrom('visit_tickets')
      .select(['code', 'status', 'counter', 'called_at', 'started_at', 'ended_at', 'booking_id'])
      .where('code', '=', code)
      .where('day', '=', DAY)
      .executeTakeFirstOrThrow();
  const bar = () => page.getByTestId('counter-bar');
  const calledCode = () => page.getByTestId('called-ticket-code').textContent({ timeout: 30_000 });
  // a string, not a function: this file is typed for Node, the code runs in the page
  const focused = () =>
    page.evaluate<string | null>("document.activeElement?.getAttribute('data-testid') ?? null");

  /** Books today's first free slot of `service` on the public route and checks in: the ticket's code. */
  const bookAndCheckIn = async (service: string, name: string, cf: string, email: string) => {
    const slots = await publicCall<{ slots: { start: string }[] }>(
      `${office(BOOKING_SLOTS_PATH)}?service=${service}&day=${DAY}`,
    );
    const slotStart = slots.json.slots[0]?.start;
    expect(slotStart).toMatch(new RegExp(`^${DAY}T`));
    const booked = await publicCall<BookingConfirmation>(office(BOOKING_CREATE_PATH), {
      service,
      slotStart,
      name,
      cf,
      email,
    });
    expect(booked.status).toBe(201);
    const checkIn = await publicCall<{ code: string }>(office(KIOSK_CHECK_IN_PATH), {
      code: booked.json.code,
    });
    expect(checkIn.status).toBe(201);
    return checkIn.json.code;
  };

  beforeAll(async () => {
    const t0 = Date.now();
    counter = await startCounter({
      workstation: 'Casale - Anagrafe 1',
      login: 'anagrafe.casale',
      now: () => new Date(START + (Date.now() - t0)),
    });
    page = counter.page;
  }, 300_000);

  afterAll(async () => {
    await counter?.close();
  });

  it('asks this counter’s number once, then Shift+F9 with nobody waiting says so in Italian', async () => {
    await bar().waitFor({ timeout: 30_000 });
    await page.getByTestId('counter-number').fill(String(COUNTER));
    await page.getByTestId('counter-number').press('Enter');
    await expect.poll(() => bar().textContent(), { timeout: 30_000 }).toContain(`Sportello n. ${COUNTER}`);
    // from the search box, where the clerk's cursor rests
    await page.getByTestId('search-input').focus();
    await page.keyboard.press('Shift+F9');
    await expect
      .poll(() => page.getByTestId('counter-bar-message').textContent(), { timeout: 30_000 })
      .toBe('Nessuno in attesa per questo sportello.');
    expect(await page.getByTestId('called-ticket').count()).toBe(0);
    // Shift+F9 is the bar's: F9's sync screen did not open
    expect(await page.getByTestId('search-input').isVisible()).toBe(true);
  });

  it('calls the booked, checked-in citizen: the bar shows the ticket, her page opens, the display shows it', async () => {
    const slots = await publicCall<{ slots: { start: string }[] }>(
      `${office(BOOKING_SLOTS_PATH)}?service=cie&day=${DAY}`,
    );
    const slot = slots.json.slots[0]?.start;
    expect(slot).toBe(`${DAY}T09:10`);
    const booked = await publicCall<BookingConfirmation>(office(BOOKING_CREATE_PATH), {
      service: 'cie',
      slotStart: slot,
      name: 'Anna Bianchi',
      cf: ANNA_CF,
      email: 'anna.bianchi@example.org',
    });
    expect(booked.status).toBe(201);
    const checkIn = await publicCall<{ code: string; line: string }>(office(KIOSK_CHECK_IN_PATH), {
      code: booked.json.code,
    });
    expect(checkIn.status).toBe(201);
    const ticket = checkIn.json.code;
    expect(ticket).toMatch(/^C\d{3}$/);

    await page.getByTestId('search-input').focus();
    await page.keyboard.press('Shift+F9');
    await expect.poll(() => calledCode(), { timeout: 30_000 }).toContain(`Chiamato ${ticket}`);
    expect(await calledCode()).toContain('prenotato: Anna Bianchi');
    // the booked person's record opens by itself
    await expect
      .poll(() => page.getByTestId('detail-name').textContent({ timeout: 30_000 }), { timeout: 30_000 })
      .toBe('Bianchi Anna');
    // and the ticket stays on the bar while her page loads and after
    expect(await calledCode()).toContain(`Chiamato ${ticket}`);
    // the waiting room sees the ticket at this counter, never the name
    await expect
      .poll(async () => (await display()).called, { timeout: 30_000 })
      .toEqual([expect.objectContaining({ code: ticket, counter: COUNTER })]);
    expect(JSON.stringify(await display())).not.toContain('Bianchi');

    // her booking is for the CIE, issued in the ministry's application: the desk's task is a checklist
    const checklist = page.getByTestId('cie-checklist');
    await checklist.waitFor({ timeout: 30_000 });
    expect(await checklist.getByRole('heading').first().textContent()).toContain('Bianchi Anna');
    expect(await checklist.textContent()).toContain('€ 22,21');
    expect(await page.getByTestId('cie-bring').textContent()).toContain('fototessera');
    // ticked with the keyboard: the first step has the focus, Space ticks, Tab moves on
    await expect.poll(focused, { timeout: 30_000 }).toBe('cie-check-identity');
    await page.keyboard.press('Space');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Space');
    expect(await page.getByTestId('cie-check-identity').isChecked()).toBe(true);
    expect(await page.getByTestId('cie-check-photo').isChecked()).toBe(true);
    expect(await page.getByTestId('cie-progress').textContent()).toBe('Fatti 2 di 7');
    await expectAccessible(page, 'CIE checklist');
    await counter.shot('visit-thread-called');
    // Esc closes it, and only it: her page stays, the focus is back where it was (Back)
    await page.keyboard.press('Escape');
    await checklist.waitFor({ state: 'detached', timeout: 30_000 });
    await expect.poll(focused, { timeout: 30_000 }).toBe('back');
    expect(await page.getByTestId('detail-name').textContent()).toBe('Bianchi Anna');

    // Alt+Shift+I: the visit starts at the hub; Alt+Shift+F: it ends and leaves the bar
    await page.keyboard.press('Alt+Shift+I');
    await expect
      .poll(() => page.getByTestId('called-ticket').getAttribute('data-status'), { timeout: 30_000 })
      .toBe('serving');
    const serving = await ticketRow(ticket);
    expect(serving).toMatchObject({ status: 'serving', counter: COUNTER, ended_at: null });
    expect(serving.booking_id).not.toBeNull();
    expect(serving.called_at).toMatch(new RegExp(`^${DAY}T09:`));
    expect(serving.started_at).toMatch(new RegExp(`^${DAY}T09:`));
    await page.keyboard.press('Alt+Shift+F');
    await expect.poll(() => page.getByTestId('called-ticket').count(), { timeout: 30_000 }).toBe(0);
    const done = await ticketRow(ticket);
    expect(done).toMatchObject({ status: 'done', counter: COUNTER });
    expect(done.ended_at).toMatch(new RegExp(`^${DAY}T09:`));
    expect(done.ended_at! >= done.started_at!).toBe(true);
    expect((await display()).called).toEqual([]);
  });

  it('calls a booked change of residence: the intake opens for that person', async () => {
    const ticket = await bookAndCheckIn(
      'residence_change',
      "Nicolò D'Amico",
      NICOLO_CF,
      'nicolo@example.org',
    );
    expect(ticket).toMatch(/^R\d{3}$/);
    await page.keyboard.press('Shift+F9');
    await expect.poll(() => calledCode(), { timeout: 30_000 }).toContain(`Chiamato ${ticket}`);
    await expect
      .poll(() => page.getByTestId('detail-name').textContent({ timeout: 30_000 }), { timeout: 30_000 })
      .toBe("D'Amico Nicolò");
    const intake = page.getByTestId('residence-intake');
    await intake.waitFor({ timeout: 30_000 });
    expect(await intake.getByRole('heading').first().textContent()).toContain("D'Amico Nicolò");
    // pre-filled: he is the first mover, taken from the registry
    await expect
      .poll(() => intake.getByTestId('mover').first().textContent({ timeout: 30_000 }), { timeout: 30_000 })
      .toContain("D'Amico");
    expect(await page.getByTestId('mover-include-0').isChecked()).toBe(true);
    expect(await page.getByTestId('cie-checklist').count()).toBe(0);
    await counter.shot('visit-thread-residence');
    await page.keyboard.press('Escape');
    await intake.waitFor({ state: 'detached', timeout: 30_000 });
    await page.keyboard.press('Alt+Shift+I');
    await expect
      .poll(() => page.getByTestId('called-ticket').getAttribute('data-status'), { timeout: 30_000 })
      .toBe('serving');
    await page.keyboard.press('Alt+Shift+F');
    await expect.poll(() => page.getByTestId('called-ticket').count(), { timeout: 30_000 }).toBe(0);
  });

  it('calls the walk-in who took a ticket at the kiosk next', async () => {
    const walkIn = await publicCall<{ code: string }>(office(KIOSK_TICKET_PATH), { line: 'A' });
    expect(walkIn.status).toBe(201);
    const ticket = walkIn.json.code;
    expect(ticket).toMatch(/^A\d{3}$/);
    await page.keyboard.press('Shift+F9');
    await expect.poll(() => calledCode(), { timeout: 30_000 }).toContain(`Chiamato ${ticket}`);
    expect(await calledCode()).toContain('senza prenotazione');
    expect(await ticketRow(ticket)).toMatchObject({ status: 'called', counter: COUNTER, booking_id: null });
    await expect
      .poll(async () => (await display()).called, { timeout: 30_000 })
      .toEqual([expect.objectContaining({ code: ticket, counter: COUNTER })]);
    await counter.shot('visit-thread-walk-in');
  });
});
