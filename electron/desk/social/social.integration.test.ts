import { uuidv7 } from 'uuidv7';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseDetail } from '../../../shared/contract/case-views';
import type { HouseholdView, IbanCheckView, SadQuoteView } from '../../../shared/social/social-calls';
import type { ContributoView, SadView } from '../../../shared/social/social-views';
import { serviceRegistryListener } from '../../../hub/services/merge';
import { setWorkstationOffices } from '../../../hub/admin/workstations';
import { SOCIAL_OFFICE } from '../../../shared/social/social-access';
import { testClock } from '../../../test-support/case-fixtures';
import { startTestDesk, type TestDesk } from '../../../test-support/desk-harness';
import { HUB_BACKENDS } from '../../../test-support/hub-backends';
import { startTestHub, type TestHub } from '../../../test-support/running-hub';

/** The textbook Italian IBAN (check digits 60); 61 is the same account with a typo. */
const IBAN = 'IT60 X054 2811 1010 0000 0123 456';
const IBAN_TYPO = 'IT61 X054 2811 1010 0000 0123 456';

const ISEE = {
  type: 'ordinario',
  value: '6.000,01',
  dsuProtocol: 'INPS-ISEE-2026-000123456-00',
  issuedOn: '2026-02-10',
} as const;

const NO_DISABILITY = { invalidityPct: null, l104: 'none', accompanyingAllowance: false } as const;

