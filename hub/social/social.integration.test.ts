import { uuidv7 } from 'uuidv7';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { romeDateOf, romeDateTimeOf } from '../../shared/calendar/rome-date';
import {
  SOCIAL_API,
  SOCIAL_SAD_BILLING_PATH,
  SOCIAL_SAD_HOURS_PATH,
  SOCIAL_TREASURY_PATH,
  SOCIAL_WAITING_PATH,
} from '../../shared/social/social-paths';
import type { ContributoApply, SadApply, SadRecord } from '../../shared/social/social-wire';
import { LOGIN_PATH, PROTOCOL_VERSION, PUSH_PATH } from '../../shared/sync/registry-page';
import { HUB_BACKENDS } from '../../test-support/hub-backends';
import { startTestHub, type TestHub } from '../../test-support/running-hub';
import { DEMO_PASSWORD } from '../seed/demo-users';
import { setWorkstationOffices } from '../admin/workstations';
import { SOCIAL_OFFICE } from '../../shared/social/social-access';
import { serviceRegistryListener } from '../services/merge';
import { sadRateOn } from './social-appliers';
import { findContributo, findSad, saveSad } from './social-repository';
import { loadCase } from '../cases/case-repository';
import { contributoRecordSchema, sadRecordSchema } from '../../shared/social/social-wire';
import { insertHouseholds } from '../seed/seed-demo';
import {
  LONGEST_HOUSEHOLD,
  longestAssessment,
  longestContributoApplication,
  longestSadApplication,
} from '../../test-support/longest-records';

/**
 * Social services on a real hub over HTTP, SQLite and PostgreSQL: a contributo through the
 * four-eyes approval to its schedule and the treasury's CSV, stopped by a death with a queue
 * entry for the worker; SAD from application to the monthly notice, twice; the waiting list;
 * a clerk outside the social-services office refused, and every read audited.
 */

const now = () => romeDateTimeOf(new Date()).slice(0, 16);
const today = () => romeDateOf(new Date());
const thisMonth = () => today().slice(0, 7);
const WORKER = 'assistente.sociale';
const OFFICE_SUPERVISOR = 'supervisore.sociale';
const IBAN = 'IT60 X054 2811 1010 0000 0123 456';
const ISEE = {
  type: 'ordinario' as const,
  valueCents: 900_000,
  dsuProtocol: 'INPS-ISEE-2026-000012345-00',
  issuedOn: '2026-02-01',
  expiresOn: '2026-12-31',
};

