import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestDesk, type TestDesk } from '../../../test-support/desk-harness';
import { HUB_BACKENDS } from '../../../test-support/hub-backends';
import { startTestHub, type TestHub } from '../../../test-support/running-hub';
import { planOf } from '../../../hub/booking/office-plans';
import { takeWalkInTicket } from '../../../hub/booking/tickets';
import type { CounterQueueView } from '../../../shared/visits/service';
import type { VisitTicket } from '../../../shared/visits/visit-wire';

/**
 * What the desk decides itself about the queue, before any call reaches the hub: the counter's
 * number (kept across a restart of the desk), no call without one, the wait figures for
 * supervisors only. The calls themselves are the hub's (hub/booking, tested there).
 */
describe.each(HUB_BACKENDS)('the counter’s queue at the desk (%s hub)', (backend) => {
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

  it('calls nobody before the clerk says which counter this is, and says so in Italian', async () => {
    const res = await desk.call('visits:callNext', {});
    expect(res.ok).toBe(false);
    if (!res.ok) {
      expect(res.error.code).toBe('visits_counter_unset');
      expect(res.error.message).toBe('Indicare prima il numero di questo sportello.');
    }
    const act = await desk.call('visits:act', { ticketId: 't-1', action: 'recall' });
    expect(!act.ok && act.error.code).toBe('visits_counter_unset');
    expect(await desk.ok('visits:current', {})).toEqual({ counter: null, tickets: [] });
  });

  it('keeps the counter’s number in the desk’s own database; refuses a number off the signs', async () => {
    expect(await desk.ok('visits:setCounter', { counter: 4 })).toEqual({ counter: 4 });
    const bad = await desk.call('visits:setCounter', { counter: 100 });
    expect(!bad.ok && bad.error.code).toBe('invalid_input');
    const meta = await desk.core.ctx.db
      .selectFrom('meta')
      .select('value')
      .where('key', '=', 'visits.counter')
      .executeTakeFirst();
    expect(meta?.value).toBe('4');
  });

  it('gives the wait figures to supervisors only, and a transfer needs exactly one destination', async () => {
    const stats = await desk.call('visits:stats', { from: '2026-11-01', to: '2026-11-30' });
    expect(!stats.ok && stats.error.code).toBe('visits_supervisors_only');
    const both = await desk.call('visits:transfer', { ticketId: 't-1', toLine: 'B', toCounter: 2 });
    expect(!both.ok && both.error.code).toBe('invalid_input');
  });

  it('brings back the ticket in hand when the bar asks again (a restarted desk), as the hub knows it', async () => {
    await takeWalkInTicket(hub.hubDb.db, planOf('B885', 'anagrafe')!, 'A', new Date());
    await desk.ok('visits:setCounter', { counter: 2 });
    const called = await desk.ok<VisitTicket | null>('visits:callNext', {});
    expect(called?.code).toMatch(/^A\d{3}$/);
    const current = await desk.ok<CounterQueueView>('visits:current', {});
    expect(current.counter).toBe(2);
    expect(current.tickets.map((t) => [t.code, t.status, t.counter])).toEqual([[called?.code, 'called', 2]]);
  });
});
