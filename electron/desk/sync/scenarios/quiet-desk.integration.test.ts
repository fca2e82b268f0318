import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SyncStatus } from '../../../../shared/contract/views';
import { eventually, startTestDesk, type TestDesk } from '../../../../test-support/desk-harness';
import { startFaultProxy, type FaultProxy } from '../../../../test-support/fault-proxy';
import { HUB_BACKENDS } from '../../../../test-support/hub-backends';
import { startTestHub, type TestHub } from '../../../../test-support/running-hub';

/**
 * Issue 12 §6: a quiet counter (one change queued while the network was down, nothing typed
 * since) uploads it on its own when the network returns: the engine retries on its own schedule,
 * not only when the clerk acts. The engine runs with its production backoff.
 */
describe.each(HUB_BACKENDS)('a quiet counter when the network returns (%s hub)', (backend) => {
  let hub: TestHub;
  let proxy: FaultProxy;
  let desk: TestDesk;

  beforeEach(async () => {
    hub = await startTestHub(backend);
    proxy = await startFaultProxy(hub.url);
    desk = await startTestDesk({ ...hub, url: proxy.url } as TestHub, {
      sync: { pollWaitMs: 1000, maxBackoffMs: 5000 },
    });
    await desk.core.sync.syncOnce();
    await desk.login();
  });
  afterEach(async () => {
    await desk?.core.sync.stop();
    await desk?.close();
    await proxy?.close();
    await hub?.close();
  });

  it('sends the one queued change by itself, and says online and in sync afterwards', async () => {
    desk.core.sync.start();
    proxy.setMode({ faultRate: 1, kinds: ['reset'], seed: 7, lostAnswerRate: 0 });
    await desk.ok('registry:updateContacts', { residentId: 'r-mario', phone: '0142123456', email: null });
    await eventually(async () => !desk.core.ctx.state.sync.online, 10_000, 50);
    // quiet for a while: several retries fail, nothing is typed
    await new Promise((r) => setTimeout(r, 1500));
    // what the status bar reads
    expect(await desk.ok('sync:status')).toMatchObject({ online: false, pending: 1 });

    proxy.setMode('pass');
    await eventually(async () => (await desk.count('outbox')) === 0, 15_000, 50);
    const hubMario = await hub.hubDb.db
      .selectFrom('residents')
      .select('phone')
      .where('id', '=', 'r-mario')
      .executeTakeFirstOrThrow();
    expect(hubMario.phone).toBe('0142123456');
    await eventually(
      async () => {
        const s = await desk.ok<SyncStatus>('sync:status');
        return s.online && s.pending === 0 && s.error === null;
      },
      10_000,
      50,
    );
    expect(await desk.ok('sync:status')).toMatchObject({ exceptions: 0, quarantined: 0 });
  });

  it('after an offline login too: the change goes up with the clerk’s push key when the network returns', async () => {
    await desk.ok('session:logout');
    proxy.setMode({ faultRate: 1, kinds: ['reset'], seed: 11, lostAnswerRate: 0 });
    desk.core.sync.start();
    await desk.login(); // offline: the cached verifier and the sealed push key
    await desk.ok('registry:updateContacts', { residentId: 'r-anna', phone: '0142654321', email: null });
    await new Promise((r) => setTimeout(r, 1500));
    expect(await desk.ok('sync:status')).toMatchObject({ online: false, pending: 1 });

    proxy.setMode('pass');
    await eventually(async () => (await desk.count('outbox')) === 0, 15_000, 50);
    const hubAnna = await hub.hubDb.db
      .selectFrom('residents')
      .select('phone')
      .where('id', '=', 'r-anna')
      .executeTakeFirstOrThrow();
    expect(hubAnna.phone).toBe('0142654321');
    expect(await desk.ok('sync:status')).toMatchObject({ pending: 0, exceptions: 0 });
  });
});
