import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractPdfLines } from '../electron/desk/documents/pdf-test-helpers';
import { insertHouseholds } from '../hub/seed/seed-demo';
import { startCounter, type Counter } from '../test-support/e2e-counter';
import { SEARCH_HOUSEHOLDS } from '../test-support/search-fixture';

/**
 * Issue 18 §2: the certificate a Romanian resident takes home names him as the registry does,
 * "Ștefănescu Ionuț" with comma-below ș and ț and the breve ă, never "Stefanescu Ionut". The
 * clerk finds him typing without diacritics, issues the certificate at the keyboard and saves
 * the PDF the desk produced; its text, read back, holds the name letter for letter.
 */
describe('counter: a Romanian resident’s certificate prints his name as the registry holds it', () => {
  let counter: Counter;
  let page: Page;

  beforeAll(async () => {
    counter = await startCounter({
      workstation: 'Casale - Anagrafe 1',
      login: 'anagrafe.casale',
      prepare: async (hub) => {
        await insertHouseholds(hub.hubDb.db, SEARCH_HOUSEHOLDS);
      },
    });
    page = counter.page;
  }, 300_000);

  afterAll(async () => {
    await counter?.close();
  });

  it('issues his residence certificate and the PDF’s text holds "ȘTEFĂNESCU IONUȚ"', async () => {
    await page.getByTestId('search-input').fill('stefanescu ionut');
    await page.getByTestId('result-row').filter({ hasText: 'Ștefănescu Ionuț' }).first().waitFor();
    await page.getByTestId('search-input').press('Enter');
    expect(await page.getByTestId('detail-name').textContent()).toBe('Ștefănescu Ionuț');

    await page.keyboard.press('F4');
    await page.getByTestId('certificate-form').waitFor();
    await page.getByTestId('fact-residenza').check();
    await page.getByTestId('marca-id').fill('01234567890123');
    await page.getByTestId('certificate-preview').waitFor();
    await page.keyboard.press('Control+Enter');
    await page.getByTestId('issued').waitFor({ timeout: 30_000 });

    // "Salva PDF": the bytes the desk produced, as the clerk would save them
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: 30_000 }),
      page.getByTestId('save-pdf').click(),
    ]);
    const bytes = new Uint8Array(await readFile(await download.path()));
    await counter.shot('romanian-certificate-issued');

    const lines = (await extractPdfLines(bytes)).flat().map((l) => l.text);
    const holder = 'Ștefănescu Ionuț'.toUpperCase();
    expect(holder).toBe('ȘTEFĂNESCU IONUȚ');
    // the certificate names him on a line of its own, right after the formula that introduces him
    const formula = lines.indexOf('che, in base alle risultanze anagrafiche alla data odierna,');
    expect(formula, lines.join('\n')).toBeGreaterThan(-1);
    expect(lines[formula + 1]).toBe(holder);
    // and nowhere transliterated
    expect(lines.join('\n')).not.toMatch(/STEFANESCU|Stefanescu|IONUT\b/);
  });
});
