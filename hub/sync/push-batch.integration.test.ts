import pg from 'pg';
import { uuidv7 } from 'uuidv7';
import { afterEach, describe, expect, it } from 'vitest';
import { pushResponseSchema, type MutationEnvelope } from '../../shared/sync/mutations';
import { PROTOCOL_VERSION, PUSH_PATH } from '../../shared/sync/registry-page';
import { HUB_BACKENDS } from '../../test-support/hub-backends';
import { startTestHub, type TestHub } from '../../test-support/running-hub';
import { findUserByUsername, findWorkstationByTokenHash } from '../auth/auth-repository';
import { issueClerkCredentials } from '../auth/clerk-credentials';
import { hashToken } from '../auth/tokens';
import { shapesNotKept } from '../db/compiled-once';

const contactChange = (residentId: string, phone: string): MutationEnvelope => ({
  id: uuidv7(),
  name: 'registry.updateContacts',
  args: { residentId, phone, email: null },
  clerk: 'anagrafe.casale',
  at: new Date().toISOString(),
});

/** The Casale counter's push key, from a login there (what the desk holds). */
async function casalePushKey(hub: TestHub): Promise<string> {
  const db = hub.hubDb.db;
  const ws = await findWorkstationByTokenHash(db, hashToken(hub.casaleToken));
  const clerk = await findUserByUsername(db, 'anagrafe.casale');
  if (!ws || !clerk) throw new Error('fixture workstation or clerk missing');
  return (await issueClerkCredentials(db, clerk.id, ws, new Date(), 72)).pushKey;
}

/** A push from the Casale counter, over HTTP as the desk sends it. */
const pushFromCasale = (hub: TestHub, pushKey: string, mutations: unknown[]): Promise<Response> =>
  fetch(new URL(PUSH_PATH, hub.url), {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${hub.casaleToken}`,
      'x-sportello-clerk': pushKey,
      'x-sportello-protocol': String(PROTOCOL_VERSION),
    },
    body: JSON.stringify({ mutations }),
  });

describe.each(HUB_BACKENDS)('a push batch written at its end (%s hub)', (backend) => {
  let hub: TestHub | null = null;
  afterEach(async () => {
    await hub?.close();
    hub = null;
  });

  it('keeps the applied mutations of a batch with a refused one in the middle, and nothing of the refused one', async () => {
    hub = await startTestHub(backend);
    const db = hub.hubDb.db;
    const pushKey = await casalePushKey(hub);
    const mario = contactChange('r-mario', '0142111111');
    const dead = contactChange('r-dead', '0142222222');
    const anna = contactChange('r-anna', '0142333333');
    // the first mutation again at the end: a replay inside the same batch
    const res = await pushFromCasale(hub, pushKey, [mario, dead, anna, mario]);
    const results = pushResponseSchema.parse(await res.json()).results;
    expect(results.map((r) => [r.status, r.error?.code])).toEqual([
      ['applied', undefined],
      ['rejected', 'resident_not_current'],
      ['applied', undefined],
      ['duplicate', undefined],
    ]);

    const phones = await db
      .selectFrom('residents')
      .select(['id', 'phone'])
      .where('id', 'in', ['r-mario', 'r-anna', 'r-dead'])
      .orderBy('id')
      .execute();
    expect(Object.fromEntries(phones.map((r) => [r.id, r.phone]))).toMatchObject({
      'r-anna': '0142333333',
      'r-mario': '0142111111',
    });
    expect(phones.find((r) => r.id === 'r-dead')?.phone).not.toBe('0142222222');
    // the log: one row per applied mutation, in the batch's order; none for the refused one
    const log = await db
      .selectFrom('change_log')
      .select(['seq', 'mutation_id'])
      .where('mutation_id', 'in', [mario.id, dead.id, anna.id])
      .orderBy('seq')
      .execute();
    expect(log.map((r) => r.mutation_id)).toEqual([mario.id, anna.id]);
    // the audit chain: the two applied mutations, linked one to the other
    const audit = await db
      .selectFrom('hub_audit')
      .selectAll()
      .where('chain', '=', 'hub:B885')
      .where('entity', '=', 'mutation')
      .orderBy('seq')
      .execute();
    expect(audit.map((r) => r.reason)).toEqual([`mutation ${mario.id}`, `mutation ${anna.id}`]);
    expect(audit[1]?.prev_mac).toBe(audit[0]?.mac);
    expect(Number(audit[1]?.seq)).toBe(Number(audit[0]?.seq) + 1);
    // the refusal is there for the supervisors
    const refused = await db.selectFrom('sync_exceptions').select(['mutation_id', 'code']).execute();
    expect(refused).toEqual([{ mutation_id: dead.id, code: 'resident_not_current' }]);
    // every statement of the push was kept compiled: none ran with parameters out of order
    expect(shapesNotKept()).toEqual([]);
  });
});

describe('a contact change racing another change of the same resident (postgres hub)', () => {
  let hub: TestHub | null = null;
  let other: pg.Client | null = null;
  afterEach(async () => {
    await other?.end();
    other = null;
    await hub?.close();
    hub = null;
  });

  it('logs the record as the table holds it, with the other change in it', async () => {
    hub = await startTestHub('postgres');
    const db = hub.hubDb.db;
    if (!hub.hubDb.pg) throw new Error('the postgres hub has no pool');
    const pushKey = await casalePushKey(hub);
    // another counter's change to Mario, not yet committed: his row is locked by it
    other = new pg.Client({ connectionString: hub.hubDb.pg.connectionString });
    await other.connect();
    await other.query('begin');
    await other.query(`update residents set email = 'mario@esempio.it' where id = 'r-mario'`);
    const change = contactChange('r-mario', '0142999999');
    const pushed = pushFromCasale(hub, pushKey, [
      { ...change, args: { residentId: 'r-mario', phone: '0142999999', email: 'mario@esempio.it' } },
    ]);
    // the push reaches Mario's row and waits for the lock; then the other change commits
    for (let i = 0; i < 100; i++) {
      const waiting = await other.query(
        `select count(*)::int as n from pg_stat_activity where wait_event_type = 'Lock' and datname = current_database()`,
      );
      if ((waiting.rows[0] as { n: number }).n > 0) break;
      await new Promise((ok) => setTimeout(ok, 20));
    }
    await other.query(`update residents set not_certifiable = 1 where id = 'r-mario'`);
    await other.query('commit');
    const results = pushResponseSchema.parse(await (await pushed).json()).results;
    expect(results.map((r) => r.status)).toEqual(['applied']);

    const row = await db
      .selectFrom('change_log')
      .select('payload')
      .where('mutation_id', '=', change.id)
      .executeTakeFirstOrThrow();
    const logged = JSON.parse(row.payload) as { phone: string; email: string; notCertifiable: boolean };
    // what every desk receives is what the hub holds: the push's phone and the other change's mark
    expect(logged).toMatchObject({ phone: '0142999999', email: 'mario@esempio.it', notCertifiable: true });
  });
});
