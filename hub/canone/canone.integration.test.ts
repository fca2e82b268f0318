import { uuidv7 } from 'uuidv7';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CANONE_ACTIVE_PATH,
  CANONE_POLICE_PATH,
  CANONE_TARIFFS_PATH,
  CANONE_YEARLY_PATH,
} from '../../shared/canone/canone-paths';
import type { CanoneApply, CanoneApplicationRecord } from '../../shared/canone/canone-wire';
import { addDays } from '../../shared/calendar/iso-date';
import { romeDateOf, romeDateTimeOf } from '../../shared/calendar/rome-date';
import type { DebtLookup } from '../../shared/contract/cashdesk-views';
import { parseNoticeNumber } from '../../shared/pagopa/notice-number';
import { LOGIN_PATH, PROTOCOL_VERSION, PUSH_PATH } from '../../shared/sync/registry-page';
import { startTestDesk } from '../../test-support/desk-harness';
import { HUB_BACKENDS } from '../../test-support/hub-backends';
import { startTestHub, type TestHub } from '../../test-support/running-hub';
import { DEMO_PASSWORD } from '../seed/demo-users';
import { demoPartitaIva } from './demo-canone';
import { findApplication } from './canone-repository';
import { runYearly } from './yearly-run';

/**
 * The canone unico on a real hub over HTTP, SQLite and PostgreSQL: applications pushed as a
 * counter pushes them, decisions through the case engine, notices the cash desk finds, the
 * yearly run, and every refusal leaving nothing behind.
 */

const now = () => romeDateTimeOf(new Date()).slice(0, 16);
const today = () => romeDateOf(new Date());
const BAR_VAT = demoPartitaIva(4242);

