import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { romeDateOf } from '../shared/calendar/rome-date';
import { DEMO_PASSWORD } from '../hub/seed/demo-users';
import { startCounter, type Counter } from '../test-support/e2e-counter';
import { setWorkstationOffices } from '../hub/admin/workstations';
import { SOCIAL_OFFICE } from '../shared/social/social-access';

const today = romeDateOf(new Date());

/**
 * Home care (SAD) at the social-services office in real Chromium, keyboard only: a registry
 * clerk does not even see the area (F1 does nothing); the social worker opens Mario Rossi's page,
 * files the SAD application with his ISEE (Alt+D), records the home visit, and types the PAI:
 * the personalised hourly rate per operator and the month's co-payment appear as the hours and
 * operators are typed (Casale's DEMO SAD table: €2.00→12.00 linear across €3,000.01-15,000, so
 * €7.00 an hour at an ISEE of €9,000.00). Typing a field or picking an option is one key press.
 */
describe('counter: home care (SAD) plan with the live co-payment, keyboard only', () => {
  let counter: Counter;
  let page: Page;
  let keys = 0;

  beforeAll(async () => {
    counter = await startCounter({
      workstation: 'Casale - Servizi sociali',
      login: 'anagrafe.casale',
      // the office's own counter: social records reach no other workstation's mirror
      prepare: (hub) =>
        setWorkstationOffices(hub.hubDb.db, 'Casale - Anagrafe 1', [SOCIAL_OFFICE]).then(() => {}),
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
  const openRossi = async () => {
    await type('search-input', 'RSSMRA72');
    await page.getByTestId('result-row').filter({ hasText: 'Rossi' }).first().waitFor();
    await press('Enter');
    await page.getByTestId('detail-name').waitFor();
  };

  it('a registry clerk sees no social-services area and no social action on a resident', async () => {
    expect(await page.getByTestId('nav-canone').count()).toBe(1);
    expect(await page.getByTestId('nav-social').count()).toBe(0);
    await page.keyboard.press('F1');
    expect(await page.getByTestId('social-screen').count()).toBe(0);
    await openRossi();
    expect(await page.getByTestId('social-open-sad').count()).toBe(0);
    await page.keyboard.press('Alt+D');
    expect(await page.getByTestId('social-form').count()).toBe(0);
  });

  it('the social worker files a SAD application, the visit and the PAI with its cost shown live', async () => {
    await page.keyboard.press('Control+Shift+Q');
    await page.getByLabel('Nome utente').fill('assistente.sociale');
    await page.getByLabel('Password').fill(DEMO_PASSWORD);
    await page.keyboard.press('Enter');
    await page.getByTestId('nav-social').waitFor();
    keys = 0;
    await press('F2');
    await openRossi();
    await press('Alt+D');
    await page.getByTestId('social-form').waitFor();
    // the household from the registry, read for the social office only
    await page.getByTestId('social-household').waitFor();
    await type('social-isee-value', '9.000,00');
    await type('social-isee-dsu', `INPS-ISEE-${today.slice(0, 4)}-000123456-00`);
    await type('social-isee-issued', `${today.slice(0, 4)}-01-15`);
    await pick('social-l104', 'art3c1');
    await type('social-note', 'Non autosufficiente dopo la frattura del femore');
    await press('Enter');
    const sad = page.getByTestId('social-sad');
    await sad.waitFor();
    expect(await sad.getAttribute('data-status')).toBe('applied');
    // the visit: the date is today's, the cursor on it; Enter records it
    await page.getByTestId('social-visit-notes').waitFor();
    await type('social-visit-notes', 'Casa con scale, serve aiuto per l’igiene');
    await press('Enter');
    await page.getByTestId('social-plan').waitFor();
    expect(await sad.getAttribute('data-status')).toBe('visited');
    // the PAI: zero hours is explained at once
    await page.getByTestId('social-plan-hours').fill('0');
    await page.getByTestId('social-plan-refusals').locator('[data-code="sad_hours_zero"]').waitFor();
    await type('social-plan-hours', '4');
    await expect
      .poll(() => page.getByTestId('social-plan-rate').textContent())
      .toBe('€ 7,00 per operatore × 1');
    await pick('social-plan-operators', '2');
    await expect
      .poll(() => page.getByTestId('social-plan-rate').textContent())
      .toBe('€ 7,00 per operatore × 2');
    // 4 h × €14.00 × 52 / 12
    expect(await page.getByTestId('social-plan-monthly').textContent()).toBe('€ 242,67');
    await counter.shot('70-social-sad-plan');
    await press('Enter');
    await page.getByTestId('social-sad-plan').waitFor();
    expect(await sad.getAttribute('data-status')).toBe('planned');
    expect(await page.getByTestId('social-sad-plan').textContent()).toContain('€ 7,00 per operatore × 2');
    console.log(`social e2e: SAD application, visit and PAI = ${keys} key presses`);
    expect(keys).toBeLessThanOrEqual(16);

    // synced: the hub recomputed the same rate and numbered the case
    await counter.desk.core.sync.syncOnce();
    await counter.desk.core.sync.syncOnce();
    const exceptions = await counter.desk.core.ctx.db.selectFrom('sync_exceptions').selectAll().execute();
    expect(exceptions).toEqual([]);
    await press('Escape');
    await press('F1');
    const row = page.getByTestId('social-sad-row').filter({ hasText: 'Rossi' });
    await row.waitFor();
    expect(await row.getAttribute('data-status')).toBe('planned');
    expect(await row.textContent()).toContain('€ 7,00/h');
    // the waiting list is the supervisors': the social worker has none on the screen
    expect(await page.getByTestId('social-waiting').count()).toBe(0);
  });

  it('the office’s supervisor sees the SAD waiting list', async () => {
    await page.keyboard.press('Control+Shift+Q');
    await page.getByLabel('Nome utente').fill('supervisore.sociale');
    await page.getByLabel('Password').fill(DEMO_PASSWORD);
    await page.keyboard.press('Enter');
    await page.getByTestId('nav-social').waitFor();
    await page.keyboard.press('F1');
    await page.getByTestId('social-waiting').waitFor();
    expect(await page.getByTestId('social-waiting').textContent()).toContain('Nessuno in lista d’attesa');
  });
});
