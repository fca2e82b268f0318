import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uuidv7 } from 'uuidv7';
import { romeDateOf, romeDateTimeOf } from '../../../shared/calendar/rome-date';
import { sciaDueDate } from '../../../shared/shops/shop-register';
import type { CaseProtocolView, FiledView, ShopView } from '../../../shared/shops/shop-views';
import type { ShopFiling } from '../../../shared/shops/shop-wire';
import { shopFiling } from '../../../shared/shops/test-fixtures';
import { findShop } from '../../../hub/shops/shop-repository';
import { loadCase } from '../../../hub/cases/case-repository';
import { startTestDesk, type TestDesk } from '../../../test-support/desk-harness';
import { HUB_BACKENDS } from '../../../test-support/hub-backends';
import { startTestHub, type TestHub } from '../../../test-support/running-hub';
import { runMutation } from '../sync/run-mutation';

/**
 * Shops on real desks over a real hub, SQLite and PostgreSQL: a SCIA filed offline gets exactly
 * one protocol number at sync; the hub refuses a tampered filing with nothing changed; a
 * cessation closes the shop in the hub's register; a supervisor's outcome decides the case.
 */

const today = romeDateOf(new Date());
const filing = (overrides: Partial<ShopFiling> = {}): ShopFiling =>
  shopFiling({ effectiveDate: today, ...overrides });

