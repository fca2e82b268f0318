import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { romeDateOf } from '../../../shared/calendar/rome-date';
import { generateNoticeNumber } from '../../../shared/pagopa/notice-number';
import type {
  CounterSessionView,
  DebtLookup,
  PaymentDone,
  PaymentView,
} from '../../../shared/contract/cashdesk-views';
import type { SyncException } from '../../../shared/contract/views';
import { DEMO_PASSWORD } from '../../../hub/seed/demo-users';
import { demoPositionsCsv, demoVerbaliCsv } from '../../../hub/cashdesk/demo-fines';
import { importDebtPositions, importVerbali } from '../../../hub/cashdesk/import-service';
import { startTestDesk, type TestDesk } from '../../../test-support/desk-harness';
import { HUB_BACKENDS } from '../../../test-support/hub-backends';
import { startTestHub, type TestHub } from '../../../test-support/running-hub';
import { extractPdfText, flat } from '../documents/pdf-test-helpers';

const supervisor = { username: 'supervisore.casale', password: DEMO_PASSWORD };
const today = () => romeDateOf(new Date());
const fine = (key: string) => ({ kind: 'fine' as const, key });

async function lookup(desk: TestDesk, query: string) {
  const res = await desk.ok<DebtLookup>('fines:lookup', { query });
  if (res.kind !== 'results') throw new Error(`no results for ${query}: ${res.message}`);
  return res.debts;
}

