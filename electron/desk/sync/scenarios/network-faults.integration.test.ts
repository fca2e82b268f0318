import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestDesk, type TestDesk } from '../../../../test-support/desk-harness';
import {
  expectedRegistryIndexes,
  registryIndexes,
  runNetworkFaultScenario,
  startFaultProxy,
  type FaultProxy,
} from '../../../../test-support/fault-proxy';
import { HUB_BACKENDS } from '../../../../test-support/hub-backends';
import { startTestHub, type TestHub } from '../../../../test-support/running-hub';
import { PUSH_PATH, REGISTRY_PAGE_PATH } from '../../../../shared/sync/registry-page';
import { clearMirror, wipePersonalData } from '../wipe';

/** CI-bounded; SPORTELLO_FAULTS=1000 (say) for a longer run, SPORTELLO_FAULT_SEED for another sequence. */
const MUTATIONS = Number(process.env.SPORTELLO_FAULTS ?? 100);
const SEED = Number(process.env.SPORTELLO_FAULT_SEED ?? 1126);
const MIN_FAULTS = Math.max(100, Math.round(MUTATIONS));

describe.each(HUB_BACKENDS)('network faults (%s hub)', (backend) => {
  let hub: TestHub;
  beforeEach(async () => {
    hub = await startTestHub(backend);
  });
  afterEach(async () => {
    await hub?.close();
  });

  it(`applies ${MUTATIONS} actions of two counters exactly once through drops, resets, delays, 502s and cut answers`, async () => {
    const report = await runNetworkFaultScenario({
      hub: { url: hub.url, casaleToken: hub.casaleToken, db: hub.hubDb.db },
      mutations: MUTATIONS,
      minFaults: MIN_FAULTS,
      faultRate: 0.5,
      seed: backend === 'sqlite' ? SEED : SEED + 1000,
    });
    const why = JSON.stringify(report); // the whole report on any failure
    expect(report.proxy.faults, why).toBeGreaterThanOrEqual(MIN_FAULTS);
    for (const n of Object.values(report.proxy.byKind)) expect(n, why).toBeGreaterThan(0);
    expect(report.proxy.lostAnswers, why).toBeGreaterThan(0);
    expect(report, why).toMatchObject({
      mutations: MUTATIONS,
      desks: 2,
      applied: MUTATIONS,
      changeLog: MUTATIONS,
      duplicated: 0,
      lost: 0,
      pending: 0,
      exceptions: 0,
      hubExceptions: 0,
      mismatched: [],
      missingIndexes: [],
    });
    // Each phase of the scenario is bounded (30 s) and a request cut by the proxy waits for the hub
    // client's 15 s timeout before its retry: a slow round must end in the report, not in vitest's
    // default 60 s, so whatever did not converge is named.
  }, 300_000);

  describe('scripted faults', () => {
    let proxy: FaultProxy;
    let desk: TestDesk;
    beforeEach(async () => {
      proxy = await startFaultProxy(hub.url);
      desk = await startTestDesk({ ...hub, url: proxy.url } as TestHub, { sync: { bootstrapPage: 1 } });
    });
    afterEach(async () => {
      await desk?.close();
      await proxy?.close();
    });

    it('a refusal whose answer is lost is refused again on replay, not taken for done', async () => {
      await desk.core.sync.syncOnce();
      await desk.login();
      await desk.ok('registry:updateContacts', { residentId: 'r-arben', phone: '3331112222', email: null });
      await hub.hubDb.db
        .updateTable('residents')
        .set({ status: 'emigrated', status_date: '2026-11-20' })
        .where('id', '=', 'r-arben')
        .execute();
      // The hub refuses the push, then the answer is lost on the way back.
      proxy.injectNext({ kind: 'drop', afterUpstream: true }, PUSH_PATH);
      proxy.injectNext({ kind: 'drop', afterUpstream: true }, PUSH_PATH); // and the client's own retry
      expect(await desk.core.sync.syncOnce()).toMatchObject({ online: false, pending: 1 });
      expect(await desk.core.sync.syncOnce()).toMatchObject({ online: true, pending: 0, exceptions: 1 });
      const local = await desk.core.ctx.db
        .selectFrom('residents')
        .select(['phone', 'status'])
        .where('id', '=', 'r-arben')
        .executeTakeFirstOrThrow();
      expect(local).toEqual({ phone: null, status: 'emigrated' });
      expect(proxy.stats().lostAnswers).toBe(2);
    });

    it.each([
      ['wiped (revoked)', wipePersonalData],
      ['cleared for a new bootstrap', clearMirror],
    ])('a bootstrap cut by the network keeps no index lost when the mirror is %s', async (_, empty) => {
      const expected = await expectedRegistryIndexes();
      // page 1 arrives, page 2 (and the client's retry) are cut
      proxy.injectNext({ kind: 'reset' }, REGISTRY_PAGE_PATH, 1);
      proxy.injectNext({ kind: 'reset' }, REGISTRY_PAGE_PATH);
      expect(await desk.core.sync.syncOnce()).toMatchObject({ state: 'error', residents: 1 });
      // while a bootstrap runs, the registry indexes are deferred
      expect((await registryIndexes(desk.core.ctx.db)).length).toBeLessThan(expected.length);
      await empty(desk.core.ctx.db);
      expect(await registryIndexes(desk.core.ctx.db)).toEqual(expected);
      expect(await desk.core.sync.syncOnce()).toMatchObject({ state: 'ready', residents: 6 });
      expect(await registryIndexes(desk.core.ctx.db)).toEqual(expected);
    });
  });
});
