import type { Household } from '../../../hub/seed/seed-demo';
import { addCavourHousehold, CAVOUR_HOUSEHOLD } from '../../../test-support/permit-fixtures';
import { insertHouseholds } from '../../../hub/seed/seed-demo';
import { insertPermit } from '../../../hub/permits/permit-repository';
import type { PermitRecord } from '../../../shared/permits/permit-wire';
import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../../shared/calendar/iso-date';
import { romeDateOf } from '../../../shared/calendar/rome-date';
import { parseNoticeNumber } from '../../../shared/pagopa/notice-number';
import type {
  ExpiringPermitView,
  IssuedPermitView,
  PermitDraftView,
  PermitKindOption,
  PermitPdfView,
  PermitView,
  PlateCheckView,
} from '../../../shared/permits/permit-views';
import { permitRecord } from '../../../shared/permits/test-fixtures';
import { startTestDesk, type TestDesk } from '../../../test-support/desk-harness';
import { startTestHub, type TestHub } from '../../../test-support/running-hub';
import { extractPdfText, flat } from '../documents/pdf-test-helpers';
import { checkPlateAtDesk } from './plate-check';

/** A permit the hub holds (its table and change log, as its permit service writes them). */
async function publishPermit(hub: TestHub, record: PermitRecord): Promise<void> {
  await hub.hubDb.db.transaction().execute(async (trx) => {
    const ws = await trx
      .selectFrom('workstations')
      .select('id')
      .where('comune', '=', record.comune)
      .executeTakeFirstOrThrow();
    await insertPermit(trx, record, ws.id, new Date().toISOString());
  });
}

const today = romeDateOf(new Date());
const year = today.slice(0, 4);

