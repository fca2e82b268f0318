import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { OpenedCase, QueuePage } from '../../../shared/contract/case-views';
import { testClock } from '../../../test-support/case-fixtures';
import { startTestDesk, type TestDesk } from '../../../test-support/desk-harness';
import { HUB_BACKENDS } from '../../../test-support/hub-backends';
import { startTestHub, type TestHub } from '../../../test-support/running-hub';

const WORKSTATIONS = 20;
const CASES_EACH = 5;
const APPLICANTS = ['r-mario', 'r-anna', 'r-luca', 'r-nicolo', 'r-arben'];

describe.each(HUB_BACKENDS)('protocol numbers from 20 concurrent workstations (%s hub)', (backend) => {
  let hub: TestHub;
  let desks: TestDesk[] = [];
  beforeEach(async () => {
    const clock = testClock('2026-03-02T09:00:00Z');
    hub = await startTestHub(backend, clock.now);
    // enrolment hands out numbering series one at a time (as IT does); the counters then run at once
    const tokens: string[] = [];
    for (let i = 0; i < WORKSTATIONS; i++) tokens.push(await hub.enrol(`Casale - Sportello ${i + 1}`));
    desks = await Promise.all(
      tokens.map(async (token, i) => {
        const desk = await startTestDesk(hub, {
          workstation: `Casale - Sportello ${i + 1}`,
          token,
          now: clock.now,
        });
        await desk.core.sync.syncOnce();
        await desk.login(i % 2 === 0 ? 'anagrafe.casale' : 'anagrafe2.casale');
        return desk;
      }),
    );
  });
  afterEach(async () => {
    await Promise.all(desks.map((d) => d.close()));
    desks = [];
    await hub?.close();
  });

  it('numbers every application once, from 1, with no gap, whatever the order of arrival', async () => {
    // Taken offline at every counter: none has a number yet.
    for (const [i, desk] of desks.entries()) {
      for (let n = 0; n < CASES_EACH; n++) {
        const opened = await desk.ok<OpenedCase>('cases:open', {
          procedureCode: 'occupazione_suolo_pubblico',
          applicantId: APPLICANTS[(i + n) % APPLICANTS.length],
          subject: `Occupazione suolo pubblico ${i + 1}.${n + 1}`,
        });
        expect(opened.case.protocol).toBeNull();
      }
    }
    // All counters come back at once and push concurrently.
    await Promise.all(desks.map((d) => d.core.sync.syncOnce()));
    await Promise.all(desks.map((d) => d.core.sync.syncOnce()));

    const register = await hub.hubDb.db
      .selectFrom('protocol_register')
      .select(['number', 'case_id'])
      .where('comune', '=', 'B885')
      .where('year', '=', 2026)
      .orderBy('number')
      .execute();
    const total = WORKSTATIONS * CASES_EACH;
    expect(register.map((r) => Number(r.number))).toEqual(Array.from({ length: total }, (_, i) => i + 1));
    expect(new Set(register.map((r) => r.case_id)).size).toBe(total);

    for (const desk of [desks[0], desks[WORKSTATIONS - 1]]) {
      const page = await desk?.ok<QueuePage>('cases:queue', { sort: 'protocol', limit: 500 });
      expect(page?.total).toBe(total);
      expect(page?.items.map((i) => i.protocol)).toEqual(
        Array.from({ length: total }, (_, i) => `2026/${String(i + 1).padStart(7, '0')}`),
      );
    }
    expect(await desks[0]?.count('sync_exceptions')).toBe(0);
  });
});
