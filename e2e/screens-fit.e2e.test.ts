import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../hub/seed/demo-users';
import { E2E_ARTIFACTS, startCounter, type Counter } from '../test-support/e2e-counter';

/**
 * Issue 18 §5: every desk screen read at the window's minimum (1024×700) and on a full-HD
 * monitor (1920×1080): no text runs out of its box, where a clerk would read a codice fiscale
 * cut in half or a relationship hidden under the next column. Screenshots land in e2e/artifacts.
 */

/** An element whose text runs past its own box and does not scroll to show it. */
interface Overflow {
  element: string;
  text: string;
  scrollWidth: number;
  clientWidth: number;
}

/**
 * The deepest visible elements with text whose content is wider (or taller) than their box and
 * that neither scroll nor are form fields: what the clerk sees clipped or spilling over.
 */
function overflowingText(page: Page): Promise<Overflow[]> {
  return page.evaluate(OVERFLOW_PROBE) as Promise<Overflow[]>;
}

/**
 * Runs in the page (plain JavaScript: the tests' TypeScript has no DOM types). Inline boxes have
 * no client size, so their overflow is read on the block that holds them; an element counts once,
 * not with every ancestor its overflow shows through.
 */
const OVERFLOW_PROBE = `(() => {
  const scrolls = (v) => v === 'auto' || v === 'scroll';
  const skipped = ['INPUT', 'TEXTAREA', 'SELECT', 'OPTION', 'SCRIPT', 'STYLE'];
  const found = [];
  for (const el of Array.from(document.querySelectorAll('body *'))) {
    if (!(el instanceof HTMLElement) || skipped.includes(el.tagName)) continue;
    const style = getComputedStyle(el);
    if (['inline', 'contents', 'none'].includes(style.display)) continue;
    if (style.visibility === 'hidden' || el.getClientRects().length === 0) continue;
    if ((el.textContent || '').trim() === '') continue;
    // a visually hidden label (for screen readers) is 1x1 on purpose
    if (el.clientWidth <= 1 && el.clientHeight <= 1) continue;
    const wide = el.scrollWidth > el.clientWidth + 1 && !scrolls(style.overflowX);
    const tall =
      el.scrollHeight > el.clientHeight + 1 &&
      !scrolls(style.overflowY) &&
      style.overflowY !== 'visible' &&
      style.overflowY !== 'clip';
    if (wide || tall) found.push(el);
  }
  return found
    .filter((el) => !found.some((other) => other !== el && el.contains(other)))
    .map((el) => ({
      element: el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') +
        (el.className ? '.' + String(el.className).split(' ').join('.') : ''),
      text: (el.textContent || '').trim().slice(0, 80),
      scrollWidth: el.scrollWidth,
      clientWidth: el.clientWidth,
    }));
})()`;

const SIZES = [
  { width: 1024, height: 700 },
  { width: 1920, height: 1080 },
] as const;

describe('every desk screen fits the window, 1024×700 to 1920×1080', () => {
  let counter: Counter;
  let page: Page;

  beforeAll(async () => {
    counter = await startCounter({ workstation: 'Casale - Anagrafe 1' });
    page = counter.page;
  }, 300_000);
  afterAll(async () => {
    await counter?.close();
  });

  /** At each size: no text overflows, and the screenshot to look at. */
  const check = async (name: string): Promise<void> => {
    for (const size of SIZES) {
      await page.setViewportSize(size);
      // the layout after the resize, once the browser has painted it
      await page.evaluate('new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))');
      await page.screenshot({
        path: join(E2E_ARTIFACTS, `screen-${name}-${size.width}x${size.height}.png`),
        fullPage: true,
      });
      expect(await overflowingText(page), `${name} at ${size.width}×${size.height}`).toEqual([]);
    }
    await page.setViewportSize(SIZES[0]);
  };

  it('login', async () => {
    await page.getByLabel('Nome utente').waitFor();
    await check('login');
    await page.getByLabel('Nome utente').fill('supervisore.casale');
    await page.getByLabel('Password').fill(DEMO_PASSWORD);
    await page.keyboard.press('Enter');
    await page.getByTestId('search-input').waitFor();
  });

  it('search with a list of results', async () => {
    await page.getByTestId('search-input').fill('rossi');
    await expect.poll(() => page.getByTestId('result-row').count(), { timeout: 15_000 }).toBeGreaterThan(1);
    await check('search');
  });

  it('a resident’s page: codice fiscale, address, household, history', async () => {
    await page.getByTestId('search-input').fill('rossi mario');
    await expect
      .poll(() => page.getByTestId('result-row').first().textContent(), { timeout: 15_000 })
      .toContain('Rossi Mario');
    await page.getByTestId('search-input').press('Enter');
    await page.getByTestId('detail-name').waitFor();
    await check('resident');
    await page.keyboard.press('Escape');
    await page.getByTestId('search-input').waitFor();
  });

  it('sync status', async () => {
    await page.getByTestId('sync-status').click();
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    await check('sync');
  });

  it.each(['cases', 'cashdesk', 'permits', 'shops', 'canone', 'school'])('the %s area', async (area) => {
    const nav = page.getByTestId(`nav-${area}`);
    await nav.click();
    await expect.poll(() => nav.getAttribute('class'), { timeout: 15_000 }).toContain('active');
    // the area's first heading is up once its data is read
    await page.locator('main h1, main h2').first().waitFor();
    await check(area);
  });
});
