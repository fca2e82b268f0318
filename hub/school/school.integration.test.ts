import { uuidv7 } from 'uuidv7';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { romeDateOf, romeDateTimeOf } from '../../shared/calendar/rome-date';
import type { DebtLookup } from '../../shared/contract/cashdesk-views';
import { nextMonth } from '../../shared/school/billing';
import { SCHOOL_ACCOUNT_PATH, SCHOOL_ATTENDANCE_PATH } from '../../shared/school/school-paths';
import type {
  SchoolAccountRecord,
  SchoolEnrol,
  SchoolEnrolmentRecord,
} from '../../shared/school/school-wire';
import { LOGIN_PATH, PROTOCOL_VERSION, PUSH_PATH } from '../../shared/sync/registry-page';
import { checkChar } from '../../resources/demo/codice-fiscale';
import { startTestDesk } from '../../test-support/desk-harness';
import { HUB_BACKENDS } from '../../test-support/hub-backends';
import { startTestHub, type TestHub } from '../../test-support/running-hub';
import { DEMO_PASSWORD } from '../seed/demo-users';
import { runBilling } from './billing-run';
import { findEnrolment, iseeHistoryOf } from './school-repository';

/**
 * Canteen and school transport on a real hub over HTTP, SQLite and PostgreSQL: enrolments pushed
 * as a counter pushes them (the hub recomputes resident flag, rank and band), the operator's
 * attendance file, the monthly run (twice: same notices), a late absence credited on the next
 * month, an ISEE change from the next month, and the notice paid at a counter's cash desk.
 */

const now = () => romeDateTimeOf(new Date()).slice(0, 16);
const cf = (first15: string) => first15 + checkChar(first15);
const PRIMARY = 'ALEE80001';
// Via Roma 12: the Rossi household of the fixture registry (Mario pays)
const MARIO = { id: 'r-mario', cf: 'RSSMRA72L09H501S' };
const ANNA = { id: 'r-anna-school', cf: cf('RSSNNA17C50B885'), birth: '2017-03-10' };
const PIETRO = { id: 'r-pietro-school', cf: cf('RSSPTR19H15B885'), birth: '2019-06-15' };
// a family from another comune, entered by hand
const GIULIA_CF = cf('VRDGLI18A41L219');
const PAYER_CF = cf('VRDLRA85M50L219');
const ISEE_5000 = {
  type: 'ordinario' as const,
  valueCents: 500_000,
  dsuProtocol: 'INPS-ISEE-2026-123456789-00',
  issuedOn: '2026-02-01',
  expiresOn: '2026-12-31',
};

