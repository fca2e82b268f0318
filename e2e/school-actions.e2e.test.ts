import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, isoWeekday } from '../shared/calendar/iso-date';
import { romeDateOf } from '../shared/calendar/rome-date';
import { TARIFF_TABLES } from '../shared/isee/tariff-tables';
import { bandFor, nextMonth, withdrawalFromMonth } from '../shared/school/billing';
import { noSchoolReason, schoolYearOfMonth } from '../shared/school/school-catalogue';
import { insertHouseholds } from '../hub/seed/seed-demo';
import { startCounter, type Counter } from '../test-support/e2e-counter';
import { FERRARI } from '../test-support/school-fixtures';

const SHOTS = '/work/shots';
const DANTE = 'ALEE80001';
const PAYER = 'FRRPLA85M10B885M';
const GIULIA = 'FRRGLI17C50B885L';
const MATTEO = 'FRRMTT19H15B885I';

const today = romeDateOf(new Date());
const month = today.slice(0, 7);
const next = nextMonth(month);
const schoolDay = (d: string) => noSchoolReason('B885', schoolYearOfMonth(d.slice(0, 7)), d) === null;

/** The school days of a month, up to `until` (inclusive). */
function schoolDays(of: string, until: string): string[] {
  const out: string[] = [];
  for (let d = `${of}-01`; d.startsWith(of) && d <= until; d = addDays(d, 1)) if (schoolDay(d)) out.push(d);
  return out;
}
const daysSoFar = schoolDays(month, today);
/** the day the family calls in absent: the last school day up to today */
const absentDay = daysSoFar.at(-1) ?? today;
/** a Sunday of this school year before today: no lessons */
const sunday = (() => {
  let d = addDays(today, -1);
  while (isoWeekday(d) !== 7) d = addDays(d, -1);
  return d;
})();
const nextDays = schoolDays(next, `${next}-31`).slice(0, 2);

const euro = (cents: number) => `€ ${(cents / 100).toFixed(2).replace('.', ',')}`;
/** the Casale canteen price of a month for a resident child, by the shared engine the hub bills with */
function mealPrice(m: string, rank: number, valueCents: number | null, issuedOn: string, expiresOn: string) {
  const band = bandFor({
    tables: TARIFF_TABLES,
    comune: 'B885',
    service: 'mensa',
    month: m,
    resident: true,
    siblingRank: rank,
    statement:
      valueCents === null
        ? null
        : {
            type: 'ordinario',
            valueCents,
            dsuProtocol: 'INPS-ISEE-2026-000000001-00',
            issuedOn,
            expiresOn,
          },
  });
  if (!band.ok) throw new Error(band.error.code);
  return band.band.unitPriceCents;
}

/** the statement the family enrolled with (today's, to the end of the year) and the new one */
const FIRST_ISSUED = `${today.slice(0, 4)}-01-15` <= `${month}-01` ? `${today.slice(0, 4)}-01-15` : today;
const FIRST_EXPIRES = `${today.slice(0, 4)}-12-31`;
const FIRST_ISEE = {
  type: 'ordinario',
  value: '8.000,00',
  dsuProtocol: 'INPS-ISEE-2026-000123456-00',
  issuedOn: FIRST_ISSUED,
  expiresOn: null,
} as const;
const NEW_ISEE = { value: '5.000,00', cents: 500_000, dsu: 'INPS-ISEE-2026-000999888-01' };
const NEW_EXPIRES = `${next.slice(0, 4)}-12-31`;

/**
 * The three school actions without screens until now, in real Chromium and with the keyboard
 * only, from the family account (F5): a canteen absence (a Sunday refused with its reason, then
 * the last school day: a credit on the next notice, since the month is billed), the payer's new
 * ISEE (the band it gives from next month, live, beside today's), the withdrawal of the elder
 * child (what it changes in billing: her meals stop, her brother becomes child no. 1). Then the
 * hub's run for next month bills exactly that: the absence's credit, the brother's meals at the
 * new band and rank, nothing for the withdrawn sister. Screens at 1024×700 in /work/shots.
 */
