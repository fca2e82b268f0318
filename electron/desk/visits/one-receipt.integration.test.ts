import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { uuidv7 } from 'uuidv7';
import { romeDateOf } from '../../../shared/calendar/rome-date';
import type {
  BasketDone,
  CounterSessionView,
  DebtLookup,
  DebtView,
} from '../../../shared/contract/cashdesk-views';
import type { SyncStatus } from '../../../shared/contract/views';
import type { OpenItemsView } from '../../../shared/visits/open-items';
import { demoPositionsCsv, demoVerbaliCsv } from '../../../hub/cashdesk/demo-fines';
import { importDebtPositions, importVerbali } from '../../../hub/cashdesk/import-service';
import { startTestDesk, type TestDesk } from '../../../test-support/desk-harness';
import { HUB_BACKENDS } from '../../../test-support/hub-backends';
import { startTestHub, type TestHub } from '../../../test-support/running-hub';
import { extractPdfText, flat } from '../documents/pdf-test-helpers';

const today = () => romeDateOf(new Date());
const year = () => today().slice(0, 4);
const fine = (key: string) => ({ kind: 'fine' as const, key });
const notice = (key: string) => ({ kind: 'notice' as const, key });

async function annaFirstInstalment(desk: TestDesk): Promise<string> {
  const res = await desk.ok<DebtLookup>('fines:lookup', { query: 'BNCNNA80A41B885M' });
  if (res.kind !== 'results') throw new Error('no notices for Anna');
  const first = res.debts.find((d) => d.title.endsWith('(rata 1)'));
  if (!first) throw new Error('no first instalment');
  return first.key;
}

async function hubDebts(hub: TestHub) {
  const fines = await hub.hubDb.db.selectFrom('verbali').select(['key', 'status', 'paid_receipt']).execute();
  const notices = await hub.hubDb.db
    .selectFrom('debt_positions')
    .select(['notice_number as key', 'status', 'paid_receipt'])
    .execute();
  return new Map([...fines, ...notices].map((d) => [d.key, d]));
}

