import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCounter, type Counter } from '../test-support/e2e-counter';
import type { TestHub } from '../test-support/running-hub';

/** The Demografici counter in real Chromium: certificates with QR verification, refusals, self-declarations. */
describe('counter: certificates and self-declarations', () => {
  let counter: Counter;
  let hub: TestHub;
  let page: Page;

  beforeAll(async () => {
    counter = await startCounter({ workstation: 'Casale - Anagrafe 1', login: 'anagrafe.casale' });
    ({ hub, page } = counter);
  });

  afterAll(async () => {
    await counter?.close();
  });

  const shot = (name: string, p: Page = page) => counter.shot(name, p);

  const open = async (query: string, expected: string) => {
    await page.keyboard.press('F2');
    await page.getByTestId('search-input').fill(query);
    await page.getByTestId('result-row').filter({ hasText: expected }).first().waitFor();
    await page.getByTestId('search-input').press('ArrowDown');
    await page.getByTestId('search-input').press('Enter');
    await page.getByTestId('detail-name').waitFor();
  };

  let verificationUrl = '';

  it('issues a stato di famiglia with bollo from the keyboard', async () => {
    await open('RSSMRA72', 'Rossi');
    await page.keyboard.press('F4');
    await page.getByTestId('certificate-form').waitFor();
    await page.getByTestId('fact-stato_famiglia').check();
    await page.getByTestId('marca-id').fill('01234567890123');
    await page.getByTestId('certificate-preview').waitFor();
    expect(await page.getByTestId('at-counter').textContent()).toContain('€ 0,52');
    expect(await page.getByTestId('certificate-preview').textContent()).toContain('BIANCHI ANNA');
    await shot('20-certificate-form');
    await page.keyboard.press('Control+Enter');
    await page.getByTestId('issued').waitFor();
    const year = new Date().getFullYear();
    expect(await page.getByTestId('issued-title').textContent()).toMatch(
      new RegExp(`^Certificato B885-P1-${year}-000001-[0-9A-HJKMNP-TV-Z]{8} rilasciato$`),
    );
    verificationUrl = (await page.getByTestId('verification-url').getAttribute('href')) ?? '';
    expect(verificationUrl).toMatch(
      new RegExp(`^${hub.url}/verifica/B885-P1-${year}-000001-[0-9A-HJKMNP-TV-Z]{8}$`),
    );
    expect(await page.getByTestId('issued-lines').textContent()).toContain('marca n. 01234567890123');
    await shot('21-certificate-issued');
  });

  it('opens the verification page from the QR address and sees it valid', async () => {
    await counter.desk.core.sync.syncOnce();
    const verifier = await counter.browser.newPage();
    try {
      await verifier.goto(verificationUrl);
      const status = verifier.locator('[data-status]');
      expect(await status.getAttribute('data-status')).toBe('valid');
      expect(await status.textContent()).toBe('VALIDO');
      const body = (await verifier.locator('main').textContent()) ?? '';
      expect(body).toContain('CERTIFICATO DI STATO DI FAMIGLIA');
      expect(body).toContain('M. R.');
      expect(body).not.toContain('Rossi');
      await shot('22-verification-valid', verifier);
    } finally {
      await verifier.close();
    }
  });

  it('issues one exempt for pension use and shows the legal reference', async () => {
    await page.getByTestId('issued-close').click();
    expect(await page.getByTestId('certificate-row').count()).toBe(1);
    await page.keyboard.press('F4');
    await page.getByTestId('fact-residenza').check();
    await page.getByTestId('bollo-exempt').check();
    await page.getByTestId('exemption-ground').selectOption('previdenza_assistenza');
    await page.getByTestId('certificate-preview').waitFor();
    await page.getByText("Esente dall'imposta di bollo", { exact: false }).first().waitFor();
    expect(await page.getByTestId('fee-lines').textContent()).toContain(
      "Esente dall'imposta di bollo – art. 9, Tabella B, d.P.R. 642/1972",
    );
    expect(await page.getByTestId('at-counter').textContent()).toContain('€ 0,26');
    await page.getByTestId('issue-certificate').click();
    await page.getByTestId('issued').waitFor();
    expect(await page.getByTestId('issued-lines').textContent()).toContain(
      'art. 9, Tabella B, d.P.R. 642/1972',
    );
    await shot('23-certificate-exempt');
    await page.getByTestId('issued-close').click();
    await page.getByTestId('certificate-row').nth(1).waitFor();
    expect(await page.getByTestId('certificate-row').count()).toBe(2);
  });

  it('refuses Italian citizenship for a foreign national, saying why', async () => {
    await page.keyboard.press('Escape');
    await open('Hoxha', 'Hoxha');
    await page.keyboard.press('F4');
    await page.getByTestId('fact-cittadinanza').check();
    await page.getByTestId('marca-id').fill('01234567890999');
    const refusal = page.getByTestId('refusal');
    await refusal.waitFor();
    expect(await refusal.textContent()).toContain(
      'HOXHA ARBEN non è cittadino/a italiano/a (cittadinanza: Albania)',
    );
    expect(await page.getByTestId('issue-certificate').isDisabled()).toBe(true);
    await shot('24-certificate-refused');
  });

  it('prepares a pre-filled self-declaration to sign, without bollo', async () => {
    await page.keyboard.press('Escape');
    await page.keyboard.press('F6');
    await page.getByTestId('declaration-form').waitFor();
    await page.getByTestId('document-number').fill('CA12345AB');
    await page.getByTestId('declaration-preview').waitFor();
    await page.getByText('CA12345AB', { exact: false }).first().waitFor();
    expect(await page.getByTestId('declaration-preview').textContent()).toContain('HOXHA ARBEN');
    await page.keyboard.press('Control+Enter');
    await page.getByTestId('issued').waitFor();
    expect(await page.getByTestId('issued-title').textContent()).toBe('Dichiarazione pronta da firmare');
    await shot('25-declaration-ready');
  });
});
