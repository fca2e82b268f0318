import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addDays } from '../../../shared/calendar/iso-date';
import { romeDateOf } from '../../../shared/calendar/rome-date';
import { permitRecord } from '../../../shared/permits/test-fixtures';
import type { OpenItemsView } from '../../../shared/visits/open-items';
import { demoPositionsCsv, demoVerbaliCsv } from '../../../hub/cashdesk/demo-fines';
import { importDebtPositions, importVerbali } from '../../../hub/cashdesk/import-service';
import { insertPermit } from '../../../hub/permits/permit-repository';
import { openResidence, residenceIntake } from '../../../test-support/case-fixtures';
import { startTestDesk, type TestDesk } from '../../../test-support/desk-harness';
import { HUB_BACKENDS } from '../../../test-support/hub-backends';
import { startTestHub, type TestHub } from '../../../test-support/running-hub';

const today = () => romeDateOf(new Date());

/**
 * The Rossi household of the fixture registry (Mario, Anna Bianchi, Luca) with what a comune
 * really holds against it: TARI and canteen notices of two members, two fines on the plate of
 * Mario's ZTL permit (which runs out in 20 days), a permit of another household, and Luca's
 * change of residence just filed at this counter.
 */
async function rossiHousehold(hub: TestHub, desk: TestDesk): Promise<void> {
  const day = today();
  await importVerbali(hub.hubDb.db, 'B885', demoVerbaliCsv(day, 0));
  await importDebtPositions(
    hub.hubDb.db,
    'B885',
    demoPositionsCsv(day, ['RSSMRA72L09H501S', 'BNCNNA80A41B885M', 'DMCNCL66D20B885V'], '01'),
  );
  const at = new Date().toISOString();
  await hub.hubDb.db.transaction().execute(async (trx) => {
    await insertPermit(
      trx,
      permitRecord({
        id: 'permit-mario',
        holderId: 'r-mario',
        holderName: 'Rossi Mario',
        householdId: 'f-rossi',
        validFrom: addDays(day, -345),
        validTo: addDays(day, 20),
      }),
      'demo',
      at,
    );
    await insertPermit(
      trx,
      permitRecord({
        id: 'permit-nicolo',
        number: 'PRM-B885-A2-2026-000002',
        verificationKey: '7KQ3ZP9N',
        holderId: 'r-nicolo',
        holderName: "D'Amico Nicolò",
        householdId: 'f-damico',
        plates: [{ plate: 'CD456EF', country: 'I' }],
        validFrom: addDays(day, -345),
        validTo: addDays(day, 10),
      }),
      'demo',
      at,
    );
  });
  await desk.core.sync.syncOnce();
  await openResidence(desk, residenceIntake(day, {}, 'r-luca'));
}

describe.each(HUB_BACKENDS)('a household’s open items on the resident page (%s hub)', (backend) => {
  let hub: TestHub;
  let desk: TestDesk;
  beforeEach(async () => {
    hub = await startTestHub(backend);
    desk = await startTestDesk(hub);
    await desk.core.sync.syncOnce();
    await desk.login();
    await rossiHousehold(hub, desk);
  });
  afterEach(async () => {
    await desk?.close();
    await hub?.close();
  });

  it('lists each member’s notices and canteen arrears, the fines on the household’s plate, the permit to renew and the open case', async () => {
    const seen = await desk.ok<OpenItemsView>('visits:openItems', { residentId: 'r-anna' });
    const rows = seen.items.map((i) => [i.kind, i.personName, i.amountCents]);
    expect(rows).toEqual([
      // fines first, the nearest deadline first: the 30% reduction ends in 4 days
      ['fine', 'Rossi Mario', 2_940],
      ['fine', 'Rossi Mario', 16_700 + 1_450],
      // Mario's first TARI instalment fell due 10 days ago: listed, not payable at the counter
      ['notice', 'Rossi Mario', null],
      ['notice', 'Bianchi Anna', 20_350],
      ['notice', 'Rossi Mario', 18_000],
      ['notice', 'Bianchi Anna', 20_350],
      ['canteen', 'Rossi Mario', 6_400],
      ['permit', 'Rossi Mario', null],
      ['case', 'Rossi Luca', null],
    ]);
    expect(seen.items[2]?.notPayable).toMatch(/scadut/);
    expect(seen.items.find((i) => i.kind === 'permit')).toMatchObject({
      permitId: 'permit-mario',
      date: addDays(today(), 20),
      title: expect.stringContaining('PRM-B885-A2-2026-000001'),
    });
    expect(seen.items.find((i) => i.kind === 'case')?.title).toMatch(/residenza/i);
    expect(seen.payableCents).toBe(16_700 + 1_450 + 2_940 + 20_350 + 18_000 + 20_350 + 6_400);
    // nothing of the D'Amico household (their notices, their permit, the fine on their plate)
    expect(JSON.stringify(seen)).not.toMatch(/D'Amico|CD456EF|1003\/A/);
    // the same list from any member's page
    const fromLuca = await desk.ok<OpenItemsView>('visits:openItems', { residentId: 'r-luca' });
    expect(fromLuca.items.map((i) => i.id)).toEqual(seen.items.map((i) => i.id));
  });

  it('drops what is settled: a notice paid at the till leaves the list and the payable total', async () => {
    const before = await desk.ok<OpenItemsView>('visits:openItems', { residentId: 'r-mario' });
    const canteen = before.items.find((i) => i.kind === 'canteen');
    await desk.ok('cashdesk:open', { openingFloatCents: 0 });
    await desk.ok('cashdesk:pay', { debt: canteen?.debt, channel: 'pos', pspTransactionId: 'PSP-1' });
    const after = await desk.ok<OpenItemsView>('visits:openItems', { residentId: 'r-mario' });
    expect(after.items.map((i) => i.id)).not.toContain(canteen?.id);
    expect(after.payableCents).toBe(before.payableCents - 6_400);
  });

  it('refuses a resident the mirror does not hold, and records whom it listed', async () => {
    const unknown = await desk.call('visits:openItems', { residentId: 'r-nobody' });
    expect(unknown.ok).toBe(false);
    if (!unknown.ok) expect(unknown.error.code).toBe('resident_not_found');
    await desk.ok('visits:openItems', { residentId: 'r-anna' });
    const audit = await desk.core.ctx.db
      .selectFrom('audit_log')
      .select(['action', 'entity_id'])
      .where('action', '=', 'visits.openItems')
      .execute();
    expect(audit).toEqual([{ action: 'visits.openItems', entity_id: expect.stringContaining('r-luca') }]);
  });
});
