import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readlinkSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql, type Kysely } from 'kysely';
import pg from 'pg';
import { describe, expect, inject, it } from 'vitest';
import { PROTOCOL_VERSION, REGISTRY_PAGE_PATH, LOGIN_PATH } from '../../shared/sync/registry-page';
import { freshHubDb } from '../../test-support/hub-backends';
import { pgClientTool } from '../../test-support/pg-client-tools';
import { portOf, startThrowawayPostgres, withDatabase } from '../../test-support/throwaway-postgres';
import { FAST_TEST_SCRYPT } from '../../test-support/password-cost';
import { BALZOLA, CASALE, FIXTURE_HOUSEHOLDS } from '../../test-support/registry-fixture';
import { loadAuditKeeping } from '../audit/audit-key';
import { verifyAudit } from '../audit/audit-verify';
import type { HubDatabase } from '../db/database';
import { openHubDatabase, type HubDb } from '../db/open-hub-database';
import { DEMO_PASSWORD } from '../seed/demo-users';
import { enrolWorkstation, insertHouseholds, seedComuniAndUsers } from '../seed/seed-demo';
import { buildHubServer } from '../server';
import { backupNow, listBackups, restoreBackup } from './backup';

/** A hub store with the fixture registry and some audited reads and logins, with its audit keeping. */
async function seededHub(hubDb: HubDb, dataDir: string) {
  await seedComuniAndUsers(hubDb.db, [CASALE, BALZOLA], FAST_TEST_SCRYPT);
  await insertHouseholds(hubDb.db, FIXTURE_HOUSEHOLDS);
  const { token } = await enrolWorkstation(hubDb.db, 'B885', 'Casale - Anagrafe 1');
  const keeping = { ...loadAuditKeeping(dataDir, {}), anchorEvery: 3 };
  const app = buildHubServer({ hubDb, audit: keeping, passwordCost: FAST_TEST_SCRYPT });
  const headers = { 'x-sportello-protocol': String(PROTOCOL_VERSION), authorization: `Bearer ${token}` };
  for (let i = 0; i < 4; i++) {
    const page = await app.inject({ method: 'GET', url: REGISTRY_PAGE_PATH, headers });
    expect(page.statusCode).toBe(200);
  }
  await app.inject({
    method: 'POST',
    url: LOGIN_PATH,
    headers,
    payload: { username: 'anagrafe.casale', password: DEMO_PASSWORD },
  });
  await app.close();
  return keeping;
}

const TABLES = [
  'comuni',
  'users',
  'families',
  'residents',
  'workstations',
  'hub_audit',
  'change_log',
] as const;

async function counts(db: Kysely<HubDatabase>): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const t of TABLES) {
    const { rows } = await sql<{ n: number | string }>`select count(*) as n from ${sql.table(t)}`.execute(db);
    out[t] = Number(rows[0]?.n ?? 0);
  }
  return out;
}

describe('backups of the embedded hub', () => {
  it('takes online backups while the hub runs, keeps the newest N, and restores one', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'sportello-backup-'));
    const file = join(dataDir, 'hub', 'hub.sqlite');
    let hubDb = await openHubDatabase({ sqliteFile: file });
    const keeping = await seededHub(hubDb, dataDir);
    const before = await counts(hubDb.db);

    // the store stays open (the hub serving) while each backup is taken
    const t0 = new Date('2026-12-07T01:00:00Z');
    const first = await backupNow(file, { keep: 2, now: t0 });
    expect(statSync(first.path).mode & 0o777).toBe(0o600);
    await backupNow(file, { keep: 2, now: new Date(t0.getTime() + 60_000) });
    await backupNow(file, { keep: 2, now: new Date(t0.getTime() + 120_000) });
    const kept = listBackups(file);
    expect(kept.map((b) => b.takenAt)).toEqual(['2026-12-07T01:02:00Z', '2026-12-07T01:01:00Z']);
    expect(existsSync(first.path)).toBe(false);

    // after the backup, a resident is lost by mistake; the hub is stopped and the backup restored
    await hubDb.db.deleteFrom('change_log').execute();
    await hubDb.close();
    const { keptAs } = restoreBackup(file, kept[0]?.name ?? '');
    expect(keptAs && existsSync(keptAs)).toBeTruthy();
    hubDb = await openHubDatabase({ sqliteFile: file });
    try {
      expect(await counts(hubDb.db)).toEqual(before);
      expect(await verifyAudit(hubDb.db, keeping)).toMatchObject({ ok: true, problems: [] });
    } finally {
      await hubDb.close();
    }
  });

  it('refuses to restore a file that is not a sound SQLite database', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'sportello-backup-'));
    const junk = join(dataDir, 'junk.sqlite');
    execFileSync('sh', ['-c', `head -c 8192 /dev/urandom > ${junk}`]);
    expect(() => restoreBackup(join(dataDir, 'hub', 'hub.sqlite'), junk)).toThrow();
    expect(existsSync(join(dataDir, 'hub', 'hub.sqlite'))).toBe(false);
  });
});