describe.each(HUB_BACKENDS)('canone unico at the hub (%s)', (backend) => {
  let hub: TestHub;

  beforeAll(async () => {
    hub = await startTestHub(backend);
  });
  afterAll(async () => {
    await hub?.close();
  });

  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  type Json = Record<string, any>;
  const headers = (token: string, clerk?: string) => ({
    'content-type': 'application/json',
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
  const get = async (path: string, clerk?: string) => {
    const res = await fetch(hub.url + path, { headers: headers(hub.casaleToken, clerk) });
    const text = await res.text();
    return { status: res.status, text, body: (text.startsWith('{') ? JSON.parse(text) : {}) as Json };
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

  const application = (
    over: Partial<CanoneApply> = {},
    procedure = 'occupazione_suolo_pubblico',
  ): CanoneApply => ({
    applicationId: uuidv7(),
    case: {
      caseId: uuidv7(),
      eventId: uuidv7(),
      at: now(),
      procedureCode: procedure,
      applicantId: null,
      applicantName: 'Bar Centrale S.n.c.',
      subject: 'Occupazione di suolo pubblico: dehors in Via Roma 5',
      counterSeconds: 240,
      receiptDelivery: 'printed',
      documents: ['application', 'plan'],
      residence: null,
    },
    applicant: {
      kind: 'company',
      partitaIva: BAR_VAT,
      name: 'Bar Centrale S.n.c.',
      codiceFiscale: null,
      seat: 'Via Roma 5, 15033 Casale Monferrato (AL)',
      pec: 'barcentrale@pec.example.it',
    },
    site: { streetType: 'via', streetName: 'roma', civic: '5' },
    purpose: 'Dehors con tavolini e ombrelloni',
    category: 'dehors',
    regime: 'temporary',
    measure: 12,
    // 90 days at the 2026 tariff (€1.20 a day: shared/canone/tariffs.ts)
    start: '2026-12-10',
    end: '2027-03-09',
    hours: null,
    ownSign: false,
    trafficAffected: false,
    quotedFeeCents: 104_717,
    ...over,
  });

  const counts = async () => {
    const n = async (table: 'canone_applications' | 'cases' | 'protocol_register' | 'debt_positions') =>
      Number(
        (
          await hub.hubDb.db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    return {
      applications: await n('canone_applications'),
      cases: await n('cases'),
      protocol: await n('protocol_register'),
      positions: await n('debt_positions'),
    };
  };
  const record = async (id: string): Promise<CanoneApplicationRecord> => {
    const r = await findApplication(hub.hubDb.db, 'B885', id);
    if (!r) throw new Error(`no application ${id}`);
    return r;
  };
  /** the case engine's steps to an approval (or, after the art. 10-bis notice, a refusal) */
  const decide = async (caseId: string, outcome: 'approve' | 'reject') => {
    const step = async (username: string, event: Json) => {
      const r = await push(username, 'cases.transition', { caseId, eventId: uuidv7(), at: now(), event });
      expect(r, JSON.stringify(r)).toMatchObject({ status: 'applied' });
    };
    await step('anagrafe.casale', { type: 'take_in_charge' });
    if (outcome === 'reject') {
      await step('supervisore.casale', {
        type: 'suspend',
        kind: 'refusal_notice',
        reason: 'Il marciapiede è troppo stretto per il dehors richiesto',
      });
      await step('supervisore.casale', {
        type: 'resume',
        noticeReceivedOn: today(),
        observationsReceivedOn: today(),
      });
    }
    await step('anagrafe.casale', {
      type: 'propose',
      outcome,
      reason: outcome === 'approve' ? 'Requisiti verificati' : 'Passaggio pedonale insufficiente',
    });
    await step('supervisore.casale', { type: outcome });
  };

  let dehors: CanoneApply;

  it('files a dehors with one protocol number and the fee recomputed at the hub, whatever the desk quoted', async () => {
    dehors = application({ quotedFeeCents: 1 });
    const result = await push('anagrafe.casale', 'canone.apply', dehors);
    expect(result).toMatchObject({ status: 'applied' });
    const r = await record(dehors.applicationId);
    // DOMAIN.md §5.4: 1.20 × 1.0 × 0.808 × 12 × 90 = €1,047.17; the desk's €0.01 is only kept
    expect(r).toMatchObject({
      status: 'submitted',
      zone: '1',
      quotedFeeCents: 1,
      site: { streetType: 'Via', streetName: 'Roma', civic: '5' },
      fee: { totalCents: 104_717, days: 90, tariffVersion: '2021' },
      submittedBy: 'anagrafe.casale',
    });
    expect(r.protocol?.number.number).toBeGreaterThan(0);
    const registrations = await hub.hubDb.db
      .selectFrom('protocol_register')
      .select('case_id')
      .where('case_id', '=', dehors.case.caseId)
      .execute();
    expect(registrations).toHaveLength(1);
    const c = await hub.hubDb.db
      .selectFrom('cases')
      .select(['status'])
      .where('id', '=', dehors.case.caseId)
      .executeTakeFirstOrThrow();
    expect(c.status).toBe('registered');
  });

  it('refuses a tampered surface, an unknown street, a wrong VAT check digit and a mismatched procedure, changing nothing', async () => {
    const before = await counts();
    const refusals: [Partial<CanoneApply>, string, string?][] = [
      [{ measure: -3 }, 'canone_measure_invalid'],
      [{ measure: 20_000 }, 'canone_measure_invalid'],
      [{ site: { streetType: 'Via', streetName: 'Inesistente', civic: '1' } }, 'canone_street_unknown'],
      [{ end: '2026-12-01' }, 'canone_period_invalid'],
      [
        {
          applicant: {
            kind: 'company',
            partitaIva: `${BAR_VAT.slice(0, 10)}${(Number(BAR_VAT[10]) + 1) % 10}`,
            name: 'Bar Centrale S.n.c.',
            codiceFiscale: null,
            seat: 'Via Roma 5',
            pec: null,
          },
        },
        'partita_iva_check_digit',
      ],
      [{ category: 'insegna', ownSign: true }, 'canone_procedure_mismatch'],
    ];
    for (const [over, code] of refusals) {
      const args = application(over);
      const result = await push('anagrafe.casale', 'canone.apply', args);
      expect(result, code).toMatchObject({ status: 'rejected', error: { code } });
      // the counter drops its optimistic application and case
      expect(result.current).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            entity: 'canone_application',
            entityId: args.applicationId,
            op: 'delete',
          }),
          expect.objectContaining({ entity: 'case', entityId: args.case.caseId, op: 'delete' }),
        ]),
      );
    }
    expect(await counts()).toEqual(before);
  });

  it('refuses an occupation over a period the spot is already booked for', async () => {
    const before = await counts();
    // 12 m² booked at Via Roma 5 from 10/12; 20 more exceed the spot's 30 m²
    const full = await push(
      'anagrafe.casale',
      'canone.apply',
      application({ measure: 20, start: '2027-03-09', end: '2027-03-20' }),
    );
    expect(full).toMatchObject({ status: 'rejected', error: { code: 'canone_spot_full' } });
    expect(full.error.message).toContain('Via Roma 5');
    expect(await counts()).toEqual(before);
    // the day after the booking ends, the spot is free again; a neighbour's civic is another spot
    const after = await push(
      'anagrafe.casale',
      'canone.apply',
      application({ measure: 20, start: '2027-03-10', end: '2027-03-20' }),
    );
    expect(after).toMatchObject({ status: 'applied' });
  });

  it('approves: concession number, a code-47 notice with valid check digits the cash desk finds, the police request', async () => {
    const scaffold = application({
      category: 'ponteggi',
      measure: 20,
      site: { streetType: 'Corso', streetName: 'Giovane Italia', civic: '3' },
      start: '2026-12-15',
      end: '2027-01-13',
      trafficAffected: true,
      quotedFeeCents: 18_605,
    });
    expect(await push('anagrafe.casale', 'canone.apply', scaffold)).toMatchObject({ status: 'applied' });
    // DOMAIN.md §5.4: 1.20 × 0.8 × 0.323 × 20 × 30 = €186.05
    expect((await record(scaffold.applicationId)).fee.totalCents).toBe(18_605);
    await decide(scaffold.case.caseId, 'approve');
    const r = await record(scaffold.applicationId);
    expect(r.status).toBe('approved');
    expect(r.concession?.number).toMatch(new RegExp(`^CUS-B885-${today().slice(0, 4)}-0000\\d\\d$`));
    expect(r.concession).toMatchObject({
      validFrom: '2026-12-15',
      validTo: '2027-01-13',
      decidedBy: 'supervisore.casale',
    });
    expect(r.notices).toHaveLength(1);
    const [notice] = r.notices;
    expect(notice).toMatchObject({ amountCents: 18_605, instalment: 1, of: 1, status: 'open' });
    expect(notice?.dueDate).toBe(addDays(r.concession?.decidedOn ?? '', 30));
    const parsed = parseNoticeNumber(notice?.noticeNumber ?? '');
    expect(parsed).toMatchObject({
      ok: true,
      value: { auxDigit: 3, segregationCode: '47', iuv: notice?.iuv },
    });
    expect(r.policeRequested).toBe(true);

    const position = await hub.hubDb.db
      .selectFrom('debt_positions')
      .selectAll()
      .where('notice_number', '=', notice?.noticeNumber ?? '')
      .executeTakeFirstOrThrow();
    expect(position).toMatchObject({ kind: 'CANONE', debtor_cf: BAR_VAT, status: 'open' });
    expect(Number(position.amount_cents)).toBe(18_605);

    // a counter pulls it and its cash desk finds the notice by number
    const desk = await startTestDesk(hub);
    try {
      await desk.login();
      await desk.core.sync.syncOnce();
      const found = await desk.ok<DebtLookup>('fines:lookup', { query: notice?.noticeNumber ?? '' });
      expect(found).toMatchObject({ kind: 'results', interpretedAs: 'notice' });
      if (found.kind !== 'results') throw new Error('not found');
      expect(found.debts).toHaveLength(1);
      expect(found.debts[0]).toMatchObject({
        kind: 'notice',
        key: notice?.noticeNumber,
        amountDueCents: 18_605,
        status: 'open',
      });
      expect(found.debts[0]?.title).toContain('Canone unico');
    } finally {
      await desk.close();
    }

    const clerk = await login('anagrafe.casale');
    const police = await get(CANONE_POLICE_PATH, clerk);
    expect(police.status).toBe(200);
    expect(police.body.requests).toEqual([
      expect.objectContaining({
        concessionNumber: r.concession?.number,
        address: 'Corso Giovane Italia 3',
        status: 'open',
      }),
    ]);

    // the QR's public page
    const page = await fetch(
      `${hub.url}/verify/canone/${r.concession?.number}?k=${r.concession?.verificationKey}`,
    );
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain(r.concession?.number);
    expect(html).toContain('Corso Giovane Italia 3');
    expect(html).not.toContain(BAR_VAT);
    const wrongKey = await fetch(`${hub.url}/verify/canone/${r.concession?.number}?k=ABCDEFGH`);
    expect(wrongKey.status).toBe(404);

    // the office's list by street on a day of the scaffolding
    const active = await get(`${CANONE_ACTIVE_PATH}?day=2027-01-05`, clerk);
    expect(active.status).toBe(200);
    expect(active.body.streets).toEqual([
      expect.objectContaining({
        street: 'Corso Giovane Italia',
        occupations: [expect.objectContaining({ concessionNumber: r.concession?.number, measure: 20 })],
      }),
    ]);
  });

  it('refuses after the art. 10-bis notice: the application is refused with the office’s reason', async () => {
    const args = application({ site: { streetType: 'Via', streetName: 'Roma', civic: '40' } });
    expect(await push('anagrafe.casale', 'canone.apply', args)).toMatchObject({ status: 'applied' });
    const positions = (await counts()).positions;
    await decide(args.case.caseId, 'reject');
    const r = await record(args.applicationId);
    expect(r).toMatchObject({ status: 'refused', concession: null, notices: [] });
    expect(r.statusReason).toContain('Passaggio pedonale');
    expect((await counts()).positions).toBe(positions);
  });

  it('runs the yearly run: next year’s notices once, nothing for revoked or ended concessions', async () => {
    const kiosk = application({
      category: 'chiosco',
      regime: 'permanent',
      measure: 7,
      site: { streetType: 'Via', streetName: 'Roma', civic: '60' },
      start: '2026-01-01',
      end: null,
      quotedFeeCents: 29_400,
    });
    const revoked = application({
      ...kiosk,
      applicationId: uuidv7(),
      case: { ...kiosk.case, caseId: uuidv7(), eventId: uuidv7() },
      site: { streetType: 'Via', streetName: 'Roma', civic: '61' },
    });
    const ended = application({
      ...kiosk,
      applicationId: uuidv7(),
      case: { ...kiosk.case, caseId: uuidv7(), eventId: uuidv7() },
      site: { streetType: 'Via', streetName: 'Roma', civic: '62' },
      end: '2026-10-31',
    });
    for (const a of [kiosk, revoked, ended]) {
      expect(await push('anagrafe.casale', 'canone.apply', a)).toMatchObject({ status: 'applied' });
      await decide(a.case.caseId, 'approve');
    }
    // DOMAIN.md §5.4: permanent kiosk 7 m², 50 × 1.0 × 0.840 × 7 = €294.00 for 2026
    expect((await record(kiosk.applicationId)).notices).toEqual([
      expect.objectContaining({ year: 2026, amountCents: 29_400 }),
    ]);
    // a supervisor revokes the second at the end of 2026
    const notAllowed = await push('anagrafe.casale', 'canone.revoke', {
      applicationId: revoked.applicationId,
      endsOn: '2026-12-31',
      reason: 'Lavori di riqualificazione della via',
      at: now(),
    });
    expect(notAllowed).toMatchObject({ status: 'rejected' });
    const done = await push('supervisore.casale', 'canone.revoke', {
      applicationId: revoked.applicationId,
      endsOn: '2026-12-31',
      reason: 'Lavori di riqualificazione della via',
      at: now(),
    });
    expect(done).toMatchObject({ status: 'applied' });
    expect(await record(revoked.applicationId)).toMatchObject({
      status: 'revoked',
      concession: { validTo: '2026-12-31' },
    });

    const first = await runYearly(hub.hubDb.db, 'B885', 2027);
    expect(first.failed).toEqual([]);
    expect(first.issued).toBe(1);
    const k = await record(kiosk.applicationId);
    // 2027's tariff (€52.00, tariffs.ts): 52 × 0.840 × 7 = €305.76, one notice by 31 January
    expect(k.notices).toEqual([
      expect.objectContaining({ year: 2026, amountCents: 29_400 }),
      expect.objectContaining({
        year: 2027,
        amountCents: 30_576,
        dueDate: '2027-01-31',
        instalment: 1,
        of: 1,
      }),
    ]);
    expect(parseNoticeNumber(k.notices[1]?.noticeNumber ?? '')).toMatchObject({
      ok: true,
      value: { segregationCode: '47' },
    });
    expect((await record(revoked.applicationId)).notices.map((n) => n.year)).toEqual([2026]);
    const e = await record(ended.applicationId);
    expect(e.status).toBe('ended');
    expect(e.notices.map((n) => n.year)).toEqual([2026]);

    // twice: the same notices, nothing new (also through the supervisors' route)
    const positions = (await counts()).positions;
    const again = await runYearly(hub.hubDb.db, 'B885', 2027);
    expect(again).toMatchObject({ issued: 0, failed: [] });
    const supervisor = await login('supervisore.casale');
    const viaRoute = await post(CANONE_YEARLY_PATH, { year: 2027 }, supervisor);
    expect(viaRoute.status).toBe(200);
    expect(viaRoute.body).toMatchObject({ comune: 'B885', year: 2027, issued: 0 });
    expect((await record(kiosk.applicationId)).notices).toEqual(k.notices);
    expect((await counts()).positions).toBe(positions);
    // the first year was billed at approval: a run for 2026 adds nothing either
    expect(await runYearly(hub.hubDb.db, 'B885', 2026)).toMatchObject({ issued: 0 });
    const clerk = await login('anagrafe.casale');
    expect((await post(CANONE_YEARLY_PATH, { year: 2027 }, clerk)).status).toBe(403);
  });

  it('shows supervisors the tariff tables with the uncertain values marked', async () => {
    const supervisor = await login('supervisore.casale');
    const json = await get(`${CANONE_TARIFFS_PATH}?day=2027-02-01`, supervisor);
    expect(json.status).toBe(200);
    expect(json.body.settings).toEqual(
      expect.arrayContaining([expect.objectContaining({ version: '2027', inForce: true })]),
    );
    expect(json.body.classes.every((c: Json) => c.uncertain === true)).toBe(true);
    const html = await get(`${CANONE_TARIFFS_PATH}?format=html`, supervisor);
    expect(html.status).toBe(200);
    expect(html.text).toContain('[U] da verificare');
    expect(html.text).toContain('Dehors di bar e ristoranti');
  });
});