describe.each(HUB_BACKENDS)('fines, notices and the cash desk (%s hub)', (backend) => {
  let hub: TestHub;
  let desk: TestDesk;
  beforeEach(async () => {
    hub = await startTestHub(backend);
    desk = await startTestDesk(hub);
    await desk.core.sync.syncOnce();
    await desk.login();
    await importVerbali(hub.hubDb.db, 'B885', demoVerbaliCsv(today(), 20));
    await desk.core.sync.syncOnce();
  });
  afterEach(async () => {
    await desk?.close();
    await hub?.close();
  });

  it('imports good verbali, reports each bad row by line, and never overwrites one already imported', async () => {
    const csv = [
      'numero_verbale;serie;targa;data_violazione;ora;articolo;comma;data_notifica;modalita_notifica;spese_notifica;punti;conducente_identificato',
      `5001;C;ZZ111ZZ;${today()};09:00;7;15;;;0,00;0;no`,
      `5002;C;??;${today()};09:00;7;15;;;0,00;0;no`,
      `5003;C;ZZ222ZZ;${today()};09:00;999;1;;;0,00;0;no`,
      `5001;C;ZZ111ZZ;${today()};09:00;7;15;;;0,00;0;no`,
      `1001;A;AB123CD;${today()};09:00;7;15;;;0,00;0;no`,
    ].join('\n');
    const report = await importVerbali(hub.hubDb.db, 'B885', csv);
    expect(report.imported).toBe(1);
    expect(report.rejected.map((r) => r.line)).toEqual([3, 4, 5, 6]);
    expect(report.rejected[0]?.problems.join(' ')).toMatch(/targa/i);
    expect(report.rejected[1]?.problems.join(' ')).toMatch(/999/);
    expect(report.rejected[3]?.problems.join(' ')).toBe(
      'Verbale 1001/A già importato: non viene sovrascritto.',
    );
    await desk.core.sync.syncOnce();
    const [found] = await lookup(desk, '5001/C ZZ111ZZ');
    expect(found).toMatchObject({
      key: '5001/C',
      status: 'open',
      notPayable: 'verbale non ancora notificato',
    });
  });

  it('shows the reduced amount within 5 days of notification and the next threshold', async () => {
    const [reduced] = await lookup(desk, '1001/A AB123CD');
    expect(reduced).toMatchObject({ key: '1001/A', amountDueCents: 2940, status: 'open' });
    expect(reduced?.due?.summary).toMatch(/^fino al .*: € 29,40, poi € 42,00$/);
    const [minimum] = await lookup(desk, '1002/A AB123CD');
    expect(minimum?.amountDueCents).toBe(16_700 + 1_450);
    expect(minimum?.driverIdentificationBy).not.toBeNull();
    const byPlate = await lookup(desk, 'ab 123 cd');
    expect(byPlate.map((d) => d.key).sort()).toEqual(['1001/A', '1002/A']);
    const stranger = generateNoticeNumber({ auxDigit: 3, segregationCode: '01', base: 9_999_999 });
    if (!stranger.ok) throw new Error('test notice');
    const unknown = await desk.ok<DebtLookup>('fines:lookup', {
      query: `PAGOPA|002|${stranger.value.noticeNumber}|00190540062|2940`,
    });
    expect(unknown).toMatchObject({ kind: 'not_found', message: expect.stringContaining('sconosciuto') });
    const garbled = await desk.ok<DebtLookup>('fines:lookup', { query: 'PAGOPA|002|301000000000000010|x' });
    expect(garbled.kind).toBe('invalid');
  });

  it('takes a card payment with a numbered receipt; a second counter then sees the fine paid', async () => {
    const closed = await desk.call('cashdesk:pay', {
      debt: fine('1001/A'),
      channel: 'pos',
      pspTransactionId: 'T1',
    });
    expect(closed.ok).toBe(false);
    if (!closed.ok) expect(closed.error.code).toBe('session_not_open');

    await desk.ok<CounterSessionView>('cashdesk:open', { openingFloatCents: 10_000 });
    const [debt] = await lookup(desk, '1001/A AB123CD');
    const noPsp = await desk.call('cashdesk:pay', { debt: fine('1001/A'), channel: 'pos' });
    expect(noPsp.ok).toBe(false);
    const done = await desk.ok<PaymentDone>('cashdesk:pay', {
      debt: fine('1001/A'),
      channel: 'pos',
      pspTransactionId: 'PSP-778899',
    });
    expect(done.payment).toMatchObject({ amountCents: debt?.amountDueCents, status: 'pending' });
    expect(done.payment.receiptNumber).toBe(`RIC-B885-P1-${today().slice(0, 4)}-000001`);
    const text = flat(
      (await extractPdfText(new Uint8Array(Buffer.from(done.pdfBase64, 'base64')))).join(' '),
    );
    expect(text).toContain(`RICEVUTA DI PAGAMENTO N. ${done.payment.receiptNumber}`);
    expect(text).toContain('€ 29,40');
    expect(text).toContain('PSP-778899');

    await desk.core.sync.syncOnce();
    const other = await startTestDesk(hub, {
      workstation: 'Casale - Cassa 2',
      token: await hub.enrol('Casale - Cassa 2'),
    });
    try {
      await other.core.sync.syncOnce();
      await other.login('anagrafe2.casale');
      const [seen] = await lookup(other, '1001/A AB123CD');
      expect(seen).toMatchObject({
        status: 'paid',
        paidReceipt: done.payment.receiptNumber,
        amountDueCents: null,
      });
      await other.ok('cashdesk:open', { openingFloatCents: 0 });
      const twice = await other.call('cashdesk:pay', {
        debt: fine('1001/A'),
        channel: 'cash',
        tenderedCents: 5000,
      });
      expect(twice.ok).toBe(false);
      if (!twice.ok) expect(twice.error.code).toBe('fine_paid');
    } finally {
      await other.close();
    }
  });

  it('gives two payments taken at the same time two consecutive receipt numbers', async () => {
    await desk.ok<CounterSessionView>('cashdesk:open', { openingFloatCents: 0 });
    const both = await Promise.all([
      desk.ok<PaymentDone>('cashdesk:pay', { debt: fine('1001/A'), channel: 'pos', pspTransactionId: 'C-1' }),
      desk.ok<PaymentDone>('cashdesk:pay', { debt: fine('1002/A'), channel: 'pos', pspTransactionId: 'C-2' }),
    ]);
    const year = today().slice(0, 4);
    expect(both.map((d) => d.payment.receiptNumber).sort()).toEqual([
      `RIC-B885-P1-${year}-000001`,
      `RIC-B885-P1-${year}-000002`,
    ]);
  });

  it('keeps both payments taken offline at two counters: the first settles, the second becomes a refund proposal both see', async () => {
    const other = await startTestDesk(hub, {
      workstation: 'Casale - Cassa 2',
      token: await hub.enrol('Casale - Cassa 2'),
    });
    try {
      await other.core.sync.syncOnce();
      await other.login('anagrafe2.casale');
      await desk.ok('cashdesk:open', { openingFloatCents: 0 });
      await other.ok('cashdesk:open', { openingFloatCents: 5_000 });
      await hub.stop();
      const first = await desk.ok<PaymentDone>('cashdesk:pay', {
        debt: fine('1002/A'),
        channel: 'pos',
        pspTransactionId: 'A-1',
      });
      const second = await other.ok<PaymentDone>('cashdesk:pay', {
        debt: fine('1002/A'),
        channel: 'cash',
        tenderedCents: 20_000,
      });
      expect(second.changeCents).toBe(20_000 - 18_150);
      await hub.start();
      await desk.core.sync.syncOnce();
      await other.core.sync.syncOnce();
      await desk.core.sync.syncOnce();

      for (const d of [desk, other]) {
        const duplicates = await d.ok<PaymentView[]>('cashdesk:duplicates');
        expect(duplicates).toHaveLength(1);
        expect(duplicates[0]).toMatchObject({
          receiptNumber: second.payment.receiptNumber,
          status: 'duplicate',
          refundProposal: {
            amountCents: 18_150,
            method: 'cash',
            acceptedReceipt: first.payment.receiptNumber,
          },
        });
        const [debt] = await lookup(d, '1002/A AB123CD');
        expect(debt).toMatchObject({ status: 'paid', paidReceipt: first.payment.receiptNumber });
      }
      const rows = await hub.hubDb.db
        .selectFrom('payments')
        .select(['receipt_number', 'status'])
        .orderBy('hub_seq')
        .execute();
      expect(rows).toEqual([
        { receipt_number: first.payment.receiptNumber, status: 'accepted' },
        { receipt_number: second.payment.receiptNumber, status: 'duplicate' },
      ]);
      const sup = await startTestDesk(hub, { workstation: 'Casale - Responsabile' });
      try {
        await sup.core.sync.syncOnce();
        await sup.login('supervisore.casale');
        const queue = await sup.ok<SyncException[]>('sync:comuneExceptions');
        expect(queue).toEqual([
          expect.objectContaining({ code: 'double_payment', workstation: 'Casale - Cassa 2' }),
        ]);
        expect(queue[0]?.message).toContain(first.payment.receiptNumber);
      } finally {
        await sup.close();
      }

      // the refund, approved by a supervisor at the second counter, settles the exception
      const ownApproval = await other.call('cashdesk:reverse', {
        paymentId: second.payment.id,
        kind: 'refund',
        amountCents: 18_150,
        refundMethod: 'cash',
        reason: 'doppio pagamento, rimborso in contanti',
        approver: { username: 'anagrafe2.casale', password: DEMO_PASSWORD },
      });
      expect(ownApproval.ok).toBe(false);
      if (!ownApproval.ok) expect(ownApproval.error.code).toBe('approver_invalid');
      const after = await other.ok<CounterSessionView>('cashdesk:reverse', {
        paymentId: second.payment.id,
        kind: 'refund',
        amountCents: 18_150,
        refundMethod: 'cash',
        reason: 'doppio pagamento, rimborso in contanti',
        approver: supervisor,
      });
      expect(after.totals.expectedCashCents).toBe(5_000);
      await other.core.sync.syncOnce();
      const open = await hub.hubDb.db
        .selectFrom('sync_exceptions')
        .select('code')
        .where('resolved_at', 'is', null)
        .execute();
      expect(open).toEqual([]);
    } finally {
      await other.close();
    }
  });

  it("takes a refund only as the approving supervisor's own act: a clerk's credential cannot forge one", async () => {
    await desk.ok('cashdesk:open', { openingFloatCents: 0 });
    const paid = await desk.ok<PaymentDone>('cashdesk:pay', {
      debt: fine('1002/A'),
      channel: 'pos',
      pspTransactionId: 'PSP-9',
    });
    await desk.core.sync.syncOnce();
    const sessionId = (await desk.ok<CounterSessionView | null>('cashdesk:current'))?.id ?? '';
    const forged = (clerk: string) => ({
      id: crypto.randomUUID(),
      name: 'cashdesk.recordReversal',
      args: {
        id: crypto.randomUUID(),
        sessionId,
        paymentId: paid.payment.id,
        kind: 'refund',
        amountCents: 18_150,
        refundMethod: 'pos',
        reason: 'rimborso mai chiesto da nessuno',
        approvedBy: 'supervisore.casale',
        requestedBy: 'anagrafe.casale',
        at: new Date().toISOString(),
      },
      clerk,
      at: new Date().toISOString(),
    });
    const results = await desk.core.ctx.hub.push(
      [forged('anagrafe.casale'), forged('supervisore.casale')],
      desk.token(),
    );
    expect(results.map((r) => r.error?.code)).toEqual(['action_not_allowed', 'author_mismatch']);
    expect(await hub.hubDb.db.selectFrom('reversals').selectAll().execute()).toEqual([]);

    // the real approval: the supervisor's password at the counter, their act at the hub
    await desk.ok('cashdesk:reverse', {
      paymentId: paid.payment.id,
      kind: 'refund',
      amountCents: 18_150,
      refundMethod: 'pos',
      reason: 'pagamento con la carta sbagliata',
      approver: supervisor,
    });
    const queued = await desk.core.ctx.db.selectFrom('outbox').select(['name', 'clerk']).execute();
    expect(queued).toEqual([{ name: 'cashdesk.recordReversal', clerk: 'supervisore.casale' }]);
    expect(await desk.core.sync.syncOnce()).toMatchObject({ pending: 0, exceptions: 0 });
    const atHub = await hub.hubDb.db
      .selectFrom('reversals')
      .select(['requested_by', 'approved_by', 'amount_cents'])
      .execute();
    expect(atHub).toEqual([
      { requested_by: 'anagrafe.casale', approved_by: 'supervisore.casale', amount_cents: 18_150 },
    ]);
  });

  it('closes the day: totals by channel, counted cash and discrepancy, supervisor sign-off, then nothing changes', async () => {
    await desk.ok('cashdesk:open', { openingFloatCents: 10_000 });
    await desk.ok('cashdesk:pay', { debt: fine('1001/A'), channel: 'cash', tenderedCents: 3_000 });
    await desk.ok('cashdesk:pay', { debt: fine('1002/A'), channel: 'pos', pspTransactionId: 'PSP-1' });
    const counted = await desk.ok<CounterSessionView>('cashdesk:count', {
      countedCashCents: 12_900,
      note: 'manca una moneta',
    });
    expect(counted.totals.byChannel.cash).toMatchObject({ paymentsCount: 1, netCents: 2_940 });
    expect(counted.totals.byChannel.pos).toMatchObject({ paymentsCount: 1, netCents: 18_150 });
    expect(counted.totals.expectedCashCents).toBe(12_940);
    expect(counted.closing).toMatchObject({ countedCashCents: 12_900, discrepancyCents: -40 });

    const self = await desk.call('cashdesk:signOff', {
      approver: { username: 'anagrafe.casale', password: DEMO_PASSWORD },
    });
    expect(self.ok).toBe(false);
    const signed = await desk.ok<CounterSessionView>('cashdesk:signOff', { approver: supervisor });
    expect(signed).toMatchObject({ status: 'closed', signOff: { by: 'supervisore.casale' } });
    const report = await desk.ok<{ pdfBase64: string }>('cashdesk:report', { sessionId: signed.id });
    const text = flat(
      (await extractPdfText(new Uint8Array(Buffer.from(report.pdfBase64, 'base64')))).join(' '),
    );
    expect(text).toContain('CHIUSURA DI CASSA');
    expect(text).toContain('ammanco € 0,40');
    const late = await desk.call('cashdesk:pay', {
      debt: fine('1003/A'),
      channel: 'pos',
      pspTransactionId: 'PSP-2',
    });
    expect(late.ok).toBe(false);
    await desk.core.sync.syncOnce();
    const atHub = await hub.hubDb.db
      .selectFrom('counter_sessions')
      .select(['status', 'discrepancy_cents', 'signed_off_by'])
      .execute();
    expect(atHub).toEqual([
      { status: 'closed', discrepancy_cents: -40, signed_off_by: 'supervisore.casale' },
    ]);
  });

  it('closes a TARI position paid by notice; a paid or expired notice gets a clear message', async () => {
    const csv = demoPositionsCsv(today(), ['RSSMRA72L09H501S', 'BNCNNA80A41B885M'], '01');
    const report = await importDebtPositions(hub.hubDb.db, 'B885', csv);
    expect(report).toMatchObject({ imported: 5, rejected: [] });
    expect((await importDebtPositions(hub.hubDb.db, 'B885', csv)).rejected).toHaveLength(5);
    await desk.core.sync.syncOnce();
    await desk.ok('cashdesk:open', { openingFloatCents: 0 });

    // the first debtor's first instalment fell due 10 days ago (demo data): expired
    const mario = await lookup(desk, 'RSSMRA72L09H501S');
    expect(mario.map((d) => d.title).sort()).toEqual([
      'Mensa scolastica – Mensa scolastica novembre',
      'TARI – TARI 2026 – utenza domestica (rata 1)',
      'TARI – TARI 2026 – utenza domestica (rata 2)',
    ]);
    const expired = mario.find((d) => d.title.endsWith('(rata 1)'));
    expect(expired).toMatchObject({ amountDueCents: null, notPayable: expect.stringContaining('scaduto') });
    const refused = await desk.call('cashdesk:pay', {
      debt: { kind: 'notice', key: expired?.key },
      channel: 'pos',
      pspTransactionId: 'X1',
    });
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error.code).toBe('notice_expired');

    const [anna] = (await lookup(desk, 'BNCNNA80A41B885M')).filter((d) => d.title.endsWith('(rata 1)'));
    expect(anna?.amountDueCents).toBe(20_350);
    const scanned = await lookup(desk, `PAGOPA|002|${anna?.key}|00190540062|20350`);
    expect(scanned.map((d) => d.key)).toEqual([anna?.key]);
    const done = await desk.ok<PaymentDone>('cashdesk:pay', {
      debt: { kind: 'notice', key: anna?.key },
      channel: 'pagopa_notice',
      noticeNumber: anna?.key,
    });
    expect(done.payment.amountCents).toBe(20_350);
    await desk.core.sync.syncOnce();
    const position = await hub.hubDb.db
      .selectFrom('debt_positions')
      .select(['status', 'paid_receipt'])
      .where('notice_number', '=', anna?.key ?? '')
      .executeTakeFirstOrThrow();
    expect(position).toEqual({ status: 'paid', paid_receipt: done.payment.receiptNumber });
    const again = await desk.call('cashdesk:pay', {
      debt: { kind: 'notice', key: anna?.key },
      channel: 'pagopa_notice',
      noticeNumber: anna?.key,
    });
    expect(again.ok).toBe(false);
    if (!again.ok) expect(again.error.code).toBe('notice_paid');
  });
});
