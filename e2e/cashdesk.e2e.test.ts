import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoVerbaliCsv } from '../hub/cashdesk/demo-fines';
import { importVerbali } from '../hub/cashdesk/import-service';
import { DEMO_PASSWORD } from '../hub/seed/demo-users';
import { romeDateOf } from '../shared/calendar/rome-date';
import { startCounter, type Counter } from '../test-support/e2e-counter';

/** The cash desk in real Chromium: a scanned notice, the reduced amount, a card payment, the day closed. */
describe('counter: fines, pagoPA notices and the cash desk', () => {
  let counter: Counter;
  let page: Page;
  let qr = '';

  beforeAll(async () => {
    counter = await startCounter({
      workstation: 'Casale - Cassa 1',
      login: 'anagrafe.casale',
      prepare: async (hub) => {
        await importVerbali(hub.hubDb.db, 'B885', demoVerbaliCsv(romeDateOf(new Date()), 10));
        const v = await hub.hubDb.db
          .selectFrom('verbali')
          .select('notice_number')
          .where('key', '=', '1001/A')
          .executeTakeFirstOrThrow();
        // what a keyboard-wedge reader types when it reads the notice's QR code
        qr = `PAGOPA|002|${v.notice_number}|00190540062|2940`;
      },
    });
    page = counter.page;
  });

  afterAll(async () => {
    await counter?.close();
  });

  const shot = (name: string) => counter.shot(name);

  it('opens the till with the float (F8)', async () => {
    await page.keyboard.press('F8');
    await page.getByTestId('opening-float').fill('100,00');
    await page.getByTestId('open-session').click();
    await page.getByTestId('session-bar').waitFor();
    expect(await page.getByTestId('session-status').textContent()).toContain('fondo € 100,00');
  });

  it('reads a scanned notice and shows the reduced amount with the next threshold', async () => {
    await page.getByTestId('debt-query').fill(qr);
    await page.getByTestId('debt-query').press('Enter');
    const card = page.getByTestId('debt').first();
    await card.waitFor();
    expect(await card.getAttribute('data-key')).toBe('1001/A');
    expect(await page.getByTestId('amount-due').textContent()).toBe('€ 29,40');
    expect(await page.getByTestId('due-summary').textContent()).toMatch(/^fino al .*: € 29,40, poi € 42,00$/);
    await shot('30-cashdesk-fine');
  });

  it('offers to pay only the notice of the code now in the box', async () => {
    // the reader starts the next code: the previous notice must not stay under Pay
    await page.getByTestId('debt-query').press('End');
    await page.getByTestId('debt-query').press('Backspace');
    await expect.poll(() => page.getByTestId('debt').count()).toBe(0);
    await page.getByTestId('debt-query').fill(qr);
    await page.getByTestId('debt-query').press('Enter');
    await page.getByTestId('debt').first().waitFor();
    expect(await page.getByTestId('debt').first().getAttribute('data-key')).toBe('1001/A');
  });

  it('takes the payment by card and gives a numbered receipt', async () => {
    await page.getByTestId('pay').click();
    await page.getByTestId('confirm-pay').click();
    expect(await page.getByTestId('pay-error').textContent()).toMatch(/transazione|POS/i);
    await page.getByTestId('psp-id').fill('PSP-20261126-0001');
    await page.getByTestId('confirm-pay').click();
    await page.getByTestId('receipt').waitFor();
    const year = romeDateOf(new Date()).slice(0, 4);
    expect(await page.getByTestId('receipt-title').textContent()).toBe(`Ricevuta RIC-B885-P1-${year}-000001`);
    expect(await page.getByTestId('debt').first().getAttribute('data-status')).toBe('paid');
    expect(await page.getByTestId('net-today').textContent()).toBe('Incassato oggi: € 29,40');
    await shot('31-cashdesk-receipt');
  });

  it('closes the day: counted cash, then the supervisor signs off at this counter', async () => {
    await page.getByTestId('close-day').click();
    await page.getByTestId('counted-cash').fill('99,50');
    await page.getByTestId('count-cash').click();
    // a discrepancy cannot be signed off without a word on it
    await page.getByTestId('signoff-user').fill('supervisore.casale');
    await page.getByTestId('signoff-password').fill(DEMO_PASSWORD);
    await page.getByTestId('sign-off').click();
    expect(await page.getByTestId('session-error').textContent()).toMatch(/differenza|nota|spiegazione/i);
    await page.getByRole('button', { name: 'Riapri' }).click();
    await page.getByTestId('counted-cash').fill('99,50');
    await page.getByLabel('Nota').fill('moneta da 50 centesimi non trovata');
    await page.getByTestId('count-cash').click();
    expect(await page.getByTestId('discrepancy').textContent()).toBe('Differenza: -€ 0,50');
    await page.getByTestId('signoff-user').fill('supervisore.casale');
    await page.getByTestId('signoff-password').fill(DEMO_PASSWORD);
    await page.getByTestId('sign-off').click();
    await page.getByTestId('closing-report').waitFor();
    expect(await page.getByTestId('session-bar').getAttribute('data-status')).toBe('closed');
    expect(await page.getByTestId('session-status').textContent()).toContain('vistata da supervisore.casale');
    await shot('32-cashdesk-closed');
  });
});
