import { existsSync, mkdtempSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { bundledChromium } from './bundled-chromium';

/**
 * Headless Chromium driven by playwright-core (never a downloaded browser): by default the one
 * shipped in node_modules by @sparticuz/chromium, so `npm install && npm test` needs no system
 * browser; `CHROMIUM_PATH` picks another binary (Debian's /usr/bin/chromium, a newer build).
 * Flags from ENVIRONMENT.md; @sparticuz's own `args` are for AWS Lambda (single process, web
 * security off) and would hide exactly the bugs the UI tests are for, so they are not used.
 */
export async function launchChromium(): Promise<BrowserContext> {
  const chosen = process.env.CHROMIUM_PATH;
  if (chosen && !existsSync(chosen)) throw new Error(`CHROMIUM_PATH=${chosen}: no such file`);
  const browser = chosen ? { executablePath: chosen, env: {} } : await bundledChromium();
  const profile = mkdtempSync(join(tmpdir(), 'sportello-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: browser.executablePath,
    env: { ...process.env, ...browser.env },
    headless: true,
    viewport: { width: 1440, height: 900 },
    locale: 'it-IT',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  // a fresh profile per launch, deleted with the browser (they used to pile up in /tmp); the
  // browser may still be writing it when 'close' fires, hence retries, and never an error
  context.once('close', () => {
    rm(profile, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 }).catch(() => undefined);
  });
  return context;
}
