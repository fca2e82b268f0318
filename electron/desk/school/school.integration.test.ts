import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertHouseholds } from '../../../hub/seed/seed-demo';
import type {
  SchoolAbsenceView,
  SchoolHouseholdView,
  SchoolIseePreviewView,
  SchoolOptionsView,
  SchoolQuoteView,
  SchoolWithdrawPreviewView,
} from '../../../shared/school/school-calls';
import type { SchoolAccountView, SchoolEnrolmentView } from '../../../shared/school/school-views';
import { testClock } from '../../../test-support/case-fixtures';
import { startTestDesk, type TestDesk } from '../../../test-support/desk-harness';
import { HUB_BACKENDS } from '../../../test-support/hub-backends';
import { startTestHub, type TestHub } from '../../../test-support/running-hub';
import { FERRARI, FERRARI_ISEE } from '../../../test-support/school-fixtures';

const DANTE = 'ALEE80001';

/** Giulia's canteen enrolment as the form sends it (Matteo's differs by child and class). */
const enrolment = (residentId: string, className: string) => ({
  schoolYear: '2026/27',
  service: 'mensa',
  child: { kind: 'resident', residentId },
  payer: { kind: 'resident', residentId: 'r-paolo' },
  schoolCode: DANTE,
  className,
  dietCode: null,
  isee: FERRARI_ISEE,
  startMonth: '2026-10',
});

