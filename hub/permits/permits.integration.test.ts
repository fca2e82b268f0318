import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { uuidv7 } from 'uuidv7';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../shared/calendar/iso-date';
import { romeDateOf, romeDateTimeOf } from '../../shared/calendar/rome-date';
import { permitKeyFrom, PERMIT_NUMBERS, type PermitIssue } from '../../shared/permits/permit-wire';
import {
  PERMIT_CHECK_PATH,
  PERMIT_REVIEW_PATH,
  PERMIT_REVOCATIONS_PATH,
  PERMIT_STATS_PATH,
  PERMIT_TRANSITS_PATH,
  PERMIT_WHITELIST_PATH,
} from '../../shared/permits/street-wire';
import { lastDayAfterMonths } from '../../shared/permits/validity';
import { LOGIN_PATH, PROTOCOL_VERSION, PUSH_PATH } from '../../shared/sync/registry-page';
import { HUB_BACKENDS } from '../../test-support/hub-backends';
import { startTestHub, type TestHub } from '../../test-support/running-hub';
import { importVerbali } from '../cashdesk/import-service';
import { DEMO_PASSWORD } from '../seed/demo-users';
import { insertHouseholds } from '../seed/seed-demo';
import { serviceRegistryListener } from '../services/merge';
import { FINES_CSV_PATH } from './permit-routes';
import { plateLookupSql } from './street-check';

/**
 * Permits on a real hub over HTTP, SQLite and PostgreSQL: what counters push (raw mutations with
 * a clerk's session, as a desk sends them), what the cameras and wardens ask, what supervisors see.
 */

const now = () => romeDateTimeOf(new Date()).slice(0, 16);
const today = () => romeDateOf(new Date());
/** a household in a resident-parking sector (SOSTA-A, Via Cavour: ztl-zones.ts demo table) */
const CAVOUR = {
  family: {
    id: 'f-cavour',
    comune: 'B885',
    address: {
      streetType: 'Via',
      streetName: 'Cavour',
      houseNumber: '8',
      interior: '',
      cap: '15033',
      frazione: '',
    },
    since: '2010-01-01',
  },
  members: [
    {
      id: 'r-cavour',
      comune: 'B885',
      codiceFiscale: 'VRDLGU60A01B885X',
      surname: 'Verdi',
      givenNames: 'Luigi',
      sex: 'M' as const,
      birthDate: '1960-01-01',
      birthPlaceCode: 'B885',
      birthPlaceName: 'Casale Monferrato',
      citizenship: 'IT',
      civilStatus: 'coniugato' as const,
      status: 'resident' as const,
      statusDate: null,
      familyId: 'f-cavour',
      relationship: 'intestatario' as const,
      registeredOn: '2010-01-01',
    },
  ],
  events: [],
};