describe('counter: absence, new ISEE and withdrawal from the family account, keyboard only', () => {
  let counter: Counter;
  let page: Page;
  let keys = 0;

  const press = async (key: string) => {
    keys++;
    await page.keyboard.press(key);
  };
  const type = async (testId: string, text: string) => {
    keys++;
    await page.getByTestId(testId).fill(text);
  };
  const focused = (testId: string) =>
    page
      .getByTestId(testId)
      .evaluate((el: { ownerDocument: { activeElement: unknown } }) => el === el.ownerDocument.activeElement);
  const shot = (name: string) => page.screenshot({ path: `${SHOTS}/school-${name}.png` });
  const sync = async () => {
    await counter.desk.core.sync.syncOnce();
    await counter.desk.core.sync.syncOnce();
  };
  const openAccount = async () => {
    await press('F5');
    await page.getByTestId('school-screen').waitFor();
    // already on the screen: the box still holds the last search
    await page.getByTestId('school-payer-search').fill('');
    await type('school-payer-search', 'FRRPLA85');
    await page.getByTestId('school-payer-hit').first().waitFor();
    await press('Enter');
    await page.getByTestId('school-family-enrolment').first().waitFor();
  };

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    counter = await startCounter({
      workstation: 'Casale - Istruzione',
      login: 'anagrafe.casale',
      prepare: async (hub) => {
        await insertHouseholds(hub.hubDb.db, [FERRARI]);
      },
    });
    page = counter.page;
    await page.setViewportSize({ width: 1024, height: 700 });
    // enrolled this month (the enrolment screens have their own test), the month's meals billed
    for (const [child, className] of [
      ['r-giulia', '4A'],
      ['r-matteo', '2B'],
    ] as const) {
      const res = await counter.desk.core.dispatch('school:enrol', {
        schoolYear: schoolYearOfMonth(month),
        service: 'mensa',
        child: { kind: 'resident', residentId: child },
        payer: { kind: 'resident', residentId: 'r-paolo' },
        schoolCode: DANTE,
        className,
        dietCode: null,
        isee: FIRST_ISEE,
        startMonth: month,
      });
      if (!res.ok) throw new Error(res.error.message);
    }
    await sync();
    const { importAttendance } = await import('../hub/school/attendance-import');
    const { runBilling } = await import('../hub/school/billing-run');
    const csv = [
      'giorno;codice fiscale;pasti',
      ...daysSoFar.flatMap((d) => [`${d};${GIULIA};1`, `${d};${MATTEO};1`]),
    ].join('\n');
    const imported = await importAttendance(counter.hub.hubDb.db, 'B885', DANTE, csv, `${today}T12:00:00`);
    expect(imported.rejected).toEqual([]);
    expect((await runBilling(counter.hub.hubDb.db, 'B885', month)).notices).toBe(1);
    await sync();
  });
  afterAll(async () => {
    await counter?.close();
  });

  it('marks a canteen absence (a Sunday refused with its reason): the billed month gives a credit on the next notice', async () => {
    expect(daysSoFar.length).toBeGreaterThan(0);
    keys = 0;
    await openAccount();
    expect(await page.getByTestId('school-shortcuts').textContent()).toContain('Alt+A');
    await shot('account');
    await press('Alt+a');
    await page.getByTestId('school-absence-form').waitFor();
    await expect.poll(() => focused('school-absence-day')).toBe(true);
    // the first canteen enrolment listed is Matteo's (2B before 4A)
    const child = page.getByTestId('school-absence-child');
    expect(await child.locator('option:checked').textContent()).toContain('Ferrari Matteo');
    // dates shown day first (gg/mm/aaaa) on every PC
    expect(await page.getByTestId('school-absence-day').inputValue()).toBe(
      today.split('-').reverse().join('/'),
    );
    await type('school-absence-day', sunday);
    await press('Enter');
    const error = page.getByTestId('school-absence-error');
    await error.waitFor();
    expect(await error.getAttribute('data-code')).toBe('school_not_a_school_day');
    expect(await error.textContent()).toMatch(/non è un giorno di scuola/);
    await shot('absence-refused');
    await type('school-absence-day', absentDay);
    await press('Enter');
    await page.getByTestId('school-absence-form').waitFor({ state: 'detached' });
    expect(await page.getByTestId('school-action-done').textContent()).toContain(
      'Assenza segnata: Ferrari Matteo',
    );
    const absence = page.getByTestId('school-absence').filter({ hasText: 'Ferrari Matteo' });
    await absence.waitFor();
    expect(await absence.getAttribute('data-effect')).toBe('credit_next');
    const price = mealPrice(month, 2, 800_000, FIRST_ISSUED, FIRST_EXPIRES);
    expect(await absence.textContent()).toContain(`credito di ${euro(price)} sul prossimo avviso`);
    await absence.scrollIntoViewIfNeeded();
    await shot('absence-credit');
    console.log(`school e2e: mark a canteen absence (with one refused day) = ${keys} key presses`);
    expect(keys).toBeLessThanOrEqual(9);
  });

  it('records a new ISEE: the band it gives from next month is shown live beside today’s, and the history keeps both', async () => {
    keys = 0;
    await press('Alt+i');
    await page.getByTestId('school-isee-form').waitFor();
    await expect.poll(() => focused('school-newisee-value')).toBe(true);
    // three decimals: refused in words, nothing to record
    await type('school-newisee-value', '5000,001');
    await type('school-newisee-dsu', NEW_ISEE.dsu);
    await page.getByTestId('school-isee-refusals').waitFor();
    expect(
      await page.getByTestId('school-isee-refusals').locator('li').first().getAttribute('data-code'),
    ).toBe('isee_value_invalid');
    expect(await page.getByTestId('school-isee-save').isDisabled()).toBe(true);
    await type('school-newisee-value', NEW_ISEE.value);
    await type('school-newisee-expires', NEW_EXPIRES);
    const preview = page.getByTestId('school-isee-preview');
    await expect.poll(() => preview.getAttribute('data-from')).toBe(next);
    await page.getByTestId('school-isee-row').nth(1).waitFor();
    const rows = page.getByTestId('school-isee-row');
    const matteo = rows.filter({ hasText: 'Ferrari Matteo' });
    const matteoNew = mealPrice(next, 2, NEW_ISEE.cents, today, NEW_EXPIRES);
    await expect.poll(() => matteo.getByTestId('school-isee-new').textContent()).toContain(euro(matteoNew));
    expect(await page.getByTestId('school-isee-from').textContent()).toContain('vale dall’avviso di');
    expect(await page.getByTestId('school-isee-form-history').textContent()).toContain('8.000,00');
    await shot('isee-preview');
    await press('Enter');
    await page.getByTestId('school-isee-form').waitFor({ state: 'detached' });
    expect(await page.getByTestId('school-action-done').textContent()).toContain('Nuovo ISEE registrato');
    console.log(`school e2e: record a new ISEE (one refused value first) = ${keys} key presses`);
    expect(keys).toBeLessThanOrEqual(7);
    await sync();
    await openAccount();
    await expect
      .poll(() => page.getByTestId('school-isee-history').textContent())
      .toContain(`€ ${NEW_ISEE.value}`);
  });

  it('withdraws Giulia after showing what changes: her meals stop, Matteo becomes child no. 1', async () => {
    keys = 0;
    // Giulia's row (4A), then Alt+R: the withdrawal acts on the chosen enrolment
    keys++; // Tab to the row, as picking a list entry
    await page.getByTestId('school-family-enrolment').filter({ hasText: 'Ferrari Giulia' }).focus();
    await press('Alt+r');
    await page.getByTestId('school-withdraw-form').waitFor();
    const enrolment = page.getByTestId('school-withdraw-enrolment');
    expect(await enrolment.locator('option:checked').textContent()).toContain('Ferrari Giulia');
    const from = withdrawalFromMonth(today);
    await expect.poll(() => page.getByTestId('school-withdraw-preview').getAttribute('data-from')).toBe(from);
    expect(await page.getByTestId('school-withdraw-stops').textContent()).toContain(
      'nessun pasto addebitato',
    );
    const sibling = page.getByTestId('school-withdraw-sibling');
    await sibling.waitFor();
    expect(await sibling.textContent()).toContain('Ferrari Matteo passa dal rango 2 al rango 1');
    await shot('withdraw-preview');
    await press('Enter');
    await expect.poll(() => focused('school-withdraw-yes')).toBe(true);
    expect(await page.getByTestId('school-withdraw-confirm').textContent()).toContain(
      'Ritirare Ferrari Giulia',
    );
    await shot('withdraw-confirm');
    await press('Enter');
    await page.getByTestId('school-withdraw-form').waitFor({ state: 'detached' });
    expect(await page.getByTestId('school-action-done').textContent()).toContain('Ferrari Giulia ritirato/a');
    console.log(`school e2e: withdraw a child with the confirmation = ${keys} key presses`);
    expect(keys).toBeLessThanOrEqual(4);
    await sync();
    await openAccount();
    const giulia = page.getByTestId('school-family-enrolment').filter({ hasText: 'Ferrari Giulia' });
    await expect.poll(() => giulia.getAttribute('data-status')).toBe('withdrawn');
  });

  it('next month’s notice carries the absence’s credit and Matteo’s meals at the new band, nothing for Giulia', async () => {
    expect(nextDays.length).toBeGreaterThan(0);
    const { importAttendance } = await import('../hub/school/attendance-import');
    const { runBilling } = await import('../hub/school/billing-run');
    const csv = ['giorno;codice fiscale;pasti', ...nextDays.map((d) => `${d};${MATTEO};1`)].join('\n');
    const imported = await importAttendance(counter.hub.hubDb.db, 'B885', DANTE, csv, `${today}T12:00:00`);
    expect(imported.rejected).toEqual([]);
    const runDay = new Date(`${nextDays.at(-1)}T16:00:00Z`);
    expect((await runBilling(counter.hub.hubDb.db, 'B885', next, runDay)).rejected).toEqual([]);
    await sync();
    await openAccount();
    const row = page.getByTestId('school-notice').filter({ hasText: next });
    await row.waitFor();
    const absentPrice = mealPrice(month, 2, 800_000, FIRST_ISSUED, FIRST_EXPIRES);
    const newPrice = mealPrice(next, 1, NEW_ISEE.cents, today, NEW_EXPIRES);
    const text = (await row.textContent()) ?? '';
    expect(text).toContain(`${nextDays.length} × ${euro(newPrice)}`);
    expect(text).toContain(`-${euro(absentPrice)}`);
    expect(text).not.toContain('Ferrari Giulia mensa');
    const absence = page.getByTestId('school-absence').filter({ hasText: 'Ferrari Matteo' });
    await expect.poll(() => absence.getAttribute('data-effect')).toBe('credited');
    await row.scrollIntoViewIfNeeded();
    await shot('next-notice');
  });

  it('from a pupil’s page, Alt+C opens the family account with that pupil’s enrolment chosen', async () => {
    keys = 0;
    await press('F2');
    await type('search-input', 'FRRMTT19');
    await page.getByTestId('result-row').filter({ hasText: 'Ferrari' }).first().waitFor();
    await press('Enter');
    await page.getByTestId('detail-name').waitFor();
    expect(await page.getByTestId('school-open-account').textContent()).toContain('(Alt+C)');
    await shot('resident-page');
    await press('Alt+c');
    await page.getByTestId('school-account').waitFor();
    const chosen = page.locator('[data-testid="school-family-enrolment"][aria-selected="true"]');
    await expect.poll(() => chosen.textContent()).toContain('Ferrari Matteo');
    expect(await page.getByTestId('school-payer-search').inputValue()).toBe(PAYER);
    console.log(`school e2e: from the pupil's page to the family account = ${keys} key presses`);
    expect(keys).toBeLessThanOrEqual(4);
  });

  it('speaks English when the clerk switches: the account and the new ISEE form', async () => {
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByText("The family's enrolments").waitFor();
    await page.keyboard.press('Alt+i');
    await page.getByTestId('school-isee-form').waitFor();
    await page.getByTestId('school-newisee-value').fill('16.000,00');
    await page.getByTestId('school-newisee-dsu').fill(NEW_ISEE.dsu);
    await expect.poll(() => page.getByTestId('school-isee-from').textContent()).toContain('applies from the');
    await shot('isee-preview-en');
    await page.keyboard.press('Escape');
    await page.getByTestId('school-isee-form').waitFor({ state: 'detached' });
    expect(await page.getByTestId('school-shortcuts').textContent()).toContain('Alt+A canteen absence');
  });
});