describe.each(HUB_BACKENDS)('school services at the hub (%s)', (backend) => {
  let hub: TestHub;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  type Json = Record<string, any>;
  const headers = (token: string, clerk?: string, type = 'application/json') => ({
    'content-type': type,
    'x-sportello-protocol': String(PROTOCOL_VERSION),
    authorization: `Bearer ${token}`,
    ...(clerk ? { 'x-sportello-clerk': clerk } : {}),
  });
  const post = async (path: string, body: unknown, clerk?: string) => {
    const res = await fetch(hub.url + path, {
      method: 'POST',
      headers: headers(hub.casaleToken, clerk),
      body: JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as Json };
  };
  const login = async (username: string): Promise<string> =>
    (await post(LOGIN_PATH, { username, password: DEMO_PASSWORD })).body.token as string;
  const push = async (username: string, name: string, args: unknown): Promise<Json> => {
    const clerk = await login(username);
    const { status, body } = await post(
      PUSH_PATH,
      { mutations: [{ id: uuidv7(), name, args, clerk: username, at: new Date().toISOString() }] },
      clerk,
    );
    expect(status).toBe(200);
    return body.results[0] as Json;
  };
  const importCsv = async (school: string, csv: string, username = 'supervisore.casale') => {
    const clerk = await login(username);
    const res = await fetch(hub.url + SCHOOL_ATTENDANCE_PATH.replace(':school', school), {
      method: 'POST',
      headers: headers(hub.casaleToken, clerk, 'text/csv'),
      body: csv,
    });
    return { status: res.status, body: (await res.json()) as Json };
  };
  const account = async (payer: string): Promise<SchoolAccountRecord> => {
    const clerk = await login('anagrafe.casale');
    const res = await fetch(hub.url + SCHOOL_ACCOUNT_PATH.replace(':payer', payer), {
      headers: headers(hub.casaleToken, clerk),
    });
    expect(res.status).toBe(200);
    return (await res.json()) as SchoolAccountRecord;
  };
  const enrolment = async (id: string): Promise<SchoolEnrolmentRecord> => {
    const r = await findEnrolment(hub.hubDb.db, 'B885', id);
    if (!r) throw new Error(`no enrolment ${id}`);
    return r;
  };
  const count = async (
    table: 'school_enrolments' | 'school_attendance' | 'debt_positions' | 'school_bills',
  ) =>
    Number(
      (
        await hub.hubDb.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  const enrol = (over: Partial<SchoolEnrol>): SchoolEnrol => ({
    enrolmentId: uuidv7(),
    schoolYear: '2026/27',
    service: 'mensa',
    child: {
      residentId: ANNA.id,
      codiceFiscale: ANNA.cf,
      surname: 'Rossi',
      givenNames: 'Anna',
      birthDate: ANNA.birth,
      resident: true,
    },
    payer: { residentId: MARIO.id, codiceFiscale: MARIO.cf, name: 'Rossi Mario', address: 'Via Roma 12' },
    school: { code: PRIMARY, className: '3A' },
    level: 'primaria',
    transport: null,
    diet: { needed: false, code: null },
    isee: ISEE_5000,
    startMonth: '2026-09',
    quotedUnitPriceCents: null,
    quotedSiblingRank: null,
    at: now(),
    ...over,
  });

  const ids = { anna: uuidv7(), pietro: uuidv7(), annaBus: uuidv7(), giulia: uuidv7() };

  beforeAll(async () => {
    hub = await startTestHub(backend);
    const luca = await hub.hubDb.db
      .selectFrom('residents')
      .selectAll()
      .where('id', '=', 'r-luca')
      .executeTakeFirstOrThrow();
    for (const [c, name, sex] of [
      [ANNA, 'Anna', 'F'],
      [PIETRO, 'Pietro', 'M'],
    ] as const) {
      await hub.hubDb.db
        .insertInto('residents')
        .values({
          ...luca,
          id: c.id,
          codice_fiscale: c.cf,
          given_names: name,
          sex,
          birth_date: c.birth,
          registered_on: c.birth,
        })
        .execute();
    }
  });
  afterAll(async () => {
    await hub?.close();
  });

  it('enrols siblings over a real push: rank by age and band from the hub, the counter’s numbers ignored', async () => {
    // the younger first: rank 1 until the elder joins
    const pietro = await push(
      'anagrafe.casale',
      'school.enrol',
      enrol({
        enrolmentId: ids.pietro,
        child: {
          residentId: PIETRO.id,
          codiceFiscale: PIETRO.cf,
          // tampered: a name, a birth date and a "not resident" the registry does not say
          surname: 'Bianchi',
          givenNames: 'Piero',
          birthDate: '2018-01-01',
          resident: false,
        },
        school: { code: PRIMARY, className: '1B' },
        quotedUnitPriceCents: 1,
        quotedSiblingRank: 3,
      }),
    );
    expect(pietro.status).toBe('applied');
    expect(await enrolment(ids.pietro)).toMatchObject({
      child: { surname: 'Rossi', givenNames: 'Pietro', birthDate: PIETRO.birth, resident: true },
      siblingRank: 1,
      band: { chosenBy: 'isee', unitPriceCents: 200, iseeCents: 500_000 },
      quotedUnitPriceCents: 1,
    });

    expect((await push('anagrafe.casale', 'school.enrol', enrol({ enrolmentId: ids.anna }))).status).toBe(
      'applied',
    );
    // Anna is the elder: rank 1, full band price; Pietro moves to rank 2 (20% off, DEMO table)
    expect(await enrolment(ids.anna)).toMatchObject({ siblingRank: 1, band: { unitPriceCents: 200 } });
    expect(await enrolment(ids.pietro)).toMatchObject({ siblingRank: 2, band: { unitPriceCents: 160 } });

    const bus = await push(
      'anagrafe.casale',
      'school.enrol',
      enrol({
        enrolmentId: ids.annaBus,
        service: 'trasporto',
        transport: { route: 'L1', stop: 'L1-02' },
        diet: null,
      }),
    );
    expect(bus.status).toBe('applied');
    expect(await enrolment(ids.annaBus)).toMatchObject({
      siblingRank: 1,
      band: { unit: 'month', unitPriceCents: 1500 },
    });

    // a child from another comune, entered by hand and claimed resident: the non-resident price
    const giulia = await push(
      'anagrafe.casale',
      'school.enrol',
      enrol({
        enrolmentId: ids.giulia,
        child: {
          residentId: null,
          codiceFiscale: GIULIA_CF,
          surname: 'Verdi',
          givenNames: 'Giulia',
          birthDate: '2018-01-01',
          resident: true,
        },
        payer: {
          residentId: null,
          codiceFiscale: PAYER_CF,
          name: 'Verdi Laura',
          address: 'Via Po 1, Torino',
        },
        isee: null,
      }),
    );
    expect(giulia.status).toBe('applied');
    expect(await enrolment(ids.giulia)).toMatchObject({
      child: { resident: false },
      band: { chosenBy: 'non_resident', unitPriceCents: 550 },
    });
  });

  it('refuses a child not of school age or not in the registry, and changes nothing', async () => {
    const before = await count('school_enrolments');
    const baby = await push(
      'anagrafe.casale',
      'school.enrol',
      enrol({
        child: {
          residentId: null,
          codiceFiscale: cf('RSSLSS24A41B885'),
          surname: 'Rossi',
          givenNames: 'Alessia',
          birthDate: '2024-01-01',
          resident: true,
        },
      }),
    );
    expect(baby).toMatchObject({ status: 'rejected', error: { code: 'school_age_invalid' } });
    const ghost = await push(
      'anagrafe.casale',
      'school.enrol',
      enrol({ child: { ...enrol({}).child, residentId: 'r-nobody' } }),
    );
    expect(ghost).toMatchObject({ status: 'rejected', error: { code: 'school_resident_unknown' } });
    const twice = await push('anagrafe.casale', 'school.enrol', enrol({}));
    expect(twice).toMatchObject({ status: 'rejected', error: { code: 'school_already_enrolled' } });
    expect(await count('school_enrolments')).toBe(before);
  });

  it('imports the operator’s attendance: bad lines refused by line, the rest kept, a re-import replaces the day', async () => {
    const csv = [
      'giorno;codice fiscale;pasti',
      ...['2026-10-05', '2026-10-06', '2026-10-07', '2026-10-08', '2026-10-09'].flatMap((d) => [
        `${d};${ANNA.cf};1`,
        `${d};${PIETRO.cf};1`,
      ]),
      `2026-10-05;${GIULIA_CF};1`,
      `06/10/2026;${GIULIA_CF};1`,
      `2026-10-07;${GIULIA_CF};1`,
      `2026-10-10;${ANNA.cf};1`, // line 15: a Saturday
      `2026-10-08;${cf('BNCLCU17A01B885')};1`, // line 16: nobody enrolled
      `2026-10-08;${ANNA.cf};many`, // line 17: not a number of meals
    ].join('\n');
    const first = await importCsv(PRIMARY, csv);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ imported: 13, days: 5 });
    expect(first.body.rejected).toEqual([
      expect.objectContaining({ line: 15, code: 'school_not_a_school_day' }),
      expect.objectContaining({ line: 16, code: 'school_attendance_unknown_child' }),
      expect.objectContaining({ line: 17, code: 'school_attendance_bad_row' }),
    ]);
    expect(first.body.rejected[0].message).toContain('sabato o domenica');
    const again = await importCsv(PRIMARY, csv);
    expect(again.body).toMatchObject({ imported: 13 });
    expect(await count('school_attendance')).toBe(13);
    // a clerk may not import
    expect((await importCsv(PRIMARY, csv, 'anagrafe.casale')).status).toBe(403);
  });

  it('bills October once per payer: one notice with every child’s meals and the bus, the same notices when run again', async () => {
    const run = await runBilling(hub.hubDb.db, 'B885', '2026-10', new Date('2026-11-01T07:00:00Z'));
    expect(run).toMatchObject({ payers: 2, notices: 2, rejected: [] });
    // Rossi: Anna 5 × €2.00 + Pietro 5 × €1.60 + bus €15.00; Verdi: 3 × €5.50
    expect(run.totalCents).toBe(1000 + 800 + 1500 + 1650);
    const positions = await count('debt_positions');
    const again = await runBilling(hub.hubDb.db, 'B885', '2026-10', new Date('2026-11-01T08:00:00Z'));
    expect(again).toMatchObject({ payers: 0, notices: 0, alreadyBilled: 2 });
    expect(await count('debt_positions')).toBe(positions);

    const rossi = await account(MARIO.cf);
    expect(rossi.months).toHaveLength(1);
    expect(rossi.months[0]).toMatchObject({
      month: '2026-10',
      amountCents: 3300,
      status: 'open',
      dueDate: '2026-11-30',
    });
    expect(rossi.months[0]?.lines.map((l) => [l.kind, l.meals, l.amountCents])).toEqual(
      expect.arrayContaining([
        ['mensa', 5, 1000],
        ['mensa', 5, 800],
        ['trasporto', null, 1500],
      ]),
    );
    const position = await hub.hubDb.db
      .selectFrom('debt_positions')
      .selectAll()
      .where('notice_number', '=', rossi.months[0]?.noticeNumber ?? '')
      .executeTakeFirstOrThrow();
    expect(position).toMatchObject({ kind: 'MENSA', debtor_cf: MARIO.cf, status: 'open' });
    expect(position.description).toContain('ottobre 2026');
  });

  it('credits an absence marked after October was billed on November’s notice', async () => {
    const absent = await push('anagrafe.casale', 'school.absence', {
      enrolmentId: ids.pietro,
      day: '2026-10-07',
      at: now(),
    });
    expect(absent.status).toBe('applied');
    const sunday = await push('anagrafe.casale', 'school.absence', {
      enrolmentId: ids.pietro,
      day: '2026-10-11',
      at: now(),
    });
    expect(sunday).toMatchObject({ status: 'rejected', error: { code: 'school_not_a_school_day' } });
    const nov = ['2026-11-03', '2026-11-04', '2026-11-05', '2026-11-06'].map((d) => `${d};${ANNA.cf};1`);
    expect((await importCsv(PRIMARY, ['giorno;codice fiscale;pasti', ...nov].join('\n'))).body).toMatchObject(
      {
        imported: 4,
        rejected: [],
      },
    );
    const run = await runBilling(hub.hubDb.db, 'B885', '2026-11', new Date('2026-12-01T07:00:00Z'));
    expect(run.rejected).toEqual([]);
    const rossi = await account(MARIO.cf);
    const november = rossi.months.find((m) => m.month === '2026-11');
    // Anna 4 × €2.00 + bus €15.00 − Pietro's October meal of the 7th (€1.60)
    expect(november?.amountCents).toBe(800 + 1500 - 160);
    expect(november?.lines).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'correzione', month: '2026-10', meals: -1, amountCents: -160 }),
      ]),
    );
    // Giulia had no November meals: the month is recorded as billed with nothing owed, no notice
    const verdi = await account(PAYER_CF);
    expect(verdi.months.find((m) => m.month === '2026-11')).toMatchObject({
      amountCents: 0,
      noticeNumber: null,
      status: 'none',
    });
    expect(run.notices).toBe(1);
  });

  it('records a new ISEE from the next month, keeping the history', async () => {
    const r = await push('anagrafe.casale', 'school.isee', {
      payerCodiceFiscale: MARIO.cf,
      statement: { ...ISEE_5000, valueCents: 1_600_000, dsuProtocol: 'INPS-ISEE-2026-987654321-00' },
      at: now(),
    });
    expect(r.status).toBe('applied');
    const history = await iseeHistoryOf(hub.hubDb.db, 'B885', MARIO.cf);
    const next = nextMonth(romeDateOf(new Date()).slice(0, 7));
    expect(history.map((h) => [h.fromMonth, h.statement.valueCents])).toEqual([
      ['2026-09', 500_000],
      [next, 1_600_000],
    ]);
    // the record shows the band of the month it applies from; a 2026 statement has expired by
    // January 2027, so that month falls to the no-ISEE band (€4.80) and says why
    const anna = await enrolment(ids.anna);
    if (next >= '2027-01') {
      expect(anna.band).toMatchObject({ unitPriceCents: 480, chosenBy: 'no_isee', iseeCents: null });
      expect(anna.band.warning).toContain('scaduta');
    } else {
      expect(anna.band).toMatchObject({ unitPriceCents: 480, chosenBy: 'isee', iseeCents: 1_600_000 });
    }
    const bad = await push('anagrafe.casale', 'school.isee', {
      payerCodiceFiscale: MARIO.cf,
      statement: { ...ISEE_5000, valueCents: -1 },
      at: now(),
    });
    expect(bad.status).toBe('rejected');
    expect(await iseeHistoryOf(hub.hubDb.db, 'B885', MARIO.cf)).toHaveLength(2);
  });

  it('the October notice is found and paid at a counter’s cash desk; the account shows it paid', async () => {
    const noticeNumber = (await account(MARIO.cf)).months[0]?.noticeNumber ?? '';
    // the counter's day: before the notice's due date (30 November)
    const desk = await startTestDesk(hub, { now: () => new Date('2026-11-16T09:00:00Z') });
    try {
      await desk.login();
      await desk.core.sync.syncOnce();
      const found = await desk.ok<DebtLookup>('fines:lookup', { query: noticeNumber });
      if (found.kind !== 'results') throw new Error('not found');
      expect(found.debts[0]).toMatchObject({
        kind: 'notice',
        key: noticeNumber,
        amountDueCents: 3300,
        status: 'open',
      });
      await desk.ok('cashdesk:open', { openingFloatCents: 0 });
      await desk.ok('cashdesk:pay', {
        debt: { kind: 'notice', key: noticeNumber },
        channel: 'pos',
        pspTransactionId: 'PSP-MENSA-1',
      });
      await desk.core.sync.syncOnce();
    } finally {
      await desk.close();
    }
    const rossi = await account(MARIO.cf);
    expect(rossi.months[0]).toMatchObject({ noticeNumber, status: 'paid' });
    expect(rossi.paidCents).toBe(3300);
    expect(rossi.owedCents).toBe(800 + 1500 - 160);
  });
});