describe.each(HUB_BACKENDS)('social services at the counter (desk core over a real %s hub)', (backend) => {
  const clock = testClock('2026-05-04T09:00:00Z');
  let hub: TestHub;
  let desk: TestDesk;
  /** a resident living with others (a household to show) */
  let beneficiaryId = '';
  let householdSize = 0;

  const n = async (t: 'social_contributi' | 'social_sad' | 'cases' | 'outbox' | 'audit_log') =>
    Number(
      (
        await desk.core.ctx.db
          .selectFrom(t)
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const snapshot = async () => ({
    contributi: await n('social_contributi'),
    sad: await n('social_sad'),
    cases: await n('cases'),
    outbox: await n('outbox'),
  });
  const exceptions = () =>
    desk.core.ctx.db.selectFrom('sync_exceptions').select(['name', 'code', 'message']).execute();

  beforeAll(async () => {
    hub = await startTestHub(backend, clock.now);
    // the office's own counter: social records reach no other workstation's mirror
    await setWorkstationOffices(hub.hubDb.db, 'Casale - Anagrafe 1', [SOCIAL_OFFICE]);
    desk = await startTestDesk(hub, { workstation: 'Casale - Servizi sociali', now: clock.now });
    await desk.core.sync.syncOnce();
    const family = await desk.core.ctx.db
      .selectFrom('residents')
      .select(['family_id', (eb) => eb.fn.countAll().as('n')])
      .where('status', '=', 'resident')
      .groupBy('family_id')
      .having((eb) => eb.fn.countAll(), '>=', 3)
      .orderBy('family_id')
      .executeTakeFirstOrThrow();
    const person = await desk.core.ctx.db
      .selectFrom('residents')
      .select('id')
      .where('family_id', '=', family.family_id)
      .where('status', '=', 'resident')
      .orderBy('birth_date')
      .executeTakeFirstOrThrow();
    beneficiaryId = person.id;
    householdSize = Number(family.n);
  });
  afterAll(async () => {
    await desk?.close();
    await hub?.close();
  });

  const application = () => ({
    beneficiaryId,
    requester: {
      role: 'amministratore_sostegno',
      surname: 'Bianchi',
      givenNames: 'Anna',
      codiceFiscale: 'BNCNNA70A41B885X',
      decree: 'Trib. Alessandria, decreto n. 123/2026 del 12/03/2026',
    },
    isee: ISEE,
    disability: { invalidityPct: 100, l104: 'art3c3', accompanyingAllowance: true },
    iban: IBAN,
    need: 'reddito',
    needNote: 'Pensione minima, affitto arretrato',
  });

  it('a clerk outside the social-services office is refused every social call, and nothing is read', async () => {
    await desk.login('anagrafe.casale');
    const auditBefore = await n('audit_log');
    const before = await snapshot();
    for (const [name, input] of [
      ['social:household', { residentId: beneficiaryId }],
      ['social:contributi', {}],
      ['social:sads', {}],
      ['social:waitingList', {}],
      ['social:contributoApply', application()],
    ] as const) {
      const res = await desk.call(name, input);
      expect(res.ok, name).toBe(false);
      if (!res.ok) {
        expect(res.error.code).toBe('social_office_only');
        expect(res.error.message).toContain('ufficio servizi sociali');
      }
    }
    expect(await snapshot()).toEqual(before);
    // no read of a social record happened, so none is logged either
    const reads = await desk.core.ctx.db
      .selectFrom('audit_log')
      .select('action')
      .where('seq', '>', auditBefore)
      .where('action', 'like', 'social%')
      .execute();
    expect(reads).toEqual([]);
  });

  it('the office sees the beneficiary’s household from the registry, the read audited', async () => {
    await desk.login('assistente.sociale');
    expect(desk.core.ctx.state.session?.info.clerk.offices).toContain('servizi_sociali');
    const h = await desk.ok<HouseholdView>('social:household', { residentId: beneficiaryId });
    expect(h.beneficiary.personId).toBe(beneficiaryId);
    expect(h.household).toHaveLength(householdSize - 1);
    const last = await desk.core.ctx.db
      .selectFrom('audit_log')
      .select(['action', 'clerk', 'entity_id', 'reason'])
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow();
    expect(last).toMatchObject({
      action: 'social.read',
      clerk: 'assistente.sociale',
      reason: 'social:household',
    });
    expect(last.entity_id).toContain(beneficiaryId);
  });

  it('an IBAN with wrong check digits is refused live, and on filing with nothing queued', async () => {
    const live = await desk.ok<IbanCheckView>('social:checkIban', { iban: IBAN_TYPO });
    expect(live.ok).toBe(false);
    if (!live.ok) {
      expect(live.code).toBe('social_iban_invalid');
      expect(live.message).toContain('errore di battitura');
    }
    expect(await desk.ok<IbanCheckView>('social:checkIban', { iban: IBAN })).toEqual({
      ok: true,
      iban: 'IT60X0542811101000000123456',
    });
    const before = await snapshot();
    const res = await desk.call('social:contributoApply', { ...application(), iban: IBAN_TYPO });
    expect(res.ok).toBe(false);
    if (!res.ok) expect(res.error.code).toBe('social_iban_invalid');
    expect(await snapshot()).toEqual(before);
  });

  it('other bad input is refused in words with nothing changed: no decree, a negative or over-precise ISEE', async () => {
    const before = await snapshot();
    const refusal = async (input: unknown) => {
      const res = await desk.call('social:contributoApply', input);
      if (res.ok) throw new Error('expected a refusal');
      return res.error;
    };
    const noDecree = await refusal({
      ...application(),
      requester: { ...application().requester, decree: '' },
    });
    expect(noDecree.code).toBe('social_decree_missing');
    expect(noDecree.message).toContain('amministratore di sostegno');
    expect((await refusal({ ...application(), isee: { ...ISEE, value: '-10' } })).code).toBe(
      'social_isee_invalid',
    );
    expect((await refusal({ ...application(), isee: { ...ISEE, value: '6000,001' } })).code).toBe(
      'social_isee_invalid',
    );
    expect(await snapshot()).toEqual(before);
  });

  let filed: ContributoView;

  it('files a contributo offline: the case is in the local queue at once, awaiting its protocol number', async () => {
    filed = await desk.ok<ContributoView>('social:contributoApply', application());
    expect(filed).toMatchObject({
      status: 'applied',
      pending: true,
      protocolNumber: null,
      iban: 'IT60X0542811101000000123456',
      need: 'reddito',
    });
    expect(filed.requester).toMatchObject({
      role: 'amministratore_sostegno',
      decree: expect.stringContaining('123/2026'),
    });
    expect(filed.isee?.valueCents).toBe(600_001);
    expect(filed.household).toHaveLength(householdSize - 1);
    const kase = await desk.ok<CaseDetail>('cases:get', { id: filed.caseId });
    expect(kase.protocol).toBeNull();
    expect(kase.procedure.code).toBe('contributo_economico');
    // the queue is seen by every clerk: the subject carries no income or health data
    expect(kase.subject).not.toMatch(/ISEE|104|invalid/i);
    expect(await n('outbox')).toBe(1);
  });

  it('synced: exactly one protocol number, the hub’s record back on the counter', async () => {
    await desk.core.sync.syncOnce();
    await desk.core.sync.syncOnce();
    expect(await exceptions()).toEqual([]);
    expect(await n('outbox')).toBe(0);
    const register = await hub.hubDb.db
      .selectFrom('protocol_register')
      .select('number')
      .where('case_id', '=', filed.caseId)
      .execute();
    expect(register).toHaveLength(1);
    const got = await desk.ok<ContributoView>('social:contributo', { contributoId: filed.id });
    expect(got.pending).toBe(false);
    expect(got.protocolNumber).toBe(`2026/${String(register[0]?.number).padStart(7, '0')}`);
    expect(got.status).toBe('applied');
    await desk.core.sync.syncOnce();
    expect(
      await hub.hubDb.db
        .selectFrom('protocol_register')
        .select('number')
        .where('case_id', '=', filed.caseId)
        .execute(),
    ).toHaveLength(1);
    const list = await desk.ok<ContributoView[]>('social:contributi', { beneficiaryId });
    expect(list.map((c) => c.id)).toEqual([filed.id]);
  });

  it('the worker’s assessment, the four-eyes approval: the payment schedule on the counter', async () => {
    const tooMuch = await desk.call('social:assessment', {
      contributoId: filed.id,
      assessment: 'Nucleo monoreddito con arretrati di affitto',
      project: 'Sostegno al reddito con verifica mensile',
      amount: '3.000,00',
      startOn: '2026-05-10',
      endOn: '2026-08-31',
    });
    expect(tooMuch.ok).toBe(false);
    if (!tooMuch.ok) expect(tooMuch.error.code).toBe('social_amount_invalid');
    const assessed = await desk.ok<ContributoView>('social:assessment', {
      contributoId: filed.id,
      assessment: 'Nucleo monoreddito con arretrati di affitto',
      project: 'Sostegno al reddito con verifica mensile',
      amount: '300,00',
      startOn: '2026-05-10',
      endOn: '2026-08-31',
    });
    expect(assessed).toMatchObject({ status: 'assessed', amountCents: 30_000, pending: true });
    for (const event of [
      { type: 'take_in_charge' },
      { type: 'propose', outcome: 'approve', reason: 'Bisogno accertato dalla visita' },
    ]) {
      await desk.ok<CaseDetail>('cases:transition', { caseId: filed.caseId, event });
    }
    await desk.login('supervisore.sociale');
    await desk.ok<CaseDetail>('cases:transition', { caseId: filed.caseId, event: { type: 'approve' } });
    await desk.core.sync.syncOnce();
    await desk.core.sync.syncOnce();
    expect(await exceptions()).toEqual([]);
    const approved = await desk.ok<ContributoView>('social:contributo', { contributoId: filed.id });
    expect(approved.status).toBe('approved');
    expect(approved.schedule.map((p) => [p.month, p.dueOn, p.amountCents, p.status])).toEqual([
      ['2026-05', '2026-05-10', 30_000, 'scheduled'],
      ['2026-06', '2026-06-01', 30_000, 'scheduled'],
      ['2026-07', '2026-07-01', 30_000, 'scheduled'],
      ['2026-08', '2026-08-01', 30_000, 'scheduled'],
    ]);
  });

  it('a death in the registry stops the payments: the counter shows the stop after the next pull', async () => {
    const ws = await hub.hubDb.db
      .selectFrom('workstations')
      .select(['id', 'comune'])
      .where('comune', '=', 'B885')
      .executeTakeFirstOrThrow();
    await hub.hubDb.db.transaction().execute((trx) =>
      serviceRegistryListener()(trx, {
        kind: 'deceased',
        comune: 'B885',
        residentId: beneficiaryId,
        familyId: null,
        street: null,
        on: '2026-06-20',
        at: new Date().toISOString(),
        cause: { workstation: ws, mutationId: uuidv7(), clerk: 'anagrafe.casale' },
      }),
    );
    await desk.core.sync.syncOnce();
    const stopped = await desk.ok<ContributoView>('social:contributo', { contributoId: filed.id });
    expect(stopped.status).toBe('stopped');
    expect(stopped.stop).toMatchObject({ on: '2026-06-20', reason: 'deceased' });
    expect(stopped.schedule.map((p) => p.status)).toEqual(['scheduled', 'scheduled', 'stopped', 'stopped']);
    await desk.login('assistente.sociale');
  });

  it('SAD: application, home visit, the PAI priced live per operator, zero hours refused with nothing queued', async () => {
    const sad = await desk.ok<SadView>('social:sadApply', {
      beneficiaryId,
      requester: { role: 'self' },
      isee: { ...ISEE, type: 'sociosanitario', value: '9.000,00' },
      disability: NO_DISABILITY,
      needNote: 'Non autosufficiente dopo la frattura',
    });
    expect(sad.status).toBe('applied');
    const visited = await desk.ok<SadView>('social:sadVisit', {
      sadId: sad.id,
      visitedOn: '2026-05-04',
      livesAlone: true,
      notes: 'Casa con scale, serve aiuto per l’igiene',
    });
    expect(visited.status).toBe('visited');
    // Casale's DEMO SAD table 2026: €2.00→12.00 linear across €3,000.01-15,000 → at €9,000
    const one = await desk.ok<SadQuoteView>('social:sadQuote', {
      sadId: sad.id,
      hoursPerWeek: 4,
      operators: 1,
    });
    const two = await desk.ok<SadQuoteView>('social:sadQuote', {
      sadId: sad.id,
      hoursPerWeek: 4,
      operators: 2,
    });
    expect(one.ok).toBe(true);
    expect(one.hourlyRateCents).toBe(two.hourlyRateCents);
    expect(two.allOperatorsCents).toBe(2 * (one.hourlyRateCents ?? 0));
    expect(one.hourlyRateCents).toBe(700);
    expect(one.monthlyEstimateCents).toBe(Math.round((4 * 700 * 52) / 12));
    const zero = await desk.ok<SadQuoteView>('social:sadQuote', {
      sadId: sad.id,
      hoursPerWeek: 0,
      operators: 1,
    });
    expect(zero.ok).toBe(false);
    expect(zero.refusals.map((r) => r.code)).toEqual(['sad_hours_zero']);
    const before = await snapshot();
    const res = await desk.call('social:sadPlan', {
      sadId: sad.id,
      hoursPerWeek: 0,
      operators: 1,
      tasks: ['igiene_personale'],
    });
    expect(res.ok).toBe(false);
    if (!res.ok) expect(res.error.code).toBe('sad_hours_zero');
    expect(await snapshot()).toEqual(before);
    const planned = await desk.ok<SadView>('social:sadPlan', {
      sadId: sad.id,
      hoursPerWeek: 4,
      operators: 2,
      tasks: ['igiene_personale', 'aiuto_domestico'],
      provider: 'Cooperativa Il Ponte',
    });
    expect(planned.status).toBe('planned');
    expect(planned.plan).toMatchObject({ hoursPerWeek: 4, operators: 2, hourlyRateCents: 700 });
    await desk.core.sync.syncOnce();
    await desk.core.sync.syncOnce();
    expect(await exceptions()).toEqual([]);
    const synced = await desk.ok<SadView>('social:sad', { sadId: sad.id });
    expect(synced.pending).toBe(false);
    expect(synced.plan?.hourlyRateCents).toBe(700);
    // starting is the supervisor's
    const notYours = await desk.call('social:sadStart', { sadId: sad.id, startOn: '2026-05-11' });
    expect(notYours.ok).toBe(false);
    await desk.login('supervisore.sociale');
    const started = await desk.ok<SadView>('social:sadStart', { sadId: sad.id, startOn: '2026-05-11' });
    expect(started.pending).toBe(true);
    await desk.core.sync.syncOnce();
    await desk.core.sync.syncOnce();
    expect(await exceptions()).toEqual([]);
    // a free place among the comune's (DEMO) ones: started, nobody waiting
    const active = await desk.ok<SadView>('social:sad', { sadId: sad.id });
    expect(active).toMatchObject({ status: 'active', startedOn: '2026-05-11', pending: false });
    expect(await desk.ok('social:waitingList')).toEqual([]);
    // the waiting list is the supervisors': the social worker is told so, in words
    await desk.login('assistente.sociale');
    const refused = await desk.call('social:waitingList');
    expect(refused.ok).toBe(false);
    if (!refused.ok) {
      expect(refused.error.code).toBe('social_supervisors_only');
      expect(refused.error.message).toContain('solo ai responsabili dell’ufficio servizi sociali');
    }
  });
});
