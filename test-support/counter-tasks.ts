import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { demoVerbaliCsv } from '../hub/cashdesk/demo-fines';
import { importVerbali } from '../hub/cashdesk/import-service';
import { insertPermit } from '../hub/permits/permit-repository';
import { insertHouseholds } from '../hub/seed/seed-demo';
import { DEMO_PASSWORD } from '../hub/seed/demo-users';
import { addDays } from '../shared/calendar/iso-date';
import { romeDateOf } from '../shared/calendar/rome-date';
import { permitRecord } from '../shared/permits/test-fixtures';
import { addCavourHousehold } from './permit-fixtures';
import type { Counter } from './e2e-counter';
import type { TestHub } from './running-hub';
import { FERRARI, FERRARI_ISEE } from './school-fixtures';

/**
 * The ten commonest tasks at a counter, scripted as a clerk does them at the keyboard, for the
 * counter benchmark (bench/counter.bench.ts) and its end-to-end test
 * (e2e/counter-tasks.e2e.test.ts). Each task starts with the search screen focused (the citizen
 * sits down) and ends when the document or the receipt is in hand: the PDF has arrived, or the
 * receipt is on screen. What a task costs is counted by `Clerk`: typing a string (a search, a
 * code, a plate, a password) is one action, as a barcode reader or a practised clerk types it in
 * one go; every other key press is one action; a click is a mouse action (the scripts never
 * click: a counter must work without the mouse). Moving between fields is counted too: a field
 * is typed into only once the keys pressed so far have put the focus on it.
 */

/** Keys and clicks of one task, and what it handed to the citizen. */
export interface TaskOutcome {
  /** what the citizen takes away, as the screen or the PDF says it (amounts, names, numbers) */
  handed: Record<string, string>;
}

export interface CounterTask {
  name: string;
  /** the service (shared/services/registered.ts) the task needs: without it the task is missing */
  service: string;
  /** what the office did before this citizen came (not counted, not timed) */
  before?(counter: Counter): Promise<void>;
  run(clerk: Clerk, fixtures: CounterFixtures): Promise<TaskOutcome>;
}

/** What the page's focus looks like from here (this module is compiled without the DOM's types). */
type InPage = {
  document: {
    activeElement: {
      dataset?: Record<string, string | undefined>;
      tagName: string;
      textContent: string | null;
    } | null;
  };
};

/** The keyboard (and mouse) of the clerk, counted. */
export class Clerk {
  keys = 0;
  mouse = 0;
  /** every action as typed, for a report that shows where the keys went */
  readonly log: string[] = [];

  constructor(readonly page: Page) {}

  reset(): void {
    this.keys = 0;
    this.mouse = 0;
    this.log.length = 0;
  }

  /** One key (or chord) press: one action. */
  async press(key: string): Promise<void> {
    this.keys++;
    this.log.push(key);
    await this.page.keyboard.press(key);
  }

  /**
   * A string typed into the field that has the focus (replacing what it held, as a clerk does
   * after selecting it): one action. The field must already have the focus — reaching it is
   * counted by the keys that moved there.
   */
  async type(testId: string, text: string): Promise<void> {
    await this.expectFocus(testId);
    this.keys++;
    this.log.push(`«${text}»`);
    await this.page.getByTestId(testId).fill(text);
  }

  /** A list entry picked by typing its start on the focused list: one action. */
  async pick(testId: string, value: string): Promise<void> {
    await this.expectFocus(testId);
    this.keys++;
    this.log.push(`[${value}]`);
    await this.page.getByTestId(testId).selectOption(value);
  }

  /** Tab (or Shift+Tab) until `testId` has the focus, each press counted. */
  async tabTo(testId: string, key: 'Tab' | 'Shift+Tab' = 'Tab', limit = 40): Promise<void> {
    for (let i = 0; i < limit; i++) {
      if (await this.hasFocus(testId)) return;
      await this.press(key);
    }
    throw new Error(`${testId} never got the focus (${await this.focusedName()} has it)`);
  }

  /** Waits (no key) for the screen to put the focus on `testId`, as the clerk sees the cursor there. */
  async expectFocus(testId: string): Promise<void> {
    const deadline = Date.now() + 30_000;
    while (!(await this.hasFocus(testId))) {
      if (Date.now() > deadline)
        throw new Error(`expected the focus on ${testId}, it is on ${await this.focusedName()}`);
      await this.page.waitForTimeout(25);
    }
  }

