import { sql } from 'kysely';
import { uuidv7 } from 'uuidv7';
import { afterEach, describe, expect, it } from 'vitest';
import {
  changesResponseSchema,
  pushResponseSchema,
  type MutationEnvelope,
} from '../../shared/sync/mutations';
import { CHANGES_PATH, PROTOCOL_VERSION, PUSH_PATH } from '../../shared/sync/registry-page';
import { startHubCluster, type HubCluster } from '../../test-support/hub-cluster';
import { freshHubDb } from '../../test-support/hub-backends';
import { openHubDatabase } from '../db/open-hub-database';
import { runDueOnce } from '../db/job-runs';
import { hubMigrations } from '../db/migrations';
import { readRegister, registerProtocol } from '../protocol/protocol-repository';

/** A counter changing a resident's phone: the mutation the desks push most (registry.updateContacts). */
const contactChange = (i: number, residentId = 'r-mario'): MutationEnvelope => ({
  id: uuidv7(),
  name: 'registry.updateContacts',
  args: { residentId, phone: `0142${String(100_000 + i)}`, email: null },
  clerk: 'anagrafe.casale',
  at: new Date().toISOString(),
});

/** A desk's two sync calls over real HTTP, at one instance (the hub may not import the desk's client). */
const deskClient = (urls: string[], token: string) => {
  const headers = (clerk?: string) => ({
    'content-type': 'application/json',
    authorization: `Bearer ${token}`,
    'x-sportello-protocol': String(PROTOCOL_VERSION),
    ...(clerk ? { 'x-sportello-clerk': clerk } : {}),
  });
  return {
    push: async (mutations: MutationEnvelope[], clerk: string) => {
      const res = await fetch(new URL(PUSH_PATH, urls[0]), {
        method: 'POST',
        headers: headers(clerk),
        body: JSON.stringify({ mutations }),
      });
      return pushResponseSchema.parse(await res.json()).results;
    },
    changes: async (since: number, limit: number, waitMs: number) => {
      const qs = new URLSearchParams({ since: String(since), limit: String(limit), waitMs: String(waitMs) });
      const res = await fetch(new URL(`${CHANGES_PATH}?${qs.toString()}`, urls[0]), { headers: headers() });
      return changesResponseSchema.parse(await res.json());
    },
  };
};

