import { existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBrowserModeDesk, type BrowserModeDesk } from '../electron/desk/browser-mode';
import { memoryCredentialStore } from '../electron/desk/credential-file';
import { createEnrolmentCode, revokeWorkstation } from '../hub/admin/workstations';
import { DEMO_PASSWORD } from '../hub/seed/demo-users';
import { launchChromium } from '../test-support/chromium';
import { startTestHub, type TestHub } from '../test-support/running-hub';

const root = resolve(__dirname, '..');
const artifacts = join(root, 'e2e', 'artifacts');

/** IT enrols a new counter, a clerk records contacts, sync carries them to the hub; then IT revokes it. */
describe('counter: enrolment, sync and revocation', () => {
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
      credentials: memoryCredentialStore(),
      staticDir: join(root, 'out', 'renderer'),
      sync: { pollWaitMs: 1000, maxBackoffMs: 300 },
    });
    browser = await launchChromium();
    page = await browser.newPage();
  });

  afterAll(async () => {
    await browser?.close();
    await desk?.close();
    await hub?.close();
  });

  const shot = (name: string) => page.screenshot({ path: join(artifacts, `${name}.png`), fullPage: true });

  it('asks for the hub address and a one-time code on first start, and refuses a wrong code', async () => {
    await page.goto(desk.server.url);
    await page.getByRole('heading', { name: 'Registrazione della postazione' }).waitFor();
    await page.getByLabel('Indirizzo del server centrale').fill(hub.url);
    await page.getByLabel('Codice di registrazione').fill('AAAA-BBBB-CCCC');
    await page.keyboard.press('Enter');
    await expect
      .poll(() => page.getByTestId('enrol-error').textContent())
      .toBe('Codice di registrazione non valido, scaduto o già usato.');
    await shot('10-enrol-wrong-code');
  });

  it('enrols with the code IT created and then shows the login', async () => {
    const code = await createEnrolmentCode(hub.hubDb.db, 'B885', 'Casale - Anagrafe 3');
    await page.getByLabel('Codice di registrazione').fill(code);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Accesso operatore' }).waitFor();
    await page.getByLabel('Nome utente').fill('anagrafe.casale');
    await page.getByLabel('Password').fill(DEMO_PASSWORD);
    await page.keyboard.press('Enter');
    await page.getByTestId('search-input').waitFor();
    await expect
      .poll(() => page.getByTestId('sync-status').textContent(), { timeout: 30_000 })
      .toContain('6 residenti in locale');
  });

  it('records contacts at once and shows them sent to the hub', async () => {
    await page.getByTestId('search-input').fill('rossi mario');
    await page.getByTestId('result-row').first().waitFor();
    await page.keyboard.press('Enter');
    await page.getByTestId('edit-contacts').click();
    await page.getByLabel('Telefono').fill('0142 444 555');
    await page.getByLabel('E-mail').fill('mario.rossi@example.it');
    await page.getByTestId('save-contacts').click();
    await expect.poll(() => page.getByTestId('contact-phone').textContent()).toBe('0142444555');
    await expect
      .poll(
        async () =>
          (
            await hub.hubDb.db
              .selectFrom('residents')
              .select('phone')
              .where('id', '=', 'r-mario')
              .executeTakeFirstOrThrow()
          ).phone,
        {
          timeout: 10_000,
        },
      )
      .toBe('0142444555');
    await expect
      .poll(() => page.getByTestId('sync-status').getAttribute('data-pending'), { timeout: 30_000 })
      .toBe('0');
    await expect
      .poll(
        async () =>
          `${await page.getByTestId('sync-status').textContent()} ${desk.core.ctx.state.sync.error ?? ''}`,
        {
          timeout: 10_000,
        },
      )
      .toContain('In linea');
    await shot('11-contacts-synced');
  });

  it('explains invalid contacts without saving them', async () => {
    await page.getByTestId('edit-contacts').click();
    await page.getByLabel('Telefono').fill('abc');
    await page.getByTestId('save-contacts').click();
    await expect
      .poll(() => page.getByTestId('contacts-error').textContent())
      .toContain('«Telefono» nel formato sbagliato');
    await page.getByLabel('Telefono').press('Escape');
  });

  it('opens the sync screen with F9', async () => {
    await page.keyboard.press('F9');
    await page.getByRole('heading', { name: 'Sincronizzazione' }).waitFor();
    expect(await page.getByTestId('sync-pending').textContent()).toBe('0');
    await page.getByText('Nessuna operazione rifiutata.').waitFor();
    await shot('12-sync-screen');
    await page.keyboard.press('Escape');
  });

  it('returns to enrolment and says why when IT revokes the workstation', async () => {
    await revokeWorkstation(hub.hubDb.db, 'Casale - Anagrafe 3');
    await page.getByTestId('revoked').waitFor({ timeout: 15_000 });
    expect(await page.getByTestId('revoked').textContent()).toContain(
      'i dati personali locali sono stati cancellati',
    );
    expect(desk.core.ctx.state.sync.residents).toBe(0);
    await shot('13-revoked');
  });
});