  hasFocus(testId: string): Promise<boolean> {
    return this.page.evaluate(
      (id) => (globalThis as unknown as InPage).document.activeElement?.dataset?.testid === id,
      testId,
    );
  }

  focusedName(): Promise<string> {
    return this.page.evaluate(() => {
      const el = (globalThis as unknown as InPage).document.activeElement;
      if (!el) return 'nothing';
      return el.dataset?.testid ?? `${el.tagName.toLowerCase()} "${(el.textContent ?? '').slice(0, 30)}"`;
    });
  }

  /**
   * The PDF the key press `key` hands over, however the browser takes it. The headless shell the
   * tests run by default has no PDF viewer: the print frame or the new tab on the desk's blob URL
   * turns into a download of the same bytes, read here (they must be a PDF). A Chromium with its
   * viewer (CHROMIUM_PATH) shows it in the frame or the tab instead, and the page's CSP keeps its
   * bytes from being read back: then what arrived is the blob URL, bytes null.
   */
  async pressForPdf(key: string): Promise<{ url: string; bytes: Uint8Array | null }> {
    const { page } = this;
    const viewer = await page.evaluate(
      () =>
        (globalThis as unknown as { navigator: { pdfViewerEnabled?: boolean } }).navigator.pdfViewerEnabled,
    );
    if (!viewer) {
      const download = page.waitForEvent('download', { timeout: DOCUMENT_TIMEOUT_MS });
      await this.press(key);
      const d = await download;
      const bytes = new Uint8Array(readFileSync(await d.path()));
      if (Buffer.from(bytes.subarray(0, 5)).toString('latin1') !== '%PDF-')
        throw new Error(`what arrived after ${key} is not a PDF`);
      return { url: d.url(), bytes };
    }
    const frames = (): Promise<string[]> =>
      page.locator('iframe[src^="blob:"]').evaluateAll((els: { src: string }[]) => els.map((e) => e.src));
    const before = new Set(await frames());
    let url: string | null = null;
    const take = (u: string) => {
      if (u.startsWith('blob:') && !before.has(u)) url ??= u;
    };
    void page
      .context()
      .waitForEvent('page', { timeout: DOCUMENT_TIMEOUT_MS })
      .then(
        (tab) => take(tab.url()),
        () => undefined,
      );
    await this.press(key);
    const deadline = Date.now() + DOCUMENT_TIMEOUT_MS;
    while (url === null) {
      if (Date.now() > deadline) throw new Error(`no document arrived after ${key}`);
      for (const src of await frames()) take(src);
      if (url === null) await page.waitForTimeout(50);
    }
    return { url, bytes: null };
  }
}

/** How long a document may take to arrive on a slow, loaded machine. */
const DOCUMENT_TIMEOUT_MS = 60_000;

/** The size of a PDF handed over, or where it is shown when its bytes cannot be read back. */
const pdfSize = (pdf: { url: string; bytes: Uint8Array | null }): string =>
  pdf.bytes ? String(pdf.bytes.length) : `shown ${pdf.url}`;

/** Data the tasks rely on, put on the hub before the desk's first sync. */
export interface CounterFixtures {
  today: string;
  /** a fine found by its verbale number and plate */
  verbale: { key: string; plate: string };
  /** what a keyboard-wedge reader types when it reads a notice's QR code */
  noticeQr: string;
  /** the ZTL permit Mario Rossi renews */
  ztlNumber: string;
}