// The drill needs pg_dump/pg_restore (Debian's postgresql-client; `.ci/run` installs it, so CI
// always runs it). A newcomer's machine without them is told so instead of failing on a tool.
const pgDump = pgClientTool('pg_dump');
const pgRestore = pgClientTool('pg_restore');
const drillTools = (pgDump && pgRestore) || process.env.CI ? it : it.skip;
if (!pgDump || !pgRestore) console.warn('[drill] pg_dump/pg_restore not found: install postgresql-client');

describe('restore drill on PostgreSQL', () => {
  drillTools(
    'restores a pg_dump of a seeded hub into a fresh cluster: same row counts table by table, audit chain verifies',
    async () => {
      const dataDir = mkdtempSync(join(tmpdir(), 'sportello-drill-'));
      const source = await freshHubDb('postgres');
      const keeping = await seededHub(source, dataDir);
      const expected = await counts(source.db);
      expect(expected['hub_audit']).toBeGreaterThan(3);
      expect(expected['residents']).toBeGreaterThan(0);
      const sourceUrl = source.reopenOptions.databaseUrl ?? '';
      await source.close();
      const sourceServer = await serverFacts(sourceUrl);

      // what docs/operations.md tells IT to run: a custom-format dump, restored with pg_restore
      const dump = join(dataDir, 'hub.dump');
      execFileSync(pgDump ?? 'pg_dump', [
        '--format=custom',
        '--no-owner',
        `--file=${dump}`,
        `--dbname=${sourceUrl}`,
      ]);
      // the client tools must be of the server's major version (or newer: pg_dump refuses an older one)
      expect(toolMajor(pgDump ?? 'pg_dump')).toBeGreaterThanOrEqual(sourceServer.major);
      expect(toolMajor(pgRestore ?? 'pg_restore')).toBeGreaterThanOrEqual(sourceServer.major);

      // a second, empty cluster: its own data dir, unix socket and port, never the tests' cluster
      const fresh = startThrowawayPostgres({ avoidPorts: [portOf(inject('pgSocketUrl'))] });
      try {
        const freshServer = await serverFacts(fresh.url);
        expect(freshServer.socketDir).toBe(fresh.socketDir);
        expect(freshServer.socketDir).not.toBe(sourceServer.socketDir);
        expect(freshServer.major).toBe(sourceServer.major);
        // on the tests' own throwaway cluster, the very same server binaries run both
        if (!process.env.DATABASE_URL) expect(freshServer.exe).toBe(sourceServer.exe);
        const admin = new pg.Client({ connectionString: fresh.url });
        await admin.connect();
        await admin.query('CREATE DATABASE sportello_drill');
        await admin.end();
        const restoredUrl = withDatabase(fresh.url, 'sportello_drill');
        execFileSync(pgRestore ?? 'pg_restore', [
          '--no-owner',
          '--exit-on-error',
          `--dbname=${restoredUrl}`,
          dump,
        ]);

        const restored = await openHubDatabase({ databaseUrl: restoredUrl });
        try {
          const got = await counts(restored.db);
          for (const table of TABLES) expect(got[table], table).toBe(expected[table]);
          const report = await verifyAudit(restored.db, keeping);
          expect(report).toMatchObject({ ok: true, problems: [] });
          expect(report.hubRows).toBe(expected['hub_audit']);
        } finally {
          await restored.close();
        }
      } finally {
        fresh.stop();
      }
      expect(existsSync(fresh.socketDir)).toBe(false);
    },
  );
});

/** Which server a URL reaches: its major version, socket dir and (when local) the binary it runs. */
async function serverFacts(url: string): Promise<{ major: number; socketDir: string; exe: string }> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ num: string; dir: string; pid: number }>(
      "SELECT current_setting('server_version_num') AS num, current_setting('unix_socket_directories') AS dir, pg_backend_pid() AS pid",
    );
    const row = rows[0];
    if (!row) throw new Error('no answer from the server');
    let exe = '';
    try {
      exe = readlinkSync(`/proc/${row.pid}/exe`);
    } catch {
      // a server on another machine (DATABASE_URL): only its version is compared
    }
    return { major: Math.floor(Number(row.num) / 10000), socketDir: row.dir, exe };
  } finally {
    await client.end();
  }
}

/** The major version of a client tool: `pg_dump (PostgreSQL) 15.14 (Debian 15.14-0+deb12u1)` → 15. */
function toolMajor(tool: string): number {
  const out = execFileSync(tool, ['--version'], { encoding: 'utf8' });
  return Number(/\(PostgreSQL\) (\d+)/.exec(out)?.[1] ?? 0);
}
