import { existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBrowserModeDesk, type BrowserModeDesk } from '../electron/desk/browser-mode';
import { memoryCredentialStore } from '../electron/desk/credential-file';
import { parseManagedConfig } from '../electron/desk/managed-config/managed-config';
import { managedRuntime } from '../electron/desk/managed-config/managed-runtime';
import { createEnrolmentCode } from '../hub/admin/workstations';
import { DEMO_PASSWORD } from '../hub/seed/demo-users';
import { launchChromium } from '../test-support/chromium';
import { startTestHub, type TestHub } from '../test-support/running-hub';
import { expectAccessible } from '../test-support/axe';

const root = resolve(__dirname, '..');
const artifacts = join(root, 'e2e', 'artifacts');

/** A silent install plus IT's managed.json: the counter starts enrolled, says so, and shows what IT locked. */
describe('counter: managed workstation', () => {
  let hub: TestHub;
  let desk: BrowserModeDesk;
  let browser: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    if (!existsSync(join(root, 'out', 'renderer', 'index.html')))
      throw new Error('run `npm run build` first');
    mkdirSync(artifacts, { recursive: true });
    hub = await startTestHub('sqlite');
    const code = await createEnrolmentCode(hub.hubDb.db, 'B885', 'Casale - Anagrafe 4');
    const managed = parseManagedConfig(
      JSON.stringify({
        hubUrl: hub.url,
        comune: 'B885',
        workstation: 'Casale - Anagrafe 4',
        ring: 'casale',
        enrolmentCode: code,
        updates: 'managed-by-it',
      }),
      '/etc/sportello/managed.json',
    );
    desk = await startBrowserModeDesk({
      dataDir: mkdtempSync(join(tmpdir(), 'sportello-e2e-')),
      credentials: memoryCredentialStore(),
      staticDir: join(root, 'out', 'renderer'),
      sync: { pollWaitMs: 1000, maxBackoffMs: 300 },
      managed: managedRuntime(managed),
    });
    browser = await launchChromium();
    page = await browser.newPage();
  });

  afterAll(async () => {
    await browser?.close();
    await desk?.close();
    await hub?.close();
  });

  it('starts enrolled with the code from the managed configuration and says so', async () => {
    await page.goto(desk.server.url);
    await page.getByRole('heading', { name: 'Accesso operatore' }).waitFor();
    expect(await page.getByTestId('silent-enrolment').textContent()).toBe(
      'Postazione registrata automaticamente con il codice dei Servizi Informatici.',
    );
    expect(await page.getByTestId('workstation').textContent()).toContain('Casale - Anagrafe 4');
    await page.screenshot({ path: join(artifacts, '90-managed-enrolled.png'), fullPage: true });
    await expectAccessible(page, 'login after a silent enrolment');
  });

  it('shows the settings IT fixed, locked, on the workstation screen', async () => {
    await page.getByLabel('Nome utente').fill('anagrafe.casale');
    await page.getByLabel('Password').fill(DEMO_PASSWORD);
    await page.keyboard.press('Enter');
    await page.getByTestId('search-input').waitFor();
    await page.getByTestId('sync-status').click();
    await page.getByTestId('managed-settings').waitFor();
    const row = (s: string) => page.getByTestId(`managed-${s}`);
    expect(await row('hubUrl').textContent()).toContain(hub.url.replace(/\/$/, ''));
    expect(await row('comune').textContent()).toContain('B885');
    expect(await row('ring').textContent()).toContain('casale');
    expect(await row('updates').textContent()).toContain('gestiti dai Servizi Informatici');
    expect(await row('updates').getAttribute('data-locked')).toBe('true');
    expect(await page.getByTestId('managed-settings').textContent()).toContain('/etc/sportello/managed.json');
    expect(await page.getByTestId('managed-settings').locator('input').count()).toBe(0);
    await page.screenshot({ path: join(artifacts, '91-managed-settings.png'), fullPage: true });
    await expectAccessible(page, 'workstation screen with the settings IT fixed');
  });
});