/** Fines, a ZTL permit ending in 20 days, the Verdi and Ferrari households. */
export async function prepareCounterHub(hub: TestHub): Promise<CounterFixtures> {
  const today = romeDateOf(new Date());
  await importVerbali(hub.hubDb.db, 'B885', demoVerbaliCsv(today, 10));
  const rows = await hub.hubDb.db
    .selectFrom('verbali')
    .select(['key', 'plate', 'notice_number'])
    .where('key', 'in', ['1001/A', '1002/A'])
    .orderBy('key')
    .execute();
  const [scanned, asked] = rows;
  if (!scanned || !asked) throw new Error('demo verbali missing');
  await addCavourHousehold(hub);
  await insertHouseholds(hub.hubDb.db, [FERRARI]);
  const ztl = permitRecord({
    id: 'p-counter-ztl',
    number: 'PRM-B885-H1-2025-000021',
    holderId: 'r-mario',
    holderName: 'Rossi Mario',
    householdId: 'f-rossi',
    plates: [{ plate: 'AB123CD', country: 'I' }],
    validFrom: addDays(today, -710),
    validTo: addDays(today, 20),
    issuedAt: `${addDays(today, -712)}T10:00`,
  });
  await hub.hubDb.db.transaction().execute(async (trx) => {
    const ws = await trx
      .selectFrom('workstations')
      .select('id')
      .where('comune', '=', 'B885')
      .executeTakeFirstOrThrow();
    await insertPermit(trx, ztl, ws.id, new Date().toISOString());
  });
  return {
    today,
    verbale: { key: asked.key, plate: asked.plate },
    noticeQr: `PAGOPA|002|${scanned.notice_number}|00190540062|2940`,
    ztlNumber: ztl.number,
  };
}

/** Opens the till for the day (once, before the tasks: not part of any task). */
export async function openTill(page: Page): Promise<void> {
  await page.keyboard.press('F8');
  await page.getByTestId('opening-float').fill('100,00');
  await page.getByTestId('opening-float').press('Enter');
  await page.getByTestId('session-bar').waitFor();
}

/** Between two citizens: back to the search screen with the focus in the box (not counted). */
export async function backToSearch(page: Page): Promise<void> {
  for (let i = 0; i < 6; i++) {
    if ((await page.getByTestId('search-input').count()) > 0) break;
    await page.keyboard.press('Escape');
  }
  await page.keyboard.press('F2');
  await page.getByTestId('search-input').waitFor();
  await page.getByTestId('search-input').fill('');
  await page.getByTestId('search-input').focus();
}

const text = async (page: Page, testId: string): Promise<string> =>
  ((await page.getByTestId(testId).first().textContent()) ?? '').trim();

/** Search, Enter: the resident's page (the first result is the one searched for). */
async function openResident(clerk: Clerk, query: string, name: string): Promise<void> {
  await clerk.type('search-input', query);
  await clerk.page.getByTestId('result-row').filter({ hasText: name }).first().waitFor();
  await clerk.press('Enter');
  await clerk.page.getByTestId('detail-name').waitFor();
}

/** F4, the fact, a marca da bollo read by the scanner, Ctrl+Enter, then the PDF. */
async function certificate(clerk: Clerk, fact: string, marca: string): Promise<TaskOutcome> {
  const { page } = clerk;
  await clerk.press('F4');
  await page.getByTestId('certificate-form').waitFor();
  // the form opens on the first fact; Enter on a fact ticks it and goes on to the marca da bollo
  await clerk.expectFocus('fact-residenza');
  await clerk.tabTo(`fact-${fact}`);
  await clerk.press('Enter');
  await clerk.type('marca-id', marca);
  await page.getByTestId('certificate-preview').waitFor();
  await clerk.press('Enter');
  await page.getByTestId('issued').waitFor();
  await clerk.expectFocus('print-pdf');
  const pdf = await clerk.pressForPdf('Enter');
  return {
    handed: {
      title: await text(page, 'issued-title'),
      lines: await text(page, 'issued-lines'),
      pdfBytes: pdfSize(pdf),
    },
  };
}

/**
 * Earlier, the school office enrolled Matteo Ferrari with his father's ISEE typed from the
 * attestation: the comune now holds it, and his sister's form starts from it.
 */
