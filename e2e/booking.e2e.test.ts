import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { simpleParser } from 'mailparser';
import type { BrowserContext, Page } from 'playwright-core';
import { createServer, type Server } from 'node:http';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkCodiceFiscale } from '../shared/codice-fiscale/codice-fiscale';
import { LOGIN_PATH, PROTOCOL_VERSION } from '../shared/sync/registry-page';
import { VISIT_CALL_NEXT_PATH } from '../shared/visits/visit-wire';
import { DEMO_PASSWORD } from '../hub/seed/demo-users';
import { launchChromium } from '../test-support/chromium';
import { startTestHub, type TestHub } from '../test-support/running-hub';

/**
 * A citizen books on a phone-sized page, the mail arrives at a real local SMTP server, the kiosk
 * checks the booking in, a counter calls it and the waiting-room display shows the call. Every page
 * passes axe-core's WCAG 2.1 A and AA rules. The hub's clock: Wednesday 9 December 2026, 08:00.
 */
const NOW = new Date('2026-12-09T07:00:00Z');
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

const validCf = (prefix15: string): string => {
  const p = checkCodiceFiscale(`${prefix15}X`).problems.find((x) => x.kind === 'check_char');
  return `${prefix15}${p && p.kind === 'check_char' ? p.expected : 'X'}`;
};

async function axeViolations(page: Page): Promise<string[]> {
  // evaluated through the debugging protocol: the pages' CSP (no inline script) does not apply
  const result = await page.evaluate(
    `${AXE}; axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } }).then((r) => r.violations.map((v) => v.id + ': ' + v.nodes.map((n) => n.target.join(' ')).join(', ')))`,
  );
  return result as string[];
}

