import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql, type Kysely } from 'kysely';
import pg from 'pg';
import { describe, expect, inject, it } from 'vitest';
import { PROTOCOL_VERSION, REGISTRY_PAGE_PATH, LOGIN_PATH } from '../../shared/sync/registry-page';
import { freshHubDb } from '../../test-support/hub-backends';
import { pgClientTool } from '../../test-support/pg-client-tools';
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
    'restores a pg_dump of a seeded hub into a fresh database: same row counts, audit chain verifies',
    async () => {
      const dataDir = mkdtempSync(join(tmpdir(), 'sportello-drill-'));
      const source = await freshHubDb('postgres');
      const keeping = await seededHub(source, dataDir);
      const expected = await counts(source.db);
      expect(expected['hub_audit']).toBeGreaterThan(3);
      const sourceUrl = source.reopenOptions.databaseUrl ?? '';
      await source.close();

      // what docs/operations.md tells IT to run: a custom-format dump, restored with pg_restore
      const dump = join(dataDir, 'hub.dump');
      execFileSync(pgDump ?? 'pg_dump', [
        '--format=custom',
        '--no-owner',
        `--file=${dump}`,
        `--dbname=${sourceUrl}`,
      ]);
      const adminUrl = inject('pgSocketUrl');
      const name = `drill_${process.pid}_${Date.now()}`;
      const admin = new pg.Client({ connectionString: adminUrl });
      await admin.connect();
      await admin.query(`CREATE DATABASE ${name}`);
      await admin.end();
      const restoredUrl = adminUrl.replace('/postgres?', `/${name}?`);
      execFileSync(pgRestore ?? 'pg_restore', [
        '--no-owner',
        '--exit-on-error',
        `--dbname=${restoredUrl}`,
        dump,
      ]);

      const restored = await openHubDatabase({ databaseUrl: restoredUrl });
      try {
        expect(await counts(restored.db)).toEqual(expected);
        const report = await verifyAudit(restored.db, keeping);
        expect(report).toMatchObject({ ok: true, problems: [] });
        expect(report.hubRows).toBe(expected['hub_audit']);
      } finally {
        await restored.close();
      }
    },
  );
});