async function enrolMatteoWithIsee(counter: Counter): Promise<void> {
  const { page } = counter;
  await page.getByTestId('search-input').fill('FRRMTT19');
  await page.getByTestId('result-row').filter({ hasText: 'Ferrari' }).first().waitFor();
  await page.keyboard.press('Enter');
  await page.getByTestId('detail-name').waitFor();
  await page.keyboard.press('Alt+m');
  await page.getByTestId('school-form').waitFor();
  await page.getByTestId('school-school').selectOption('ALEE80001');
  await page.getByTestId('school-class').selectOption('2B');
  await page.getByTestId('school-isee-value').fill(FERRARI_ISEE.value);
  await page.getByTestId('school-isee-dsu').fill(FERRARI_ISEE.dsuProtocol);
  await page.getByTestId('school-isee-issued').fill(FERRARI_ISEE.issuedOn);
  await page.getByTestId('school-price').waitFor();
  await page.getByTestId('school-isee-issued').press('Enter');
  await page.getByTestId('school-done').waitFor();
  await page.keyboard.press('Escape');
  await page.getByTestId('school-done').waitFor({ state: 'detached' });
  // synced, and the month billed: the family's account (with the statement) reaches the counter
  await counter.desk.core.sync.syncOnce();
  const { runBilling } = await import('../hub/school/billing-run');
  await runBilling(counter.hub.hubDb.db, 'B885', romeDateOf(new Date()).slice(0, 7));
  await counter.desk.core.sync.syncOnce();
  await counter.desk.core.sync.syncOnce();
  await backToSearch(page);
}

