import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CanoneLetterPdfView, CanoneOptionsView } from '../../../shared/canone/canone-calls';
import type {
  ActiveStreetView,
  CanoneApplicationView,
  CanonePdfView,
  CanoneQuoteView,
  SubmittedCanoneView,
} from '../../../shared/canone/canone-views';
import type { CaseDetail } from '../../../shared/contract/case-views';
import { parseNoticeNumber } from '../../../shared/pagopa/notice-number';
import { testClock } from '../../../test-support/case-fixtures';
import { startTestDesk, type TestDesk } from '../../../test-support/desk-harness';
import { HUB_BACKENDS } from '../../../test-support/hub-backends';
import { startTestHub, type TestHub } from '../../../test-support/running-hub';
import { extractPdfText, flat } from '../documents/pdf-test-helpers';

/** A bar with a valid partita IVA (check digit computed by the rule: 0234567006 → 7). */
const BAR = {
  kind: 'company',
  partitaIva: '02345670067',
  name: 'Bar Roma di Rossi & C. s.n.c.',
  pec: 'barroma@pec.example.it',
} as const;

/** DOMAIN.md §5.4's first worked example: Casale, dehors 12 m², zone 1, 90 days → € 1,047.17. */
const DEHORS = {
  street: 'via roma',
  civic: '5',
  category: 'dehors',
  regime: 'temporary',
  measure: 12,
  start: '2026-06-01',
  end: '2026-08-29',
} as const;

