import { execFile } from 'node:child_process';
import { createHmac, randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { AUDIT_SHIP_PATH, canonicalAuditRow, GENESIS_MAC } from '../../shared/audit/audit-wire';
import { PROTOCOL_REGISTER_PATH } from '../../shared/cases/case-wire';
import { LOGIN_PATH, PROTOCOL_VERSION, PUSH_PATH, REGISTRY_PAGE_PATH } from '../../shared/sync/registry-page';
import { freshHubDb, HUB_BACKENDS } from '../../test-support/hub-backends';
import { BALZOLA, CASALE, FIXTURE_HOUSEHOLDS } from '../../test-support/registry-fixture';
import { openHubDatabase, type HubDb, type OpenHubOptions } from '../db/open-hub-database';
import { enrolWorkstation, insertHouseholds, seedComuniAndUsers } from '../seed/seed-demo';
import { DEMO_PASSWORD } from '../seed/demo-users';
import { buildHubServer } from '../server';
import { loadAuditKeeping, type AuditKeeping } from './audit-key';
import { appendHubAudits, hubRowCanonical } from './audit-trail';
import { verifyAudit } from './audit-verify';

const run = promisify(execFile);

interface World {
  url: string;
  dataDir: string;
  hubDb: HubDb;
  reopen: OpenHubOptions;
  keeping: AuditKeeping;
  wsToken: string;
  app: FastifyInstance;
}

/** A hub over real HTTP whose audit key and anchors file live in a data folder of its own. */
async function world(backend: (typeof HUB_BACKENDS)[number]): Promise<World> {
  const dataDir = mkdtempSync(join(tmpdir(), 'sportello-audit-hub-'));
  mkdirSync(join(dataDir, 'hub'), { recursive: true });
  // SQLite where `hub audit verify --data` looks for it; PostgreSQL a database of its own
  const reopen: OpenHubOptions =
    backend === 'sqlite'
      ? { sqliteFile: join(dataDir, 'hub', 'hub.sqlite') }
      : (await freshHubDb('postgres')).reopenOptions;
  const hubDb = await openHubDatabase(reopen);
  await seedComuniAndUsers(hubDb.db, [CASALE, BALZOLA]);
  await insertHouseholds(hubDb.db, FIXTURE_HOUSEHOLDS);
  const ws = await enrolWorkstation(hubDb.db, 'B885', 'Casale - Anagrafe 1');
  const keeping = { ...loadAuditKeeping(dataDir, {}), anchorEvery: 5 };
  const app = buildHubServer({ hubDb, audit: keeping });
  const url = await app.listen({ host: '127.0.0.1', port: 0 });
  return { url, dataDir, hubDb, reopen, keeping, wsToken: ws.token, app };
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- answers are read as the tests need
type Json = any;

async function call(
  w: World,
  path: string,
  opts: { method?: string; clerk?: string; body?: unknown } = {},
): Promise<{ status: number; body: Json }> {
  const res = await fetch(w.url + path, {
    method: opts.method ?? (opts.body === undefined ? 'GET' : 'POST'),
    headers: {
      'content-type': 'application/json',
      'x-sportello-protocol': String(PROTOCOL_VERSION),
      authorization: `Bearer ${w.wsToken}`,
      ...(opts.clerk ? { 'x-sportello-clerk': opts.clerk } : {}),
    },
    ...(opts.body === undefined ? {} : { body: JSON.stringify(opts.body) }),
  });
  return { status: res.status, body: await res.json() };
}

async function login(w: World, username = 'anagrafe.casale'): Promise<string> {
  const r = await call(w, LOGIN_PATH, { body: { username, password: DEMO_PASSWORD } });
  expect(r.status).toBe(200);
  return r.body.token as string;
}

const rows = (w: World, chain = 'hub:B885:letture') =>
  w.hubDb.db.selectFrom('hub_audit').selectAll().where('chain', '=', chain).orderBy('seq').execute();

/** `npm run hub -- audit verify` itself, against this world's data folder (and database). */
async function cli(w: World): Promise<{ code: number; out: string }> {
  const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: w.reopen.databaseUrl ?? '' };
  delete env.SPORTELLO_AUDIT_KEY;
  try {
    const { stdout } = await run('npx', ['tsx', 'hub/cli.ts', 'audit', 'verify', '--data', w.dataDir], {
      env,
    });
    return { code: 0, out: stdout };
  } catch (err) {
    const e = err as { code?: number; stdout?: string; stderr?: string };
    return { code: e.code ?? -1, out: `${e.stdout ?? ''}${e.stderr ?? ''}` };
  }
}

describe.each(HUB_BACKENDS)('hub audit trail (%s hub)', (backend) => {
  let w: World | null = null;
  afterEach(async () => {
    await w?.app.close();
    await w?.hubDb.close();
    w = null;
  });

  it('records a read with the clerk of the hub session and the workstation the token proves', async () => {
    w = await world(backend);
    const session = await login(w);
    expect((await call(w, `${PROTOCOL_REGISTER_PATH}?year=2026`, { clerk: session })).status).toBe(200);
    expect((await call(w, `${REGISTRY_PAGE_PATH}?limit=10`)).status).toBe(200);
    const audit = await rows(w);
    expect(audit.map((r) => [r.action, r.clerk, r.workstation])).toEqual([
      ['protocol.register.read', 'anagrafe.casale', 'Casale - Anagrafe 1'],
      ['registry.page', 'postazione', 'Casale - Anagrafe 1'],
    ]);
    // refused at the door: no data left, nothing recorded
    const refused = await fetch(`${w.url}${PROTOCOL_REGISTER_PATH}`, {
      headers: { 'x-sportello-protocol': String(PROTOCOL_VERSION), authorization: 'Bearer nope' },
    });
    expect(refused.status).toBe(401);
    expect(await rows(w)).toHaveLength(2);
  });

  it('records each applied mutation with its author and the ids it names, never its data', async () => {
    w = await world(backend);
    const session = await login(w);
    const id = randomUUID();
    const pushed = await call(w, PUSH_PATH, {
      clerk: session,
      body: {
        mutations: [
          {
            id,
            name: 'registry.updateContacts',
            args: { residentId: 'r-mario', phone: '+39 0142 123456', email: 'mario.rossi@example.it' },
            clerk: 'anagrafe.casale',
            at: new Date().toISOString(),
          },
        ],
      },
    });
    expect(pushed.body.results[0].status).toBe('applied');
    // the comune's chain: reads have a chain of their own
    const [row] = await rows(w, 'hub:B885');
    expect(row).toMatchObject({
      action: 'registry.updateContacts',
      clerk: 'anagrafe.casale',
      entity: 'mutation',
      entity_id: 'residentId=r-mario',
      reason: `mutation ${id}`,
    });
    expect(JSON.stringify(row)).not.toMatch(/123456|mario\.rossi/);
  });

  it.runIf(backend === 'postgres')(
    "answers a read while a writer holds the comune's chain: reads are chained on their own",
    async () => {
      w = await world(backend);
      const world_ = w;
      const session = await login(w);
      let release!: () => void;
      const held = new Promise<void>((r) => (release = r));
      let locked!: () => void;
      const holding = new Promise<void>((r) => (locked = r));
      // a push in its last statements: the comune's chain head taken, its commit not yet done
      const writer = w.hubDb.db.transaction().execute(async (trx) => {
        await appendHubAudits(trx, world_.keeping.key, [
          {
            comune: 'B885',
            at: new Date().toISOString(),
            clerk: 'anagrafe.casale',
            workstation: 'Casale - Anagrafe 1',
            action: 'registry.updateContacts',
            entity: 'mutation',
            entityId: 'residentId=r-mario',
            reason: 'mutation m-1',
          },
        ]);
        locked();
        await held;
      });
      await holding;
      const read = await Promise.race([
        call(w, PROTOCOL_REGISTER_PATH, { clerk: session }).then((r) => r.status),
        new Promise((r) => setTimeout(() => r('still waiting after 5 s'), 5000)),
      ]);
      release();
      await writer;
      expect(read).toBe(200);
      expect((await rows(w)).map((r) => r.action)).toEqual(['protocol.register.read']);
      expect((await rows(w, 'hub:B885')).map((r) => r.action)).toEqual(['registry.updateContacts']);
    },
  );

  it('verifies clean chains, and names the row whose field was edited in the database', async () => {
    w = await world(backend);
    const session = await login(w);
    for (let i = 0; i < 3; i++) await call(w, PROTOCOL_REGISTER_PATH, { clerk: session });
    expect(await verifyAudit(w.hubDb.db, w.keeping)).toMatchObject({ ok: true, hubRows: 3, problems: [] });
    const ok = await cli(w);
    expect(ok.out).toContain('audit OK: 1 chains, 3 hub rows');
    expect(ok.code).toBe(0);

    await w.hubDb.db.updateTable('hub_audit').set({ clerk: 'qualcun.altro' }).where('seq', '=', 2).execute();
    const report = await verifyAudit(w.hubDb.db, w.keeping);
    expect(report.ok).toBe(false);
    expect(report.problems).toEqual([
      'hub:B885:letture row 2: altered (its MAC does not match its content under the key)',
    ]);
    const failed = await cli(w);
    expect(failed.code).toBe(1);
    expect(failed.out).toContain('hub:B885:letture row 2: altered');
    // two `npx tsx hub/cli.ts` runs: about a minute on a loaded 2-core machine
  }, 300_000);

  it('detects the newest rows deleted, head and database anchors tidied too, through the anchors file', async () => {
    w = await world(backend);
    const session = await login(w);
    for (let i = 0; i < 7; i++) await call(w, PROTOCOL_REGISTER_PATH, { clerk: session });
    expect((await w.hubDb.db.selectFrom('audit_anchors').selectAll().execute()).map((a) => a.seq)).toEqual([
      5,
    ]);
    // an editor with the database only: the last four rows go, and every trace in the database with them
    await w.hubDb.db.deleteFrom('hub_audit').where('seq', '>=', 4).execute();
    const third = (await rows(w))[2];
    await w.hubDb.db
      .updateTable('audit_heads')
      .set({ seq: 3, mac: third?.mac ?? '', anchored_seq: 0 })
      .where('chain', '=', 'hub:B885:letture')
      .execute();
    await w.hubDb.db.deleteFrom('audit_anchors').execute();
    const report = await verifyAudit(w.hubDb.db, w.keeping);
    expect(report.problems).toEqual([
      'anchor 1 (hub:B885:letture row 5): the chain ends at row 3, rows anchored before were deleted',
    ]);
  });

  it('detects a chain recomputed without the key', async () => {
    w = await world(backend);
    const session = await login(w);
    for (let i = 0; i < 6; i++) await call(w, PROTOCOL_REGISTER_PATH, { clerk: session });
    // after editing row 2, the editor rebuilds every MAC with a key of their own
    await w.hubDb.db.updateTable('hub_audit').set({ clerk: 'qualcun.altro' }).where('seq', '=', 2).execute();
    const guessed = Buffer.from('not the hub key, a guess at it...');
    let prev = GENESIS_MAC;
    for (const r of await rows(w)) {
      const mac = createHmac('sha256', guessed).update(prev).update(hubRowCanonical(r)).digest('hex');
      await w.hubDb.db
        .updateTable('hub_audit')
        .set({ prev_mac: prev, mac })
        .where('chain', '=', r.chain)
        .where('seq', '=', r.seq)
        .execute();
      prev = mac;
    }
    await w.hubDb.db
      .updateTable('audit_heads')
      .set({ mac: prev })
      .where('chain', '=', 'hub:B885:letture')
      .execute();
    const report = await verifyAudit(w.hubDb.db, w.keeping);
    expect(report.ok).toBe(false);
    expect(report.problems[0]).toBe(
      'hub:B885:letture row 1: altered (its MAC does not match its content under the key)',
    );
    expect(report.problems).toContain(
      'anchor 1 (hub:B885:letture row 5): row 5 is not the row that was anchored (chain rewritten)',
    );
  });

  it('keeps a desk shipment once, refuses one that does not continue the chain, and verifies it', async () => {
    w = await world(backend);
    const deskKey = Buffer.from('a desk key that only the desk holds');
    const chain: Array<Record<string, string | number>> = [];
    let prev = GENESIS_MAC;
    for (let seq = 1; seq <= 3; seq++) {
      const fields = {
        at: `2026-12-06T10:00:0${seq}.000Z`,
        clerk: 'anagrafe.casale',
        workstation: 'quel che dice la postazione',
        action: 'registry.search',
        entity: 'search',
        entityId: `r-${seq}`,
        reason: 'ricerca',
      };
      const mac = createHmac('sha256', deskKey)
        .update(prev)
        .update(canonicalAuditRow(Object.values(fields)))
        .digest('hex');
      chain.push({ seq, ...fields, prevMac: prev, mac });
      prev = mac;
    }
    const ship = (rows: unknown[]) => call(w!, AUDIT_SHIP_PATH, { method: 'PUT', body: { rows } });
    expect((await ship(chain.slice(0, 2))).body).toEqual({ storedThrough: 2 });
    expect((await ship(chain)).body).toEqual({ storedThrough: 3 }); // the repeat of 1–2 changes nothing
    expect((await ship(chain)).body).toEqual({ storedThrough: 3 });
    const forged = await ship([{ ...chain[1], entityId: 'r-other' }]);
    expect(forged.status).toBe(409);
    expect(forged.body.error.code).toBe('audit_chain_conflict');
    const gap = await ship([{ ...chain[2], seq: 5 }]);
    expect(gap.status).toBe(409);
    const stored = await w.hubDb.db.selectFrom('desk_audit').selectAll().orderBy('seq').execute();
    expect(stored.map((r) => r.entity_id)).toEqual(['r-1', 'r-2', 'r-3']);
    expect(await verifyAudit(w.hubDb.db, w.keeping)).toMatchObject({ ok: true, deskRows: 3 });

    await w.hubDb.db.updateTable('desk_audit').set({ entity_id: 'r-9' }).where('seq', '=', 2).execute();
    const report = await verifyAudit(w.hubDb.db, w.keeping);
    expect(report.problems).toHaveLength(1);
    expect(report.problems[0]).toMatch(/^desk:.+ \(Casale - Anagrafe 1\) row 2: altered/);
  });
});
