import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CounterSessionView } from '../../../shared/contract/cashdesk-views';
import type { IssuedCertificate } from '../../../shared/contract/views';
import { DEMO_PASSWORD } from '../../../hub/seed/demo-users';
import { startTestDesk, type TestDesk } from '../../../test-support/desk-harness';
import { HUB_BACKENDS } from '../../../test-support/hub-backends';
import { startTestHub, type TestHub } from '../../../test-support/running-hub';
import { extractPdfText, flat } from '../documents/pdf-test-helpers';

/**
 * The diritti the certificate screen shows "to collect" (€ 0,52 with a marca) are cash taken at
 * the counter: they appear in the clerk's till, in the count and in the signed closing report,
 * and the hub keeps them against the same till session.
 */
describe.each(HUB_BACKENDS)('certificate fees reach the till (%s hub)', (backend) => {
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

  it('puts the € 0,52 in the till and the closing report totals', async () => {
    await desk.ok<CounterSessionView>('cashdesk:open', { openingFloatCents: 10_000 });
    const issued = await desk.ok<IssuedCertificate>('certificates:issue', {
      residentId: 'r-mario',
      facts: ['stato_famiglia'],
      destination: 'private_it',
      bollo: { kind: 'marca', marcaId: '01234567890123' },
      delivery: 'printed',
    });
    expect(issued.atCounterCents).toBe(52);
    const till = await desk.ok<CounterSessionView>('cashdesk:current');
    expect(till.totals.byChannel.cash).toMatchObject({ paymentsCount: 1, paymentsCents: 52 });
    expect(till.totals.expectedCashCents).toBe(10_052);
    expect(till.entries).toContainEqual(
      expect.objectContaining({ receiptNumber: issued.id, amountCents: 52, reason: 'Diritti di segreteria' }),
    );

    await desk.ok('cashdesk:count', { countedCashCents: 10_052 });
    const closed = await desk.ok<CounterSessionView>('cashdesk:signOff', {
      approver: { username: 'supervisore.casale', password: DEMO_PASSWORD },
    });
    expect(closed.closing?.discrepancyCents).toBe(0);
    const report = await desk.ok<{ pdfBase64: string }>('cashdesk:report', { sessionId: till.id });
    const text = flat(
      (await extractPdfText(new Uint8Array(Buffer.from(report.pdfBase64, 'base64')))).join(' '),
    );
    expect(text).toContain('100,52');
    expect(text).toContain(issued.id);

    await desk.core.sync.syncOnce();
    const atHub = await hub.hubDb.db.selectFrom('certificate_fees').selectAll().execute();
    expect(atHub).toEqual([expect.objectContaining({ certificate_id: issued.id, session_id: till.id })]);
    expect(Number(atHub[0]?.amount_cents)).toBe(52);
    const session = await hub.hubDb.db
      .selectFrom('counter_sessions')
      .select(['status', 'expected_cash_cents'])
      .where('id', '=', till.id)
      .executeTakeFirstOrThrow();
    expect(session.status).toBe('closed');
    expect(Number(session.expected_cash_cents)).toBe(10_052);
  });

  it('opens the till by itself (no float) when a clerk issues a certificate before opening it', async () => {
    const issued = await desk.ok<IssuedCertificate>('certificates:issue', {
      residentId: 'r-mario',
      facts: ['residenza'],
      destination: 'private_it',
      bollo: { kind: 'exempt', groundCode: 'previdenza_assistenza' },
      delivery: 'printed',
    });
    expect(issued.atCounterCents).toBe(26);
    const till = await desk.ok<CounterSessionView>('cashdesk:current');
    expect(till).toMatchObject({ status: 'open', openingFloatCents: 0 });
    expect(till.totals.expectedCashCents).toBe(26);
    await desk.core.sync.syncOnce();
    const exceptions = await hub.hubDb.db.selectFrom('sync_exceptions').select('code').execute();
    expect(exceptions).toEqual([]);
  });
});
