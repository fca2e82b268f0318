import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../shared/calendar/iso-date';
import { romeDateOf } from '../shared/calendar/rome-date';
import { permitRecord } from '../shared/permits/test-fixtures';
import { demoPositionsCsv, demoVerbaliCsv } from '../hub/cashdesk/demo-fines';
import { importDebtPositions, importVerbali } from '../hub/cashdesk/import-service';
import { insertPermit } from '../hub/permits/permit-repository';
import { startCounter, type Counter } from '../test-support/e2e-counter';

const today = romeDateOf(new Date());

/**
 * One visit settles everything, in real Chromium and keyboard only: Anna Bianchi's page lists
 * what the Rossi household still has open (two fines on the plate of Mario's ZTL permit, their
 * TARI and canteen notices, the permit to renew); two fines are taken in one card payment with
 * one numbered receipt, which the hub accepts line by line.
 */
describe('counter: a household’s open items, two paid on one receipt', () => {
  let counter: Counter;
  let page: Page;

  beforeAll(async () => {
    counter = await startCounter({
      workstation: 'Casale - Anagrafe 1',
      login: 'anagrafe.casale',
      prepare: async (hub) => {
        await importVerbali(hub.hubDb.db, 'B885', demoVerbaliCsv(today, 0));
        await importDebtPositions(
          hub.hubDb.db,
          'B885',
          demoPositionsCsv(today, ['RSSMRA72L09H501S', 'BNCNNA80A41B885M'], '01'),
        );
        await hub.hubDb.db.transaction().execute(async (trx) => {
          await insertPermit(
            trx,
            permitRecord({
              id: 'permit-mario',
              holderId: 'r-mario',
              holderName: 'Rossi Mario',
              householdId: 'f-rossi',
              validFrom: addDays(today, -345),
              validTo: addDays(today, 20),
            }),
            'demo',
            new Date().toISOString(),
          );
        });
      },
    });
    page = counter.page;
  }, 300_000);

  afterAll(async () => {
    await counter?.close();
  });

  it('opens the till (F8), then Anna’s page shows the household’s open items', async () => {
    await page.keyboard.press('F8');
    await page.getByTestId('opening-float').fill('50,00');
    await page.getByTestId('opening-float').press('Enter');
    await expect
      .poll(() => page.getByTestId('session-status').textContent(), { timeout: 30_000 })
      .toContain('€ 50,00');
    await page.keyboard.press('F2');
    await page.getByTestId('search-input').fill('BNCNNA80');
    await page.getByTestId('result-row').filter({ hasText: 'Bianchi' }).first().waitFor();
    await page.keyboard.press('Enter');
    await page.getByTestId('detail-name').waitFor();
    const items = page.getByTestId('open-items').getByTestId('open-item');
    await expect.poll(() => items.count(), { timeout: 30_000 }).toBe(8);
    const kinds = await items.evaluateAll((rows) => rows.map((r) => r.getAttribute('data-kind')));
    expect(kinds).toEqual(['fine', 'fine', 'notice', 'notice', 'notice', 'notice', 'canteen', 'permit']);
    expect(await items.nth(0).textContent()).toContain('Rossi Mario');
    expect(await items.nth(0).getByTestId('open-item-amount').textContent()).toBe('€ 29,40');
    expect(await items.nth(7).textContent()).toContain('PRM-B885-A2-2026-000001');
    await counter.shot('visits-open-items');
  });

  it('takes the two fines in one card payment with one receipt, keyboard only', async () => {
    // Tab from the page's first control to the first item's box
    const firstBox = page.getByTestId('open-item-check').first();
    const focused = () =>
      firstBox.evaluate(
        (el: { ownerDocument: { activeElement: unknown } }) => el === el.ownerDocument.activeElement,
      );
    for (let i = 0; i < 80 && !(await focused()); i++) await page.keyboard.press('Tab');
    expect(await focused()).toBe(true);
    await page.keyboard.press('Space');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Space');
    expect(await page.getByTestId('open-items-selected').textContent()).toBe('Selezionati: 2, € 210,90');
    await page.keyboard.press('Enter');
    await page.getByTestId('basket-psp').waitFor();
    await page.keyboard.type('PSP-VISIT-01');
    await page.keyboard.press('Enter');
    await page.getByTestId('basket-receipt').waitFor({ timeout: 30_000 });
    const year = today.slice(0, 4);
    expect(await page.getByTestId('basket-receipt-title').textContent()).toBe(
      `Ricevuta RIC-B885-P1-${year}-000001`,
    );
    expect(await page.getByTestId('basket-receipt-line').allTextContents()).toEqual([
      expect.stringMatching(/^1\. .*1001\/A.*: € 29,40$/),
      expect.stringMatching(/^2\. .*1002\/A.*: € 181,50$/),
    ]);
    expect(await page.getByTestId('basket-receipt-total').textContent()).toBe('carta (POS): € 210,90');
    // both fines leave the list at once
    const items = page.getByTestId('open-items').getByTestId('open-item');
    await expect.poll(() => items.count(), { timeout: 30_000 }).toBe(6);
    await counter.shot('visits-one-receipt');

    await counter.desk.core.sync.syncOnce();
    const atHub = await counter.hub.hubDb.db
      .selectFrom('verbali')
      .select(['key', 'status', 'paid_receipt'])
      .where('key', 'in', ['1001/A', '1002/A'])
      .orderBy('key')
      .execute();
    expect(atHub).toEqual([
      { key: '1001/A', status: 'paid', paid_receipt: `RIC-B885-P1-${year}-000001/1` },
      { key: '1002/A', status: 'paid', paid_receipt: `RIC-B885-P1-${year}-000001/2` },
    ]);
  });
});
