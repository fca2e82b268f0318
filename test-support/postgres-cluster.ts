import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A throwaway PostgreSQL cluster from the system's server binaries, outside vitest (benchmarks):
 * the same recipe as postgres-global-setup.ts, on a unix socket in a temp dir.
 */
export function startPostgresCluster(
  opts: { maxConnections?: number; /** more `-c name=value` server settings */ settings?: string[] } = {},
): { url: string; stop(): void } {
  const bin = findPgBin();
  const dir = mkdtempSync(join(tmpdir(), 'sportello-pg-'));
  chmodSync(dir, 0o777);
  const isRoot = process.getuid?.() === 0;
  const run = (cmd: string, args: string[]) => {
    const full = join(bin, cmd);
    const res = isRoot
      ? spawnSync('runuser', ['-u', 'postgres', '--', full, ...args], { encoding: 'utf8' })
      : spawnSync(full, args, { encoding: 'utf8' });
    if (res.status !== 0) throw new Error(`${cmd} failed: ${res.stderr || res.stdout}`);
  };
  if (isRoot) execFileSync('chown', ['postgres', dir]);
  const port = 55000 + Math.floor(Math.random() * 900);
  const data = join(dir, 'data');
  run('initdb', ['-D', data, '-U', 'postgres', '-A', 'trust', '--no-sync', '-E', 'UTF8', '--no-locale']);
  run('pg_ctl', [
    '-D',
    data,
    '-l',
    join(dir, 'log'),
    '-w',
    '-o',
    `-c listen_addresses='' -k ${dir} -p ${port} -c max_connections=${opts.maxConnections ?? 200}${(opts.settings ?? []).map((x) => ` -c ${x}`).join('')}`,
    'start',
  ]);
  return {
    url: `postgres://postgres@/postgres?host=${encodeURIComponent(dir)}&port=${port}`,
    stop: () => {
      try {
        run('pg_ctl', ['-D', data, '-m', 'immediate', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

function findPgBin(): string {
  if (process.env.PG_BIN) return process.env.PG_BIN;
  const base = '/usr/lib/postgresql';
  const versions = existsSync(base) ? readdirSync(base).sort((a, b) => Number(b) - Number(a)) : [];
  for (const v of versions) if (existsSync(join(base, v, 'bin', 'initdb'))) return join(base, v, 'bin');
  throw new Error('PostgreSQL server binaries not found: apt-get install -y postgresql (or set PG_BIN)');
}
