import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../shared/calendar/iso-date';
import { romeDateOf } from '../shared/calendar/rome-date';
import { noSchoolReason, schoolYearOfMonth } from '../shared/school/school-catalogue';
import { insertHouseholds } from '../hub/seed/seed-demo';
import { startCounter, type Counter } from '../test-support/e2e-counter';
import { FERRARI, FERRARI_ISEE } from '../test-support/school-fixtures';

const today = romeDateOf(new Date());
const month = today.slice(0, 7);
const DANTE = 'ALEE80001';

/** The school days of this month up to today: the canteen operator's file has a meal on each. */
function schoolDaysSoFar(): string[] {
  const out: string[] = [];
  for (let d = `${month}-01`; d <= today; d = addDays(d, 1)) {
    if (noSchoolReason('B885', schoolYearOfMonth(month), d) === null) out.push(d);
  }
  return out;
}

/**
 * Canteen at the counter in real Chromium, keyboard only: from Giulia's page (Alt+M) the clerk
 * enrols her with her father as payer and his ISEE (€ 8.000,00: € 3,50 a meal, DEMO tariff),
 * then Enter enrols her brother Matteo with the same school, payer and ISEE: child no. 2, the
 * sibling discount shown (€ 2,80). After the hub's monthly run with the operator's meals, the
 * family account (F5) shows the month's notice; "Paga alla cassa" takes it to the cash desk
 * (F8) by its number, it is paid by card, and the account shows it paid. Typing a field's value
 * or picking a list entry is one key press, as in the other e2e tests.
 */