describe('booking, kiosk and display in Chromium', () => {
  let hub: TestHub;
  let smtp: SMTPServer;
  let browser: BrowserContext;
  let page: Page;
  const mails: { to: string; subject: string; text: string }[] = [];
  /** a real local SMS gateway: what the hub posted to it */
  let gateway: Server;
  const texts: { recipient: string; text: string }[] = [];

  beforeAll(async () => {
    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      onData(stream, _session, done) {
        simpleParser(stream)
          .then((m) => {
            const to = Array.isArray(m.to) ? m.to[0]?.text : m.to?.text;
            mails.push({ to: to ?? '', subject: m.subject ?? '', text: m.text ?? '' });
            done();
          })
          .catch(done);
      },
    });
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
    const port = (smtp.server.address() as { port: number }).port;
    process.env.SPORTELLO_SMTP_URL = `smtp://127.0.0.1:${port}?ignoreTLS=true`;
    process.env.SPORTELLO_MAIL_FROM = 'Comune di Casale <prenotazioni@example.org>';
    gateway = createServer((req, res) => {
      let raw = '';
      req.on('data', (c: Buffer) => (raw += c.toString('utf8')));
      req.on('end', () => {
        texts.push(JSON.parse(raw) as { recipient: string; text: string });
        res.writeHead(202).end();
      });
    });
    await new Promise<void>((resolve) => gateway.listen(0, '127.0.0.1', resolve));
    process.env.SPORTELLO_SMS_URL = `http://127.0.0.1:${(gateway.address() as { port: number }).port}/sms`;
    hub = await startTestHub('sqlite', () => NOW);
    browser = await launchChromium();
    page = await browser.newPage();
    await page.setViewportSize({ width: 390, height: 844 });
  });
  afterAll(async () => {
    await browser?.close();
    await hub?.close();
    await new Promise<void>((resolve) => (smtp ? smtp.close(() => resolve()) : resolve()));
    await new Promise<void>((resolve) => (gateway ? gateway.close(() => resolve()) : resolve()));
    delete process.env.SPORTELLO_SMS_URL;
  });

  it('a citizen books an ID card appointment on the phone, gets the code, the QR and the mail', async () => {
    await page.goto(`${hub.url}/prenota/B885/anagrafe`);
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('link', { name: /Carta d’identità elettronica/ }).click();
    await expect
      .poll(() => page.locator('input[name=slotStart]').count(), { timeout: 30_000 })
      .toBeGreaterThan(0);
    expect(await axeViolations(page)).toEqual([]);
    // a wrong check character: refused in words, nothing booked, the form kept
    await page.locator('.slot label').first().click();
    await page.getByLabel('Nome e cognome').fill('Giovanni Bianco');
    await page.getByLabel('Codice fiscale').fill('BNCGNN80A01B885A');
    await page.getByLabel('E-mail').fill('giovanni@example.org');
    await page.getByRole('button', { name: 'Prenota' }).click();
    await expect
      .poll(() => page.getByRole('alert').textContent(), { timeout: 30_000 })
      .toContain('Carattere di controllo');
    expect(await axeViolations(page)).toEqual([]);
    await page.locator('.slot label').first().click();
    await page.getByLabel('Codice fiscale').fill(validCf('BNCGNN80A01B885'));
    await page.getByLabel('Telefono').fill('333 765 4321');
    await page.getByRole('button', { name: 'Prenota' }).click();
    const code = page.locator('[data-booking-code]');
    await code.waitFor({ timeout: 30_000 });
    const bookingCode = (await code.textContent())?.trim() ?? '';
    expect(bookingCode).toMatch(/^[0-9A-Z]{6}$/);
    expect(await page.locator('.qr svg').count()).toBe(1);
    expect(await page.locator('main').textContent()).toContain('fototessera');
    expect(await axeViolations(page)).toEqual([]);
    await expect.poll(() => mails.length, { timeout: 30_000 }).toBe(1);
    expect(mails[0]?.to).toContain('giovanni@example.org');
    expect(mails[0]?.text).toContain(bookingCode);
    expect(mails[0]?.text).toContain('Cosa portare');
    // and by text message through the SMS gateway: the code, when and where, no name
    await expect.poll(() => texts.length, { timeout: 30_000 }).toBe(1);
    expect(texts[0]?.recipient).toBe('+393337654321');
    expect(texts[0]?.text).toContain(`Prenotazione ${bookingCode}`);
    expect(texts[0]?.text).not.toContain('Giovanni');

    // the page in English is as accessible
    await page.goto(`${hub.url}/prenota/B885/anagrafe?lang=en&service=certificate`);
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(await axeViolations(page)).toEqual([]);

    // the kiosk: check in by the code, a ticket on the ID card line
    await page.goto(`${hub.url}/chiosco/B885/anagrafe`);
    expect(await axeViolations(page)).toEqual([]);
    await page.getByLabel(/Codice della prenotazione/).fill(bookingCode.toLowerCase());
    await page.getByRole('button', { name: 'Registra l’arrivo' }).click();
    const ticket = page.locator('[data-ticket]');
    await ticket.waitFor({ timeout: 30_000 });
    const ticketCode = (await ticket.textContent())?.trim() ?? '';
    expect(ticketCode).toMatch(/^C\d{3}$/);
    expect(await axeViolations(page)).toEqual([]);

    // the waiting room: counter 3 calls, the display shows the ticket and the counter
    await page.goto(`${hub.url}/sala/B885/anagrafe`);
    const post = async (path: string, body: unknown, clerk?: string) =>
      (
        await fetch(hub.url + path, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'x-sportello-protocol': String(PROTOCOL_VERSION),
            authorization: `Bearer ${hub.casaleToken}`,
            ...(clerk ? { 'x-sportello-clerk': clerk } : {}),
          },
          body: JSON.stringify(body),
        })
      ).json() as Promise<Record<string, unknown>>;
    const clerk = (await post(LOGIN_PATH, { username: 'anagrafe.casale', password: DEMO_PASSWORD }))
      .token as string;
    const called = (await post(VISIT_CALL_NEXT_PATH, { counter: 3 }, clerk)).ticket as Record<
      string,
      unknown
    >;
    expect(called.code).toBe(ticketCode);
    expect((called.person as { displayName: string }).displayName).toBe('Giovanni Bianco');
    const row = page.locator(`tr[data-ticket="${ticketCode}"]`);
    await row.waitFor({ timeout: 30_000 });
    expect(await row.locator('td').nth(1).textContent()).toBe('3');
    expect(await axeViolations(page)).toEqual([]);
    // the display shows codes and counters, never a name
    expect(await page.locator('body').textContent()).not.toContain('Bianco');
  });
});
