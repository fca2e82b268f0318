import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ResidentDetail } from '../../../../shared/contract/views';
import { residentEventSchema } from '../../../../shared/sync/registry-page';
import { insertHouseholds } from '../../../../hub/seed/seed-demo';
import { caseOf, openResidence, testClock } from '../../../../test-support/case-fixtures';
import { startTestDesk, type TestDesk } from '../../../../test-support/desk-harness';
import { HUB_BACKENDS } from '../../../../test-support/hub-backends';
import {
  LONGEST_HOUSEHOLD,
  LONGEST_RESIDENT_ID,
  longestResidenceIntake,
} from '../../../../test-support/longest-records';
import { startTestHub, type TestHub } from '../../../../test-support/running-hub';

const TODAY = '2026-03-02';

/**
 * Issue 12 §1: a change of residence of a registry mover whose id is as long as the rules allow
 * wrote a history id longer than the desk's wire schema, and every counter of the comune went
 * "Fuori linea" with the case stuck "in attesa di protocollo".
 */
describe.each(HUB_BACKENDS)(
  'a change of residence of a registry mover with the longest ids (%s hub)',
  (backend) => {
    let hub: TestHub;
    let desk: TestDesk;
    let other: TestDesk;

    beforeEach(async () => {
      const clock = testClock(`${TODAY}T09:00:00Z`);
      hub = await startTestHub(backend, clock.now);
      await insertHouseholds(hub.hubDb.db, [LONGEST_HOUSEHOLD]);
      desk = await startTestDesk(hub, { now: clock.now });
      other = await startTestDesk(hub, {
        workstation: 'Casale 2',
        token: await hub.enrol('Casale 2'),
        now: clock.now,
      });
      await desk.core.sync.syncOnce();
      await other.core.sync.syncOnce();
      await desk.login('anagrafe.casale');
    });
    afterEach(async () => {
      await other?.close();
      await desk?.close();
      await hub?.close();
    });

    it('numbers the case, and every counter pulls it and stays online', async () => {
      const opened = await openResidence(desk, longestResidenceIntake(TODAY));
      const status = await desk.core.sync.syncOnce();
      expect(status).toMatchObject({ online: true, error: null, pending: 0, exceptions: 0 });

      const registered = await caseOf(desk, opened.id);
      expect(registered).toMatchObject({ status: 'registered', protocol: '2026/0000001' });

      // What the hub wrote fits the one wire schema of history entries.
      const events = await hub.hubDb.db
        .selectFrom('resident_events')
        .selectAll()
        .where('resident_id', '=', LONGEST_RESIDENT_ID)
        .execute();
      expect(events).toHaveLength(1);
      for (const e of events) {
        expect(() =>
          residentEventSchema.parse({
            id: e.id,
            residentId: e.resident_id,
            kind: e.kind,
            date: e.date,
            description: e.description,
          }),
        ).not.toThrow();
      }

      // Another counter of the comune pulls the same change and stays online too.
      const seen = await other.core.sync.syncOnce();
      expect(seen).toMatchObject({ online: true, error: null, exceptions: 0 });
      await other.login('anagrafe.casale');
      expect(await caseOf(other, opened.id)).toMatchObject({
        status: 'registered',
        protocol: '2026/0000001',
      });
      const moved = await other.ok<ResidentDetail>('registry:get', { id: LONGEST_RESIDENT_ID });
      expect(moved.events.some((e) => e.kind === 'address_change')).toBe(true);

      // A counter enrolled afterwards bootstraps the new household from the registry pages.
      const late = await startTestDesk(hub, { workstation: 'Casale 3', token: await hub.enrol('Casale 3') });
      try {
        expect(await late.core.sync.syncOnce()).toMatchObject({ online: true, error: null, state: 'ready' });
      } finally {
        await late.close();
      }
    });
  },
);
