import { existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBrowserModeDesk, type BrowserModeDesk } from '../electron/desk/browser-mode';
import { memoryCredentialStore } from '../electron/desk/credential-file';
import { DEMO_PASSWORD } from '../hub/seed/demo-users';
import { launchChromium } from '../test-support/chromium';
import { startTestHub, type TestHub } from '../test-support/running-hub';

const root = resolve(__dirname, '..');
const artifacts = join(root, 'e2e', 'artifacts');

/** A clerk at the counter, in real Chromium, against the browser-mode desk and a real hub. */
describe('counter: log in and find a resident', () => {
  let hub: TestHub;
  let desk: BrowserModeDesk;
  let browser: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    if (!existsSync(join(root, 'out', 'renderer', 'index.html')))
      throw new Error('run `npm run build` first');
    mkdirSync(artifacts, { recursive: true });
    hub = await startTestHub('sqlite');
    desk = await startBrowserModeDesk({
      dataDir: mkdtempSync(join(tmpdir(), 'sportello-e2e-')),
      credentials: memoryCredentialStore({
        hubUrl: hub.url,
        workstation: 'Casale - Anagrafe 1',
        token: hub.casaleToken,
      }),
      staticDir: join(root, 'out', 'renderer'),
      startSync: false,
    });
    await desk.core.sync.syncOnce();
    browser = await launchChromium();
    page = await browser.newPage();
  });

  afterAll(async () => {
    await browser?.close();
    await desk?.close();
    await hub?.close();
  });

  const shot = (name: string) => page.screenshot({ path: join(artifacts, `${name}.png`), fullPage: true });

  it('shows the login screen in Italian', async () => {
    await page.goto(desk.server.url);
    await page.getByRole('heading', { name: 'Accesso operatore' }).waitFor();
    await shot('01-login');
  });

  it('says clearly when the password is wrong', async () => {
    await page.getByLabel('Nome utente').fill('anagrafe.casale');
    await page.getByLabel('Password').fill('password-sbagliata');
    await page.keyboard.press('Enter');
    const error = page.getByTestId('login-error');
    await error.waitFor();
    expect(await error.textContent()).toBe(
      'Nome utente o password errati. Tentativi rimasti prima del blocco: 4.',
    );
    await shot('02-wrong-password');
  });

  it('logs in with the keyboard only', async () => {
    await page.getByLabel('Password').fill(DEMO_PASSWORD);
    await page.keyboard.press('Enter');
    await page.getByTestId('search-input').waitFor();
    expect(await page.getByTestId('clerk-name').textContent()).toContain('Giulia Ferrero');
    expect(await page.getByTestId('sync-status').textContent()).toContain('6 residenti in locale');
  });

  it('finds a resident by codice fiscale prefix as the clerk types', async () => {
    await page.getByTestId('search-input').pressSequentially('RSSMRA72', { delay: 20 });
    await page.getByTestId('result-row').first().waitFor();
    const rows = await page.getByTestId('result-row').allTextContents();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toContain('Rossi Mario');
    expect(rows[0]).toContain('RSSMRA72L09H501S');
    expect(rows[0]).toContain('Via Roma 12');
    await shot('03-search-cf-prefix');
  });

  it('opens the record with Enter and shows the family with relationships', async () => {
    await page.keyboard.press('Enter');
    await page.getByTestId('detail-name').waitFor();
    expect(await page.getByTestId('detail-name').textContent()).toBe('Rossi Mario');
    expect(await page.getByTestId('detail-address').textContent()).toContain('Via Roma 12');
    const family = await page.getByTestId('family-member').allTextContents();
    expect(family).toHaveLength(3);
    expect(family[0]).toContain('Intestatario scheda');
    expect(family.find((m) => m.includes('Bianchi Anna'))).toContain('Coniuge');
    expect(family.find((m) => m.includes('Rossi Luca'))).toContain('Figlio/a');
    await shot('04-resident-family');
  });

  it('goes back to the same list with Esc, and moves through results with the arrows', async () => {
    await page.keyboard.press('Escape');
    await page.getByTestId('search-input').waitFor();
    await page.getByTestId('search-input').fill('rossi');
    await expect.poll(() => page.getByTestId('result-row').count()).toBe(3);
    await page.getByTestId('search-input').press('ArrowDown');
    await page.getByTestId('search-input').press('Enter');
    await page.getByTestId('detail-name').waitFor();
    expect(await page.getByTestId('detail-name').textContent()).toBe('Rossi Luca');
    await page.keyboard.press('Escape');
  });

  it('opens the person whose CF a scanner typed, never the previous first result', async () => {
    const box = page.getByTestId('search-input');
    await box.fill('rossi');
    await expect.poll(() => page.getByTestId('result-row').count()).toBe(3);
    // a barcode reader: the whole CF and Enter with no delay between keys, the old list on screen
    await box.selectText();
    await page.keyboard.type('BNCNNA80A41B885M', { delay: 0 });
    await page.keyboard.press('Enter');
    await page.getByTestId('detail-name').waitFor();
    expect(await page.getByTestId('detail-name').textContent()).toBe('Bianchi Anna');
    await page.keyboard.press('Escape');
    await box.waitFor();
  });

  it('does nothing on Enter when the text now in the box finds no one', async () => {
    const box = page.getByTestId('search-input');
    await box.fill('rossi');
    await expect.poll(() => page.getByTestId('result-row').count()).toBe(3);
    await box.selectText();
    await page.keyboard.type('zzzqqq', { delay: 0 });
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('result-count').textContent()).toContain('zzzqqq');
    expect(await page.getByTestId('detail-name').count()).toBe(0);
  });

  it("finds D'Amico Nicolò typed without apostrophe or accent", async () => {
    await page.getByTestId('search-input').fill('damico nicolo');
    await expect.poll(() => page.getByTestId('result-row').first().textContent()).toContain("D'Amico Nicolò");
  });

  it('explains a mistyped codice fiscale inline', async () => {
    await page.getByTestId('search-input').fill('RSSMRA72L09H501X');
    const box = page.getByTestId('cf-explanation');
    await box.waitFor();
    expect(await box.textContent()).toContain('Carattere di controllo errato: è «X», dovrebbe essere «S»');
    await shot('05-invalid-cf');
  });

  it('switches to English with Alt+L', async () => {
    await page.keyboard.press('Alt+l');
    await page.getByRole('heading', { name: 'Registry search' }).waitFor();
    expect(await page.getByTestId('cf-explanation').textContent()).toContain('Invalid codice fiscale');
    await shot('06-english');
    await page.keyboard.press('Alt+l');
  });

  it('logs out and refuses a locked account with its message', async () => {
    await page.getByTestId('logout').click();
    await page.getByLabel('Nome utente').fill('anagrafe2.casale');
    for (let i = 0; i < 5; i++) {
      await page.getByLabel('Password').fill('sbagliata');
      await page.keyboard.press('Enter');
      // the screen clears the password when the hub has answered: one attempt at a time
      await expect.poll(() => page.getByLabel('Password').inputValue()).toBe('');
    }
    await expect.poll(() => page.getByTestId('login-error').textContent()).toContain('Account bloccato');
    await shot('07-locked');
  });
});
