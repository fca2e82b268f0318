import { existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { startBrowserModeDesk, type BrowserModeDesk } from '../electron/desk/browser-mode';
import { memoryCredentialStore } from '../electron/desk/credential-file';
import { DEMO_PASSWORD } from '../hub/seed/demo-users';
import type { LogSink } from '../hub/ops/logging';
import { launchChromium } from './chromium';
import { FAST_TEST_SCRYPT } from './password-cost';
import { startTestHub, type TestHub } from './running-hub';

const root = resolve(__dirname, '..');
export const E2E_ARTIFACTS = join(root, 'e2e', 'artifacts');

export interface Counter {
  hub: TestHub;
  desk: BrowserModeDesk;
  browser: BrowserContext;
  page: Page;
  /** full-page screenshot into e2e/artifacts/<name>.png */
  shot(name: string, page?: Page): Promise<void>;
  close(): Promise<void>;
}

/**
 * A counter as a clerk meets it: a real hub (SQLite), the browser-mode desk synced with it, and
 * headless Chromium on the desk's page, logged in as `login` (none: the login screen).
 */
export async function startCounter(opts: {
  workstation: string;
  /** runs on the hub before the desk's first sync (import fines, …) */
  prepare?: (hub: TestHub) => Promise<void>;
  login?: string;
  /** the hub's clock (the desk keeps the machine's): a working morning for the booking tests */
  now?: () => Date;
  /** where the hub writes its JSON log lines (none: no log, as before) */
  hubLog?: LogSink;
}): Promise<Counter> {
  if (!existsSync(join(root, 'out', 'renderer', 'index.html'))) throw new Error('run `npm run build` first');
  mkdirSync(E2E_ARTIFACTS, { recursive: true });
  const hub = await startTestHub(
    'sqlite',
    opts.now,
    FAST_TEST_SCRYPT,
    opts.hubLog ? { logger: opts.hubLog } : {},
  );
  await opts.prepare?.(hub);
  const desk = await startBrowserModeDesk({
    dataDir: mkdtempSync(join(tmpdir(), 'sportello-e2e-')),
    credentials: memoryCredentialStore({
      hubUrl: hub.url,
      workstation: opts.workstation,
      token: hub.casaleToken,
    }),
    staticDir: join(root, 'out', 'renderer'),
    startSync: false,
  });
  await desk.core.sync.syncOnce();
  const browser = await launchChromium();
  const page = await browser.newPage();
  await page.goto(desk.server.url);
  if (opts.login) {
    await page.getByLabel('Nome utente').fill(opts.login);
    await page.getByLabel('Password').fill(DEMO_PASSWORD);
    await page.keyboard.press('Enter');
    await page.getByTestId('search-input').waitFor();
  }
  return {
    hub,
    desk,
    browser,
    page,
    shot: async (name, p = page) => {
      await p.screenshot({ path: join(E2E_ARTIFACTS, `${name}.png`), fullPage: true });
    },
    close: async () => {
      await browser.close();
      await desk.close();
      await hub.close();
    },
  };
}
