import { uuidv7 } from 'uuidv7';
import { afterEach, describe, expect, it } from 'vitest';
import type { MutationEnvelope } from '../../../shared/sync/mutations';
import { startHubCluster, type HubCluster } from '../../../test-support/hub-cluster';
import { createHubClient } from './hub-client';
import { createHubFetch } from './tls';

/** A counter changing a resident's phone (registry.updateContacts). */
const contactChange = (i: number, residentId = 'r-mario'): MutationEnvelope => ({
  id: uuidv7(),
  name: 'registry.updateContacts',
  args: { residentId, phone: `0142${String(100_000 + i)}`, email: null },
  clerk: 'anagrafe.casale',
  at: new Date().toISOString(),
});

/** The desk's own hub client, enrolled at `urls[0]`, knowing every instance (managed config). */
const deskClient = (urls: string[], token: string) =>
  createHubClient({
    credential: () => ({ hubUrl: urls[0]!, workstation: 'test', token }),
    version: 'test',
    timeoutMs: 5000,
    hubUrls: () => urls,
  });

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

describe('desks failing over between hub instances on one PostgreSQL', () => {
  let cluster: HubCluster | null = null;
  afterEach(async () => {
    await cluster?.close();
    cluster = null;
  });

  it('loses nothing and doubles nothing when an instance dies under pushing desks: they fail over', async () => {
    cluster = await startHubCluster(2);
    const urls = cluster.instances.map((i) => i.url);
    const desks = [];
    for (let d = 0; d < 8; d++) {
      const ws = await cluster.workstation(`Casale - Sportello ${d}`);
      // half enrolled at A, half at B: each lists both
      desks.push({ ...ws, client: deskClient(d % 2 ? [...urls].reverse() : urls, ws.token) });
    }
    const made: string[] = [];
    let failures = 0;
    let stop = false;
    const pushing = desks.map(async (desk, d) => {
      // the desk's outbox: what is not answered stays and goes again, the same ids
      const outbox: MutationEnvelope[] = [];
      let k = 0;
      while (!stop || outbox.length > 0) {
        if (!stop && outbox.length < 10) {
          const m = contactChange(d * 10_000 + k++, d % 2 ? 'r-anna' : 'r-mario');
          made.push(m.id);
          outbox.push(m, contactChange(d * 10_000 + k++, 'r-nicolo'));
          made.push(outbox[outbox.length - 1]!.id);
        }
        const batch = outbox.slice(0, 5);
        try {
          const results = await desk.client.push(batch, desk.pushKey);
          for (const r of results) {
            expect(r.status).not.toBe('rejected');
            outbox.splice(
              outbox.findIndex((m) => m.id === r.id),
              1,
            );
          }
        } catch {
          failures++;
          await new Promise((r) => setTimeout(r, 50));
        }
      }
    });
    await new Promise((r) => setTimeout(r, 1500));
    await cluster.instances[0]!.kill();
    await new Promise((r) => setTimeout(r, 1500));
    await cluster.instances[0]!.restart();
    await new Promise((r) => setTimeout(r, 500));
    stop = true;
    await Promise.all(pushing);
    expect(made.length).toBeGreaterThan(40);
    expect(await countWhere(cluster, 'applied_mutations', made)).toBe(made.length);
    expect(await countWhere(cluster, 'change_log', made)).toBe(made.length);
    // the desks failed over: no push ended with both instances unreachable
    expect(failures).toBe(0);
  });

  it('sends a login on to the next instance when the first refused the connection (it never left the desk)', async () => {
    cluster = await startHubCluster(1);
    const live = cluster.instances[0]!.url;
    const ws = await cluster.workstation('Casale - Anagrafe 1');
    // enrolled at an address nobody listens on any more; the managed config lists the live one
    const client = deskClient(['http://127.0.0.1:9/', live], ws.token);
    const m = contactChange(1);
    expect(await client.push([m], ws.pushKey)).toEqual([{ id: m.id, status: 'applied' }]);
    // a refused connection never reached the hub: a login may go on to the next instance
    const login = await client.login('anagrafe.casale', 'wrong password').catch((e: unknown) => e);
    expect(login).toMatchObject({ code: 'wrong_credentials' });
  });

  it('goes back to its own instance once that one is up again, after the wait it is given', async () => {
    cluster = await startHubCluster(2);
    const [own, other] = cluster.instances.map((i) => i.url) as [string, string];
    const ws = await cluster.workstation('Casale - Anagrafe 1');
    // which instance answered each call: the real fetch, watched
    const answeredBy: string[] = [];
    const realFetch = createHubFetch();
    const client = createHubClient({
      credential: () => ({ hubUrl: own, workstation: 'test', token: ws.token }),
      version: 'test',
      timeoutMs: 5000,
      hubUrls: () => [own, other],
      homeRetryMs: 400,
      fetch: async (url, init) => {
        const res = await realFetch(url, init);
        answeredBy.push(url.origin);
        return res;
      },
    });
    const push = async (i: number) => {
      const m = contactChange(i);
      expect(await client.push([m], ws.pushKey)).toEqual([{ id: m.id, status: 'applied' }]);
      return answeredBy.at(-1);
    };
    const origin = (u: string) => new URL(u).origin;
    expect(await push(1)).toBe(origin(own));
    await cluster.instances[0]!.kill();
    expect(await push(2)).toBe(origin(other));
    // while its own instance is down it stays on the other: no attempt at the dead one each time
    const before = answeredBy.length;
    expect(await push(3)).toBe(origin(other));
    expect(answeredBy.length).toBe(before + 1);
    await cluster.instances[0]!.restart();
    expect(await push(4)).toBe(origin(other)); // not yet: sticky until the wait is over
    await new Promise((r) => setTimeout(r, 500));
    expect(await push(5)).toBe(origin(own));
  });
});
