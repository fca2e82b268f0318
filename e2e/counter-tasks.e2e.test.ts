import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatDate } from '../shared/i18n/registry-labels';
import { addDays } from '../shared/calendar/iso-date';
import { startCounter, type Counter } from '../test-support/e2e-counter';
import {
  backToSearch,
  Clerk,
  COUNTER_TASKS,
  openTill,
  prepareCounterHub,
  type CounterFixtures,
  type TaskOutcome,
} from '../test-support/counter-tasks';

/**
 * The ten counter tasks of the benchmark (bench/counter.bench.ts), one citizen after another at
 * one counter, keyboard only: each hands over its document or receipt with the right names and
 * amounts, and none needs the mouse or more than 8 keyboard actions. What they cost in time is
 * the benchmark's business, not this test's.
 */
describe('counter: the ten commonest tasks, keyboard only', () => {
  let counter: Counter;
  let clerk: Clerk;
  let fixtures: CounterFixtures | undefined;
  const outcomes = new Map<string, TaskOutcome>();

  beforeAll(async () => {
    counter = await startCounter({
      workstation: 'Casale - Sportello polifunzionale 1',
      login: 'anagrafe.casale',
      prepare: async (hub) => {
        fixtures = await prepareCounterHub(hub);
      },
    });
    await openTill(counter.page);
    clerk = new Clerk(counter.page);
  });

  afterAll(async () => {
    await counter?.close();
  });

  /** Runs the named task as the next citizen; its keys and clicks are checked here. */
  const run = async (name: string): Promise<TaskOutcome> => {
    const task = COUNTER_TASKS.find((t) => t.name === name);
    if (!task || !fixtures) throw new Error(`no task ${name}`);
    await backToSearch(counter.page);
    if (task.before) {
      await task.before(counter);
      await backToSearch(counter.page);
    }
    clerk.reset();
    const outcome = await task.run(clerk, fixtures);
    outcomes.set(name, outcome);
    expect(clerk.mouse).toBe(0);
    expect(clerk.keys, `${name}: ${clerk.log.join(' ')}`).toBeLessThanOrEqual(8);
    await counter.shot(`90-counter-${name}`);
    return outcome;
  };
  /** the PDF's size; a Chromium with a PDF viewer (CHROMIUM_PATH) shows it without handing the bytes */
  const pdfBytes = (o: TaskOutcome) =>
    o.handed.pdfBytes?.startsWith('shown blob:') ? Infinity : Number(o.handed.pdfBytes);
  const year = new Date().getFullYear();

  it('lists all ten tasks, in the order the benchmark runs them', () => {
    expect(COUNTER_TASKS.map((t) => t.name)).toEqual([
      'residence_certificate',
      'family_certificate',
      'self_declaration',
      'fine_payment',
      'pagopa_notice_payment',
      'ztl_renewal',
      'resident_parking_permit',
      'canteen_enrolment',
      'residence_change_intake',
      'cash_closing',
    ]);
  });

  it('residence certificate: issued with its marca, the PDF in hand', async () => {
    const o = await run('residence_certificate');
    expect(o.handed.title).toMatch(new RegExp(`^Certificato B885-P1-${year}-\\d{6}-[0-9A-Z]{8} rilasciato$`));
    expect(o.handed.lines).toContain('ROSSI MARIO');
    expect(o.handed.lines).toContain('marca n. 01234567890123');
    expect(pdfBytes(o)).toBeGreaterThan(1000);
  });

  it('family certificate: the household listed, the PDF in hand', async () => {
    const o = await run('family_certificate');
    expect(o.handed.lines).toContain('BIANCHI ANNA');
    expect(o.handed.lines).toContain('marca n. 01234567890124');
    expect(pdfBytes(o)).toBeGreaterThan(1000);
  });

  it('self-declaration: pre-filled, identified by the document, the PDF to sign', async () => {
    const o = await run('self_declaration');
    expect(o.handed.title).toBe('Dichiarazione pronta da firmare');
    expect(o.handed.lines).toContain('HOXHA ARBEN');
    expect(o.handed.lines).toContain('CA12345AB');
    expect(pdfBytes(o)).toBeGreaterThan(1000);
  });

  it('fine by verbale and plate, paid by card: the receipt shows the amount', async () => {
    const o = await run('fine_payment');
    expect(o.handed.due).toMatch(/^€ \d+,\d{2}$/);
    expect(o.handed.receipt).toMatch(new RegExp(`^Ricevuta RIC-B885-P1-${year}-\\d{6}$`));
    expect(o.handed.paid).toContain(o.handed.due);
  });

  it('pagoPA notice by scanned code, paid by card: the reduced amount on the receipt', async () => {
    const o = await run('pagopa_notice_payment');
    expect(o.handed.due).toBe('€ 29,40');
    expect(o.handed.receipt).toMatch(new RegExp(`^Ricevuta RIC-B885-P1-${year}-\\d{6}$`));
    expect(o.handed.paid).toContain('€ 29,40');
    expect(o.handed.receipt).not.toBe(outcomes.get('fine_payment')?.handed.receipt);
  });

  it('ZTL permit renewed from the day after the old one ends, the PDF in hand', async () => {
    const o = await run('ztl_renewal');
    expect(o.handed.title).toMatch(/^Permesso PRM-B885-[A-Z0-9]+-\d{4}-\d{6} rilasciato$/);
    expect(o.handed.validity).toContain(formatDate(addDays(fixtures?.today ?? '', 21)));
    expect(o.handed.issued).toContain('AB123CD');
    expect(pdfBytes(o)).toBeGreaterThan(1000);
  });

  it('resident parking permit with its plate, the fee in cash, the PDF in hand', async () => {
    const o = await run('resident_parking_permit');
    expect(o.handed.issued).toContain('FG456HK');
    expect(o.handed.issued).toContain('Incassati € 30,00 in contanti');
    expect(pdfBytes(o)).toBeGreaterThan(1000);
  });

  it('canteen enrolment from the ISEE on file: the band and the price shown', async () => {
    const o = await run('canteen_enrolment');
    expect(o.handed.done).toContain('Ferrari Giulia');
    expect(o.handed.price).toMatch(/^€ \d+,\d{2} a pasto$/);
    expect(o.handed.price).not.toBe('€ 4,80 a pasto'); // the no-ISEE price: the statement was used
  });

  it('change of residence taken: the registration term shown', async () => {
    const o = await run('residence_change_intake');
    expect(o.handed.registrationDue).toMatch(/^\d{2}\/\d{2}\/\d{4}$/);
    expect(o.handed.done).toContain('Via Roma 25');
  });

  it('cash closing: counted as expected, signed off, the report PDF in hand', async () => {
    const o = await run('cash_closing');
    expect(o.handed.status).toContain('vistata da supervisore.casale');
    // the float, the cash for the parking permit and the certificates' fees
    expect(o.handed.counted).toMatch(/^1\d\d,\d{2}$/);
    expect(pdfBytes(o)).toBeGreaterThan(1000);
  });
});
