import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SyncException } from '../../../../shared/contract/views';
import type { ChangeEntity } from '../../../../shared/sync/change-entities';
import { getMeta } from '../../db/meta-repository';
import { CURSOR_KEY } from '../apply-changes';
import { startTestDesk, type TestDesk } from '../../../../test-support/desk-harness';
import { workstationIdOf } from '../../../../test-support/fault-proxy';
import { HUB_BACKENDS } from '../../../../test-support/hub-backends';
import { startTestHub, type TestHub } from '../../../../test-support/running-hub';

/**
 * Issue 12 §1 and §6: a record a counter cannot read (content its schema refuses, or a kind a
 * newer hub writes and this release does not know) is set aside with why, reported to the hub
 * and shown in words; the rest of the page is applied, the cursor moves on, the counter stays
 * online, and the supervisors see it with its kind and age.
 */
describe.each(HUB_BACKENDS)('a record a counter cannot apply (%s hub)', (backend) => {
  let hub: TestHub;
  let desk: TestDesk;
  let other: TestDesk;

  beforeEach(async () => {
    hub = await startTestHub(backend);
    desk = await startTestDesk(hub, { workstation: 'A' });
    other = await startTestDesk(hub, { workstation: 'B', token: await hub.enrol('Casale 2') });
    await desk.core.sync.syncOnce();
    await other.core.sync.syncOnce();
    await other.login('anagrafe2.casale');
  });
  afterEach(async () => {
    await other?.close();
    await desk?.close();
    await hub?.close();
  });

  /** what a newer (or faulty) hub would have logged for the comune */
  const logged = async (entity: string, entityId: string, payload: unknown) => {
    await hub.hubDb.db
      .insertInto('change_log')
      .values({
        comune: 'B885',
        entity: entity as ChangeEntity,
        entity_id: entityId,
        op: 'upsert',
        payload: JSON.stringify(payload),
        at: new Date().toISOString(),
        mutation_id: null,
      })
      .execute();
  };

  it('sets it aside, applies the rest, stays online and tells clerk, hub and supervisors', async () => {
    await logged('case', 'case-unreadable', { state: { id: 'x'.repeat(500) } });
    await logged('parking_permit', 'PP-2027-000123', { plate: 'AB123CD' });
    // a good change after the bad ones, through the real hub path
    await other.ok('registry:updateContacts', { residentId: 'r-mario', phone: '0142999999', email: null });
    await other.core.sync.syncOnce();

    const status = await desk.core.sync.syncOnce();
    expect(status).toMatchObject({ online: true, error: null, exceptions: 0, quarantined: 2 });
    const head = Number(
      (
        await hub.hubDb.db
          .selectFrom('change_log')
          .select((eb) => eb.fn.max('seq').as('m'))
          .executeTakeFirstOrThrow()
      ).m,
    );
    expect(Number(await getMeta(desk.core.ctx.db, CURSOR_KEY))).toBe(head);
    const mario = await desk.core.ctx.db
      .selectFrom('residents')
      .select('phone')
      .where('id', '=', 'r-mario')
      .executeTakeFirstOrThrow();
    expect(mario.phone).toBe('0142999999');

    await desk.login('anagrafe.casale');
    const mine = await desk.ok<SyncException[]>('sync:exceptions');
    const bySummary = Object.fromEntries(mine.map((x) => [x.summary, x]));
    expect(bySummary['Pratica case-unreadable']).toMatchObject({
      source: 'pull',
      code: 'change_unreadable',
      kind: 'permanent',
    });
    expect(bySummary['Dato di tipo «parking_permit» (PP-2027-000123)']).toMatchObject({
      source: 'pull',
      code: 'change_kind_unknown',
      kind: 'transient',
    });
    for (const x of mine) {
      expect(x.message).not.toMatch(/[{[]|"|Too big|ZodError/);
      expect(x.ageMinutes).toBeGreaterThanOrEqual(0);
    }

    // The hub heard which records, and takes what they are from its own log.
    const reported = await hub.hubDb.db
      .selectFrom('desk_quarantine')
      .select(['entity', 'entity_id', 'code'])
      .where('workstation_id', '=', await workstationIdOf(hub.hubDb.db, hub.casaleToken))
      .orderBy('seq')
      .execute();
    expect(reported).toEqual([
      { entity: 'case', entity_id: 'case-unreadable', code: 'change_unreadable' },
      { entity: 'parking_permit', entity_id: 'PP-2027-000123', code: 'change_kind_unknown' },
    ]);

    // Supervisors see them beside the refused mutations, with kind and age.
    await desk.login('supervisore.casale');
    const comune = await desk.ok<SyncException[]>('sync:comuneExceptions');
    expect(comune.filter((x) => x.source === 'pull').map((x) => [x.workstation, x.kind, x.summary])).toEqual(
      expect.arrayContaining([
        ['Casale - Anagrafe 1', 'permanent', 'Pratica case-unreadable'],
        ['Casale - Anagrafe 1', 'transient', 'Dato di tipo «parking_permit» (PP-2027-000123)'],
      ]),
    );

    // Later changes keep flowing.
    await other.ok('registry:updateContacts', { residentId: 'r-mario', phone: '0142888888', email: null });
    await other.core.sync.syncOnce();
    expect(await desk.core.sync.syncOnce()).toMatchObject({
      online: true,
      error: null,
      exceptions: 0,
      quarantined: 2,
    });
  });
});
