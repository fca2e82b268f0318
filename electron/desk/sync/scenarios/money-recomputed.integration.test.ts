import { uuidv7 } from 'uuidv7';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { romeDateOf } from '../../../../shared/calendar/rome-date';
import type { CounterSessionView, DebtLookup } from '../../../../shared/contract/cashdesk-views';
import { demoPositionsCsv, demoVerbaliCsv } from '../../../../hub/cashdesk/demo-fines';
import { importDebtPositions, importVerbali } from '../../../../hub/cashdesk/import-service';
import { startTestDesk, type TestDesk } from '../../../../test-support/desk-harness';
import { HUB_BACKENDS } from '../../../../test-support/hub-backends';
import { startTestHub, type TestHub } from '../../../../test-support/running-hub';

const today = () => romeDateOf(new Date());

/**
 * Money is recomputed at the hub, never believed: a desk (or anyone holding one workstation's
 * credential and a clerk's login) pushing a payment of its own invention is refused, with the
 * hub's reason, and the debt stays as it was.
 */
describe.each(HUB_BACKENDS)('money recomputed at the hub (%s hub)', (backend) => {
  let hub: TestHub;
  let desk: TestDesk;
  beforeEach(async () => {
    hub = await startTestHub(backend);
    desk = await startTestDesk(hub);
    await desk.core.sync.syncOnce();
    await desk.login();
    await importVerbali(hub.hubDb.db, 'B885', demoVerbaliCsv(today(), 20));
    await importDebtPositions(hub.hubDb.db, 'B885', demoPositionsCsv(today(), ['RSSMRA72L09H501S'], '01'));
    await desk.core.sync.syncOnce();
  });
  afterEach(async () => {
    await desk?.close();
    await hub?.close();
  });

  const payment = (over: Record<string, unknown>) => ({
    id: uuidv7(),
    name: 'cashdesk.recordPayment',
    clerk: 'anagrafe.casale',
    at: new Date().toISOString(),
    args: {
      id: uuidv7(),
      sessionId: uuidv7(),
      receiptNumber: `RIC-B885-P1-${today().slice(0, 4)}-000900`,
      channel: 'pos',
      pspTransactionId: 'FORGED-1',
      paidAt: new Date().toISOString(),
      ...over,
    },
  });
  const push = async (m: ReturnType<typeof payment>) => {
    const [result] = await desk.core.ctx.hub.push([m], desk.token());
    return result;
  };
  const openTill = async () => {
    const session = await desk.ok<CounterSessionView>('cashdesk:open', { openingFloatCents: 0 });
    await desk.core.sync.syncOnce();
    return session.id;
  };
  const noticeOf180 = async () => {
    const row = await hub.hubDb.db
      .selectFrom('debt_positions')
      .select(['notice_number', 'amount_cents'])
      .where('amount_cents', '=', 18_000)
      .where('due_date', '>', today())
      .executeTakeFirstOrThrow();
    return row.notice_number;
  };
  const statusOf = async (notice: string) =>
    (
      await hub.hubDb.db
        .selectFrom('debt_positions')
        .select('status')
        .where('notice_number', '=', notice)
        .executeTakeFirstOrThrow()
    ).status;
  const paymentsAtHub = async () => (await hub.hubDb.db.selectFrom('payments').select('id').execute()).length;

  it('refuses 1 cent against a €180 notice from a till session that never existed; the notice stays unpaid', async () => {
    const notice = await noticeOf180();
    const forged = await push(payment({ debt: { kind: 'notice', key: notice }, amountCents: 1 }));
    expect(forged).toMatchObject({ status: 'rejected', error: { code: 'till_session_unknown' } });
    expect(await statusOf(notice)).toBe('open');
    expect(await paymentsAtHub()).toBe(0);

    // with a real, open till of this counter the amount itself is checked
    const sessionId = await openTill();
    const cent = await push(payment({ sessionId, debt: { kind: 'notice', key: notice }, amountCents: 1 }));
    expect(cent).toMatchObject({ status: 'rejected', error: { code: 'payment_amount_mismatch' } });
    expect(cent?.error?.message).toContain('€ 180,00');
    expect(await statusOf(notice)).toBe('open');
    const right = await push(
      payment({ sessionId, debt: { kind: 'notice', key: notice }, amountCents: 18_000 }),
    );
    expect(right).toMatchObject({ status: 'applied' });
    expect(await statusOf(notice)).toBe('paid');
  });

  it("refuses a payment into another counter's till, and into a closed one", async () => {
    const notice = await noticeOf180();
    const other = await startTestDesk(hub, {
      workstation: 'Casale - Cassa 2',
      token: await hub.enrol('Casale - Cassa 2'),
    });
    try {
      await other.core.sync.syncOnce();
      await other.login('anagrafe2.casale');
      const theirs = await other.ok<CounterSessionView>('cashdesk:open', { openingFloatCents: 0 });
      await other.core.sync.syncOnce();
      const borrowed = await push(
        payment({ sessionId: theirs.id, debt: { kind: 'notice', key: notice }, amountCents: 18_000 }),
      );
      expect(borrowed).toMatchObject({
        status: 'rejected',
        error: { code: 'till_session_other_workstation' },
      });
    } finally {
      await other.close();
    }
    const sessionId = await openTill();
    await hub.hubDb.db
      .updateTable('counter_sessions')
      .set({ status: 'closed' })
      .where('id', '=', sessionId)
      .execute();
    const late = await push(
      payment({ sessionId, debt: { kind: 'notice', key: notice }, amountCents: 18_000 }),
    );
    expect(late).toMatchObject({ status: 'rejected', error: { code: 'till_session_closed' } });
    expect(await statusOf(notice)).toBe('open');
  });

  it("refuses a closing whose expected cash the hub's own entries do not add up to, and takes the true one", async () => {
    const till = await desk.ok<CounterSessionView>('cashdesk:open', { openingFloatCents: 10_000 });
    await desk.core.sync.syncOnce();
    // the sign-off is the supervisor's own act, pushed with the supervisor's session
    await desk.login('supervisore.casale');
    const closing = (expectedCashCents: number, countedCashCents: number) => ({
      id: uuidv7(),
      name: 'cashdesk.closeSession',
      clerk: 'supervisore.casale',
      at: new Date().toISOString(),
      args: {
        id: till.id,
        countedCashCents,
        expectedCashCents,
        discrepancyCents: countedCashCents - expectedCashCents,
        totalsJson: '{}',
        note: null,
        signedOffBy: 'supervisore.casale',
        closedAt: new Date().toISOString(),
      },
    });
    // €50 of the float "spent": the desk claims the till should hold €50 and it does
    const [forged] = await desk.core.ctx.hub.push([closing(5_000, 5_000)], desk.token());
    expect(forged).toMatchObject({ status: 'rejected', error: { code: 'closing_totals_mismatch' } });
    expect(forged?.status === 'rejected' ? forged.error?.message : '').toContain('€ 100,00');
    const session = () =>
      hub.hubDb.db
        .selectFrom('counter_sessions')
        .select(['status', 'discrepancy_cents'])
        .where('id', '=', till.id)
        .executeTakeFirstOrThrow();
    expect((await session()).status).toBe('open');
    const [honest] = await desk.core.ctx.hub.push([closing(10_000, 9_950)], desk.token());
    expect(honest).toMatchObject({ status: 'applied' });
    expect(await session()).toMatchObject({ status: 'closed', discrepancy_cents: -50 });
  });

  it('refuses a fine paid at the reduced amount after day 5, and takes it at the amount due that day', async () => {
    const [fine] = await lookupFine(desk, '1002/A AB123CD');
    const reduced = fine?.due?.schedule[0];
    expect(reduced?.phase).toMatch(/ridott/i);
    expect(fine?.amountDueCents).toBeGreaterThan(reduced?.totalCents ?? Infinity);
    const sessionId = await openTill();
    const cheap = await push(
      payment({ sessionId, debt: { kind: 'fine', key: '1002/A' }, amountCents: reduced?.totalCents }),
    );
    expect(cheap).toMatchObject({ status: 'rejected', error: { code: 'payment_amount_mismatch' } });
    const verbale = await hub.hubDb.db
      .selectFrom('verbali')
      .select('status')
      .where('key', '=', '1002/A')
      .executeTakeFirstOrThrow();
    expect(verbale.status).toBe('open');
    const fair = await push(
      payment({ sessionId, debt: { kind: 'fine', key: '1002/A' }, amountCents: fine?.amountDueCents }),
    );
    expect(fair).toMatchObject({ status: 'applied' });
  });

  it('refuses a payment dated outside its till day (an old date to get the reduced amount)', async () => {
    const sessionId = await openTill();
    const [fine] = await lookupFine(desk, '1002/A AB123CD');
    const backdated = await push(
      payment({
        sessionId,
        debt: { kind: 'fine', key: '1002/A' },
        amountCents: fine?.due?.schedule[0]?.totalCents,
        paidAt: new Date(Date.now() - 20 * 86_400_000).toISOString(),
      }),
    );
    expect(backdated).toMatchObject({ status: 'rejected', error: { code: 'payment_date_invalid' } });
  });
});

async function lookupFine(desk: TestDesk, query: string) {
  const res = await desk.ok<DebtLookup>('fines:lookup', { query });
  if (res.kind !== 'results') throw new Error(`no results for ${query}`);
  return res.debts;
}