describe('counter: canteen for two siblings and the month’s notice paid, keyboard only', () => {
  let counter: Counter;
  let page: Page;
  let keys = 0;
  const days = schoolDaysSoFar();

  beforeAll(async () => {
    counter = await startCounter({
      workstation: 'Casale - Istruzione',
      login: 'anagrafe.casale',
      prepare: async (hub) => {
        await insertHouseholds(hub.hubDb.db, [FERRARI]);
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
  const pick = async (testId: string, value: string) => {
    keys++;
    await page.getByTestId(testId).selectOption(value);
  };
  const focused = (testId: string) =>
    page
      .getByTestId(testId)
      .evaluate((el: { ownerDocument: { activeElement: unknown } }) => el === el.ownerDocument.activeElement);

  it('enrols Giulia, then Enter enrols her brother at sibling rank 2 with the discount, in ≤ 13 keys', async () => {
    keys = 0;
    await type('search-input', 'FRRGLI17');
    await page.getByTestId('result-row').filter({ hasText: 'Ferrari' }).first().waitFor();
    await press('Enter');
    await page.getByTestId('detail-name').waitFor();
    await press('Alt+m');
    const form = page.getByTestId('school-form');
    await form.waitFor();
    expect(await page.getByTestId('school-child').textContent()).toContain('Ferrari Giulia');
    // the father is the payer, the brother is listed from the household, not enrolled yet
    expect(await page.getByTestId('school-payer').inputValue()).toBe('r-paolo');
    expect(await page.getByTestId('school-siblings').textContent()).toContain('Ferrari Matteo');
    await expect.poll(() => focused('school-school')).toBe(true);
    await pick('school-school', DANTE);
    await pick('school-class', '4A');
    await type('school-isee-value', FERRARI_ISEE.value);
    await type('school-isee-dsu', FERRARI_ISEE.dsuProtocol);
    await type('school-isee-issued', FERRARI_ISEE.issuedOn);
    await expect.poll(() => page.getByTestId('school-price').textContent()).toBe('€ 3,50 a pasto');
    expect(await page.getByTestId('school-rank').getAttribute('data-rank')).toBe('1');
    expect(await page.getByTestId('school-discount').count()).toBe(0);
    await counter.shot('70-school-enrol-first');
    await page.getByTestId('school-isee-issued').focus();
    await press('Enter');
    const done = page.getByTestId('school-done');
    await done.waitFor();
    expect(await page.getByTestId('school-done-title').textContent()).toContain('Ferrari Giulia');
    // Enter: the next sibling, same school, payer and ISEE
    await expect.poll(() => focused('school-next-sibling')).toBe(true);
    expect(await page.getByTestId('school-next-sibling').textContent()).toContain('Ferrari Matteo');
    await press('Enter');
    await page.getByTestId('school-child').filter({ hasText: 'Ferrari Matteo' }).waitFor();
    expect(await page.getByTestId('school-school').inputValue()).toBe(DANTE);
    expect(await page.getByTestId('school-isee-value').inputValue()).toBe(FERRARI_ISEE.value);
    await pick('school-class', '2B');
    await expect.poll(() => page.getByTestId('school-rank').getAttribute('data-rank')).toBe('2');
    expect(await page.getByTestId('school-discount').textContent()).toContain('riduzione fratelli');
    expect(await page.getByTestId('school-price').textContent()).toBe('€ 2,80 a pasto');
    expect(await page.getByTestId('school-rank').textContent()).toContain('Ferrari Giulia');
    await counter.shot('71-school-enrol-sibling');
    await page.getByTestId('school-class').focus();
    await press('Enter');
    await page.getByTestId('school-done').filter({ hasText: 'Ferrari Matteo' }).waitFor();
    expect(await page.getByTestId('school-done').getAttribute('data-rank')).toBe('2');
    await press('Escape');
    await page.getByTestId('school-done').waitFor({ state: 'detached' });
    console.log(`school e2e: enrol two siblings in the canteen = ${keys} key presses`);
    expect(keys).toBeLessThanOrEqual(13);
    await counter.desk.core.sync.syncOnce();
    await counter.desk.core.sync.syncOnce();
    expect(await counter.desk.core.ctx.db.selectFrom('sync_exceptions').selectAll().execute()).toEqual([]);
  });

  let notice = '';
  it('after the hub’s monthly run the family account shows the month’s notice', async () => {
    expect(days.length).toBeGreaterThan(0);
    // loaded now: imported first, the school's hub modules would precede the hub's service list
    const { importAttendance } = await import('../hub/school/attendance-import');
    const { runBilling } = await import('../hub/school/billing-run');
    const csv = [
      'giorno;codice fiscale;pasti',
      ...days.flatMap((d) => [`${d};FRRGLI17C50B885L;1`, `${d};FRRMTT19H15B885I;1`]),
    ].join('\n');
    const imported = await importAttendance(counter.hub.hubDb.db, 'B885', DANTE, csv, `${today}T12:00:00`);
    expect(imported.rejected).toEqual([]);
    const report = await runBilling(counter.hub.hubDb.db, 'B885', month);
    expect(report.notices).toBe(1);
    await counter.desk.core.sync.syncOnce();
    await counter.desk.core.sync.syncOnce();

    keys = 0;
    await press('F5');
    await page.getByTestId('school-screen').waitFor();
    await type('school-payer-search', 'FRRPLA85');
    await page.getByTestId('school-payer-hit').first().waitFor();
    await press('Enter');
    const row = page.getByTestId('school-notice').filter({ hasText: month });
    await row.waitFor();
    notice = (await row.getAttribute('data-notice')) ?? '';
    expect(notice).toMatch(/^\d{18}$/);
    expect(await row.getAttribute('data-status')).toBe('open');
    const total = days.length * (350 + 280);
    const amount = `€ ${(total / 100).toFixed(2).replace('.', ',')}`;
    expect(await row.textContent()).toContain(amount);
    await counter.shot('72-school-account-open');
  });

  it('pays it at the cash desk (F8) by its number with the keyboard; the account then shows it paid', async () => {
    // the till opens once a day (not part of the counted task)
    await page.keyboard.press('F8');
    await page.getByTestId('opening-float').fill('100,00');
    await page.getByTestId('open-session').click();
    await page.getByTestId('session-bar').waitFor();
    await page.keyboard.press('F5');
    await page.getByTestId('school-payer-search').fill('FRRPLA85');
    await page.getByTestId('school-payer-hit').first().waitFor();
    await page.keyboard.press('Enter');
    await page.getByTestId('school-notice').first().waitFor();

    keys = 0;
    await expect.poll(() => focused('school-pay')).toBe(true);
    await press('Enter'); // "Paga alla cassa (F8)"
    const card = page.getByTestId('debt').first();
    await card.waitFor();
    expect(await page.getByTestId('debt-query').inputValue()).toBe(notice);
    await expect.poll(() => focused('pay')).toBe(true);
    await press('Enter');
    await type('psp-id', 'PSP-SCUOLA-0001');
    await press('Enter');
    await page.getByTestId('receipt').waitFor();
    await counter.shot('73-school-paid-at-cashdesk');

    await press('F5');
    await type('school-payer-search', 'FRRPLA85');
    await page.getByTestId('school-payer-hit').first().waitFor();
    await press('Enter');
    const row = page.getByTestId('school-notice').filter({ hasText: month });
    await expect.poll(() => row.getAttribute('data-status')).toBe('paid');
    expect(await row.getByTestId('school-notice-status').textContent()).toBe('Pagato');
    expect(await page.getByTestId('school-account-totals').textContent()).toContain('Da pagare: € 0,00');
    await counter.shot('74-school-account-paid');
    console.log(`school e2e: pay the month's notice from the family account = ${keys} key presses`);
    expect(keys).toBeLessThanOrEqual(10);
  });
});
