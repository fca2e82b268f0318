import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoVerbaliCsv } from '../hub/cashdesk/demo-fines';
import { importVerbali } from '../hub/cashdesk/import-service';
import { romeDateOf } from '../shared/calendar/rome-date';
import { startCounter, type Counter } from '../test-support/e2e-counter';
import { openedDocumentUrl } from '../test-support/opened-document';

/** "Stampa avviso" on a debt's card opens the pagoPA notice the hub printed. */
describe('counter: the pagoPA avviso of a debt', () => {
  let counter: Counter;
  let page: Page;
  let qr = '';

  beforeAll(async () => {
    counter = await startCounter({
      workstation: 'Casale - Cassa 2',
      login: 'anagrafe.casale',
      prepare: async (hub) => {
        await importVerbali(hub.hubDb.db, 'B885', demoVerbaliCsv(romeDateOf(new Date()), 10));
        const v = await hub.hubDb.db
          .selectFrom('verbali')
          .select('notice_number')
          .where('key', '=', '1001/A')
          .executeTakeFirstOrThrow();
        qr = `PAGOPA|002|${v.notice_number}|00190540062|2940`;
      },
    });
    page = counter.page;
  });

  afterAll(async () => {
    await counter?.close();
  });

  it('opens the notice as a PDF from the debt card', async () => {
    await page.keyboard.press('F8');
    await page.getByTestId('debt-query').fill(qr);
    await page.getByTestId('debt-query').press('Enter');
    const card = page.getByTestId('debt').first();
    await card.waitFor();
    const url = await openedDocumentUrl(page, () => card.getByTestId('print-avviso').click());
    expect(url).toMatch(/^blob:/);
    expect(await card.getByTestId('avviso-error').count()).toBe(0);
    await counter.shot('33-cashdesk-avviso');
  });
});
