import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../shared/calendar/iso-date';
import { romeDateOf } from '../shared/calendar/rome-date';
import { parseNoticeNumber } from '../shared/pagopa/notice-number';
import { DEMO_PASSWORD } from '../hub/seed/demo-users';
import { startCounter, type Counter } from '../test-support/e2e-counter';
import { openedDocumentUrl } from '../test-support/opened-document';

const today = romeDateOf(new Date());
/**
 * The dehors starts today: Casale's 2021 tariff (€ 1.20 a day) is in force until 31/12/2026, so
 * the fee is DOMAIN.md §5.4's worked example. From 2027 the test takes a 2026 summer instead.
 */
const start = today <= '2026-12-31' ? today : '2026-06-01';
const end = addDays(start, 89);

/**
 * The canone unico at the counter in real Chromium, keyboard only: a bar asks for a 12 m²
 * dehors for 90 days in Via Roma (zone 1 of Casale), sees the fee live with its breakdown, files
 * it; once synced the case has its protocol number; a supervisor approves it from the case queue
 * (F7); the application then shows its concession and the pagoPA notice (segregation code 47).
 * Typing a field's value or picking a list entry is one key press, as in the permits test.
 */
describe('counter: canone unico, a bar’s dehors, keyboard only', () => {
  let counter: Counter;
  let page: Page;
  let keys = 0;

  beforeAll(async () => {
    counter = await startCounter({ workstation: 'Casale - Suolo pubblico', login: 'anagrafe.casale' });
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
  const pick = async (testId: string, value: string) => {
    keys++;
    await page.getByTestId(testId).selectOption(value);
  };
  const login = async (username: string) => {
    await page.getByLabel('Nome utente').fill(username);
    await page.getByLabel('Password').fill(DEMO_PASSWORD);
    await page.keyboard.press('Enter');
    // the counter comes back to the area it was on
    await page.getByTestId('nav-cases').waitFor();
  };

  let caseProtocol = '';

  it('files a 12 m² dehors for 90 days with the fee shown live (€ 1.047,17) in ≤ 12 keys', async () => {
    keys = 0;
    await press('F11');
    await page.getByTestId('canone-screen').waitFor();
    await press('Enter'); // "Nuova domanda" has the focus
    await page.getByTestId('canone-form').waitFor();
    expect(
      await page
        .getByTestId('canone-piva')
        .evaluate(
          (el: { ownerDocument: { activeElement: unknown } }) => el === el.ownerDocument.activeElement,
        ),
    ).toBe(true);
    // a wrong check digit is explained as it is typed
    await page.getByTestId('canone-piva').fill('02345670068');
    await page.getByTestId('canone-street').fill('Via Roma');
    await page.getByTestId('canone-measure').fill('12');
    const refusals = page.getByTestId('canone-refusals');
    await refusals.locator('[data-code="partita_iva_check_digit"]').waitFor();
    // (the wrong number above is not part of the counted task: the fields are typed again below)
    await type('canone-piva', '02345670067');
    await type('canone-company-name', 'Bar Roma di Rossi & C. s.n.c.');
    await type('canone-street', 'Via Roma');
    await type('canone-civic', '5');
    await pick('canone-category', 'dehors');
    await type('canone-measure', '12');
    // dates shown day first (gg/mm/aaaa) on every PC
    expect(await page.getByTestId('canone-start').inputValue()).toBe(today.split('-').reverse().join('/'));
    if (start !== today) await type('canone-start', start);
    await type('canone-days', '90');
    await expect
      .poll(() => page.getByTestId('canone-end').inputValue())
      .toBe(end.split('-').reverse().join('/'));
    await page.getByTestId('canone-ok').waitFor();
    expect(await page.getByTestId('canone-zone').textContent()).toContain('Zona 1');
    const total = page.getByTestId('canone-fee-total');
    expect(await total.textContent()).toContain('€ 1.047,17');
    const lines = page.getByTestId('canone-fee-line');
    const breakdown = (await page.getByTestId('canone-fee-breakdown').textContent()) ?? '';
    expect(breakdown).toContain('Tariffa standard giornaliera');
    expect(breakdown).toContain('0,808');
    expect(breakdown).toContain('90');
    expect(await lines.count()).toBeGreaterThanOrEqual(6);
    // the tariff class and the zones are still to be confirmed with the comune: marked [U]
    expect(await page.getByTestId('canone-fee-uncertain').count()).toBe(1);
    await counter.shot('60-canone-form-dehors');
    await press('Enter');
    const detail = page.getByTestId('canone-detail');
    await detail.waitFor();
    expect(await page.getByTestId('canone-detail-title').textContent()).toBe('Domanda presentata');
    expect(await page.getByTestId('canone-protocol').textContent()).toContain(
      'In attesa del numero di protocollo',
    );
    expect(await page.getByTestId('canone-detail-fee').textContent()).toContain('€ 1.047,17');
    expect(await page.getByTestId('canone-term').textContent()).toMatch(
      /Da concludere entro il \d{2}\/\d{2}\/\d{4}/,
    );

    // synced: the hub numbers the case in the protocol register
    await counter.desk.core.sync.syncOnce();
    await counter.desk.core.sync.syncOnce();
    await expect
      .poll(() => page.getByTestId('canone-protocol').textContent(), { timeout: 20_000 })
      .toMatch(/^Protocollo n\. \d{4}\/\d{7}$/);
    caseProtocol = ((await page.getByTestId('canone-protocol').textContent()) ?? '').replace(
      'Protocollo n. ',
      '',
    );
    await counter.shot('61-canone-filed');
    await press('Escape');
    await detail.waitFor({ state: 'detached' });
    // back on the area, "Nuova domanda" has the focus again: Enter starts the next application
    await expect
      .poll(() =>
        page
          .getByTestId('canone-new')
          .evaluate(
            (el: { ownerDocument: { activeElement: unknown } }) => el === el.ownerDocument.activeElement,
          ),
      )
      .toBe(true);
    console.log(`canone e2e: file a dehors application = ${keys} key presses`);
    expect(keys).toBeLessThanOrEqual(12);
    // the office's list of the day, by street
    const street = page.getByTestId('canone-active-street').filter({ hasText: 'Via Roma' });
    await street.waitFor();
    expect(await street.textContent()).toContain('Bar Roma di Rossi');
  });

  it('a supervisor approves the case from the queue (F7)', async () => {
    await page.keyboard.press('Control+Shift+Q');
    await login('supervisore.casale');
    await page.keyboard.press('F7');
    await page.getByTestId('cases-screen').waitFor();
    const row = page.getByTestId('queue-row').filter({ hasText: 'Via Roma 5' });
    await row.waitFor({ timeout: 20_000 });
    await row.click();
    await expect.poll(() => page.getByTestId('case-protocol').textContent()).toBe(`Prot. ${caseProtocol}`);
    await page.getByTestId('action-take_in_charge').click();
    await page.getByTestId('action-confirm').click();
    await expect.poll(() => page.getByTestId('case-status').textContent()).toBe('in istruttoria');
    await page.getByTestId('action-propose_approve').click();
    await page.getByTestId('action-reason').fill('Spazio libero, marciapiede di 4 m: parere favorevole');
    await page.keyboard.press('Control+Enter');
    await expect.poll(() => page.getByTestId('case-status').textContent()).toBe('esito proposto');
    await page.getByTestId('action-approve').click();
    await page.getByTestId('action-confirm').click();
    await expect.poll(() => page.getByTestId('case-status').textContent()).toBe('accolta');
    await counter.desk.core.sync.syncOnce();
    await counter.desk.core.sync.syncOnce();
  });

  it('the application shows the concession and the pagoPA notice: 347…, € 1.047,17', async () => {
    await page.keyboard.press('F11');
    await page.getByTestId('canone-screen').waitFor();
    await page.getByTestId('canone-filter').selectOption('approved');
    const row = page.getByTestId('canone-row').filter({ hasText: 'Via Roma 5' });
    await row.waitFor({ timeout: 20_000 });
    await row.focus();
    await page.keyboard.press('Enter');
    const detail = page.getByTestId('canone-detail');
    await detail.waitFor();
    expect(await detail.getAttribute('data-status')).toBe('approved');
    expect(await page.getByTestId('canone-concession').textContent()).toMatch(/CUS-B885-\d{4}-\d{6}/);
    const notice = page.getByTestId('canone-notice').first();
    const number = (await notice.getAttribute('data-notice')) ?? '';
    expect(number).toMatch(/^347\d{15}$/);
    expect(parseNoticeNumber(number).ok).toBe(true);
    expect(await notice.textContent()).toContain('€ 1.047,17');
    expect(await notice.textContent()).toMatch(/entro il \d{2}\/\d{2}\/\d{4}/);
    await counter.shot('62-canone-concession');
    // the concession prints (the print button has the focus)
    expect(
      await page
        .getByTestId('canone-print-concession')
        .evaluate(
          (el: { ownerDocument: { activeElement: unknown } }) => el === el.ownerDocument.activeElement,
        ),
    ).toBe(true);
    const verify = (await page.getByTestId('canone-verification-url').getAttribute('href')) ?? '';
    expect(verify).toMatch(/\/verify\/canone\/CUS-B885-\d{4}-\d{6}\?k=[0-9A-HJKMNP-TV-Z]{8}$/);
    // the citizen leaves with the pagoPA notice: the hub prints it from its own position
    await notice.getByTestId('canone-print-avviso').focus();
    const url = await openedDocumentUrl(page, () => page.keyboard.press('Enter'));
    expect(url).toMatch(/^blob:/);
    expect(await page.getByTestId('canone-detail').getByRole('alert').count()).toBe(0);
    await page.keyboard.press('Escape');
    await detail.waitFor({ state: 'detached' });
  });

  it('from a resident’s page (Alt+S) the form has the person as applicant: a permanent driveway in zone 2', async () => {
    await page.keyboard.press('F2');
    keys = 0;
    await type('search-input', 'RSSMRA72');
    await page.getByTestId('result-row').filter({ hasText: 'Rossi' }).first().waitFor();
    await press('Enter');
    await page.getByTestId('detail-name').waitFor();
    await press('Alt+s');
    await page.getByTestId('canone-form').waitFor();
    expect(await page.getByTestId('canone-resident').textContent()).toContain('Rossi Mario');
    await type('canone-street', 'Corso Giovane Italia');
    await type('canone-civic', '3');
    await pick('canone-category', 'passo_carrabile');
    await pick('canone-regime', 'permanent');
    await type('canone-measure', '4');
    await page.getByTestId('canone-ok').waitFor();
    expect(await page.getByTestId('canone-zone').textContent()).toContain('Zona 2');
    expect(await page.getByTestId('canone-fee-breakdown').textContent()).toContain('Tariffa standard annua');
    await counter.shot('63-canone-driveway-resident');
    await press('Enter');
    await page.getByTestId('canone-detail').waitFor();
    expect(await page.getByTestId('canone-detail').textContent()).toContain('Rossi Mario (CF RSSMRA72');
    await press('Escape');
    await page.getByTestId('canone-detail').waitFor({ state: 'detached' });
    console.log(`canone e2e: a resident's driveway from the resident page = ${keys} key presses`);
    expect(keys).toBeLessThanOrEqual(10);
  });
});
