import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CounterSessionView } from '../../../shared/contract/cashdesk-views';
import type { IssuedCertificate } from '../../../shared/contract/views';
import type { IssuedPermitView } from '../../../shared/permits/permit-views';
import { DEMO_PASSWORD } from '../../../hub/seed/demo-users';
import { startTestDesk, type TestDesk } from '../../../test-support/desk-harness';
import { HUB_BACKENDS } from '../../../test-support/hub-backends';
import { startTestHub, type TestHub } from '../../../test-support/running-hub';
import { addCavourHousehold } from '../../../test-support/permit-fixtures';

/**
 * A permit's fee paid in cash is money in the clerk's till like the certificates' diritti: it is
 * in the till's lines, its expected cash and its closing, and the hub — which recomputes every
 * closing from its own entries — counts it too, so a closing with both adds up at both ends.
 */
describe.each(HUB_BACKENDS)('permit fees reach the till (%s hub)', (backend) => {
  let hub: TestHub;
  let desk: TestDesk;
  beforeEach(async () => {
    hub = await startTestHub(backend);
    await addCavourHousehold(hub);
    desk = await startTestDesk(hub);
    await desk.core.sync.syncOnce();
    await desk.login();
  });
  afterEach(async () => {
    await desk?.close();
    await hub?.close();
  });

  it('counts a parking permit and a certificate in one till, and the hub accepts its closing', async () => {
    await desk.ok<CounterSessionView>('cashdesk:open', { openingFloatCents: 10_000 });
    const permit = await desk.ok<IssuedPermitView>('permits:issue', {
      residentId: 'r-giorgio',
      kind: 'sosta_residenti',
      plates: [{ plate: 'FG456HK' }],
    });
    const certificate = await desk.ok<IssuedCertificate>('certificates:issue', {
      residentId: 'r-mario',
      facts: ['stato_famiglia'],
      destination: 'private_it',
      bollo: { kind: 'marca', marcaId: '01234567890123' },
      delivery: 'printed',
    });
    expect(permit.permit.feeCents).toBe(3000);
    const till = await desk.ok<CounterSessionView>('cashdesk:current');
    expect(till.totals.expectedCashCents).toBe(10_000 + 3000 + 52);
    expect(till.entries).toContainEqual(
      expect.objectContaining({
        receiptNumber: permit.permit.number,
        amountCents: 3000,
        reason: 'Tariffa del permesso',
      }),
    );
    expect(till.entries).toContainEqual(
      expect.objectContaining({ receiptNumber: certificate.id, amountCents: 52 }),
    );

    await desk.ok('cashdesk:count', { countedCashCents: 13_052 });
    const closed = await desk.ok<CounterSessionView>('cashdesk:signOff', {
      approver: { username: 'supervisore.casale', password: DEMO_PASSWORD },
    });
    expect(closed.closing?.discrepancyCents).toBe(0);

    const status = await desk.core.sync.syncOnce();
    expect(status.exceptions).toBe(0);
    const atHub = await hub.hubDb.db.selectFrom('permit_fees').selectAll().execute();
    expect(atHub).toEqual([expect.objectContaining({ permit_id: permit.permit.id, session_id: till.id })]);
    expect(Number(atHub[0]?.amount_cents)).toBe(3000);
    const session = await hub.hubDb.db
      .selectFrom('counter_sessions')
      .select(['status', 'expected_cash_cents'])
      .where('id', '=', till.id)
      .executeTakeFirstOrThrow();
    expect(session.status).toBe('closed');
    expect(Number(session.expected_cash_cents)).toBe(13_052);
  });
});
