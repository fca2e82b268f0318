import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enrolWithCode } from '../hub/admin/workstations';
import { DEMO_PASSWORD } from '../hub/seed/demo-users';
import { expectAccessible } from '../test-support/axe';
import { startCounter, type Counter } from '../test-support/e2e-counter';

const isFocused = (page: Page, testId: string) =>
  page
    .getByTestId(testId)
    .evaluate((el: { ownerDocument: { activeElement: unknown } }) => el === el.ownerDocument.activeElement);

const login = async (page: Page, username: string, password: string) => {
  await page.getByLabel('Nome utente').fill(username);
  await page.getByLabel('Password').fill(password);
  await page.keyboard.press('Enter');
  await page.getByTestId('search-input').waitFor();
};

/**
 * The admin at the keyboard in real Chromium: a new account with its one-time password, a
 * one-time enrolment code; the new person logs in with that password and must choose their own
 * before the counter. A clerk sees no admin area.
 */
describe('admin screens, keyboard only', () => {
  let counter: Counter;
  let page: Page;
  let password = '';

  beforeAll(async () => {
    counter = await startCounter({ workstation: 'Casale - Anagrafe 1', login: 'anagrafe.casale' });
    page = counter.page;
  });
  afterAll(async () => {
    await counter?.close();
  });

  it('shows a clerk no admin area: no button, and Shift+F12 does nothing', async () => {
    expect(await page.getByTestId('nav-cases').count()).toBe(1);
    expect(await page.getByTestId('nav-admin').count()).toBe(0);
    await page.keyboard.press('Shift+F12');
    await page.getByTestId('search-input').waitFor();
    expect(await page.getByTestId('admin-screen').count()).toBe(0);
    await page.keyboard.press('Control+Shift+Q');
    await login(page, 'admin.casale', DEMO_PASSWORD);
  });

  it('creates an account at the keyboard and shows its one-time password once', async () => {
    await page.keyboard.press('Shift+F12');
    await page.getByTestId('admin-screen').waitFor();
    await expect.poll(() => isFocused(page, 'admin-user-username'), { timeout: 15_000 }).toBe(true);
    await page.keyboard.type('ufficio.tributi');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Giulia Ferraris');
    await page.keyboard.press('Tab');
    await page.keyboard.press('ArrowDown'); // operatore → responsabile
    await page.keyboard.press('Control+Enter');
    const once = page.getByTestId('admin-password-once-secret');
    await once.waitFor({ timeout: 15_000 });
    password = (await once.textContent()) ?? '';
    expect(password).toMatch(/^[A-Za-z2-9]{4}(-[A-Za-z2-9]{4}){3}$/);
    await counter.shot('admin-password-once');
    const row = page.getByTestId('admin-user-ufficio.tributi');
    await expect.poll(() => row.textContent(), { timeout: 15_000 }).toContain('Giulia Ferraris');
    expect(await row.textContent()).toContain('responsabile');
    // Enter closes the box; the password is gone and the admin is back on an empty form
    await page.keyboard.press('Enter');
    await expect.poll(() => isFocused(page, 'admin-user-username'), { timeout: 15_000 }).toBe(true);
    expect(await page.getByTestId('admin-password-once').count()).toBe(0);
    expect(await page.getByTestId('admin-user-username').inputValue()).toBe('');

    // a duplicate is refused in words, at the form
    await page.keyboard.type('ufficio.tributi');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Altra Persona');
    await page.keyboard.press('Control+Enter');
    const error = page.getByTestId('admin-user-error');
    await error.waitFor({ timeout: 15_000 });
    expect(await error.textContent()).toBe('Il nome utente ufficio.tributi esiste già.');
  });

  it('makes a one-time enrolment code that enrols a new workstation once', async () => {
    await page.keyboard.press('Alt+P');
    await page.getByTestId('admin-ws-form').waitFor();
    await expect.poll(() => isFocused(page, 'admin-ws-name'), { timeout: 15_000 }).toBe(true);
    await page.keyboard.type('Casale - Anagrafe 3');
    await page.keyboard.press('Control+Enter');
    const secret = page.getByTestId('admin-code-once-secret');
    await secret.waitFor({ timeout: 15_000 });
    const code = (await secret.textContent()) ?? '';
    expect(code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    await counter.shot('admin-enrolment-code');
    await page.keyboard.press('Enter');
    await expect.poll(() => isFocused(page, 'admin-ws-name'), { timeout: 15_000 }).toBe(true);
    await expect
      .poll(() => page.getByTestId('admin-ws-pending').textContent(), { timeout: 15_000 })
      .toContain('Casale - Anagrafe 3');
    const enrolled = await enrolWithCode(counter.hub.hubDb.db, code);
    expect(enrolled.workstation.name).toBe('Casale - Anagrafe 3');
    await expect(enrolWithCode(counter.hub.hubDb.db, code)).rejects.toMatchObject({
      code: 'enrolment_code_invalid',
    });
  });

  it('the one-time password asks the new person to choose theirs, refuses a weak one, then opens the counter without an admin area', async () => {
    await page.keyboard.press('Control+Shift+Q');
    await page.getByLabel('Nome utente').fill('ufficio.tributi');
    await page.getByLabel('Password').fill(password);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Scegli una nuova password' }).waitFor();
    expect(await page.getByTestId('search-input').count()).toBe(0);
    await expect.poll(() => isFocused(page, 'password-change-new')).toBe(true);
    await counter.shot('password-change');
    await expectAccessible(page, 'choose a new password');

    // the two fields differ: said at once, nothing sent
    await page.keyboard.type('Tanaro-e-Po-2026');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Tanaro-e-Po-2027');
    await page.keyboard.press('Enter');
    const error = page.getByTestId('password-change-error');
    await error.waitFor();
    expect(await error.textContent()).toBe('Le due password non coincidono.');

    // the hub's rules: a password with the username in it is refused in words, the step stays
    await page.getByLabel('Nuova password', { exact: true }).fill('ufficio.tributi-2026');
    await page.getByLabel('Ripetere la nuova password').fill('ufficio.tributi-2026');
    await page.keyboard.press('Enter');
    await expect.poll(() => error.getAttribute('data-code'), { timeout: 15_000 }).toBe('password_weak');
    expect(await error.textContent()).toBe(
      'Password troppo debole: non deve contenere il nome utente né ripetere pochi caratteri.',
    );
    expect(await page.getByTestId('search-input').count()).toBe(0);

    await page.getByLabel('Nuova password', { exact: true }).fill('Tanaro-e-Po-2026');
    await page.getByLabel('Ripetere la nuova password').fill('Tanaro-e-Po-2026');
    await page.keyboard.press('Enter');
    await page.getByTestId('search-input').waitFor({ timeout: 15_000 });
    expect(await page.getByTestId('nav-admin').count()).toBe(0);
    expect(await page.getByTestId('nav-cases').count()).toBe(1);
  });
});