describe.each(HUB_BACKENDS)('shops over a real hub (%s)', (backend) => {
  let hub: TestHub;
  let desk: TestDesk;

  beforeAll(async () => {
    hub = await startTestHub(backend);
    desk = await startTestDesk(hub);
    await desk.core.sync.syncOnce();
    await desk.login();
  });
  afterAll(async () => {
    await desk?.close();
    await hub?.close();
  });

  const hubProtocols = async (caseId: string) =>
    hub.hubDb.db
      .selectFrom('protocol_register')
      .select(['number', 'direction'])
      .where('case_id', '=', caseId)
      .execute();

  it('a SCIA filed while the hub is down takes effect at once and gets exactly one protocol number at sync', async () => {
    await hub.stop();
    const filed = await desk.ok<FiledView>('shops:file', { shopId: null, filing: filing(), payment: 'cash' });
    expect(filed.kind).toBe('scia');
    expect(filed.protocolNumber).toBeNull();
    expect(filed.checkDueDate).toBe(sciaDueDate(today, 'B885'));
    expect(filed.feeCents).toBe(5600);
    expect(filed.shop).toMatchObject({ status: 'active', pending: true, address: 'Via Roma 12' });
    const offline = await desk.ok<ShopView[]>('shops:register', { query: 'ferraris' });
    expect(offline.map((s) => s.id)).toEqual([filed.shop.id]);

    await hub.start();
    await desk.core.sync.syncOnce();
    await desk.core.sync.syncOnce();
    expect(await desk.count('sync_exceptions')).toBe(0);
    const protocol = await desk.ok<CaseProtocolView>('shops:caseProtocol', { caseId: filed.caseId });
    expect(protocol.protocolNumber).toMatch(/^\d{4}\/\d{7}$/);
    expect(await hubProtocols(filed.caseId)).toHaveLength(1);
    const atHub = await findShop(hub.hubDb.db, 'B885', filed.shop.id);
    expect(atHub?.scia).toMatchObject({ outcome: 'pending', dueDate: sciaDueDate(today, 'B885') });
    const shop = await desk.ok<ShopView>('shops:get', { shopId: filed.shop.id });
    expect(shop.pending).toBe(false);
    // the fee is in the clerk's till at the hub too
    const fees = await hub.hubDb.db.selectFrom('shop_fees').selectAll().execute();
    expect(fees.map((f) => Number(f.amount_cents))).toEqual([5600]);
  });

  it('the hub refuses a filing above the class limit that a tampered counter queued, and changes nothing', async () => {
    const shopId = uuidv7();
    const caseId = uuidv7();
    const at = romeDateTimeOf(new Date());
    const tampered = filing({
      signName: 'Grande Magazzino',
      premises: {
        streetType: 'Via',
        streetName: 'Roma',
        houseNumber: '40',
        salesAreaM2: 400,
        totalAreaM2: 500,
      },
    });
    const before = await hub.hubDb.db.selectFrom('protocol_register').select('number').execute();
    await runMutation(
      desk.core.ctx,
      'shops.file',
      {
        filingId: uuidv7(),
        shopId,
        at,
        filing: tampered,
        case: {
          caseId,
          eventId: uuidv7(),
          at,
          procedureCode: 'scia_vicinato',
          applicantId: null,
          applicantName: 'Grande Magazzino',
          subject: 'SCIA: apertura',
          counterSeconds: null,
          receiptDelivery: 'printed',
          documents: [],
          residence: null,
        },
        payment: 'none',
        feeCents: 0,
        tillSessionId: null,
      },
      { entity: 'shop', entityId: shopId, reason: 'test' },
    );
    await desk.core.sync.syncOnce();
    const exceptions = await desk.core.ctx.db.selectFrom('sync_exceptions').select('code').execute();
    expect(exceptions.map((e) => e.code)).toEqual(['shop_media_struttura']);
    expect(await findShop(hub.hubDb.db, 'B885', shopId)).toBeNull();
    expect(await loadCase(hub.hubDb.db, 'B885', caseId)).toBeNull();
    expect(await hub.hubDb.db.selectFrom('protocol_register').select('number').execute()).toHaveLength(
      before.length,
    );
    // the counter drops what it showed optimistically
    await desk.core.sync.syncOnce();
    expect((await desk.call('shops:get', { shopId })).ok).toBe(false);
    expect(
      await desk.core.ctx.db.selectFrom('cases').select('id').where('id', '=', caseId).execute(),
    ).toEqual([]);
  });

  it('a cessation is a comunicazione: the hub closes the shop in its register and the case at once', async () => {
    const [shop] = await desk.ok<ShopView[]>('shops:register', { query: 'Bottega Ferraris' });
    if (!shop) throw new Error('no shop');
    const filed = await desk.ok<FiledView>('shops:file', {
      shopId: shop.id,
      filing: filing({ event: 'cessazione' }),
      payment: 'cash',
    });
    expect(filed).toMatchObject({ kind: 'comunicazione', feeCents: 0, checkDueDate: null });
    expect(filed.shop.status).toBe('closed');
    await desk.core.sync.syncOnce();
    await desk.core.sync.syncOnce();
    expect((await findShop(hub.hubDb.db, 'B885', shop.id))?.status).toBe('closed');
    const record = await loadCase(hub.hubDb.db, 'B885', filed.caseId);
    expect(record?.state.status).toBe('closed');
    expect((await hubProtocols(filed.caseId)).map((p) => p.direction).sort()).toEqual([
      'incoming',
      'outgoing',
    ]);
    // a closed shop cannot cease again: refused at the counter, nothing queued
    const outbox = await desk.count('outbox');
    const again = await desk.call('shops:file', {
      shopId: shop.id,
      filing: filing({ event: 'cessazione' }),
      payment: 'cash',
    });
    expect(again.ok ? null : again.error.code).toBe('shop_not_open');
    expect(await desk.count('outbox')).toBe(outbox);
  });

  it('a supervisor’s "divieto di prosecuzione" rejects the SCIA’s case and stops the shop at the hub', async () => {
    const filed = await desk.ok<FiledView>('shops:file', {
      shopId: null,
      filing: filing({
        signName: 'Ottica Lanza',
        premises: {
          streetType: 'Corso',
          streetName: 'Giovane Italia',
          houseNumber: '5',
          salesAreaM2: 60,
          totalAreaM2: 70,
        },
      }),
      payment: 'pagopa',
    });
    await desk.core.sync.syncOnce();
    await desk.core.sync.syncOnce();
    const withNotice = await desk.ok<ShopView>('shops:get', { shopId: filed.shop.id });
    expect(withNotice.notices).toHaveLength(1);
    expect(withNotice.notices[0]?.amountCents).toBe(5600);
    await desk.ok('session:logout');
    await desk.login('supervisore.casale');
    const due = await desk.ok<{ shop: ShopView }[]>('shops:checksDue');
    expect(due.map((d) => d.shop.signName)).toContain('Ottica Lanza');
    const short = await desk.call('shops:outcome', {
      shopId: filed.shop.id,
      outcome: 'invito',
      conformDays: 20,
      reason: 'manca la planimetria',
    });
    expect(short.ok ? null : short.error.code).toBe('shop_outcome_invalid');
    const letter = await desk.ok<{ pdfBase64: string; shop: ShopView }>('shops:outcome', {
      shopId: filed.shop.id,
      outcome: 'divieto',
      reason: 'requisiti morali non posseduti',
    });
    expect(Buffer.from(letter.pdfBase64, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
    expect(letter.shop.status).toBe('prohibited');
    await desk.core.sync.syncOnce();
    await desk.core.sync.syncOnce();
    expect(await desk.count('sync_exceptions')).toBe(1); // the tampered filing's, from before
    expect((await findShop(hub.hubDb.db, 'B885', filed.shop.id))?.status).toBe('prohibited');
    expect((await loadCase(hub.hubDb.db, 'B885', filed.caseId))?.state.status).toBe('closed');
  });

  it('an invitation to conform (≥ 30 days) keeps the check open; "conforme" then closes it', async () => {
    await desk.login('anagrafe.casale');
    const filed = await desk.ok<FiledView>('shops:file', {
      shopId: null,
      filing: filing({
        signName: 'Libreria Gatti',
        premises: {
          streetType: 'Via',
          streetName: 'Roma',
          houseNumber: '30',
          salesAreaM2: 90,
          totalAreaM2: 100,
        },
      }),
      payment: 'cash',
    });
    await desk.core.sync.syncOnce();
    await desk.login('supervisore.casale');
    const invited = await desk.ok<{ shop: ShopView }>('shops:outcome', {
      shopId: filed.shop.id,
      outcome: 'invito',
      conformDays: 30,
      reason: 'manca la planimetria dei locali',
    });
    expect(invited.shop.scia).toMatchObject({ outcome: 'invito' });
    await desk.core.sync.syncOnce();
    await desk.core.sync.syncOnce();
    const atHub = await findShop(hub.hubDb.db, 'B885', filed.shop.id);
    expect(atHub?.scia?.outcome).toBe('invito');
    expect(atHub?.scia?.conformBy).not.toBeNull();
    expect((await loadCase(hub.hubDb.db, 'B885', filed.caseId))?.state.status).toBe('taken_in_charge');
    await desk.ok('shops:outcome', {
      shopId: filed.shop.id,
      outcome: 'conforme',
      reason: 'planimetria ricevuta',
    });
    await desk.core.sync.syncOnce();
    await desk.core.sync.syncOnce();
    expect((await findShop(hub.hubDb.db, 'B885', filed.shop.id))?.scia?.outcome).toBe('conforme');
    const record = await loadCase(hub.hubDb.db, 'B885', filed.caseId);
    expect(record?.state.status).toBe('closed');
    expect(record?.state.outcome?.kind).toBe('approved');
  });

  it('a SCIA case approved from the cases screen reaches the register as "conforme" (caseDecisions)', async () => {
    await desk.login('anagrafe.casale');
    const filed = await desk.ok<FiledView>('shops:file', {
      shopId: null,
      filing: filing({
        signName: 'Cartoleria Monti',
        premises: {
          streetType: 'Via',
          streetName: 'Roma',
          houseNumber: '31',
          salesAreaM2: 40,
          totalAreaM2: 50,
        },
      }),
      payment: 'cash',
    });
    await desk.core.sync.syncOnce();
    await desk.core.sync.syncOnce();
    await desk.login('supervisore.casale');
    await desk.ok('cases:transition', { caseId: filed.caseId, event: { type: 'take_in_charge' } });
    await desk.ok('cases:transition', {
      caseId: filed.caseId,
      event: { type: 'propose', outcome: 'approve', reason: 'requisiti verificati' },
    });
    await desk.ok('cases:transition', { caseId: filed.caseId, event: { type: 'approve' } });
    await desk.core.sync.syncOnce();
    await desk.core.sync.syncOnce();
    expect((await findShop(hub.hubDb.db, 'B885', filed.shop.id))?.scia?.outcome).toBe('conforme');
    const mirrored = await desk.ok<ShopView>('shops:get', { shopId: filed.shop.id });
    expect(mirrored.scia?.outcome).toBe('conforme');
    expect(mirrored.status).toBe('active');
  });
});