describe.each(HUB_BACKENDS)('several debts, one payment, one receipt (%s hub)', (backend) => {
  let hub: TestHub;
  let desk: TestDesk;
  beforeEach(async () => {
    hub = await startTestHub(backend);
    desk = await startTestDesk(hub);
    await desk.core.sync.syncOnce();
    await desk.login();
    await importVerbali(hub.hubDb.db, 'B885', demoVerbaliCsv(today(), 60));
    await importDebtPositions(
      hub.hubDb.db,
      'B885',
      demoPositionsCsv(today(), ['RSSMRA72L09H501S', 'BNCNNA80A41B885M'], '01'),
    );
    await desk.core.sync.syncOnce();
    await desk.ok<CounterSessionView>('cashdesk:open', { openingFloatCents: 5_000 });
  });
  afterEach(async () => {
    await desk?.close();
    await hub?.close();
  });

  it('takes a fine and a notice by card on one numbered receipt; the hub accepts each line and another counter sees both paid', async () => {
    const anna = await annaFirstInstalment(desk);
    const done = await desk.ok<BasketDone>('cashdesk:payMany', {
      debts: [fine('1001/A'), notice(anna)],
      channel: 'pos',
      pspTransactionId: 'PSP-4455',
    });
    const receipt = `RIC-B885-P1-${year()}-000001`;
    expect(done).toMatchObject({ receiptNumber: receipt, totalCents: 2_940 + 20_350, changeCents: null });
    expect(done.payments.map((p) => [p.receiptNumber, p.debtKey, p.amountCents, p.status])).toEqual([
      [`${receipt}/1`, '1001/A', 2_940, 'pending'],
      [`${receipt}/2`, anna, 20_350, 'pending'],
    ]);
    const text = flat(
      (await extractPdfText(new Uint8Array(Buffer.from(done.pdfBase64, 'base64')))).join(' '),
    );
    expect(text).toContain(`RICEVUTA DI PAGAMENTO N. ${receipt}`);
    expect(text).toContain(`Riga ${receipt}/1`);
    expect(text).toContain(`Riga ${receipt}/2`);
    expect(text).toContain('€ 29,40');
    expect(text).toContain('€ 203,50');
    expect(text).toContain('€ 232,90');
    expect(text).toContain('PSP-4455');
    // both settled at once on this counter, one outbox entry for the hub
    const open = await desk.ok<OpenItemsView>('visits:openItems', { residentId: 'r-anna' });
    expect(open.items.map((i) => i.debt?.key)).not.toContain(anna);
    expect(await desk.count('outbox')).toBeGreaterThan(0);

    const status = await desk.core.sync.syncOnce();
    expect(status).toMatchObject({ pending: 0, exceptions: 0, quarantined: 0 });
    const atHub = await hubDebts(hub);
    expect(atHub.get('1001/A')).toMatchObject({ status: 'paid', paid_receipt: `${receipt}/1` });
    expect(atHub.get(anna)).toMatchObject({ status: 'paid', paid_receipt: `${receipt}/2` });
    const payments = await hub.hubDb.db
      .selectFrom('payments')
      .select(['receipt_number', 'status', 'amount_cents', 'clerk'])
      .orderBy('receipt_number')
      .execute();
    expect(payments.map((p) => [p.receipt_number, p.status, Number(p.amount_cents), p.clerk])).toEqual([
      [`${receipt}/1`, 'accepted', 2_940, 'anagrafe.casale'],
      [`${receipt}/2`, 'accepted', 20_350, 'anagrafe.casale'],
    ]);

    const other = await startTestDesk(hub, {
      workstation: 'Casale - Cassa 2',
      token: await hub.enrol('Casale - Cassa 2'),
    });
    try {
      const seen = await other.core.sync.syncOnce();
      expect(seen.quarantined).toBe(0);
      await other.login('anagrafe2.casale');
      await other.ok('cashdesk:open', { openingFloatCents: 0 });
      const twice = await other.call('cashdesk:payMany', {
        debts: [notice(anna), fine('1002/A')],
        channel: 'pos',
        pspTransactionId: 'PSP-9',
      });
      expect(twice.ok).toBe(false);
      if (!twice.ok) expect(twice.error.code).toBe('notice_paid');
    } finally {
      await other.close();
    }
  });

  it('cash for the whole visit: the change on the sum, the till expects the sum', async () => {
    const anna = await annaFirstInstalment(desk);
    const done = await desk.ok<BasketDone>('cashdesk:payMany', {
      debts: [notice(anna), fine('1001/A')],
      channel: 'cash',
      tenderedCents: 25_000,
    });
    expect(done).toMatchObject({ totalCents: 23_290, changeCents: 1_710, channel: 'cash' });
    expect(done.lines).toEqual([
      expect.stringMatching(/^1\. TARI .*: € 203,50$/),
      expect.stringMatching(/^2\. .*: € 29,40$/),
    ]);
    const till = await desk.ok<CounterSessionView>('cashdesk:current', {});
    expect(till.totals.expectedCashCents).toBe(5_000 + 23_290);
    expect(till.totals.byChannel.cash.paymentsCount).toBe(2);
    await desk.core.sync.syncOnce();
    expect((await hubDebts(hub)).get(anna)?.status).toBe('paid');
  });

  it('refuses at the counter, changing nothing: a debt twice, a paid or expired one, too little cash', async () => {
    const anna = await annaFirstInstalment(desk);
    const refusals = async (input: unknown) => {
      const r = await desk.call('cashdesk:payMany', input);
      return r.ok ? 'accepted' : r.error.code;
    };
    expect(
      await refusals({ debts: [fine('1001/A'), fine('1001/A')], channel: 'pos', pspTransactionId: 'P1' }),
    ).toBe('basket_debt_twice');
    const mario = await desk.ok<DebtLookup>('fines:lookup', { query: 'RSSMRA72L09H501S' });
    const expired =
      mario.kind === 'results' ? mario.debts.find((d: DebtView) => d.amountDueCents === null) : null;
    expect(
      await refusals({
        debts: [fine('1001/A'), notice(expired?.key ?? '')],
        channel: 'pos',
        pspTransactionId: 'P1',
      }),
    ).toBe('notice_expired');
    expect(
      await refusals({ debts: [fine('1001/A'), notice(anna)], channel: 'cash', tenderedCents: 23_289 }),
    ).toBe('cashdesk_refused');
    expect(await refusals({ debts: [fine('1001/A'), notice(anna)], channel: 'pagopa_notice' })).toBe(
      'invalid_input',
    );
    expect(await desk.count('outbox')).toBe(1); // the till's opening only
    const lookup = await desk.ok<DebtLookup>('fines:lookup', { query: '1001/A AB123CD' });
    expect(lookup.kind === 'results' && lookup.debts[0]?.status).toBe('open');
  });

  it('the hub recomputes every line: one wrong amount refuses the whole receipt and settles nothing', async () => {
    const anna = await annaFirstInstalment(desk);
    const till = await desk.ok<CounterSessionView>('cashdesk:current', {});
    await desk.core.sync.syncOnce();
    const basket = {
      sessionId: till.id,
      receiptNumber: `RIC-B885-P1-${year()}-000077`,
      channel: 'pos',
      pspTransactionId: 'PSP-1',
      paidAt: new Date().toISOString(),
      items: [
        { id: uuidv7(), debt: fine('1001/A'), amountCents: 2_940 },
        // the notice costs € 203,50: a counter claiming € 1,00 is refused
        { id: uuidv7(), debt: notice(anna), amountCents: 100 },
      ],
    };
    const [result] = await desk.core.ctx.hub.push(
      [
        {
          id: uuidv7(),
          name: 'cashdesk.recordBasket',
          args: basket,
          clerk: 'anagrafe.casale',
          at: basket.paidAt,
        },
      ],
      desk.token(),
    );
    expect(result).toMatchObject({ status: 'rejected', error: { code: 'payment_amount_mismatch' } });
    expect(result?.error?.message).toContain('€ 203,50');
    const atHub = await hubDebts(hub);
    expect(atHub.get('1001/A')?.status).toBe('open');
    expect(atHub.get(anna)?.status).toBe('open');
    expect(await hub.hubDb.db.selectFrom('payments').select('id').execute()).toEqual([]);
  });

  it('the longest receipt a counter can write (20 lines, a 35-character PSP id) is accepted and read back by every counter', async () => {
    const res = await desk.ok<DebtLookup>('fines:lookup', { query: 'RSSMRA72L09H501S' });
    const candidates: DebtView[] = res.kind === 'results' ? [...res.debts] : [];
    for (const plate of ['AB123CD', 'CD456EF']) {
      const byPlate = await desk.ok<DebtLookup>('fines:lookup', { query: plate });
      if (byPlate.kind === 'results') candidates.push(...byPlate.debts);
    }
    // the demo's other plates: every fine the mirror holds, payable today
    const rows = await desk.core.ctx.db.selectFrom('verbali').select(['plate']).distinct().execute();
    for (const { plate } of rows) {
      if (candidates.length > 60) break;
      const byPlate = await desk.ok<DebtLookup>('fines:lookup', { query: plate });
      if (byPlate.kind === 'results') candidates.push(...byPlate.debts);
    }
    const payable = [
      ...new Map(candidates.filter((d) => d.amountDueCents !== null).map((d) => [d.key, d])).values(),
    ];
    expect(payable.length).toBeGreaterThanOrEqual(20);
    const done = await desk.ok<BasketDone>('cashdesk:payMany', {
      debts: payable.slice(0, 20).map((d) => ({ kind: d.kind, key: d.key })),
      channel: 'pos',
      pspTransactionId: 'P'.repeat(35),
    });
    expect(done.payments.at(-1)?.receiptNumber).toBe(`RIC-B885-P1-${year()}-000001/20`);
    const status: SyncStatus = await desk.core.sync.syncOnce();
    expect(status).toMatchObject({ pending: 0, exceptions: 0, quarantined: 0 });
    const other = await startTestDesk(hub, {
      workstation: 'Casale - Cassa 2',
      token: await hub.enrol('Casale - Cassa 2'),
    });
    try {
      expect(await other.core.sync.syncOnce()).toMatchObject({ quarantined: 0, error: null });
      const lines = await other.core.ctx.db
        .selectFrom('payments')
        .select('receipt_number')
        .where('receipt_number', 'like', `RIC-B885-P1-${year()}-000001/%`)
        .execute();
      expect(lines).toHaveLength(20);
    } finally {
      await other.close();
    }
  });
});