export const COUNTER_TASKS: CounterTask[] = [
  {
    name: 'residence_certificate',
    service: 'certificates',
    run: async (clerk) => {
      await openResident(clerk, 'RSSMRA72', 'Rossi');
      return certificate(clerk, 'residenza', '01234567890123');
    },
  },
  {
    name: 'family_certificate',
    service: 'certificates',
    run: async (clerk) => {
      await openResident(clerk, 'RSSMRA72', 'Rossi');
      return certificate(clerk, 'stato_famiglia', '01234567890124');
    },
  },
  {
    name: 'self_declaration',
    service: 'certificates',
    run: async (clerk) => {
      const { page } = clerk;
      await openResident(clerk, 'HXHRBN', 'Hoxha');
      await clerk.press('F6');
      await page.getByTestId('declaration-form').waitFor();
      // the facts come pre-filled from the registry: Enter confirms them, on to the document
      await clerk.expectFocus('letter-a');
      await clerk.press('Enter');
      await clerk.type('document-number', 'CA12345AB');
      await page.getByTestId('declaration-preview').getByText('CA12345AB').waitFor();
      await clerk.press('Control+Enter');
      await page.getByTestId('issued').waitFor();
      await clerk.expectFocus('print-pdf');
      const pdf = await clerk.pressForPdf('Enter');
      return {
        handed: {
          title: await text(page, 'issued-title'),
          lines: await text(page, 'issued-lines'),
          pdfBytes: pdfSize(pdf),
        },
      };
    },
  },
  {
    name: 'fine_payment',
    service: 'cashdesk',
    run: async (clerk, f) => {
      const { page } = clerk;
      await clerk.press('F8');
      await page.getByTestId('debt-query').waitFor();
      await clerk.tabTo('debt-query');
      await clerk.type('debt-query', `${f.verbale.key} ${f.verbale.plate}`);
      await clerk.press('Enter');
      await page.getByTestId('debt').first().waitFor();
      const due = await text(page, 'amount-due');
      await clerk.expectFocus('pay');
      await clerk.press('Enter');
      await clerk.type('psp-id', 'PSP-BENCH-0001');
      await clerk.press('Enter');
      await page.getByTestId('receipt').waitFor();
      return {
        handed: { due, receipt: await text(page, 'receipt-title'), paid: await text(page, 'receipt') },
      };
    },
  },
  {
    name: 'pagopa_notice_payment',
    service: 'cashdesk',
    run: async (clerk, f) => {
      const { page } = clerk;
      await clerk.press('F8');
      await clerk.tabTo('debt-query');
      await clerk.type('debt-query', f.noticeQr);
      await clerk.press('Enter');
      await page.getByTestId('debt').first().waitFor();
      const due = await text(page, 'amount-due');
      await clerk.expectFocus('pay');
      await clerk.press('Enter');
      await clerk.type('psp-id', 'PSP-BENCH-0002');
      await clerk.press('Enter');
      await page.getByTestId('receipt').waitFor();
      return {
        handed: { due, receipt: await text(page, 'receipt-title'), paid: await text(page, 'receipt') },
      };
    },
  },
  {
    name: 'ztl_renewal',
    service: 'permits',
    run: async (clerk) => {
      const { page } = clerk;
      await openResident(clerk, 'RSSMRA72', 'Rossi');
      await page.getByTestId('permits-card').getByTestId('permit-row').first().waitFor();
      await clerk.press('F3');
      // the household's permit ending soon is offered for renewal first
      await page.getByTestId('permit-kind-option').first().filter({ hasText: 'Rinnovo' }).waitFor();
      await clerk.press('Enter');
      await page.getByTestId('permit-eligible').waitFor();
      await clerk.press('Enter');
      await page.getByTestId('permit-issued').waitFor();
      await clerk.expectFocus('permit-print-a4');
      const pdf = await clerk.pressForPdf('Enter');
      return {
        handed: {
          pdfBytes: pdfSize(pdf),
          title: await text(page, 'permit-issued-title'),
          validity: await text(page, 'permit-issued-validity'),
          issued: await text(page, 'permit-issued'),
        },
      };
    },
  },
  {
    name: 'resident_parking_permit',
    service: 'permits',
    run: async (clerk) => {
      const { page } = clerk;
      await openResident(clerk, 'VRDGRG60', 'Verdi');
      await clerk.press('F3');
      await clerk.type('permit-kind-filter', 'sosta');
      await clerk.press('Enter');
      await clerk.type('permit-plate', 'fg 456 hk');
      await page.getByTestId('permit-eligible').waitFor();
      await clerk.press('Enter');
      await page.getByTestId('permit-issued').waitFor();
      await clerk.expectFocus('permit-print-a4');
      const pdf = await clerk.pressForPdf('Enter');
      return {
        handed: {
          pdfBytes: pdfSize(pdf),
          title: await text(page, 'permit-issued-title'),
          issued: await text(page, 'permit-issued'),
        },
      };
    },
  },
  {
    name: 'canteen_enrolment',
    service: 'school',
    before: enrolMatteoWithIsee,
    run: async (clerk) => {
      const { page } = clerk;
      await openResident(clerk, 'FRRGLI17', 'Ferrari');
      await clerk.press('Alt+m');
      await page.getByTestId('school-form').waitFor();
      await clerk.expectFocus('school-school');
      await clerk.pick('school-school', 'ALEE80001');
      await clerk.tabTo('school-class');
      await clerk.pick('school-class', '4A');
      // the father's ISEE is on file from his son's enrolment: nothing to type again
      await page.getByTestId('school-isee-on-file').waitFor();
      await page.getByTestId('school-price').waitFor();
      const price = await text(page, 'school-price');
      await clerk.press('Enter');
      await page.getByTestId('school-done').waitFor();
      return { handed: { price, done: await text(page, 'school-done') } };
    },
  },
  {
    name: 'residence_change_intake',
    service: 'cases',
    run: async (clerk) => {
      const { page } = clerk;
      await openResident(clerk, "d'amico", "D'Amico");
      await clerk.press('Alt+r');
      await page.getByTestId('residence-intake').waitFor();
      await clerk.type('intake-street', 'Via Roma');
      await clerk.press('Tab');
      await clerk.type('intake-number', '25');
      await clerk.press('Control+Enter');
      await page.getByTestId('intake-done').waitFor();
      return {
        handed: {
          done: await text(page, 'intake-done'),
          registrationDue: await text(page, 'intake-registration-due'),
        },
      };
    },
  },
  {
    name: 'cash_closing',
    service: 'cashdesk',
    run: async (clerk) => {
      const { page } = clerk;
      await clerk.press('Shift+F8');
      await page.getByTestId('session-bar').waitFor();
      await clerk.expectFocus('counted-cash');
      // the drawer holds what the bar expects (the float and the day's cash takings)
      const expected = /Contanti attesi in cassa: € ([\d.,]+)/.exec(await text(page, 'session-bar'))?.[1];
      if (!expected) throw new Error('no expected cash on the session bar');
      await clerk.type('counted-cash', expected);
      await clerk.press('Enter');
      await clerk.expectFocus('signoff-user');
      await clerk.type('signoff-user', 'supervisore.casale');
      await clerk.press('Tab');
      await clerk.type('signoff-password', DEMO_PASSWORD);
      await clerk.press('Enter');
      await page.getByTestId('closing-report').waitFor();
      await clerk.expectFocus('closing-report');
      const pdf = await clerk.pressForPdf('Enter');
      return {
        handed: {
          counted: expected,
          status: await text(page, 'session-status'),
          pdfBytes: pdfSize(pdf),
        },
      };
    },
  },
];