/** What a refused call must leave untouched: the mirror, the outbox, the series. */
async function snapshot(desk: TestDesk) {
  const db = desk.core.ctx.db;
  const count = async (t: 'permits' | 'permit_plates' | 'permit_fees' | 'outbox') =>
    Number(
      (
        await db
          .selectFrom(t)
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const last = await db
    .selectFrom('meta')
    .select('value')
    .where('key', '=', 'permits.last_number')
    .executeTakeFirst();
  return {
    permits: await count('permits'),
    plates: await count('permit_plates'),
    fees: await count('permit_fees'),
    outbox: await count('outbox'),
    last: last?.value ?? null,
  };
}

async function refused(desk: TestDesk, call: string, input: unknown) {
  const before = await snapshot(desk);
  const res = await desk.call(call, input);
  expect(res.ok).toBe(false);
  expect(await snapshot(desk)).toEqual(before);
  if (res.ok) throw new Error('expected a refusal');
  return res.error;
}

describe('permits at the counter (desk core over a real hub)', () => {
  let hub: TestHub;
  let desk: TestDesk;
  /** Mario Rossi's ZTL permit ending in 20 days, published by the hub before the first sync */
  const expiring = permitRecord({
    id: 'p-old-ztl',
    number: 'PRM-B885-H1-2025-000007',
    holderId: 'r-mario',
    holderName: 'Rossi Mario',
    householdId: 'f-rossi',
    plates: [{ plate: 'AB123CD', country: 'I' }],
    validFrom: addDays(today, -710),
    validTo: addDays(today, 20),
    issuedAt: `${addDays(today, -712)}T10:00`,
  });
  const revoked = permitRecord({
    id: 'p-revoked',
    number: 'PRM-B885-H1-2025-000008',
    kind: 'ztl_ecologico',
    holderId: 'r-anna',
    holderName: 'Bianchi Anna',
    householdId: 'f-rossi',
    zone: null,
    plates: [{ plate: 'ZZ999ZZ', country: 'I' }],
    validFrom: addDays(today, -300),
    validTo: addDays(today, 20),
    status: 'revoked',
    revokedAt: `${addDays(today, -10)}T09:00`,
    revokedReason: 'veicolo non più ecologico',
  });

  beforeAll(async () => {
    hub = await startTestHub('sqlite');
    await addCavourHousehold(hub);
    await publishPermit(hub, expiring);
    await publishPermit(hub, revoked);
    desk = await startTestDesk(hub, { workstation: 'Casale - Polizia Locale' });
    await desk.core.sync.syncOnce();
    await desk.login();
  });
  afterAll(async () => {
    await desk?.close();
    await hub?.close();
  });

  it('lists the comune’s kinds with their fees', async () => {
    const kinds = await desk.ok<PermitKindOption[]>('permits:kinds');
    expect(kinds.map((k) => k.kind)).toContain('ztl_residenti');
    expect(kinds.find((k) => k.kind === 'sosta_residenti')).toMatchObject({ feeCents: 3000, maxPlates: 1 });
    expect(kinds.find((k) => k.kind === 'cude_permanente')).toMatchObject({
      maxPlates: 2,
      needsAslRef: true,
    });
  });

  it('shows the pulled permits of the person and the household, the one ending soon renewable', async () => {
    const list = await desk.ok<PermitView[]>('permits:forResident', { residentId: 'r-anna' });
    expect(list.map((p) => p.number).sort()).toEqual([expiring.number, revoked.number]);
    expect(list.find((p) => p.id === expiring.id)).toMatchObject({
      renewable: true,
      now: 'valid',
      pending: false,
    });
    expect(list.find((p) => p.id === revoked.id)).toMatchObject({ renewable: false, now: 'revoked' });
  });

  it('pre-fills a ZTL residents permit asked from a household member in the head’s name, and refuses a second one in words', async () => {
    const draft = await desk.ok<PermitDraftView>('permits:prepare', {
      residentId: 'r-anna',
      kind: 'ztl_residenti',
    });
    expect(draft.holder).toMatchObject({ id: 'r-mario', name: 'Rossi Mario', isHead: true });
    expect(draft.askedBy).toMatchObject({ id: 'r-anna' });
    expect(draft.zone).toBe('ZTL-CENTRO');
    expect(draft.address).toBe('Via Roma 12');
    expect(draft.plates).toEqual([{ plate: 'AB123CD', country: 'I' }]);
    expect(draft.ok).toBe(false);
    expect(draft.refusals.map((r) => r.code)).toContain('permit_household_exists');
    const [y, m, d] = expiring.validTo.split('-');
    expect(draft.refusals[0]?.message).toContain(`AB123CD fino al ${d}/${m}/${y}`);

    const error = await refused(desk, 'permits:issue', { residentId: 'r-anna', kind: 'ztl_residenti' });
    expect(error.code).toBe('permit_household_exists');
    expect(error.message).toContain(`AB123CD fino al ${d}/${m}/${y}`);
  });

  it('renews the ZTL permit from the day after it ends, numbered in this workstation’s series', async () => {
    const draft = await desk.ok<PermitDraftView>('permits:prepare', {
      residentId: 'r-mario',
      kind: 'ztl_residenti',
      renewsId: expiring.id,
    });
    expect(draft).toMatchObject({ ok: true, validFrom: addDays(expiring.validTo, 1), feeCents: 0 });
    const issued = await desk.ok<IssuedPermitView>('permits:issue', {
      residentId: 'r-mario',
      kind: 'ztl_residenti',
      renewsId: expiring.id,
    });
    expect(issued.permit.number).toMatch(new RegExp(`^PRM-B885-[A-Z0-9]+-${year}-000001$`));
    expect(issued.permit).toMatchObject({
      renewsId: expiring.id,
      validFrom: addDays(expiring.validTo, 1),
      plates: [{ plate: 'AB123CD', country: 'I' }],
      pending: true,
    });
    expect(issued.payment).toBe('free');
    expect(issued.verificationUrl).toMatch(
      new RegExp(`^${hub.url}/verify/permit/PRM-B885-[A-Z0-9]+-${year}-000001\\?k=[0-9A-HJKMNP-TV-Z]{8}$`),
    );
    const pdf = Buffer.from(issued.pdfBase64, 'base64');
    expect(createHash('sha256').update(pdf).digest('hex')).toBe(issued.sha256);
    const text = flat((await extractPdfText(new Uint8Array(pdf))).join('\n'));
    expect(text).toContain('PERMESSO ZTL – RESIDENTI');
    expect(text).toContain('AB123CD');
    expect(text).toContain(issued.verificationUrl ?? '-');

    const outbox = await desk.core.ctx.db.selectFrom('outbox').select(['name', 'args']).execute();
    expect(outbox.map((o) => o.name)).toEqual(['permits.issue']);
    // renewed once: the old one is no longer offered for renewal
    const list = await desk.ok<PermitView[]>('permits:forResident', { residentId: 'r-mario' });
    expect(list.find((p) => p.id === expiring.id)?.renewable).toBe(false);
  });

  it('issues a resident parking permit with the fee taken in the clerk’s till (opened once)', async () => {
    const draft = await desk.ok<PermitDraftView>('permits:prepare', {
      residentId: 'r-giorgio',
      kind: 'sosta_residenti',
      plates: [{ plate: 'fg 456 hk' }],
    });
    expect(draft).toMatchObject({
      ok: true,
      zone: 'SOSTA-A',
      feeCents: 3000,
      plates: [{ plate: 'FG456HK', country: 'I' }],
    });
    expect(draft.validTo).toBe(
      addDays(
        addDays(today, 0).replace(/^(\d{4})/, (y) => String(Number(y) + 1)),
        -1,
      ),
    );
    const issued = await desk.ok<IssuedPermitView>('permits:issue', {
      residentId: 'r-giorgio',
      kind: 'sosta_residenti',
      plates: [{ plate: 'fg 456 hk' }],
    });
    expect(issued.payment).toBe('cash');
    expect(issued.tillSessionId).not.toBeNull();
    expect(issued.permit.paymentRef).toBe(issued.permit.number);
    const fees = await desk.core.ctx.db.selectFrom('permit_fees').selectAll().execute();
    expect(fees).toEqual([expect.objectContaining({ amount_cents: 3000, session_id: issued.tillSessionId })]);
    expect(await desk.count('counter_sessions')).toBe(1);
  });

  it('issues a pagoPA notice instead when the clerk asks, with valid check digits', async () => {
    const issued = await desk.ok<IssuedPermitView>('permits:issue', {
      residentId: 'r-giorgio',
      kind: 'sosta_residenti',
      plates: [{ plate: 'GH789JK' }],
      payment: 'pagopa',
    });
    expect(issued.payment).toBe('pagopa');
    expect(issued.tillSessionId).toBeNull();
    const notice = parseNoticeNumber(issued.noticeNumber ?? '');
    expect(notice.ok).toBe(true);
    if (notice.ok) expect(issued.permit.paymentRef).toBe(notice.value.iuv);
    expect((await desk.core.ctx.db.selectFrom('permit_fees').selectAll().execute()).length).toBe(1);
  });

  describe('bad input: a typed error in Italian and English, nothing changes', () => {
    it('malformed plate', async () => {
      const e = await refused(desk, 'permits:issue', {
        residentId: 'r-giorgio',
        kind: 'sosta_residenti',
        plates: [{ plate: 'AO123BC' }],
      });
      expect(e.code).toBe('plate_invalid');
      expect(e.message).toBe('Targa «AO123BC» non valida per la nazione I.');
    });

    it('a foreign plate is fine with its country', async () => {
      const draft = await desk.ok<PermitDraftView>('permits:prepare', {
        residentId: 'r-giorgio',
        kind: 'sosta_residenti',
        plates: [{ plate: 'm ab 1234', country: 'de' }],
      });
      expect(draft.plates).toEqual([{ plate: 'MAB1234', country: 'DE' }]);
      expect(draft.refusals.map((r) => r.code)).not.toContain('plate_invalid');
    });

    it('holder not resident in the zone', async () => {
      const e = await refused(desk, 'permits:issue', {
        residentId: 'r-arben',
        kind: 'ztl_residenti',
        plates: [{ plate: 'CD234EF' }],
      });
      expect(e.code).toBe('permit_not_resident_in_zone');
      expect(e.message).toContain('Corso Giovane Italia');
    });

    it('second household ZTL permit (the renewal is in force from tomorrow)', async () => {
      const e = await refused(desk, 'permits:issue', {
        residentId: 'r-luca',
        kind: 'ztl_residenti',
        plates: [{ plate: 'EF345GH' }],
      });
      expect(e.code).toBe('permit_household_exists');
    });

    it('retroactive temporary permit', async () => {
      const e = await refused(desk, 'permits:issue', {
        residentId: 'r-arben',
        kind: 'ztl_temporaneo',
        plates: [{ plate: 'CD234EF' }],
        start: `${addDays(today, -1)}T10:00`,
      });
      expect(e.code).toBe('permit_retroactive');
    });

    it('CUDE third plate', async () => {
      const e = await refused(desk, 'permits:issue', {
        residentId: 'r-arben',
        kind: 'cude_permanente',
        plates: [{ plate: 'AA111AA' }, { plate: 'BB222BB' }, { plate: 'CC333CC' }],
        aslRef: 'ASL AL 2026/77',
      });
      expect(e.code).toBe('permit_cude_too_many_plates');
    });

    it('overlapping validity: the plate already has a permit of that kind', async () => {
      await desk.ok('permits:issue', {
        residentId: 'r-arben',
        kind: 'ztl_ecologico',
        plates: [{ plate: 'EC111LL' }],
      });
      const e = await refused(desk, 'permits:issue', {
        residentId: 'r-giorgio',
        kind: 'ztl_ecologico',
        plates: [{ plate: 'EC111LL' }],
      });
      expect(e.code).toBe('permit_overlap');
      expect(e.message).toContain('EC111LL');
    });

    it('household cap of resident parking', async () => {
      const e = await refused(desk, 'permits:issue', {
        residentId: 'r-giorgio',
        kind: 'sosta_residenti',
        plates: [{ plate: 'LM456NP' }],
      });
      expect(e.code).toBe('permit_household_cap');
    });

    it('revoked permit shown for renewal', async () => {
      const e = await refused(desk, 'permits:issue', {
        residentId: 'r-anna',
        kind: 'ztl_ecologico',
        renewsId: revoked.id,
      });
      expect(e.code).toBe('permit_revoked_not_renewable');
      expect(e.message).toContain(revoked.number);
    });

    it('in English too', async () => {
      await desk.ok('app:setLocale', { locale: 'en' }).catch(() => undefined);
      desk.core.ctx.state.locale = 'en';
      try {
        const e = await refused(desk, 'permits:issue', {
          residentId: 'r-giorgio',
          kind: 'sosta_residenti',
          plates: [{ plate: 'AO123BC' }],
        });
        expect(e.message).toBe('Plate “AO123BC” is not valid for country I.');
      } finally {
        desk.core.ctx.state.locale = 'it';
      }
    });
  });

  it('answers the plate question from the mirror with one indexed read', async () => {
    const at = `${today}T10:00`;
    const inZtl = await desk.ok<PlateCheckView>('permits:checkLocal', {
      plate: 'ab123cd',
      zone: 'ZTL-CENTRO',
      at,
    });
    expect(inZtl).toMatchObject({ allowed: true, reason: 'allowed' });
    const parking = await desk.ok<PlateCheckView>('permits:checkLocal', {
      plate: 'FG456HK',
      zone: 'ZTL-CENTRO',
      at,
    });
    expect(parking).toMatchObject({ allowed: false, reason: 'not_for_zone' });
    const nobody = await checkPlateAtDesk(desk.core.ctx.db, {
      plate: 'XY000XY',
      country: 'I',
      zone: 'ZTL-CENTRO',
      at,
    });
    expect(nobody).toMatchObject({ allowed: false, reason: 'no_permit' });
    const revokedPlate = await desk.ok<PlateCheckView>('permits:checkLocal', {
      plate: 'ZZ999ZZ',
      zone: 'ZTL-CENTRO',
      at,
    });
    expect(revokedPlate).toMatchObject({ allowed: false, reason: 'not_in_force' });

    const plan = await sql<{ detail: string }>`EXPLAIN QUERY PLAN SELECT permits.number FROM permit_plates
      INNER JOIN permits ON permits.id = permit_plates.permit_id
      WHERE permit_plates.plate = ${'AB123CD'} AND permit_plates.country = ${'I'}`.execute(desk.core.ctx.db);
    const details = plan.rows.map((r) => r.detail).join(' | ');
    expect(details).toContain('permit_plates_plate');
    expect(details).not.toMatch(/SCAN permit_plates/);
  });

  it('lists permits ending within 30 days with a letter draft', async () => {
    const list = await desk.ok<ExpiringPermitView[]>('permits:expiring', {});
    // the ZTL permit was renewed: no reminder; the revoked one is not active
    expect(list.map((e) => e.permit.id)).not.toContain(expiring.id);
    const soon = permitRecord({
      id: 'p-soon',
      number: 'PRM-B885-H1-2025-000009',
      kind: 'ztl_ecologico',
      holderId: 'r-arben',
      holderName: 'Hoxha Arben',
      householdId: 'f-hoxha',
      zone: null,
      plates: [{ plate: 'KL123MN', country: 'I' }],
      validFrom: addDays(today, -340),
      validTo: addDays(today, 25),
    });
    await publishPermit(hub, soon);
    await desk.core.sync.syncOnce();
    const again = await desk.ok<ExpiringPermitView[]>('permits:expiring', {});
    const entry = again.find((e) => e.permit.id === 'p-soon');
    expect(entry).toMatchObject({ daysLeft: 25 });
    expect(entry?.letter.body).toContain('KL123MN');
  });

  it('changes a plate, issues a duplicate (the original superseded) and prints the card', async () => {
    const [mine] = await desk.ok<PermitView[]>('permits:lookup', { plate: 'GH789JK' });
    if (!mine) throw new Error('no permit for GH789JK');
    const changed = await desk.ok<PermitView>('permits:changePlate', {
      permitId: mine.id,
      plates: [{ plate: 'gh 789 jl' }],
      reason: 'auto nuova',
    });
    expect(changed.plates).toEqual([{ plate: 'GH789JL', country: 'I' }]);
    expect(await desk.ok<PermitView[]>('permits:lookup', { plate: 'GH789JK' })).toEqual([]);

    const dup = await desk.ok<IssuedPermitView>('permits:duplicate', { permitId: mine.id, cause: 'loss' });
    expect(dup.permit).toMatchObject({ renewsId: mine.id, plates: [{ plate: 'GH789JL', country: 'I' }] });
    const [original] = (await desk.ok<PermitView[]>('permits:lookup', { plate: 'GH789JL' })).filter(
      (p) => p.id === mine.id,
    );
    expect(original?.status).toBe('superseded');

    const card = await desk.ok<PermitPdfView>('permits:pdf', { permitId: dup.permit.id, format: 'card' });
    const text = flat(
      (await extractPdfText(new Uint8Array(Buffer.from(card.pdfBase64, 'base64')))).join('\n'),
    );
    expect(text).toContain('GH789JL');
    expect(text).toContain(dup.permit.number);
  });

  it('a CUDE never prints the ASL reference', async () => {
    const issued = await desk.ok<IssuedPermitView>('permits:issue', {
      residentId: 'r-arben',
      kind: 'cude_permanente',
      plates: [{ plate: 'AA111AA' }],
      aslRef: 'ASL AL 2026/77 commissione',
    });
    for (const format of ['a4', 'card'] as const) {
      const pdf = await desk.ok<PermitPdfView>('permits:pdf', { permitId: issued.permit.id, format });
      const text = flat(
        (await extractPdfText(new Uint8Array(Buffer.from(pdf.pdfBase64, 'base64')))).join('\n'),
      );
      expect(text).not.toContain('ASL');
      expect(text).not.toContain('2026/77');
    }
  });

  it('revocation is for supervisors', async () => {
    const [mine] = await desk.ok<PermitView[]>('permits:lookup', { plate: 'FG456HK' });
    const res = await desk.call('permits:revoke', { permitId: mine?.id, reason: 'trasferito fuori zona' });
    expect(res.ok).toBe(false);
    await desk.ok('session:logout').catch(() => undefined);
    await desk.login('supervisore.casale');
    const revokedNow = await desk.ok<PermitView>('permits:revoke', {
      permitId: mine?.id,
      reason: 'trasferito fuori zona',
    });
    expect(revokedNow).toMatchObject({ status: 'revoked', now: 'revoked', renewable: false });
    const again = await desk.call('permits:revoke', { permitId: mine?.id, reason: 'trasferito fuori zona' });
    expect(again.ok ? null : again.error.code).toBe('permit_already_revoked');
  });

  it('pushes everything to the hub, which keeps it and sends back the records: ours become confirmed', async () => {
    await desk.core.sync.syncOnce();
    const exceptions = await desk.core.ctx.db.selectFrom('sync_exceptions').selectAll().execute();
    expect(exceptions.map((e) => JSON.stringify(e))).toEqual([]);
    expect(await desk.count('outbox')).toBe(0);
    const unconfirmed = await desk.core.ctx.db
      .selectFrom('permits')
      .select('number')
      .where('confirmed', '=', 0)
      .execute();
    expect(unconfirmed).toEqual([]);
    const [renewal] = (await desk.ok<PermitView[]>('permits:forResident', { residentId: 'r-mario' })).filter(
      (p) => p.renewsId === expiring.id,
    );
    const page = await fetch(renewal?.verificationUrl ?? '-');
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('AB123CD');
    expect(html).not.toContain('Rossi');
  });
});

/** A household in the ZTL (Via Lanza) with no permit yet. */
const LANZA_HOUSEHOLD: Household = {
  ...CAVOUR_HOUSEHOLD,
  family: {
    ...CAVOUR_HOUSEHOLD.family,
    id: 'f-bruno',
    address: {
      streetType: 'Via',
      streetName: 'Lanza',
      houseNumber: '8',
      interior: '',
      cap: '15033',
      frazione: '',
    },
  },
  members: [
    {
      ...(CAVOUR_HOUSEHOLD.members[0] as Household['members'][number]),
      id: 'r-bruno',
      codiceFiscale: 'BRNPLA70A01B885X',
      surname: 'Bruno',
      givenNames: 'Paola',
      sex: 'F',
      familyId: 'f-bruno',
    },
  ],
};

describe('permits offline at two counters for one household', () => {
  let hub: TestHub;
  let first: TestDesk;
  let second: TestDesk;
  beforeAll(async () => {
    hub = await startTestHub('sqlite');
    await insertHouseholds(hub.hubDb.db, [LANZA_HOUSEHOLD]);
    first = await startTestDesk(hub, { workstation: 'Casale - Polizia 1' });
    second = await startTestDesk(hub, {
      workstation: 'Casale - Polizia 2',
      token: await hub.enrol('Casale - Polizia 2'),
    });
    for (const desk of [first, second]) {
      await desk.core.sync.syncOnce();
      await desk.login();
    }
  });
  afterAll(async () => {
    await first?.close();
    await second?.close();
    await hub?.close();
  });

  it('both issue while the hub is down; the hub keeps the first and the second counter’s permit goes away', async () => {
    await hub.stop();
    const a = await first.ok<IssuedPermitView>('permits:issue', {
      residentId: 'r-bruno',
      kind: 'ztl_residenti',
      plates: [{ plate: 'PL111AA' }],
    });
    const b = await second.ok<IssuedPermitView>('permits:issue', {
      residentId: 'r-bruno',
      kind: 'ztl_residenti',
      plates: [{ plate: 'PL222BB' }],
    });
    // each counter numbers from its own series: never the same number offline
    expect(a.permit.number).not.toBe(b.permit.number);
    expect(await first.count('outbox')).toBe(1);
    expect(await second.count('outbox')).toBe(1);
    // offline, the plate check answers from the mirror
    const check = await first.ok<PlateCheckView>('permits:checkLocal', {
      plate: 'PL111AA',
      zone: 'ZTL-CENTRO',
    });
    expect(check.allowed).toBe(true);

    await hub.start();
    await first.core.sync.syncOnce();
    await second.core.sync.syncOnce();
    expect(await first.count('sync_exceptions')).toBe(0);
    const refused = await second.core.ctx.db.selectFrom('sync_exceptions').selectAll().execute();
    expect(refused.map((r) => r.code)).toEqual(['permit_household_exists']);
    await second.core.sync.syncOnce();
    const theirs = await second.ok<PermitView[]>('permits:forResident', { residentId: 'r-bruno' });
    expect(theirs.map((p) => p.number)).toEqual([a.permit.number]);
    expect(theirs[0]?.pending).toBe(false);
  });
});
