import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findShop, saveShop } from '../hub/shops/shop-repository';
import { shopRecord } from '../shared/shops/test-fixtures';
import { startCounter, type Counter } from '../test-support/e2e-counter';
import { DEMO_PASSWORD } from '../hub/seed/demo-users';

/** A shop open in Casale since 2019, in the hub's register before the counter's first sync. */
const bottega = shopRecord({
  id: 'shop-e2e-bottega',
  signName: 'Bottega Ferraris',
  openedOn: '2019-04-01',
  history: [
    { filingId: 'old-1', event: 'apertura', effectiveDate: '2019-04-01', caseId: null, note: 'apertura' },
  ],
});

/**
 * Commercio di vicinato at the counter in real Chromium, keyboard only. The counted task starts
 * on the registry search and ends back on the register with the shop shown closed; typing a
 * search string is one key press (as a practised clerk types it in one go).
 */
describe('counter: a shop files a cessation, keyboard only', () => {
  let counter: Counter;
  let page: Page;
  let keys = 0;

  beforeAll(async () => {
    counter = await startCounter({
      workstation: 'Casale - SUAP',
      login: 'anagrafe.casale',
      prepare: async (hub) => {
        await hub.hubDb.db.transaction().execute((trx) => saveShop(trx, bottega, new Date().toISOString()));
      },
    });
    page = counter.page;
  });

  afterAll(async () => {
    await counter?.close();
  });

  const press = async (key: string) => {
    keys++;
    await page.keyboard.press(key);
  };
  const type = async (testId: string, text: string) => {
    keys++;
    await page.getByTestId(testId).fill(text);
  };

  it('opens the register (F12), picks the shop, files the comunicazione and sees it closed, in ≤ 7 keys', async () => {
    keys = 0;
    await press('F12');
    await page.getByTestId('shop-search').waitFor();
    await type('shop-search', 'bottega');
    await page.getByTestId('shop-row').filter({ hasText: 'Bottega Ferraris' }).first().waitFor();
    await press('Enter');
    await page.getByTestId('shop-detail').waitFor();
    expect(await page.getByTestId('shop-detail-status').textContent()).toBe('Attivo');
    await type('shop-event-filter', 'cess');
    expect(await page.getByTestId('shop-event-option').allTextContents()).toEqual(['Cessazione']);
    await press('Enter');
    await page.getByTestId('shop-form').waitFor();
    expect(await page.getByTestId('shop-check-kind').textContent()).toBe('Comunicazione');
    await counter.shot('60-shop-cessation-form');
    await press('Enter');
    await page.getByTestId('shop-result').waitFor();
    expect(await page.getByTestId('shop-result-effect').textContent()).toContain(
      'Comunicazione efficace dal deposito: pratica chiusa.',
    );
    // the hub registers the comunicazione: the protocol number arrives with the sync
    await counter.desk.core.sync.syncOnce();
    await counter.desk.core.sync.syncOnce();
    await page
      .getByTestId('shop-result-protocol')
      .filter({ hasText: /Protocollo n\. \d{4}\/\d{7}/ })
      .waitFor();
    await counter.shot('61-shop-cessation-filed');
    await press('Escape');
    await page.getByTestId('shop-search').waitFor();
    const row = page.getByTestId('shop-row').filter({ hasText: 'Bottega Ferraris' }).first();
    await row.waitFor();
    expect(await row.getAttribute('data-status')).toBe('closed');
    expect(keys).toBeLessThanOrEqual(7);
    console.log(`shops: cessation in ${keys} keys`);
    await expect
      .poll(async () => (await findShop(counter.hub.hubDb.db, 'B885', bottega.id))?.status)
      .toBe('closed');
  });

  it('files a new opening: the live class check refuses 250.01 m² in Casale and accepts 250, then the SCIA’s 60-day term', async () => {
    keys = 0;
    await press('F3');
    await page.getByTestId('shop-form').waitFor();
    await type('shop-sign', 'Enoteca Barbero');
    await type('shop-company', 'Barbero Paolo');
    await type('shop-piva', '00743110157');
    await type('shop-declarant-surname', 'Barbero');
    await type('shop-declarant-name', 'Paolo');
    await type('shop-declarant-cf', 'BRBPLA70A01B885X');
    await type('shop-street', 'Roma');
    await type('shop-house', '7');
    await type('shop-total-area', '300');
    await type('shop-sales-area', '250.01');
    const line = page.getByTestId('shop-class-line');
    await line.filter({ hasText: 'media struttura' }).waitFor();
    expect(await line.getAttribute('data-ok')).toBe('no');
    await type('shop-sales-area', '250');
    await line.filter({ hasText: 'Esercizio di vicinato ≤ 250 m²: OK' }).waitFor();
    expect(await page.getByTestId('shop-check-kind').textContent()).toBe('SCIA');
    await counter.shot('62-shop-opening-form');
    await press('Enter');
    await page.getByTestId('shop-result').waitFor();
    expect(await page.getByTestId('shop-result-effect').textContent()).toMatch(
      /Efficace dal deposito\. Verifica dei requisiti entro il \d{2}\/\d{2}\/\d{4} \(60 giorni/,
    );
    await counter.desk.core.sync.syncOnce();
    await counter.desk.core.sync.syncOnce();
    await page
      .getByTestId('shop-result-protocol')
      .filter({ hasText: /Protocollo n\. \d{4}\/\d{7}/ })
      .waitFor();
    await press('Escape');
    await page.getByTestId('shop-search').waitFor();
    await type('shop-search', 'enoteca');
    const row = page.getByTestId('shop-row').filter({ hasText: 'Enoteca Barbero' }).first();
    await row.waitFor();
    expect(await row.getAttribute('data-status')).toBe('active');
    console.log(`shops: opening in ${keys} keys`);
  });

  it('a supervisor forbids the new shop from continuing: Tab to the outcome, the grounds, Enter; the letter and the register follow', async () => {
    await page.keyboard.press('Control+Shift+Q');
    await page.getByLabel('Nome utente').fill('supervisore.casale');
    await page.getByLabel('Password').fill(DEMO_PASSWORD);
    await page.keyboard.press('Enter');
    await page.getByTestId('nav-shops').waitFor();
    await page.keyboard.press('F2');
    await page.getByTestId('search-input').waitFor();
    keys = 0;
    await press('F12');
    const row = page.getByTestId('shop-check-row').filter({ hasText: 'Enoteca Barbero' });
    await row.waitFor();
    expect(await row.textContent()).toContain('prot.');
    // search → status → new opening → the first check's three outcomes
    for (let i = 0; i < 5; i++) await press('Tab');
    expect(
      await row
        .getByTestId('shop-outcome-divieto')
        .evaluate(
          (el: { ownerDocument: { activeElement: unknown } }) => el === el.ownerDocument.activeElement,
        ),
    ).toBe(true);
    await press('Enter');
    await type('shop-outcome-reason', 'requisiti morali non posseduti dal titolare');
    await press('Enter');
    const letter = page.getByTestId('shop-letter');
    await letter.waitFor();
    expect(await letter.getAttribute('href')).toMatch(/^data:application\/pdf;base64,JVBERi0/);
    await page
      .getByTestId('shop-row')
      .filter({ hasText: 'Enoteca Barbero' })
      .and(page.locator('[data-status="prohibited"]'))
      .waitFor();
    await counter.shot('63-shop-divieto');
    console.log(`shops: divieto di prosecuzione in ${keys} keys`);
    await counter.desk.core.sync.syncOnce();
    await counter.desk.core.sync.syncOnce();
    await type('shop-search', 'enoteca');
    await page.getByTestId('shop-row').filter({ hasText: 'Enoteca Barbero' }).first().waitFor();
    await expect
      .poll(async () =>
        page
          .getByTestId('shop-row')
          .filter({ hasText: 'Enoteca Barbero' })
          .first()
          .getAttribute('data-status'),
      )
      .toBe('prohibited');
    const shops = await counter.hub.hubDb.db
      .selectFrom('shops')
      .select(['sign_name', 'status'])
      .where('sign_name', '=', 'Enoteca Barbero')
      .execute();
    expect(shops).toEqual([{ sign_name: 'Enoteca Barbero', status: 'prohibited' }]);
  });
});