describe.each(HUB_BACKENDS)('permits at the hub (%s)', (backend) => {
  let hub: TestHub;
  let desk2Token: string;
  const counters = new Map<string, number>();

  beforeAll(async () => {
    hub = await startTestHub(backend);
    await insertHouseholds(hub.hubDb.db, [CAVOUR]);
    desk2Token = await hub.enrol('Casale - Polizia Locale');
  });
  afterAll(async () => {
    await hub?.close();
  });

  const headers = (token: string, clerk?: string, type = 'application/json') => ({
    'content-type': type,
    'x-sportello-protocol': String(PROTOCOL_VERSION),
    authorization: `Bearer ${token}`,
    ...(clerk ? { 'x-sportello-clerk': clerk } : {}),
  });
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  type Json = Record<string, any>;
  const get = async (path: string, token: string, clerk?: string) => {
    const res = await fetch(hub.url + path, { headers: headers(token, clerk) });
    const text = await res.text();
    return { status: res.status, text, body: (text.startsWith('{') ? JSON.parse(text) : {}) as Json };
  };
  const post = async (path: string, token: string, body: unknown, clerk?: string, type?: string) => {
    const res = await fetch(hub.url + path, {
      method: 'POST',
      headers: headers(token, clerk, type),
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as Json };
  };
  const login = async (token: string, username: string): Promise<string> => {
    const { body } = await post(LOGIN_PATH, token, { username, password: DEMO_PASSWORD });
    return body.token as string;
  };
  const seriesOf = async (token: string): Promise<string> => {
    const name = token === hub.casaleToken ? 'Casale - Anagrafe 1' : 'Casale - Polizia Locale';
    const ws = await hub.hubDb.db
      .selectFrom('workstations')
      .select('series')
      .where('name', '=', name)
      .executeTakeFirstOrThrow();
    return ws.series ?? '';
  };
  const nextNumber = async (token: string): Promise<string> => {
    const series = await seriesOf(token);
    const counter = (counters.get(series) ?? 0) + 1;
    counters.set(series, counter);
    const n = PERMIT_NUMBERS.format({ comune: 'B885', series, year: Number(today().slice(0, 4)), counter });
    if (!n.ok) throw new Error(n.detail);
    return n.value;
  };
  const push = async (token: string, username: string, name: string, args: unknown) => {
    const clerk = await login(token, username);
    const { status, body } = await post(
      PUSH_PATH,
      token,
      { mutations: [{ id: uuidv7(), name, args, clerk: username, at: new Date().toISOString() }] },
      clerk,
    );
    expect(status).toBe(200);
    return body.results[0] as Json;
  };
  const ztlResidents = async (
    token: string,
    plate: string,
    over: Partial<PermitIssue> = {},
  ): Promise<PermitIssue> => ({
    permitId: uuidv7(),
    number: await nextNumber(token),
    verificationKey: permitKeyFrom(randomBytes(5)),
    kind: 'ztl_residenti',
    holderId: 'r-mario',
    holderName: 'Rossi Mario',
    householdId: 'f-rossi',
    plates: [{ plate, country: 'I' }],
    zone: 'ZTL-CENTRO',
    validFrom: today(),
    validTo: lastDayAfterMonths(today(), 24),
    validFromAt: null,
    validToAt: null,
    feeCents: 0,
    paymentRef: null,
    aslRef: null,
    at: now(),
    ...over,
  });
  const permitRow = (id: string) =>
    hub.hubDb.db.selectFrom('permits').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

  let marioPermit: PermitIssue;

  it('issues a ZTL residents permit recomputed at the hub, and the camera check allows the plate', async () => {
    marioPermit = await ztlResidents(hub.casaleToken, 'AB123CD', { holderName: 'Nome qualsiasi' });
    const result = await push(hub.casaleToken, 'anagrafe.casale', 'permits.issue', marioPermit);
    expect(result).toMatchObject({ status: 'applied' });
    const row = await permitRow(marioPermit.permitId);
    // holder from the registry and issuer from the session, never from the args
    expect(row).toMatchObject({ holder_name: 'Rossi Mario', issued_by: 'anagrafe.casale', status: 'active' });
    const log = await hub.hubDb.db
      .selectFrom('change_log')
      .select(['entity', 'payload'])
      .where('entity_id', '=', marioPermit.permitId)
      .executeTakeFirstOrThrow();
    expect(JSON.parse(log.payload)).toMatchObject({ number: marioPermit.number, status: 'active' });

    const check = await get(
      `${PERMIT_CHECK_PATH}?plate=ab%20123%20cd&country=I&zone=ZTL-CENTRO&at=${now()}`,
      desk2Token,
    );
    expect(check.status).toBe(200);
    expect(check.body).toEqual({
      allowed: true,
      plate: 'AB123CD',
      country: 'I',
      at: now(),
      permits: [
        { number: marioPermit.number, kind: 'ztl_residenti', validTo: marioPermit.validTo, validToAt: null },
      ],
      reason: null,
    });
    // another zone: not this permit's
    const other = await get(`${PERMIT_CHECK_PATH}?plate=AB123CD&zone=ZTL-ALTRA`, desk2Token);
    expect(other.body).toMatchObject({ allowed: false, reason: 'permit_not_for_zone', permits: [] });
  });

  it("shows another comune's device nothing, and refuses a bad plate with a typed 400", async () => {
    const balzola = await get(`${PERMIT_CHECK_PATH}?plate=AB123CD&zone=ZTL-CENTRO`, hub.balzolaToken);
    expect(balzola.status).toBe(200);
    expect(balzola.body).toMatchObject({ allowed: false, permits: [], reason: 'no_permit' });
    const bad = await get(`${PERMIT_CHECK_PATH}?plate=AO123BC`, hub.casaleToken);
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatchObject({
      code: 'plate_invalid',
      params: { plate: 'AO123BC', country: 'I' },
    });
    expect(bad.body.error.message).toBe('Targa «AO123BC» non valida per la nazione I.');
    const missing = await get(PERMIT_CHECK_PATH, hub.casaleToken);
    expect(missing.status).toBe(400);
    expect(missing.body.error).toMatchObject({ code: 'invalid_input', params: { field: 'plate' } });
    const noToken = await fetch(`${hub.url}${PERMIT_CHECK_PATH}?plate=AB123CD`, {
      headers: { 'x-sportello-protocol': String(PROTOCOL_VERSION) },
    });
    expect(noToken.status).toBe(401);
  });

  it('refuses a fee the desk claims that differs from the tariff, proposing the refund of what it took', async () => {
    const args: PermitIssue = {
      ...(await ztlResidents(hub.casaleToken, 'CD456EF')),
      kind: 'ztl_lavoro',
      holderId: null,
      holderName: 'Idraulica Monferrato srl',
      householdId: null,
      zone: null,
      validTo: lastDayAfterMonths(today(), 12),
      feeCents: 5_000,
      // the IUV of the pagoPA notice issued for it
      paymentRef: '01000000000000099',
    };
    const result = await push(hub.casaleToken, 'anagrafe.casale', 'permits.issue', args);
    expect(result).toMatchObject({ status: 'rejected', error: { code: 'permit_fee_mismatch' } });
    expect(result.error.message).toContain('incassati € 50,00, dovuti € 100,00');
    expect(result.error.message).toContain('Rimborso proposto: € 50,00, ricevuta 01000000000000099');
    expect(
      await hub.hubDb.db.selectFrom('permits').select('id').where('id', '=', args.permitId).execute(),
    ).toEqual([]);
    // the right fee is accepted
    const ok = await push(hub.casaleToken, 'anagrafe.casale', 'permits.issue', {
      ...args,
      permitId: uuidv7(),
      number: await nextNumber(hub.casaleToken),
      feeCents: 10_000,
    });
    expect(ok).toMatchObject({ status: 'applied' });
    // a fee "paid" with a receipt the hub never saw is not taken on the desk's word
    const unseen = await push(hub.casaleToken, 'anagrafe.casale', 'permits.issue', {
      ...args,
      plates: [{ plate: 'LM987NP', country: 'I' }],
      paymentRef: 'RIC-B885-P1-2026-000099',
      permitId: uuidv7(),
      number: await nextNumber(hub.casaleToken),
      feeCents: 10_000,
    });
    expect(unseen).toMatchObject({ status: 'rejected', error: { code: 'permit_payment_unseen' } });
  });

  it('keeps the first of two offline ZTL residents permits for one household; the second is an exception', async () => {
    // two counters issued offline to the Rossi household: Luca's car at desk 2 (head: Mario)
    const second = await ztlResidents(desk2Token, 'EF789GH');
    const result = await push(desk2Token, 'anagrafe2.casale', 'permits.issue', second);
    expect(result).toMatchObject({ status: 'rejected', error: { code: 'permit_household_exists' } });
    const until = marioPermit.validTo.split('-').reverse().join('/');
    expect(result.error.message).toBe(
      `C’è già un permesso ZTL in questa famiglia: AB123CD fino al ${until} (n. ${marioPermit.number}). Se ne rilascia uno solo per famiglia.`,
    );
    const exception = await hub.hubDb.db
      .selectFrom('sync_exceptions')
      .selectAll()
      .where('code', '=', 'permit_household_exists')
      .executeTakeFirstOrThrow();
    expect(exception).toMatchObject({ name: 'permits.issue', clerk: 'anagrafe2.casale' });
    expect(
      await hub.hubDb.db.selectFrom('permits').select('id').where('id', '=', second.permitId).execute(),
    ).toEqual([]);
  });

  it('refuses a paid resident-parking permit over the household cap with a refund proposal', async () => {
    const sosta = async (token: string, plate: string, receipt: string): Promise<PermitIssue> => ({
      ...(await ztlResidents(token, plate)),
      kind: 'sosta_residenti',
      holderId: 'r-cavour',
      holderName: 'Verdi Luigi',
      householdId: 'f-cavour',
      zone: 'SOSTA-A',
      validTo: lastDayAfterMonths(today(), 12),
      feeCents: 3_000,
      paymentRef: receipt,
    });
    for (const [plate, receipt] of [
      ['GH123JK', '01000000000000001'],
      ['GH124JK', '01000000000000002'],
    ] as const) {
      expect(
        await push(
          hub.casaleToken,
          'anagrafe.casale',
          'permits.issue',
          await sosta(hub.casaleToken, plate, receipt),
        ),
      ).toMatchObject({ status: 'applied' });
    }
    const third = await push(
      desk2Token,
      'anagrafe2.casale',
      'permits.issue',
      await sosta(desk2Token, 'GH125JK', '301000000000000144'),
    );
    expect(third).toMatchObject({
      status: 'rejected',
      error: {
        code: 'permit_household_cap',
      },
    });
    const exception = await hub.hubDb.db
      .selectFrom('sync_exceptions')
      .select('message')
      .where('code', '=', 'permit_household_cap')
      .executeTakeFirstOrThrow();
    expect(exception.message).toBe(
      'La famiglia ha già 2 permessi di sosta residenti: il massimo è 2. Rimborso proposto: € 30,00, ricevuta 301000000000000144, con bonifico dalla tesoreria.',
    );
  });

  it('lists the whitelist, snapshots it, and answers the delta since an earlier day', async () => {
    const whole = await get(PERMIT_WHITELIST_PATH, hub.casaleToken);
    expect(whole.status).toBe(200);
    const lines = whole.text.split('\r\n');
    expect(lines[0]).toBe('plate;country;kind;valid_from;valid_to');
    expect(lines).toContain(`AB123CD;I;ztl_residenti;${marioPermit.validFrom};${marioPermit.validTo}`);
    // sosta permits do not open the gates
    expect(whole.text).not.toContain('GH123JK');
    const snap = await hub.hubDb.db
      .selectFrom('permit_whitelist_snapshots')
      .select(['day', 'body'])
      .where('comune', '=', 'B885')
      .execute();
    expect(snap).toEqual([{ day: today(), body: whole.text }]);

    // what the vendor had yesterday: a plate since gone, and not yet Mario's
    const yesterday = addDays(today(), -1);
    await hub.hubDb.db
      .insertInto('permit_whitelist_snapshots')
      .values({
        comune: 'B885',
        day: yesterday,
        sha256: 'x',
        body: 'plate;country;kind;valid_from;valid_to\r\nZZ999ZZ;I;ztl_medici;2025-01-01;2025-12-31\r\n',
        created_at: new Date().toISOString(),
      })
      .execute();
    const delta = await get(`${PERMIT_WHITELIST_PATH}?since=${yesterday}`, hub.casaleToken);
    expect(delta.status).toBe(200);
    expect(delta.text.split('\r\n')).toEqual(
      expect.arrayContaining([
        'change;plate;country;kind;valid_from;valid_to',
        'remove;ZZ999ZZ;I;ztl_medici;2025-01-01;2025-12-31',
        `add;AB123CD;I;ztl_residenti;${marioPermit.validFrom};${marioPermit.validTo}`,
      ]),
    );
    const none = await get(`${PERMIT_WHITELIST_PATH}?since=2020-01-01`, hub.casaleToken);
    expect(none.status).toBe(400);
    expect(none.body.error).toMatchObject({ code: 'invalid_input', params: { field: 'since' } });
  });

  let unmatchedId = '';

  it('imports a day of camera transits: one bad line never stops the file, a replay adds nothing', async () => {
    const at = now();
    const csv = [
      'plate;country;timestamp;gate',
      `AB123CD;I;${at}:05;Varco 1`,
      `XY999ZZ;I;${at}:10;Varco 2`,
      `KL111MN;I;ieri mattina;Varco 1`,
      '',
    ].join('\n');
    const first = await post(PERMIT_TRANSITS_PATH, hub.casaleToken, csv, undefined, 'text/csv');
    expect(first.status).toBe(200);
    expect(first.body).toEqual({
      received: 2,
      stored: 2,
      duplicates: 0,
      matched: 1,
      unmatched: 1,
      errors: [{ line: 4, code: 'timestamp_invalid', value: 'ieri mattina' }],
    });
    const again = await post(PERMIT_TRANSITS_PATH, hub.casaleToken, csv, undefined, 'text/csv');
    expect(again.body).toMatchObject({ received: 2, stored: 0, duplicates: 2 });
    const json = await post(PERMIT_TRANSITS_PATH, hub.casaleToken, { csv });
    expect(json.status).toBe(400);
  });

  it('puts the unmatched in the supervisors review queue; a confirmed one becomes a fines-import line', async () => {
    const clerk = await login(hub.casaleToken, 'anagrafe.casale');
    const refused = await get(PERMIT_REVIEW_PATH, hub.casaleToken, clerk);
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('action_not_allowed');

    const sup = await login(hub.casaleToken, 'supervisore.casale');
    const queue = await get(PERMIT_REVIEW_PATH, hub.casaleToken, sup);
    expect(queue.status).toBe(200);
    expect(queue.body.items).toHaveLength(1);
    expect(queue.body.items[0]).toMatchObject({ plate: 'XY999ZZ', status: 'unmatched', reason: 'no_permit' });
    unmatchedId = queue.body.items[0].id;

    const decided = await post(
      `/api/v1/permits/transits/${unmatchedId}/decision`,
      hub.casaleToken,
      { decision: 'confirm' },
      sup,
    );
    expect(decided.status).toBe(200);
    const year = today().slice(2, 4);
    expect(decided.body.item).toMatchObject({
      status: 'confirmed',
      reviewedBy: 'supervisore.casale',
      verbaleDraft: { key: `1/ZTL${year}`, plate: 'XY999ZZ', article: 'art. 7 c.9 e c.14 CdS' },
    });
    const twice = await post(
      `/api/v1/permits/transits/${unmatchedId}/decision`,
      hub.casaleToken,
      { decision: 'dismiss' },
      sup,
    );
    expect(twice.status).toBe(400);
    expect((await get(PERMIT_REVIEW_PATH, hub.casaleToken, sup)).body.items).toEqual([]);

    // the fines office imports it as a verbale
    const fines = await get(FINES_CSV_PATH, hub.casaleToken, sup);
    expect(fines.text.split('\r\n')[1]).toMatch(
      new RegExp(`^1;ZTL${year};XY999ZZ;\\d\\d/\\d\\d/\\d{4};\\d\\d:\\d\\d;7;14;;;0,00;0;no$`),
    );
    const report = await importVerbali(hub.hubDb.db, 'B885', fines.text);
    expect(report).toMatchObject({ imported: 1, fileProblems: [] });
  });

  it('proposes revocation with the notice period when the holder moves out of the zone', async () => {
    // the registry's change of residence (the case engine's call site), in one transaction
    await hub.hubDb.db.transaction().execute((trx) =>
      serviceRegistryListener()(trx, {
        kind: 'moved',
        comune: 'B885',
        residentId: 'r-mario',
        familyId: 'f-damico',
        street: { streetType: 'Strada', streetName: 'Vialarda' },
        on: today(),
        at: new Date().toISOString(),
        cause: null,
      }),
    );
    const row = await permitRow(marioPermit.permitId);
    expect(row.status).toBe('revocation_proposed');
    const by = addDays(today(), 30).split('-').reverse().join('/');
    expect(row.revoked_reason).toBe(
      `Trasferimento di residenza in Strada Vialarda, fuori dalla zona ZTL-CENTRO, dal ${today().split('-').reverse().join('/')}: revoca proposta con preavviso di 30 giorni, entro il ${by}.`,
    );
    // still in force until a supervisor decides
    const check = await get(`${PERMIT_CHECK_PATH}?plate=AB123CD&zone=ZTL-CENTRO`, hub.casaleToken);
    expect(check.body.allowed).toBe(true);
    const sup = await login(hub.casaleToken, 'supervisore.casale');
    const list = await get(PERMIT_REVOCATIONS_PATH, hub.casaleToken, sup);
    expect(list.body.permits).toEqual([
      expect.objectContaining({
        number: marioPermit.number,
        holderName: 'Rossi Mario',
        reason: row.revoked_reason,
      }),
    ]);
    // the supervisor confirms
    const revoked = await push(hub.casaleToken, 'supervisore.casale', 'permits.revoke', {
      permitId: marioPermit.permitId,
      reason: row.revoked_reason,
      at: now(),
    });
    expect(revoked).toMatchObject({ status: 'applied' });
    const after = await get(
      `${PERMIT_CHECK_PATH}?plate=AB123CD&zone=ZTL-CENTRO&at=${addDays(today(), 1)}T08:00`,
      hub.casaleToken,
    );
    expect(after.body).toMatchObject({ allowed: false, reason: 'permit_revoked' });
  });

  it("revokes a deceased holder's CUDE, logged for the counters", async () => {
    const cude: PermitIssue = {
      ...(await ztlResidents(hub.casaleToken, 'MN222PR')),
      kind: 'cude_permanente',
      holderId: 'r-anna',
      holderName: 'Bianchi Anna',
      plates: [
        { plate: 'MN222PR', country: 'I' },
        { plate: 'MN333PR', country: 'I' },
      ],
      zone: null,
      validTo: lastDayAfterMonths(today(), 60),
      aslRef: 'ASL AL 2026/77',
    };
    const issued = await push(hub.casaleToken, 'anagrafe.casale', 'permits.issue', cude);
    expect(issued, JSON.stringify(issued)).toMatchObject({ status: 'applied' });
    const third = await push(hub.casaleToken, 'anagrafe.casale', 'permits.changePlate', {
      permitId: cude.permitId,
      plates: [
        { plate: 'MN222PR', country: 'I' },
        { plate: 'MN333PR', country: 'I' },
        { plate: 'MN444PR', country: 'I' },
      ],
      reason: null,
      at: now(),
    });
    // a CUDE's third plate is refused by the wire schema itself (2 at most), the permit unchanged
    expect(third).toMatchObject({ status: 'rejected', error: { code: 'mutation_invalid' } });
    // the national platform (local implementation) holds the card, its plates in order and a code
    const platform = () =>
      hub.hubDb.db
        .selectFrom('cude_platform')
        .selectAll()
        .where('permit_id', '=', cude.permitId)
        .executeTakeFirstOrThrow();
    const registered = await platform();
    expect(registered).toMatchObject({ status: 'registered', valid_to: cude.validTo });
    expect(registered.code).toMatch(/^CUDE[0-9A-HJKMNP-TV-Z]{8}$/);
    expect(JSON.parse(registered.plates)).toEqual(cude.plates);
    const swapped = await push(hub.casaleToken, 'anagrafe.casale', 'permits.changePlate', {
      permitId: cude.permitId,
      plates: [
        { plate: 'MN333PR', country: 'I' },
        { plate: 'MN555PR', country: 'I' },
      ],
      reason: null,
      at: now(),
    });
    expect(swapped).toMatchObject({ status: 'applied' });
    expect(JSON.parse((await platform()).plates)).toEqual([
      { plate: 'MN333PR', country: 'I' },
      { plate: 'MN555PR', country: 'I' },
    ]);
    expect((await platform()).code).toBe(registered.code);
    await hub.hubDb.db.transaction().execute((trx) =>
      serviceRegistryListener()(trx, {
        kind: 'deceased',
        comune: 'B885',
        residentId: 'r-anna',
        familyId: null,
        street: null,
        on: today(),
        at: new Date().toISOString(),
        cause: null,
      }),
    );
    const row = await permitRow(cude.permitId);
    expect(row).toMatchObject({ status: 'revoked', revoked_at: `${today()}T00:00` });
    expect(await platform()).toMatchObject({ status: 'withdrawn', code: registered.code });
    const logged = await hub.hubDb.db
      .selectFrom('change_log')
      .select('payload')
      .where('entity_id', '=', cude.permitId)
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(logged.payload)).toMatchObject({ status: 'revoked', aslRef: 'ASL AL 2026/77' });
    const page = await fetch(`${hub.url}/verify/permit/${cude.number}?k=${cude.verificationKey}`);
    const html = await page.text();
    expect(page.status).toBe(200);
    expect(html).toContain('data-status="revoked"');
    expect(html).toContain('MN333PR');
    expect(html).not.toContain('ASL');
    expect(html).not.toContain('Bianchi');
  });

  it('verifies a permit by its QR only with the right key', async () => {
    const wrong = await fetch(`${hub.url}/verify/permit/${marioPermit.number}?k=0000000A`);
    expect(wrong.status).toBe(404);
    const page = await fetch(
      `${hub.url}/verify/permit/${marioPermit.number}?k=${marioPermit.verificationKey}`,
    );
    const html = await page.text();
    expect(html).toContain('data-status="revoked"');
    expect(html).not.toContain('Rossi');
  });

  it('gives supervisors the figures of the period', async () => {
    const sup = await login(hub.casaleToken, 'supervisore.casale');
    const stats = await get(`${PERMIT_STATS_PATH}?from=${today()}&to=${today()}`, hub.casaleToken, sup);
    expect(stats.status).toBe(200);
    expect(stats.body.totals).toEqual({ issued: 5, renewed: 0, revoked: 2, revenueCents: 16_000 });
    const clerk = await login(hub.casaleToken, 'anagrafe.casale');
    expect(
      (await get(`${PERMIT_STATS_PATH}?from=${today()}&to=${today()}`, hub.casaleToken, clerk)).status,
    ).toBe(403);
  });

  it.runIf(backend === 'sqlite')('answers the plate check from the plates index', async () => {
    const plan = await sql<{
      detail: string;
    }>`${sql.raw(`explain query plan ${plateLookupSql(hub.hubDb.db)}`)}`
      .execute(hub.hubDb.db)
      .catch(async () =>
        sql<{ detail: string }>`${sql.raw(
          `explain query plan ${plateLookupSql(hub.hubDb.db).replace(/\?/g, "'x'")}`,
        )}`.execute(hub.hubDb.db),
      );
    expect(plan.rows.map((r) => r.detail).join(' | ')).toContain('permit_plates_lookup');
  });
});