const countWhere = async (c: HubCluster, table: 'applied_mutations' | 'change_log', ids: string[]) =>
  Number(
    (
      await c.check.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll().as('n'))
        .where('mutation_id', 'in', ids)
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('several hub instances on one PostgreSQL', () => {
  let cluster: HubCluster | null = null;
  afterEach(async () => {
    await cluster?.close();
    cluster = null;
  });

  it('migrates once when three instances start together on an empty database', async () => {
    const empty = await freshHubDb('postgres');
    const url = empty.reopenOptions.databaseUrl!;
    await empty.close();
    // drop what freshHubDb migrated: three instances now meet an empty database
    const admin = await openHubDatabase({ databaseUrl: url });
    await sql`drop schema public cascade`.execute(admin.db);
    await sql`create schema public`.execute(admin.db);
    await admin.close();
    const three = await Promise.all([1, 2, 3].map(() => openHubDatabase({ databaseUrl: url })));
    const { rows } = await sql<{ name: string }>`select name from kysely_migration`.execute(three[0]!.db);
    expect(rows.length).toBe(Object.keys(hubMigrations()).length);
    expect(new Set(rows.map((r) => r.name)).size).toBe(rows.length);
    await Promise.all(three.map((h) => h.close()));
  });

  it('wakes a pull waiting on instance B when a push commits on instance A', async () => {
    cluster = await startHubCluster(2);
    const [a, b] = cluster.instances;
    const pusher = await cluster.workstation('Casale - Anagrafe 1');
    const waiter = await cluster.workstation('Casale - Anagrafe 2');
    const onB = deskClient([b!.url], waiter.token);
    const onA = deskClient([a!.url], pusher.token);
    const head = (await onB.changes(0, 1000, 0)).head;
    const started = Date.now();
    const pulled = onB.changes(head, 1000, 20_000);
    await new Promise((r) => setTimeout(r, 300)); // B's desk is waiting
    const m = contactChange(1);
    expect(await onA.push([m], pusher.pushKey)).toEqual([{ id: m.id, status: 'applied' }]);
    const answer = await pulled;
    expect(answer.changes.map((c) => c.mutationId)).toContain(m.id);
    // LISTEN/NOTIFY, not the 20 s wait nor the 1 s fallback poll
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it('runs a job due once exactly once, however many instances tick, and resumes one cut short', async () => {
    cluster = await startHubCluster(3);
    const pools = cluster.instances.map((i) => i.hubDb.db);
    let runs = 0;
    const outcomes = await Promise.all(
      Array.from({ length: 30 }, (_, k) =>
        runDueOnce(pools[k % 3]!, 'test-monthly', '2026-11', async () => {
          runs += 1;
          await new Promise((r) => setTimeout(r, 200));
        }),
      ),
    );
    expect(runs).toBe(1);
    expect(outcomes.filter((o) => o === 'ran')).toHaveLength(1);
    expect(outcomes.filter((o) => o === 'ran' || o === 'done' || o === 'busy')).toHaveLength(30);
    // later ticks on every instance find it done
    for (const db of pools)
      expect(await runDueOnce(db, 'test-monthly', '2026-11', async () => void runs++)).toBe('done');
    expect(runs).toBe(1);

    // an instance dies in the middle of a run: its lock goes with its connection, another takes over
    const [dying, other] = cluster.instances;
    let die: (err: Error) => void = () => {};
    const stuck = runDueOnce(
      dying!.hubDb.db,
      'test-yearly',
      '2027',
      () => new Promise<void>((_, reject) => (die = reject)),
    );
    await new Promise((r) => setTimeout(r, 200));
    expect(await runDueOnce(other!.hubDb.db, 'test-yearly', '2027', async () => void runs++)).toBe('busy');
    // the process is gone: PostgreSQL sees its connection drop, its work stops half-way
    await sql`select pg_terminate_backend(pid) from pg_locks where locktype = 'advisory' and granted`.execute(
      cluster.check.db,
    );
    die(new Error('instance died'));
    await stuck.catch(() => undefined);
    expect(await runDueOnce(other!.hubDb.db, 'test-yearly', '2027', async () => void runs++)).toBe('ran');
    expect(runs).toBe(2);
  });

  it('numbers 200 registrations made at once on three instances 1..200, no gap, no repeat', async () => {
    cluster = await startHubCluster(3);
    const pools = cluster.instances.map((i) => i.hubDb.db);
    const numbers = await Promise.all(
      Array.from({ length: 200 }, (_, k) =>
        pools[k % 3]!.transaction().execute((trx) =>
          registerProtocol(trx, {
            comune: 'B885',
            registeredAt: '2026-12-07T10:00:00',
            direction: 'incoming',
            correspondents: ['Rossi Mario'],
            subject: `Istanza ${k}`,
            caseId: null,
            registeredBy: 'anagrafe.casale',
          }),
        ),
      ),
    );
    expect(numbers.map((n) => n.number).sort((x, y) => x - y)).toEqual(
      Array.from({ length: 200 }, (_, i) => i + 1),
    );
    const { entries, problems } = await readRegister(cluster.check.db, 'B885', 2026, 500);
    expect(entries).toHaveLength(200);
    expect(problems).toEqual([]);
  });

  it('applies once the same mutation pushed to two instances at the same moment', async () => {
    cluster = await startHubCluster(2);
    const [a, b] = cluster.instances;
    const desk = await cluster.workstation('Casale - Anagrafe 1');
    const onA = deskClient([a!.url], desk.token);
    const onB = deskClient([b!.url], desk.token);
    const batches = Array.from({ length: 20 }, (_, k) => [
      contactChange(k),
      contactChange(k + 100, 'r-anna'),
    ]);
    for (const batch of batches) {
      const [ra, rb] = await Promise.all([onA.push(batch, desk.pushKey), onB.push(batch, desk.pushKey)]);
      // both answer success: one applied it, the other (the retry after a timeout) says it is done
      for (let i = 0; i < batch.length; i++) {
        const statuses = [ra[i]!.status, rb[i]!.status].sort();
        expect(statuses[0]).toBe('applied');
        expect(['applied', 'duplicate']).toContain(statuses[1]);
        expect(statuses).not.toEqual(['applied', 'applied']);
      }
    }
    const ids = batches.flat().map((m) => m.id);
    expect(await countWhere(cluster, 'applied_mutations', ids)).toBe(ids.length);
    expect(await countWhere(cluster, 'change_log', ids)).toBe(ids.length);
  });
});
