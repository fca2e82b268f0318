import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eventually, startTestDesk, type TestDesk } from '../../../../test-support/desk-harness';
import { HUB_BACKENDS } from '../../../../test-support/hub-backends';
import { startTestHub, type TestHub } from '../../../../test-support/running-hub';

const phoneOf = async (desk: TestDesk, id: string) =>
  (
    await desk.core.ctx.db
      .selectFrom('residents')
      .select('phone')
      .where('id', '=', id)
      .executeTakeFirstOrThrow()
  ).phone;

describe.each(HUB_BACKENDS)('incremental sync (%s hub)', (backend) => {
  let hub: TestHub;
  let a: TestDesk;
  let b: TestDesk;
  beforeEach(async () => {
    hub = await startTestHub(backend);
    a = await startTestDesk(hub, { workstation: 'A' });
    b = await startTestDesk(hub, { workstation: 'B' });
    await a.core.sync.syncOnce();
    await b.core.sync.syncOnce();
    await a.login();
  });
  afterEach(async () => {
    await a?.close();
    await b?.close();
    await hub?.close();
  });

  it('applies a change at once locally, and at the other counter after push and pull', async () => {
    const detail = await a.ok<{ phone: string | null }>('registry:updateContacts', {
      residentId: 'r-mario',
      phone: '0142 444 555',
      email: 'Mario.Rossi@Example.it',
    });
    expect(detail.phone).toBe('0142444555');
    expect(await a.count('outbox')).toBe(1);
    expect(await phoneOf(b, 'r-mario')).toBeNull();

    expect(await a.core.sync.syncOnce()).toMatchObject({ pending: 0, exceptions: 0 });
    await b.core.sync.syncOnce();
    expect(await phoneOf(b, 'r-mario')).toBe('0142444555');
    const hubRow = await hub.hubDb.db
      .selectFrom('residents')
      .select(['phone', 'email'])
      .where('id', '=', 'r-mario')
      .executeTakeFirstOrThrow();
    expect(hubRow).toEqual({ phone: '0142444555', email: 'mario.rossi@example.it' });
  });

  it('still pulls on demand after the live loops were stopped', async () => {
    // stop() aborts the long poll; a sync asked for afterwards must not reuse that aborted signal
    b.core.sync.start();
    await new Promise((r) => setTimeout(r, 100));
    await b.core.sync.stop();
    await a.ok('registry:updateContacts', { residentId: 'r-anna', phone: '0142 777 888', email: null });
    await a.core.sync.syncOnce();
    const status = await b.core.sync.syncOnce();
    expect(status.error).toBeNull();
    expect(await phoneOf(b, 'r-anna')).toBe('0142777888');
  });

  it('reaches another counter of the same comune while its long poll waits, with no sync asked for', async () => {
    // A long poll that waits longer than the test gives: only the hub's wake-up can deliver in time.
    // How fast it arrives is measured by bench:sync (propagation p95), not asserted here.
    const waiting = await startTestDesk(hub, { workstation: 'C', sync: { pollWaitMs: 30_000 } });
    try {
      await waiting.core.sync.syncOnce();
      a.core.sync.start();
      waiting.core.sync.start();
      await new Promise((r) => setTimeout(r, 200)); // the long poll is waiting
      await a.ok('registry:updateContacts', { residentId: 'r-anna', phone: '+39 333 1234567', email: null });
      await eventually(async () => (await phoneOf(waiting, 'r-anna')) === '+393331234567', 10_000, 5);
    } finally {
      await waiting.close();
    }
  });

  it('refuses bad contact details at the counter with a clear message and queues nothing', async () => {
    const r = await a.call('registry:updateContacts', { residentId: 'r-mario', phone: 'abc', email: null });
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(r.ok ? '' : r.error.message).toContain('«Telefono» nel formato sbagliato');
    const dead = await a.call('registry:updateContacts', {
      residentId: 'r-dead',
      phone: '0142000000',
      email: null,
    });
    expect(dead).toMatchObject({ ok: false, error: { code: 'resident_not_current' } });
    expect(await a.count('outbox')).toBe(0);
  });
});
