import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshHubDb } from '../../test-support/hub-backends';
import { appendChange, appendChanges, readChanges } from './change-log';

/**
 * PostgreSQL hands out `seq` at insert, not at commit. A bulk append (a billing run, a seed) that
 * did not wait for an open single append would commit higher seqs first, and a desk pulling in
 * between would move its cursor past the lower seq committed later: that change lost for ever.
 * Both paths take the comune's log lock, so the bulk one waits and its rows come after.
 */
describe('bulk appends to the change log on PostgreSQL', () => {
  let hubDb: Awaited<ReturnType<typeof freshHubDb>>;
  beforeAll(async () => {
    hubDb = await freshHubDb('postgres');
  });
  afterAll(async () => {
    await hubDb?.close();
  });

  const row = (id: string) => ({
    comune: 'B885',
    entity: 'resident' as const,
    entity_id: id,
    op: 'upsert' as const,
    payload: '{}',
    at: '2026-12-07T03:00:00Z',
    mutation_id: null,
  });

  it('waits for an open append of the same comune; a desk never sees a later seq before an earlier one', async () => {
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    let inserted!: () => void;
    const afterInsert = new Promise<void>((r) => (inserted = r));
    const single = hubDb.db.transaction().execute(async (trx) => {
      await appendChange(trx, {
        comune: 'B885',
        entity: 'resident',
        entityId: 'slow',
        op: 'upsert',
        payload: {},
        at: '2026-12-07T03:00:00Z',
      });
      inserted();
      await held;
    });
    await afterInsert;
    let bulkDone = false;
    const bulk = hubDb.db
      .transaction()
      .execute((trx) => appendChanges(trx, [row('b1'), row('b2'), row('b3')]))
      .then(() => (bulkDone = true));
    await new Promise((r) => setTimeout(r, 400));
    // a desk pulling now sees nothing of either: the bulk rows have not jumped ahead
    const scope = { workstationId: 'w', officeEntities: new Map() };
    expect(await readChanges(hubDb.db, 'B885', 0, 100, scope)).toEqual([]);
    expect(bulkDone).toBe(false);
    release();
    await Promise.all([single, bulk]);
    const ids = (await readChanges(hubDb.db, 'B885', 0, 100, scope)).map((c) => c.entityId);
    expect(ids).toEqual(['slow', 'b1', 'b2', 'b3']);
  });

  it('gives a waiting append its seqs only once it holds the lock', async () => {
    // the holder has the lock but writes its second row after the bulk began waiting: a bulk
    // that took seqs before the lock would hold lower seqs than that row and commit after it
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    let locked!: () => void;
    const holding = new Promise<void>((r) => (locked = r));
    const change = (entityId: string) => ({
      comune: 'B885',
      entity: 'resident' as const,
      entityId,
      op: 'upsert' as const,
      payload: {},
      at: '2026-12-07T03:00:00Z',
    });
    const holder = hubDb.db.transaction().execute(async (trx) => {
      await appendChange(trx, change('first'));
      locked();
      await held;
      await appendChange(trx, change('second'));
    });
    await holding;
    const scope = { workstationId: 'w', officeEntities: new Map() };
    const before = (await readChanges(hubDb.db, 'B885', 0, 1000, scope)).at(-1)?.seq ?? 0;
    const bulk = hubDb.db.transaction().execute((trx) => appendChanges(trx, [row('late1'), row('late2')]));
    await new Promise((r) => setTimeout(r, 300));
    release();
    await Promise.all([holder, bulk]);
    const after = await readChanges(hubDb.db, 'B885', before, 1000, scope);
    expect(after.map((c) => c.entityId)).toEqual(['first', 'second', 'late1', 'late2']);
  });

  it('does not wait for another comune', async () => {
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    let inserted!: () => void;
    const afterInsert = new Promise<void>((r) => (inserted = r));
    const single = hubDb.db.transaction().execute(async (trx) => {
      await appendChanges(
        trx,
        [row('other')].map((r) => ({ ...r, comune: 'A001' })),
      );
      inserted();
      await held;
    });
    await afterInsert;
    await hubDb.db.transaction().execute((trx) => appendChanges(trx, [row('b4')]));
    release();
    await single;
    expect(
      (await readChanges(hubDb.db, 'B885', 0, 100, { workstationId: 'w', officeEntities: new Map() })).at(-1)
        ?.entityId,
    ).toBe('b4');
  });
});