describe.each(HUB_BACKENDS)('school services at the counter (desk core over a real %s hub)', (backend) => {
  const clock = testClock('2026-10-05T08:00:00Z');
  let hub: TestHub;
  let desk: TestDesk;

  const snapshot = async () => ({
    enrolments: await desk.core.ctx.db
      .selectFrom('school_enrolments')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow(),
    outbox: await desk.count('outbox'),
  });
  const exceptions = () =>
    desk.core.ctx.db.selectFrom('sync_exceptions').select(['name', 'code', 'message']).execute();

  beforeAll(async () => {
    hub = await startTestHub(backend, clock.now);
    await insertHouseholds(hub.hubDb.db, [FERRARI]);
    desk = await startTestDesk(hub, { workstation: 'Casale - Istruzione', now: clock.now });
    await desk.core.sync.syncOnce();
    await desk.login();
  });
  afterAll(async () => {
    await desk?.close();
    await hub?.close();
  });

  it('offers the year, its months from today, the schools with their classes and the DEMO tariffs', async () => {
    const o = await desk.ok<SchoolOptionsView>('school:options');
    expect(o.schoolYear).toBe('2026/27');
    expect(o.startMonth).toBe('2026-10');
    expect(o.months[0]).toBe('2026-10');
    expect(o.months.at(-1)).toBe('2027-06');
    expect(o.schools.find((s) => s.code === DANTE)?.classes).toContain('4A');
    const mensa = o.tariffs.find((t) => t.service === 'mensa');
    expect(mensa).toMatchObject({ unit: 'meal', noIseeCents: 480, uncertain: true });
  });

  it('reads the household: the father pays, the brother is listed as not enrolled', async () => {
    const h = await desk.ok<SchoolHouseholdView>('school:household', { residentId: 'r-giulia' });
    expect(h.child.name).toBe('Ferrari Giulia');
    expect(h.payers.map((p) => p.residentId)).toEqual(['r-paolo']);
    expect(h.siblings.map((s) => [s.name, s.schoolAge, s.enrolments])).toEqual([
      ['Ferrari Matteo', true, []],
    ]);
  });

  it('quotes live: € 3,50 a meal with an ISEE of € 8.000,00; refusals in words, nothing stored', async () => {
    const before = await snapshot();
    const q = await desk.ok<SchoolQuoteView>('school:quote', enrolment('r-giulia', '4A'));
    expect(q.ok).toBe(true);
    expect(q.band).toMatchObject({ unitPriceCents: 350, chosenBy: 'isee', iseeCents: 800_000 });
    expect(q.siblingRank).toBe(1);
    expect(q.siblingDiscount).toBe(false);
    // an ISEE with three decimals, a child too young for primary school (Matteo in 2026/27 is 7:
    // fine; a toddler would not be), an expired statement → the no-ISEE band WITH the warning
    const bad = await desk.ok<SchoolQuoteView>('school:quote', {
      ...enrolment('r-giulia', '4A'),
      isee: { ...FERRARI_ISEE, value: '8000,001' },
    });
    expect(bad.ok).toBe(false);
    expect(bad.refusals[0]?.code).toBe('isee_value_invalid');
    const expired = await desk.ok<SchoolQuoteView>('school:quote', {
      ...enrolment('r-giulia', '4A'),
      isee: { ...FERRARI_ISEE, issuedOn: '2025-02-01', expiresOn: '2025-12-31' },
    });
    expect(expired.band).toMatchObject({ chosenBy: 'no_isee', unitPriceCents: 480 });
    expect(expired.warning).toMatch(/scaduta il 31 dicembre 2025/);
    const tooOld = await desk.call('school:enrol', {
      ...enrolment('r-paolo', '4A'),
      child: { kind: 'resident', residentId: 'r-paolo' },
    });
    expect(tooOld.ok).toBe(false);
    if (!tooOld.ok) expect(tooOld.error.code).toBe('school_age_invalid');
    expect(await snapshot()).toEqual(before);
  });

  it('enrols both children offline; once synced the hub’s rank and band stand: Matteo is child no. 2 at € 2,80', async () => {
    await hub.stop();
    const giulia = await desk.ok<SchoolEnrolmentView>('school:enrol', enrolment('r-giulia', '4A'));
    expect(giulia.status).toBe('pending');
    expect(giulia.siblingRank).toBe(1);
    const q = await desk.ok<SchoolQuoteView>('school:quote', enrolment('r-matteo', '2B'));
    expect(q.siblingRank).toBe(2);
    expect(q.siblingDiscount).toBe(true);
    expect(q.siblings).toEqual(['Ferrari Giulia (10/03/2017)']);
    const matteo = await desk.ok<SchoolEnrolmentView>('school:enrol', enrolment('r-matteo', '2B'));
    expect(matteo.siblingRank).toBe(2);
    expect(matteo.band?.unitPriceCents).toBe(280);
    expect(await desk.count('outbox')).toBe(2);
    // the same child twice in the same service is refused here, before the hub
    const again = await desk.call('school:enrol', enrolment('r-matteo', '2B'));
    expect(again.ok ? null : again.error.code).toBe('school_already_enrolled');

    await hub.start();
    await desk.core.sync.syncOnce();
    await desk.core.sync.syncOnce();
    expect(await exceptions()).toEqual([]);
    expect(await desk.count('outbox')).toBe(0);
    const list = await desk.ok<SchoolEnrolmentView[]>('school:list', {
      by: 'payer',
      codiceFiscale: FERRARI.members[0]?.codiceFiscale,
    });
    const byChild = new Map(list.map((e) => [e.child.givenNames, e]));
    expect(byChild.get('Giulia')).toMatchObject({ status: 'active', siblingRank: 1 });
    expect(byChild.get('Giulia')?.band).toMatchObject({ unitPriceCents: 350, chosenBy: 'isee' });
    expect(byChild.get('Matteo')).toMatchObject({ status: 'active', siblingRank: 2 });
    expect(byChild.get('Matteo')?.band?.unitPriceCents).toBe(280);
    const confirmed = await desk.core.ctx.db.selectFrom('school_enrolments').select('confirmed').execute();
    expect(confirmed.map((c) => c.confirmed)).toEqual([1, 1]);
    // by class, as the area lists them
    const fourA = await desk.ok<SchoolEnrolmentView[]>('school:list', {
      by: 'school',
      schoolCode: DANTE,
      className: '4A',
    });
    expect(fourA.map((e) => e.childLabel)).toEqual(['Ferrari Giulia']);
  });

  it('after the month’s run the family account shows one notice: 3 × € 3,50 + 3 × € 2,80', async () => {
    const csv = [
      'giorno;codice fiscale;pasti',
      '01/10/2026;FRRGLI17C50B885L;1',
      '02/10/2026;FRRGLI17C50B885L;1',
      '05/10/2026;FRRGLI17C50B885L;1',
      '01/10/2026;FRRMTT19H15B885I;1',
      '02/10/2026;FRRMTT19H15B885I;1',
      '05/10/2026;FRRMTT19H15B885I;1',
    ].join('\n');
    // loaded once the hub runs: hub/school/attendance-import imported first would load the
    // school appliers before the hub's service list (a cycle through hub/services/registered)
    const { importAttendance } = await import('../../../hub/school/attendance-import');
    const { runBilling } = await import('../../../hub/school/billing-run');
    const imported = await importAttendance(hub.hubDb.db, 'B885', DANTE, csv, '2026-10-05T10:00:00');
    expect(imported.rejected).toEqual([]);
    clock.move(27); // 1 November: the run for October
    const report = await runBilling(hub.hubDb.db, 'B885', '2026-10', clock.now());
    expect(report.notices).toBe(1);
    await desk.login(); // a month later: a new working day at the counter
    await desk.core.sync.syncOnce();
    await desk.core.sync.syncOnce();
    const account = await desk.ok<SchoolAccountView>('school:account', {
      payerCodiceFiscale: 'FRRPLA85M10B885M',
    });
    expect(account.months).toHaveLength(1);
    const october = account.months[0];
    expect(october?.amountCents).toBe(3 * 350 + 3 * 280);
    expect(october?.status).toBe('open');
    expect(october?.noticeNumber).toMatch(/^\d{18}$/);
    expect(account.owedCents).toBe(1890);
    // the notice is in the counter's mirror of debt positions: the cash desk finds it by number
    const position = await desk.core.ctx.db
      .selectFrom('debt_positions')
      .select(['amount_cents', 'status'])
      .where('notice_number', '=', october?.noticeNumber ?? '')
      .executeTakeFirst();
    expect(position).toEqual({ amount_cents: 1890, status: 'open' });
  });

  it('marks an absence, records a new ISEE and withdraws a child; the hub accepts them, a weekend is refused here', async () => {
    const list = await desk.ok<SchoolEnrolmentView[]>('school:list', { by: 'child', residentId: 'r-matteo' });
    const matteo = list[0];
    if (!matteo) throw new Error('no enrolment for Matteo');
    const outbox = await desk.count('outbox');
    // Saturday 7 November 2026: no lessons, nothing queued
    const saturday = await desk.call('school:absence', { enrolmentId: matteo.id, day: '2026-11-07' });
    expect(saturday.ok ? null : saturday.error.code).toBe('school_not_a_school_day');
    if (!saturday.ok) expect(saturday.error.message).toContain('sabato o domenica');
    // a three-decimal ISEE is refused in words, nothing queued
    const bad = await desk.call('school:isee', {
      payerCodiceFiscale: 'FRRPLA85M10B885M',
      isee: { ...FERRARI_ISEE, value: '5000,123' },
    });
    expect(bad.ok ? null : bad.error.code).toBe('isee_value_invalid');
    expect(await desk.count('outbox')).toBe(outbox);

    await desk.ok('school:absence', { enrolmentId: matteo.id, day: '2026-11-04' });
    await desk.ok('school:isee', {
      payerCodiceFiscale: 'FRRPLA85M10B885M',
      isee: {
        ...FERRARI_ISEE,
        value: '5.500,00',
        dsuProtocol: 'INPS-ISEE-2026-000654321-00',
        issuedOn: '2026-11-02',
      },
    });
    const withdrawn = await desk.ok<SchoolEnrolmentView>('school:withdraw', {
      enrolmentId: matteo.id,
      fromMonth: '2027-01',
      reason: 'trasferimento ad altra scuola',
    });
    expect(withdrawn.endMonth).toBe('2027-01');
    await desk.core.sync.syncOnce();
    await desk.core.sync.syncOnce();
    expect(await exceptions()).toEqual([]);
    expect(await desk.count('outbox')).toBe(0);
    const after = await desk.ok<SchoolEnrolmentView[]>('school:list', {
      by: 'child',
      residentId: 'r-matteo',
    });
    expect(after[0]).toMatchObject({ status: 'withdrawn', endMonth: '2027-01' });
    // the new statement applies from the next month; the history keeps the first one
    const account = await desk.ok<SchoolAccountView>('school:account', {
      payerCodiceFiscale: 'FRRPLA85M10B885M',
    });
    expect(account.iseeHistory.map((h) => [h.fromMonth, h.valueCents])).toEqual([
      ['2026-10', 800_000],
      ['2026-12', 550_000],
    ]);
    // the next enrolment form starts from the statement in force this month: nothing to type again
    const h = await desk.ok<SchoolHouseholdView>('school:household', { residentId: 'r-giulia' });
    expect(h.payers[0]?.isee).toMatchObject({ valueCents: 800_000, expiresOn: '2026-12-31' });
  });

  it('enrols a non-resident child entered by hand: the non-resident tariff, whatever the ISEE', async () => {
    const manual = {
      ...enrolment('x', '3A'),
      child: {
        kind: 'manual',
        codiceFiscale: 'bnclra18a41l219k',
        surname: 'Bianchi',
        givenNames: 'Laura',
        birthDate: '2018-01-01',
      },
      payer: {
        kind: 'manual',
        codiceFiscale: 'BNCMRC80A01L219U',
        name: 'Bianchi Marco',
        address: 'Via Po 1, 10100 Torino',
      },
    };
    const typo = await desk.ok<SchoolQuoteView>('school:quote', {
      ...manual,
      child: { ...manual.child, codiceFiscale: 'BNCLRA18A41L219X' },
    });
    expect(typo.refusals.map((r) => r.code)).toContain('school_codice_fiscale_invalid');
    const q = await desk.ok<SchoolQuoteView>('school:quote', manual);
    expect(q.ok).toBe(true);
    expect(q.band).toMatchObject({ chosenBy: 'non_resident', unitPriceCents: 550 });
    const e = await desk.ok<SchoolEnrolmentView>('school:enrol', manual);
    expect(e.child).toMatchObject({ codiceFiscale: 'BNCLRA18A41L219K', resident: false, residentId: null });
    await desk.core.sync.syncOnce();
    await desk.core.sync.syncOnce();
    expect(await exceptions()).toEqual([]);
    const synced = await desk.ok<SchoolEnrolmentView[]>('school:list', {
      by: 'child',
      codiceFiscale: 'BNCLRA18A41L219K',
    });
    expect(synced[0]).toMatchObject({ status: 'active', siblingRank: 1 });
    expect(synced[0]?.band).toMatchObject({ chosenBy: 'non_resident', unitPriceCents: 550 });
  });

  it('shows before acting what a new ISEE, a withdrawal and an absence do to the bill; the next run credits the absence', async () => {
    const payerCodiceFiscale = 'FRRPLA85M10B885M';
    const list = await desk.ok<SchoolEnrolmentView[]>('school:list', {
      by: 'payer',
      codiceFiscale: payerCodiceFiscale,
    });
    const giulia = list.find((e) => e.child.givenNames === 'Giulia');
    if (!giulia) throw new Error('no enrolment for Giulia');
    // the absence of 4 November was marked before November's run: the meal is simply not charged
    const marked = await desk.ok<SchoolAbsenceView[]>('school:absences', { payerCodiceFiscale });
    expect(marked.map((x) => [x.childLabel, x.day, x.effect, x.unitPriceCents, x.pending])).toEqual([
      ['Ferrari Matteo', '2026-11-04', 'not_billed', 280, false],
    ]);
    // 5 October was billed: marked now, it is a credit of € 3,50 on the next notice
    await desk.ok('school:absence', { enrolmentId: giulia.id, day: '2026-10-05' });
    const credit = await desk.ok<SchoolAbsenceView[]>('school:absences', { payerCodiceFiscale });
    expect(credit.find((x) => x.day === '2026-10-05')).toMatchObject({
      effect: 'credit_next',
      unitPriceCents: 350,
      pending: true,
    });

    // a new ISEE of € 12.000,00 recorded in November: from December, the band of each child
    const before = await snapshot();
    const isee = {
      ...FERRARI_ISEE,
      value: '12.000,00',
      dsuProtocol: 'INPS-ISEE-2026-000777777-00',
      issuedOn: '2026-11-02',
    };
    const p = await desk.ok<SchoolIseePreviewView>('school:iseePreview', { payerCodiceFiscale, isee });
    expect(p.fromMonth).toBe('2026-12');
    expect(p.refusals).toEqual([]);
    const giuliaRow = p.rows.find((r) => r.childLabel === 'Ferrari Giulia');
    expect(giuliaRow?.before).toMatchObject({ iseeCents: 550_000 });
    expect(giuliaRow?.after).toMatchObject({ iseeCents: 1_200_000, chosenBy: 'isee' });
    expect(giuliaRow?.after?.unitPriceCents ?? 0).toBeGreaterThan(giuliaRow?.before?.unitPriceCents ?? 0);
    const wrong = await desk.ok<SchoolIseePreviewView>('school:iseePreview', {
      payerCodiceFiscale,
      isee: { ...isee, value: '12000,005' },
    });
    expect(wrong.refusals.map((r) => r.code)).toEqual(['isee_value_invalid']);
    // withdrawing Giulia from December: Matteo becomes child no. 1 and loses the sibling discount
    const w = await desk.ok<SchoolWithdrawPreviewView>('school:withdrawPreview', {
      enrolmentId: giulia.id,
      fromMonth: '2026-12',
    });
    expect(w).toMatchObject({ lastMonth: '2026-11', alreadyBilled: [] });
    expect(w.siblings.map((s) => [s.childLabel, s.siblingRank, s.afterRank])).toEqual([
      ['Ferrari Matteo', 2, 1],
    ]);
    expect(w.siblings[0]?.after?.unitPriceCents ?? 0).toBeGreaterThan(
      w.siblings[0]?.before?.unitPriceCents ?? 0,
    );
    // previews store nothing
    expect(await snapshot()).toEqual(before);

    await desk.core.sync.syncOnce();
    const { runBilling } = await import('../../../hub/school/billing-run');
    clock.move(30); // 1 December: the run for November
    const report = await runBilling(hub.hubDb.db, 'B885', '2026-11', clock.now());
    expect(report.rejected).toEqual([]);
    await desk.login();
    await desk.core.sync.syncOnce();
    await desk.core.sync.syncOnce();
    const credited = await desk.ok<SchoolAbsenceView[]>('school:absences', { payerCodiceFiscale });
    expect(credited.find((x) => x.day === '2026-10-05')).toMatchObject({
      effect: 'credited',
      creditMonth: '2026-11',
      pending: false,
    });
    const account = await desk.ok<SchoolAccountView>('school:account', { payerCodiceFiscale });
    const november = account.months.find((m) => m.month === '2026-11');
    expect(
      november?.lines.filter((l) => l.kind === 'correzione').map((l) => [l.month, l.amountCents]),
    ).toEqual([['2026-10', -350]]);
  });
});