describe.each(HUB_BACKENDS)('canone unico at the counter (desk core over a real %s hub)', (backend) => {
  const clock = testClock('2026-05-04T09:00:00Z');
  let hub: TestHub;
  let desk: TestDesk;

  /** What a refused call must leave untouched: the mirror, the local queue, the outbox. */
  const snapshot = async () => {
    const db = desk.core.ctx.db;
    const n = async (t: 'canone_applications' | 'cases' | 'outbox') =>
      Number(
        (
          await db
            .selectFrom(t)
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    return {
      applications: await n('canone_applications'),
      cases: await n('cases'),
      outbox: await n('outbox'),
    };
  };
  const refusedWith = async (input: unknown) => {
    const before = await snapshot();
    const res = await desk.call('canone:apply', input);
    expect(await snapshot()).toEqual(before);
    if (res.ok) throw new Error('expected a refusal');
    return res.error;
  };

  /** what the hub refused, in its words (none expected) */
  const exceptions = () =>
    desk.core.ctx.db.selectFrom('sync_exceptions').select(['name', 'code', 'message']).execute();

  beforeAll(async () => {
    hub = await startTestHub(backend, clock.now);
    desk = await startTestDesk(hub, { workstation: 'Casale - Suolo pubblico', now: clock.now });
    await desk.core.sync.syncOnce();
    await desk.login();
  });
  afterAll(async () => {
    await desk?.close();
    await hub?.close();
  });

  it('offers the categories in force with their unit and the streets with their tariff zone', async () => {
    const options = await desk.ok<CanoneOptionsView>('canone:options');
    expect(options.today).toBe('2026-05-04');
    const dehors = options.categories.find((c) => c.code === 'dehors');
    expect(dehors).toMatchObject({
      unit: 'm2',
      temporaryCoefficient: 0.808,
      procedureCode: 'occupazione_suolo_pubblico',
    });
    expect(options.categories.find((c) => c.code === 'passo_carrabile')?.unit).toBe('ml');
    expect(options.categories.find((c) => c.code === 'insegna')?.procedureCode).toBe(
      'esposizione_pubblicitaria',
    );
    const zoneOf = (name: string) =>
      options.streets.find((s) => `${s.streetType} ${s.streetName}` === name)?.zone;
    expect(zoneOf('Via Roma')).toBe('1');
    expect(zoneOf('Corso Giovane Italia')).toBe('2');
    expect(zoneOf('Strada Vialarda')).toBe('3');
  });

  it('quotes the dehors live to the cent with its breakdown, stores nothing', async () => {
    const before = await snapshot();
    const quote = await desk.ok<CanoneQuoteView>('canone:quote', { ...DEHORS, applicant: BAR });
    expect(quote.ok).toBe(true);
    expect(quote.zone).toBe('1');
    expect(quote.fee?.totalCents).toBe(104_717);
    expect(quote.fee?.days).toBe(90);
    expect(quote.fee?.lines.map((l) => l.code)).toContain('total');
    // one notice, due 30 days after an approval today [U]
    expect(quote.instalments).toEqual([{ n: 1, amountCents: 104_717, dueDate: '2026-06-03' }]);
    // evenings only, where the comune allows hourly fractions: a part of the daily tariff
    const evenings = await desk.ok<CanoneQuoteView>('canone:quote', {
      ...DEHORS,
      hours: { from: '18:00', to: '23:00' },
    });
    expect(evenings.fee?.hoursPerDay).toBe(5);
    expect(evenings.fee?.totalCents).toBeLessThan(104_717);
    expect(await snapshot()).toEqual(before);
  });

  it('shows every problem live and refuses to file bad input with nothing changed', async () => {
    const quote = await desk.ok<CanoneQuoteView>('canone:quote', {
      ...DEHORS,
      street: 'Via dei Mille Inesistenti',
      measure: -3,
      applicant: { ...BAR, partitaIva: '02345670068' },
    });
    expect(quote.ok).toBe(false);
    expect(quote.refusals.map((r) => r.code).sort()).toEqual(
      ['canone_measure_invalid', 'canone_street_unknown', 'partita_iva_check_digit'].sort(),
    );
    expect(quote.refusals.find((r) => r.code === 'partita_iva_check_digit')?.message).toContain(
      'dovrebbe essere 7',
    );

    expect((await refusedWith({ ...DEHORS, measure: 0, applicant: BAR })).code).toBe(
      'canone_measure_invalid',
    );
    expect((await refusedWith({ ...DEHORS, end: '2026-05-20', applicant: BAR })).code).toBe(
      'canone_period_invalid',
    );
    expect((await refusedWith({ ...DEHORS, street: 'Via Inventata', applicant: BAR })).code).toBe(
      'canone_street_unknown',
    );
    expect((await refusedWith({ ...DEHORS, applicant: { ...BAR, partitaIva: '0234567006' } })).code).toBe(
      'partita_iva_invalid',
    );
    expect((await refusedWith({ ...DEHORS, ownSign: true, applicant: BAR })).code).toBe(
      'canone_own_sign_not_advertising',
    );
  });

  let filed: CanoneApplicationView;

  it('files offline: the case is in the local queue at once, awaiting its protocol number', async () => {
    const res = await desk.ok<SubmittedCanoneView>('canone:apply', { ...DEHORS, applicant: BAR });
    filed = res.application;
    expect(filed).toMatchObject({
      status: 'submitted',
      pending: true,
      protocol: null,
      address: 'Via Roma 5',
      zone: '1',
      unit: 'm2',
    });
    expect(filed.fee.totalCents).toBe(104_717);
    expect(filed.applicant).toMatchObject({
      kind: 'company',
      partitaIva: '02345670067',
      seat: 'Via Roma 5, Casale Monferrato',
    });
    const kase = await desk.ok<CaseDetail>('cases:get', { id: filed.caseId });
    expect(kase.protocol).toBeNull();
    expect(kase.subject).toBe(
      'Occupazione suolo pubblico: Dehors di bar e ristoranti 12 m², Via Roma 5, 01/06/2026–29/08/2026',
    );
    expect(await desk.count('outbox')).toBe(1);
  });

  it('a second dehors at the same civic number beyond the spot’s 30 m² is refused, naming the booking', async () => {
    const error = await refusedWith({
      ...DEHORS,
      measure: 20,
      start: '2026-08-01',
      end: '2026-08-31',
      applicant: BAR,
    });
    expect(error.code).toBe('canone_spot_full');
    expect(error.message).toContain('Via Roma 5');
    expect(error.message).toContain('12 m² su 30');
  });

  it('synced: exactly one protocol number, the hub’s fee, the case in the supervisors’ queue', async () => {
    await desk.core.sync.syncOnce();
    await desk.core.sync.syncOnce();
    expect(await desk.count('outbox')).toBe(0);
    expect(await exceptions()).toEqual([]);
    const register = await hub.hubDb.db
      .selectFrom('protocol_register')
      .select(['number', 'case_id'])
      .where('case_id', '=', filed.caseId)
      .execute();
    expect(register).toHaveLength(1);
    const got = await desk.ok<CanoneApplicationView>('canone:get', { applicationId: filed.id });
    expect(got.pending).toBe(false);
    expect(got.protocol).toBe(`2026/${String(register[0]?.number).padStart(7, '0')}`);
    expect(got.fee.totalCents).toBe(104_717);
    const kase = await desk.ok<CaseDetail>('cases:get', { id: filed.caseId });
    expect(kase.protocol).toBe(got.protocol);
    expect(kase.status).toBe('registered');
    expect(kase.deadline.dueDate).toBe('2026-06-03');
    expect(
      await desk.ok<CanoneApplicationView | null>('canone:forCase', { caseId: filed.caseId }),
    ).toMatchObject({
      id: filed.id,
    });
    const submitted = await desk.ok<CanoneApplicationView[]>('canone:list', { status: 'submitted' });
    expect(submitted.map((a) => a.id)).toEqual([filed.id]);
    expect(await desk.ok<CanoneApplicationView[]>('canone:list', { status: 'approved' })).toEqual([]);
    // while under review the office can print the art. 10-bis letter; there is no concession yet
    const letter = await desk.ok<CanoneLetterPdfView>('canone:refusalNoticePdf', {
      applicationId: filed.id,
      reasons: 'Il marciapiede non lascia 2 m liberi ai pedoni',
    });
    const letterText = flat((await extractPdfText(Buffer.from(letter.pdfBase64, 'base64'))).join(' '));
    expect(letterText).toContain(`protocollo n. ${got.protocol}`);
    expect((await desk.call('canone:concessionPdf', { applicationId: filed.id })).ok).toBe(false);
    // syncing again numbers nothing twice
    await desk.core.sync.syncOnce();
    expect(
      await hub.hubDb.db
        .selectFrom('protocol_register')
        .select('number')
        .where('case_id', '=', filed.caseId)
        .execute(),
    ).toHaveLength(1);
  });

  it('a supervisor approves the case: the concession and its pagoPA notice under segregation code 47', async () => {
    await desk.login('supervisore.casale');
    for (const event of [
      { type: 'take_in_charge' },
      {
        type: 'propose',
        outcome: 'approve',
        reason: 'Spazio libero, parere favorevole della Polizia Locale',
      },
      { type: 'approve' },
    ]) {
      await desk.ok<CaseDetail>('cases:transition', { caseId: filed.caseId, event });
    }
    await desk.core.sync.syncOnce();
    await desk.core.sync.syncOnce();
    expect(await exceptions()).toEqual([]);
    const got = await desk.ok<CanoneApplicationView>('canone:get', { applicationId: filed.id });
    expect(got.status).toBe('approved');
    expect(got.concession?.number).toMatch(/^CUS-B885-2026-\d{6}$/);
    expect(got.concession?.verificationUrl).toContain(`/verify/canone/${got.concession?.number}?k=`);
    expect(got.notices).toHaveLength(1);
    const notice = got.notices[0];
    expect(notice?.noticeNumber).toMatch(/^347\d{15}$/);
    expect(notice?.amountCents).toBe(104_717);
    expect(parseNoticeNumber(notice?.noticeNumber ?? '').ok).toBe(true);

    const pdf = await desk.ok<CanonePdfView>('canone:concessionPdf', { applicationId: filed.id });
    const text = flat((await extractPdfText(Buffer.from(pdf.pdfBase64, 'base64'))).join(' '));
    expect(text).toContain(got.concession?.number ?? '—');
    expect(text).toContain('1.047,17');
    expect(text).toContain(notice?.noticeNumber ?? '—');

    const active = await desk.ok<ActiveStreetView[]>('canone:active', { day: '2026-07-15' });
    expect(active).toEqual([expect.objectContaining({ street: 'Via Roma', zone: '1', totalM2: 12 })]);
    expect(await desk.ok<ActiveStreetView[]>('canone:active', { day: '2026-09-01' })).toEqual([]);
  });

  it('the bar pays the notice at the cash desk: the application shows it paid at once', async () => {
    const before = await desk.ok<CanoneApplicationView>('canone:get', { applicationId: filed.id });
    const noticeNumber = before.notices[0]?.noticeNumber ?? '';
    expect(before.notices[0]?.status).toBe('open');
    await desk.ok('cashdesk:open', { openingFloatCents: 0 });
    await desk.ok('cashdesk:pay', {
      debt: { kind: 'notice', key: noticeNumber },
      channel: 'pos',
      pspTransactionId: 'PSP-CANONE-1',
    });
    const after = await desk.ok<CanoneApplicationView>('canone:get', { applicationId: filed.id });
    expect(after.notices[0]).toMatchObject({ noticeNumber, status: 'paid' });
  });

  it('scaffolding in a frazione (zone 3) refused after the art. 10-bis notice: the counter shows it refused, with why', async () => {
    const scaffold = await desk.ok<SubmittedCanoneView>('canone:apply', {
      street: 'Strada Vialarda',
      civic: '40',
      category: 'ponteggi',
      regime: 'temporary',
      measure: 20,
      start: '2026-06-01',
      end: '2026-06-30',
      trafficAffected: true,
      applicant: { kind: 'person', codiceFiscale: 'RSSMRA72L09H501S', name: 'Rossi Mario' },
    });
    // 1.20 × 0.6 × 0.323 × 20 × 30 = 139.536 → € 139.54
    expect(scaffold.application).toMatchObject({
      zone: '3',
      fee: expect.objectContaining({ totalCents: 13_954 }),
    });
    await desk.core.sync.syncOnce();
    const caseId = scaffold.application.caseId;
    for (const event of [
      { type: 'take_in_charge' },
      {
        type: 'suspend',
        kind: 'refusal_notice',
        reason: 'La strada resta chiusa al transito per tutto giugno',
      },
      { type: 'resume', noticeReceivedOn: '2026-05-04', observationsReceivedOn: '2026-05-04' },
      { type: 'propose', outcome: 'reject', reason: 'Osservazioni non accolte: nessun percorso alternativo' },
      { type: 'reject', reason: 'Nessun percorso alternativo per i mezzi di soccorso' },
    ]) {
      await desk.ok<CaseDetail>('cases:transition', { caseId, event });
    }
    await desk.core.sync.syncOnce();
    await desk.core.sync.syncOnce();
    expect(await exceptions()).toEqual([]);
    const got = await desk.ok<CanoneApplicationView>('canone:get', {
      applicationId: scaffold.application.id,
    });
    expect(got).toMatchObject({ status: 'refused', statusLabel: 'Respinta', concession: null, notices: [] });
    expect(got.statusReason).not.toBeNull();
    const refusedList = await desk.ok<CanoneApplicationView[]>('canone:list', { status: 'refused' });
    expect(refusedList.map((a) => a.id)).toEqual([scaffold.application.id]);
  });

  it('a supervisor revokes the dehors from 31/07: a day outside the concession is refused first, nothing queued', async () => {
    const before = await desk.count('outbox');
    const early = await desk.call('canone:revoke', {
      applicationId: filed.id,
      endsOn: '2026-05-20',
      reason: 'Lavori urgenti alla rete del gas',
    });
    if (early.ok) throw new Error('expected a refusal');
    expect(early.error.code).toBe('canone_revoke_date_invalid');
    expect(await desk.count('outbox')).toBe(before);
    const revoked = await desk.ok<CanoneApplicationView>('canone:revoke', {
      applicationId: filed.id,
      endsOn: '2026-07-31',
      reason: 'Lavori urgenti alla rete del gas',
    });
    expect(revoked).toMatchObject({ status: 'revoked', pending: true });
    expect(revoked.concession?.validTo).toBe('2026-07-31');
    await desk.core.sync.syncOnce();
    await desk.core.sync.syncOnce();
    expect(await exceptions()).toEqual([]);
    const got = await desk.ok<CanoneApplicationView>('canone:get', { applicationId: filed.id });
    expect(got).toMatchObject({ status: 'revoked', statusReason: 'Lavori urgenti alla rete del gas' });
    expect(await desk.ok<ActiveStreetView[]>('canone:active', { day: '2026-08-10' })).toEqual([]);
    const again = await desk.call('canone:revoke', {
      applicationId: filed.id,
      endsOn: '2026-07-20',
      reason: 'di nuovo',
    });
    expect(again.ok ? null : again.error.code).toBe('canone_not_revocable');
  });
});

describe.each(HUB_BACKENDS)('two counters book the same spot offline (%s hub)', (backend) => {
  const clock = testClock('2026-05-04T09:00:00Z');
  let hub: TestHub;
  let a: TestDesk;
  let b: TestDesk;

  beforeAll(async () => {
    hub = await startTestHub(backend, clock.now);
    a = await startTestDesk(hub, { workstation: 'Casale - Sportello 1', now: clock.now });
    b = await startTestDesk(hub, {
      workstation: 'Casale - Sportello 2',
      token: await hub.enrol('Casale - Sportello 2'),
      now: clock.now,
    });
    await Promise.all([a.core.sync.syncOnce(), b.core.sync.syncOnce()]);
    await a.login();
    await b.login('anagrafe2.casale');
  });
  afterAll(async () => {
    await Promise.all([a?.close(), b?.close()]);
    await hub?.close();
  });

  it('the hub keeps the first, refuses the second in words, and the second counter drops its application and case', async () => {
    // each counter sees room for 20 m² of a 30 m² spot: neither knows of the other's yet
    const first = await a.ok<SubmittedCanoneView>('canone:apply', { ...DEHORS, measure: 20, applicant: BAR });
    const second = await b.ok<SubmittedCanoneView>('canone:apply', {
      ...DEHORS,
      measure: 20,
      start: '2026-07-01',
      end: '2026-07-31',
      applicant: { kind: 'resident', residentId: 'r-mario' },
    });
    expect(second.application.applicant).toMatchObject({
      kind: 'person',
      residentId: 'r-mario',
      name: 'Rossi Mario',
    });
    await a.core.sync.syncOnce();
    await b.core.sync.syncOnce();
    await b.core.sync.syncOnce();

    const refused = await b.core.ctx.db
      .selectFrom('sync_exceptions')
      .select(['name', 'code', 'message'])
      .execute();
    expect(refused).toEqual([expect.objectContaining({ name: 'canone.apply', code: 'canone_spot_full' })]);
    expect(refused[0]?.message).toContain('Via Roma 5');
    expect((await b.call('canone:get', { applicationId: second.application.id })).ok).toBe(false);
    expect((await b.call('cases:get', { id: second.application.caseId })).ok).toBe(false);
    // the second counter now has the first application from the hub: the spot is booked there too
    const mine = await b.ok<CanoneApplicationView>('canone:get', { applicationId: first.application.id });
    expect(mine.protocol).toMatch(/^2026\/\d{7}$/);
    const quote = await b.ok<CanoneQuoteView>('canone:quote', {
      ...DEHORS,
      measure: 20,
      start: '2026-07-01',
    });
    expect(quote.refusals.map((r) => r.code)).toContain('canone_spot_full');
    // one protocol number in all: the refused filing took none
    expect(await hub.hubDb.db.selectFrom('protocol_register').select('number').execute()).toHaveLength(1);
  });
});
