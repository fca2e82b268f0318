import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { romeDateOf } from '../../../shared/calendar/rome-date';
import type { CounterSessionView } from '../../../shared/contract/cashdesk-views';
import type { FiledView } from '../../../shared/shops/shop-views';
import { shopFiling } from '../../../shared/shops/test-fixtures';
import { DEMO_PASSWORD } from '../../../hub/seed/demo-users';
import { startTestDesk, type TestDesk } from '../../../test-support/desk-harness';
import { HUB_BACKENDS } from '../../../test-support/hub-backends';
import { startTestHub, type TestHub } from '../../../test-support/running-hub';

/**
 * A SCIA unica's notifica sanitaria goes to the ASL; its fees paid in cash (diritti €40 + bollo €16 + ASL €20) are money in the clerk's
 * till: in its lines and its closing at the counter, and in the hub's own closing check.
 */
describe.each(HUB_BACKENDS)('shop fees reach the till (%s hub)', (backend) => {
  let hub: TestHub;
  let desk: TestDesk;
  beforeEach(async () => {
    hub = await startTestHub(backend);
    desk = await startTestDesk(hub);
    await desk.core.sync.syncOnce();
    await desk.login();
  });
  afterEach(async () => {
    await desk?.close();
    await hub?.close();
  });

  it('counts a food shop’s SCIA unica in the till, and the hub accepts the closing', async () => {
    await desk.ok<CounterSessionView>('cashdesk:open', { openingFloatCents: 10_000 });
    const filing = shopFiling({
      effectiveDate: romeDateOf(new Date()),
      sector: 'alimentare',
      requirements: { moral: true, professional: true, preposto: null, antimafia: true },
    });
    const filed = await desk.ok<FiledView>('shops:file', { shopId: null, filing, payment: 'cash' });
    expect(filed).toMatchObject({ kind: 'scia_unica', feeCents: 7600 });
    const till = await desk.ok<CounterSessionView>('cashdesk:current');
    expect(till.totals.expectedCashCents).toBe(17_600);
    expect(till.entries).toContainEqual(
      expect.objectContaining({ amountCents: 7600, reason: 'Diritti SUAP e bollo' }),
    );
    await desk.ok('cashdesk:count', { countedCashCents: 17_600 });
    const closed = await desk.ok<CounterSessionView>('cashdesk:signOff', {
      approver: { username: 'supervisore.casale', password: DEMO_PASSWORD },
    });
    expect(closed.closing?.discrepancyCents).toBe(0);
    const status = await desk.core.sync.syncOnce();
    expect(status.exceptions).toBe(0);
    const session = await hub.hubDb.db
      .selectFrom('counter_sessions')
      .select(['status', 'expected_cash_cents'])
      .where('id', '=', till.id)
      .executeTakeFirstOrThrow();
    expect(session.status).toBe('closed');
    expect(Number(session.expected_cash_cents)).toBe(17_600);
    // the SUAP forwarded the notifica sanitaria to the ASL: an outgoing registration of the case
    const forwarded = await hub.hubDb.db
      .selectFrom('protocol_register')
      .select(['direction', 'correspondents', 'subject'])
      .where('case_id', '=', filed.caseId)
      .where('direction', '=', 'outgoing')
      .execute();
    expect(forwarded).toHaveLength(1);
    expect(JSON.parse(forwarded[0]?.correspondents ?? '[]')).toEqual(['ASL AL']);
    expect(forwarded[0]?.subject).toContain('notifica sanitaria');
  });
});