describe.each(HUB_BACKENDS)('social services at the hub (%s)', (backend) => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startTestHub(backend);
    // the office's own counter (social records reach no other workstation)
    await setWorkstationOffices(hub.hubDb.db, 'Casale - Anagrafe 1', [SOCIAL_OFFICE]);
  });
  afterAll(async () => {
    await hub?.close();
  });

  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  type Json = Record<string, any>;
  const headers = (clerk?: string) => ({
    'content-type': 'application/json',
    'x-sportello-protocol': String(PROTOCOL_VERSION),
    authorization: `Bearer ${hub.casaleToken}`,
    ...(clerk ? { 'x-sportello-clerk': clerk } : {}),
  });
  const request = async (method: 'GET' | 'POST', path: string, body?: unknown, clerk?: string) => {
    const res = await fetch(hub.url + path, {
      method,
      headers: headers(clerk),
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await res.text();
    return {
      status: res.status,
      text,
      body: (text.startsWith('{') || text.startsWith('[') ? JSON.parse(text) : {}) as Json,
    };
  };
  const login = async (username: string): Promise<string> => {
    const r = await request('POST', LOGIN_PATH, { username, password: DEMO_PASSWORD });
    expect(r.status, r.text).toBe(200);
    return r.body.token as string;
  };
  const push = async (username: string, name: string, args: unknown): Promise<Json> => {
    const clerk = await login(username);
    const { status, body } = await request(
      'POST',
      PUSH_PATH,
      { mutations: [{ id: uuidv7(), name, args, clerk: username, at: new Date().toISOString() }] },
      clerk,
    );
    expect(status).toBe(200);
    return body.results[0] as Json;
  };
  const as = async (username: string, method: 'GET' | 'POST', path: string, body?: unknown) =>
    request(method, path, body, await login(username));
  const count = async (
    table: 'social_contributi' | 'social_sad' | 'cases' | 'debt_positions' | 'hub_audit',
  ) =>
    Number(
      (
        await hub.hubDb.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  const caseArgs = (procedureCode: string, at: string, subject: string) => ({
    caseId: uuidv7(),
    eventId: uuidv7(),
    at,
    procedureCode,
    applicantId: null,
    applicantName: "D'Amico Nicolò",
    subject,
    counterSeconds: 600,
    receiptDelivery: 'printed' as const,
    documents: [],
    residence: null,
  });
  const requester = {
    role: 'amministratore_sostegno' as const,
    personId: 'r-mario',
    surname: 'Rossi',
    givenNames: 'Mario',
    codiceFiscale: 'RSSMRA72L09H501S',
    decree: 'Trib. Vercelli, decreto n. 45/2026 del 10/03/2026',
  };
  const contributo = (over: Partial<ContributoApply> = {}): ContributoApply => {
    const at = now();
    return {
      contributoId: uuidv7(),
      at,
      beneficiaryId: 'r-nicolo',
      requester,
      isee: ISEE,
      disability: { invalidityPct: 100, l104: 'art3c3', accompanyingAllowance: true },
      iban: IBAN,
      need: 'reddito',
      needNote: 'Spese di affitto arretrate',
      case: caseArgs('contributo_economico', at, 'Contributo economico'),
      ...over,
    };
  };
  const sadApply = (beneficiaryId = 'r-anna'): SadApply => {
    const at = now();
    return {
      sadId: uuidv7(),
      at,
      beneficiaryId,
      requester: { ...requester, role: 'self', personId: null, decree: null },
      isee: ISEE,
      disability: { invalidityPct: 75, l104: 'art3c1', accompanyingAllowance: false },
      needNote: 'Aiuto per igiene personale e pasti',
      case: caseArgs('assistenza_domiciliare', at, 'Assistenza domiciliare'),
    };
  };

  let approvedId = '';

  it('files a contributo with the household from the registry, then the four-eyes approval gives the schedule', async () => {
    const args = contributo();
    expect(await push(WORKER, 'social.contributo', args)).toMatchObject({ status: 'applied' });
    const filed = await findContributo(hub.hubDb.db, 'B885', args.contributoId);
    expect(filed).toMatchObject({
      status: 'applied',
      iban: 'IT60X0542811101000000123456',
      beneficiary: { personId: 'r-nicolo', codiceFiscale: 'DMCNCL66D20B885V' },
      household: [{ personId: 'r-nicolo' }],
      band: { chosenBy: 'isee', warning: null },
    });
    const step = async (username: string, event: Json) =>
      push(username, 'cases.transition', { caseId: args.case.caseId, eventId: uuidv7(), at: now(), event });
    // an approval without the assessment is refused as a whole
    expect(await step(WORKER, { type: 'take_in_charge' })).toMatchObject({ status: 'applied' });
    expect(
      await step(WORKER, { type: 'propose', outcome: 'approve', reason: 'Bisogno accertato' }),
    ).toMatchObject({ status: 'applied' });
    expect(await step(OFFICE_SUPERVISOR, { type: 'approve' })).toMatchObject({
      status: 'rejected',
      error: { code: 'social_step_invalid' },
    });
    const start = today();
    const assessment = {
      contributoId: args.contributoId,
      at: now(),
      assessment: 'Nucleo monoreddito con arretrati di affitto documentati.',
      project: 'Sostegno al reddito per quattro mesi con verifica mensile.',
      amountCents: 30_000,
      frequency: 'monthly',
      startOn: start,
      endOn: `${Number(start.slice(0, 4)) + 1}-03-10`,
    };
    expect(await push(WORKER, 'social.assessment', { ...assessment, amountCents: 0 })).toMatchObject({
      status: 'rejected',
      error: { code: 'social_amount_invalid' },
    });
    expect(await push(WORKER, 'social.assessment', assessment)).toMatchObject({ status: 'applied' });
    // four eyes: the proposer cannot approve; a supervisor outside the office may not either
    expect(await step(WORKER, { type: 'approve' })).toMatchObject({ status: 'rejected' });
    expect(await step('supervisore.casale', { type: 'approve' })).toMatchObject({
      status: 'rejected',
      error: { code: 'social_office_only' },
    });
    expect(await step(OFFICE_SUPERVISOR, { type: 'approve' })).toMatchObject({ status: 'applied' });
    const approved = await findContributo(hub.hubDb.db, 'B885', args.contributoId);
    expect(approved?.status).toBe('approved');
    expect(approved?.schedule.map((p) => [p.dueOn, p.amountCents, p.status])).toEqual([
      [start, 30_000, 'scheduled'],
      [`${Number(start.slice(0, 4)) + 1}-01-01`, 30_000, 'scheduled'],
      [`${Number(start.slice(0, 4)) + 1}-02-01`, 30_000, 'scheduled'],
      [`${Number(start.slice(0, 4)) + 1}-03-01`, 30_000, 'scheduled'],
    ]);
    approvedId = args.contributoId;

    const csv = await as(WORKER, 'GET', `${SOCIAL_TREASURY_PATH}?month=${thisMonth()}`);
    expect(csv.status, csv.text).toBe(200);
    expect(csv.text.split('\r\n')[1]).toBe(
      `${approvedId};D'Amico Nicolò;DMCNCL66D20B885V;IT60X0542811101000000123456;300,00;${start}`,
    );
    expect((await findContributo(hub.hubDb.db, 'B885', approvedId))?.schedule[0]?.status).toBe('exported');
  });

  it('names the requester and the case’s applicant as the hub’s registry has them, whatever the counter wrote', async () => {
    const mario = await hub.hubDb.db
      .selectFrom('residents')
      .select(['surname', 'given_names', 'codice_fiscale'])
      .where('id', '=', 'r-mario')
      .executeTakeFirstOrThrow();
    const args = contributo({
      requester: { ...requester, surname: 'Falso', givenNames: 'Nome', codiceFiscale: 'FLSNMO80A01H501Z' },
    });
    args.case = { ...args.case, applicantId: null, applicantName: 'Qualcun Altro' };
    expect(await push(WORKER, 'social.contributo', args)).toMatchObject({ status: 'applied' });
    const filed = await findContributo(hub.hubDb.db, 'B885', args.contributoId);
    expect(filed?.requester).toMatchObject({
      personId: 'r-mario',
      surname: mario.surname,
      givenNames: mario.given_names,
      codiceFiscale: mario.codice_fiscale,
    });
    const opened = await loadCase(hub.hubDb.db, 'B885', args.case.caseId);
    expect(opened?.state.applicantId).toBe('r-mario');
    expect(opened?.applicantName).toBe(`${mario.surname} ${mario.given_names}`);
  });

  it('refuses a missing decree, a wrong IBAN, an ISEE with a fraction of a cent, a non-resident: nothing recorded', async () => {
    const before = { c: await count('social_contributi'), k: await count('cases') };
    const cases: [Partial<ContributoApply>, string][] = [
      [{ requester: { ...requester, decree: null } }, 'social_decree_missing'],
      [{ iban: 'IT61X0542811101000000123456' }, 'social_iban_invalid'],
      [{ isee: { ...ISEE, valueCents: 600_000.5 } }, 'social_isee_invalid'],
      [{ isee: { ...ISEE, valueCents: -100 } }, 'social_isee_invalid'],
      [{ beneficiaryId: 'nobody' }, 'social_beneficiary_unknown'],
    ];
    for (const [over, code] of cases)
      expect(await push(WORKER, 'social.contributo', contributo(over)), code).toMatchObject({
        status: 'rejected',
        error: { code },
      });
    expect({ c: await count('social_contributi'), k: await count('cases') }).toEqual(before);
  });

  it('refuses a clerk outside the social-services office: 403, the record not served, the filing rejected', async () => {
    const before = { c: await count('social_contributi'), k: await count('cases') };
    expect(await push('anagrafe.casale', 'social.contributo', contributo())).toMatchObject({
      status: 'rejected',
      error: { code: 'social_office_only' },
    });
    expect({ c: await count('social_contributi'), k: await count('cases') }).toEqual(before);
    const audits = await count('hub_audit');
    const read = await as('anagrafe.casale', 'GET', `${SOCIAL_API}/contributi/${approvedId}`);
    expect(read.status).toBe(403);
    expect(read.body.error.code).toBe('social_office_only');
    expect(read.text).not.toContain('DMCNCL66D20B885V');
    expect(
      (await as('supervisore.casale', 'GET', `${SOCIAL_TREASURY_PATH}?month=${thisMonth()}`)).status,
    ).toBe(403);
    // the login writes its own rows; no read of a social record was recorded
    const reads = await hub.hubDb.db
      .selectFrom('hub_audit')
      .select('seq')
      .where('action', 'like', 'social.%')
      .where('clerk', '=', 'anagrafe.casale')
      .execute();
    expect(reads).toEqual([]);
    expect(await count('hub_audit')).toBeGreaterThanOrEqual(audits);
  });

  it('refuses the social worker at a counter outside the office: nothing filed there, nothing served', async () => {
    await setWorkstationOffices(hub.hubDb.db, 'Casale - Anagrafe 1', []);
    try {
      const before = { c: await count('social_contributi'), k: await count('cases') };
      expect(await push(WORKER, 'social.contributo', contributo())).toMatchObject({
        status: 'rejected',
        error: { code: 'social_workstation_outside_office' },
      });
      expect({ c: await count('social_contributi'), k: await count('cases') }).toEqual(before);
      const read = await as(WORKER, 'GET', `${SOCIAL_API}/contributi/${approvedId}`);
      expect(read.status).toBe(403);
      expect(read.body.error.code).toBe('social_workstation_outside_office');
      expect(read.body.error.message).toContain('Questa postazione non è dell’ufficio servizi sociali');
      expect(read.text).not.toContain('DMCNCL66D20B885V');
    } finally {
      await setWorkstationOffices(hub.hubDb.db, 'Casale - Anagrafe 1', [SOCIAL_OFFICE]);
    }
  });

  it('audits every read of a social record: who, which record', async () => {
    const read = await as(WORKER, 'GET', `${SOCIAL_API}/contributi/${approvedId}`);
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({ id: approvedId, status: 'approved' });
    const rows = await hub.hubDb.db
      .selectFrom('hub_audit')
      .select(['clerk', 'action', 'entity', 'entity_id'])
      .where('action', '=', 'social.contributo.read')
      .execute();
    expect(rows).toContainEqual({
      clerk: WORKER,
      action: 'social.contributo.read',
      entity: 'social_contributo',
      entity_id: approvedId,
    });
  });

  it('a death in the registry stops the payments from that day and opens a case for the social worker, once', async () => {
    const c = await findContributo(hub.hubDb.db, 'B885', approvedId);
    const second = c?.schedule[1]?.dueOn ?? '';
    const deathOn = `${second.slice(0, 8)}15`;
    const ws = await hub.hubDb.db
      .selectFrom('workstations')
      .select(['id', 'comune'])
      .where('comune', '=', 'B885')
      .executeTakeFirstOrThrow();
    const mutationId = uuidv7();
    const death = () =>
      hub.hubDb.db.transaction().execute((trx) =>
        serviceRegistryListener()(trx, {
          kind: 'deceased',
          comune: 'B885',
          residentId: 'r-nicolo',
          familyId: null,
          street: null,
          on: deathOn,
          at: new Date().toISOString(),
          cause: { workstation: ws, mutationId, clerk: 'anagrafe.casale' },
        }),
      );
    await death();
    const stopped = await findContributo(hub.hubDb.db, 'B885', approvedId);
    expect(stopped?.status).toBe('stopped');
    const caseId = stopped?.stop?.caseId ?? '';
    expect(stopped?.stop).toEqual({ on: deathOn, reason: 'deceased', caseId: expect.any(String) });
    // the worker's case: the office's procedure, a protocol number, the beneficiary and the reason
    const kase = await loadCase(hub.hubDb.db, 'B885', caseId);
    expect(kase?.state.procedure.code).toBe('revisione_fascicolo_sociale');
    expect(kase?.state.procedure.office.code).toBe('servizi_sociali');
    expect(kase?.state.status).toBe('registered');
    expect(kase?.state.protocol?.number.number).toBeGreaterThan(0);
    expect(kase?.subject).toContain("D'Amico Nicolò");
    expect(kase?.subject).toContain('decesso');
    // which benefits stays in the office's records: the case travels to every counter
    expect(kase?.subject).not.toContain('contributo');
    expect(stopped?.schedule.map((p) => p.status)).toEqual(['exported', 'scheduled', 'stopped', 'stopped']);
    const queue = await hub.hubDb.db
      .selectFrom('sync_exceptions')
      .select(['code', 'message'])
      .where('mutation_id', '=', mutationId)
      .execute();
    expect(queue).toHaveLength(1);
    expect(queue[0]?.code).toBe('social_payments_stopped');
    expect(queue[0]?.message).toContain(`contributo ${approvedId}`);
    // the queue is the comune's: it names the file, not the person
    expect(queue[0]?.message).not.toContain('Amico');
    // nothing goes to the treasury for the months after the death
    const later = await as(WORKER, 'GET', `${SOCIAL_TREASURY_PATH}?month=${deathOn.slice(0, 7)}`);
    expect(later.text.trim().split('\r\n')).toHaveLength(2);
    // the same death recorded again: no second case, no second queue entry
    const cases = () =>
      hub.hubDb.db.selectFrom('cases').select('id').where('id', 'like', 'soc-stop-%').execute();
    expect(await cases()).toHaveLength(1);
    await death();
    expect(await cases()).toHaveLength(1);
    expect((await findContributo(hub.hubDb.db, 'B885', approvedId))?.stop).toEqual(stopped?.stop);
  });

  let sad: SadApply;
  let rate = 0;

  it('takes SAD from application through the visit to a priced PAI; zero hours and a wrong rate are refused', async () => {
    sad = sadApply();
    expect(await push(WORKER, 'social.sadApply', sad)).toMatchObject({ status: 'applied' });
    const earlyPlan = {
      sadId: sad.sadId,
      at: now(),
      hoursPerWeek: 6,
      operators: 1,
      tasks: ['igiene_personale'],
      hourlyRateCents: 0,
      provider: 'Coop. Sociale Il Ponte',
    };
    expect(await push(WORKER, 'social.sadPlan', earlyPlan)).toMatchObject({
      status: 'rejected',
      error: { code: 'social_step_invalid' },
    });
    expect(
      await push(WORKER, 'social.sadVisit', {
        sadId: sad.sadId,
        at: now(),
        visitedOn: today(),
        livesAlone: false,
        notes: 'Casa adeguata; serve aiuto al mattino.',
      }),
    ).toMatchObject({ status: 'applied' });
    const record = await findSad(hub.hubDb.db, 'B885', sad.sadId);
    if (!record) throw new Error('no SAD record');
    rate = sadRateOn(record, today()).hourlyRateCents;
    // Casale DEMO SAD table: ISEE €9,000.00 in the linear band €3,000.01-€15,000.00 (€2.00→€12.00)
    expect(rate).toBe(700);
    const plan = { ...earlyPlan, at: now(), operators: 2, hourlyRateCents: rate };
    const before = await findSad(hub.hubDb.db, 'B885', sad.sadId);
    expect(await push(WORKER, 'social.sadPlan', { ...plan, hoursPerWeek: 0 })).toMatchObject({
      status: 'rejected',
      error: { code: 'sad_hours_zero' },
    });
    expect(await push(WORKER, 'social.sadPlan', { ...plan, hourlyRateCents: 100 })).toMatchObject({
      status: 'rejected',
      error: { code: 'social_rate_mismatch' },
    });
    expect(await findSad(hub.hubDb.db, 'B885', sad.sadId)).toEqual(before);
    expect(await push(WORKER, 'social.sadPlan', plan)).toMatchObject({ status: 'applied' });
    expect(
      await push(WORKER, 'social.sadStart', { sadId: sad.sadId, at: now(), startOn: today() }),
    ).toMatchObject({
      status: 'rejected',
      error: { code: 'action_not_allowed' },
    });
    expect(
      await push(OFFICE_SUPERVISOR, 'social.sadStart', {
        sadId: sad.sadId,
        at: now(),
        startOn: `${thisMonth()}-01`,
      }),
    ).toMatchObject({
      status: 'applied',
    });
    expect(await findSad(hub.hubDb.db, 'B885', sad.sadId)).toMatchObject({
      status: 'active',
      plan: { hoursPerWeek: 6, operators: 2, hourlyRateCents: 700, band: { chosenBy: 'isee' } },
    });
  });

  it('imports the provider’s hours reporting bad lines by number, and bills the month once', async () => {
    const month = thisMonth();
    const csv = [
      'mese;codice fiscale;ore;operatori',
      `${month};BNCNNA80A41B885M;24,5;2`,
      `${month};RSSLCU05E12B885G;3;1`,
      `${month};XX;3;1`,
      `${month};BNCNNA80A41B885M;0;1`,
      `2000-01;BNCNNA80A41B885M;3;1`,
    ].join('\n');
    const imported = await as(OFFICE_SUPERVISOR, 'POST', SOCIAL_SAD_HOURS_PATH, { month, csv });
    expect(imported.status, imported.text).toBe(200);
    expect(imported.body.accepted).toBe(1);
    expect(imported.body.rejected.map((r: Json) => r.line)).toEqual([3, 4, 5, 6]);
    expect(imported.body.rejected[0].message).toContain('Riga 3');

    const positions = await count('debt_positions');
    const first = await as(OFFICE_SUPERVISOR, 'POST', SOCIAL_SAD_BILLING_PATH, { month });
    expect(first.status, first.text).toBe(200);
    // 24.5 h × €7.00 × 2 operators = €343.00
    expect(first.body).toMatchObject({ users: 1, notices: 1, totalCents: 34_300 });
    const notice = first.body.lines[0].noticeNumber as string;
    expect(notice).toMatch(/^\d{18}$/);
    const again = await as(OFFICE_SUPERVISOR, 'POST', SOCIAL_SAD_BILLING_PATH, { month });
    expect(again.body).toMatchObject({ users: 1, notices: 0, totalCents: 34_300 });
    expect(again.body.lines[0].noticeNumber).toBe(notice);
    expect(await count('debt_positions')).toBe(positions + 1);
    const position = await hub.hubDb.db
      .selectFrom('debt_positions')
      .selectAll()
      .where('notice_number', '=', notice)
      .executeTakeFirstOrThrow();
    expect(position).toMatchObject({ debtor_cf: 'BNCNNA80A41B885M', amount_cents: 34_300, status: 'open' });
    expect((await findSad(hub.hubDb.db, 'B885', sad.sadId))?.months).toEqual([
      { month, hours: 24.5, operators: 2, amountCents: 34_300, noticeNumber: notice },
    ]);
    // hours for a billed month are refused, by line
    const late = await as(OFFICE_SUPERVISOR, 'POST', SOCIAL_SAD_HOURS_PATH, {
      month,
      csv: `${month};BNCNNA80A41B885M;30;2`,
    });
    expect(late.body).toMatchObject({ accepted: 0, rejected: [{ line: 1 }] });
    expect((await as(OFFICE_SUPERVISOR, 'POST', SOCIAL_SAD_BILLING_PATH, { month: '2026-13' })).status).toBe(
      400,
    );
  });

  it('puts an application on the waiting list when the places are taken, ordered by the comune’s points', async () => {
    // fill Casale's 20 places (shared/social/sad-rules.ts, DEMO) with active users
    const active = await findSad(hub.hubDb.db, 'B885', sad.sadId);
    if (!active) throw new Error('no SAD');
    await hub.hubDb.db.transaction().execute(async (trx) => {
      for (let i = 0; i < 19; i++) {
        const filler: SadRecord = { ...active, id: `sad-fill-${i}`, caseId: `case-fill-${i}`, months: [] };
        await saveSad(trx, filler, new Date().toISOString());
      }
    });
    const waitingFor = async (beneficiaryId: string, livesAlone: boolean) => {
      const a = sadApply(beneficiaryId);
      expect(await push(WORKER, 'social.sadApply', a)).toMatchObject({ status: 'applied' });
      await push(WORKER, 'social.sadVisit', {
        sadId: a.sadId,
        at: now(),
        visitedOn: today(),
        livesAlone,
        notes: 'Visita svolta.',
      });
      const r = await findSad(hub.hubDb.db, 'B885', a.sadId);
      if (!r) throw new Error('no SAD');
      await push(WORKER, 'social.sadPlan', {
        sadId: a.sadId,
        at: now(),
        hoursPerWeek: 4,
        operators: 1,
        tasks: ['spesa'],
        hourlyRateCents: sadRateOn(r, today()).hourlyRateCents,
        provider: 'Coop. Sociale Il Ponte',
      });
      expect(
        await push(OFFICE_SUPERVISOR, 'social.sadStart', { sadId: a.sadId, at: now(), startOn: today() }),
      ).toMatchObject({ status: 'applied' });
      return a.sadId;
    };
    const mario = await waitingFor('r-mario', false);
    const luca = await waitingFor('r-luca', true);
    const list = await as(OFFICE_SUPERVISOR, 'GET', SOCIAL_WAITING_PATH);
    expect(list.status).toBe(200);
    // Luca lives alone (+30): first although he applied later; both have L.104 art.3 c.1 (+10)
    expect(list.body.map((e: Json) => [e.sadId, e.position, e.points])).toEqual([
      [luca, 1, 40],
      [mario, 2, 10],
    ]);
    expect((await as('supervisore.casale', 'GET', SOCIAL_WAITING_PATH)).status).toBe(403);
    // a member of the office who is not a supervisor: a typed 403 that says why, nothing listed
    const worker = await as(WORKER, 'GET', SOCIAL_WAITING_PATH);
    expect(worker.status).toBe(403);
    expect(worker.body.error.code).toBe('social_supervisors_only');
    expect(worker.body.error.message).toContain('solo ai responsabili');
    expect(worker.text).not.toContain(luca);
  });

  it('takes the longest applications the rules allow, and what it logs parses as the wire records', async () => {
    await insertHouseholds(hub.hubDb.db, [LONGEST_HOUSEHOLD]);
    const c = longestContributoApplication(now());
    expect(await push(WORKER, 'social.contributo', c)).toMatchObject({ status: 'applied' });
    expect(
      await push(WORKER, 'social.assessment', longestAssessment({ at: now(), today: today() })),
    ).toMatchObject({
      status: 'applied',
    });
    const sadArgs = longestSadApplication(now());
    expect(await push(WORKER, 'social.sadApply', sadArgs)).toMatchObject({ status: 'applied' });
    const logged = await hub.hubDb.db
      .selectFrom('change_log')
      .select(['entity', 'payload'])
      .where('entity_id', 'in', [c.contributoId, sadArgs.sadId])
      .execute();
    expect(logged.length).toBeGreaterThanOrEqual(3);
    for (const l of logged) {
      const schema = l.entity === 'social_contributo' ? contributoRecordSchema : sadRecordSchema;
      expect(schema.safeParse(JSON.parse(l.payload)).success).toBe(true);
    }
    expect((await findContributo(hub.hubDb.db, 'B885', c.contributoId))?.schedule).toHaveLength(12);
  });
});
