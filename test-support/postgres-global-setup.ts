import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';

/**
 * Starts a throwaway PostgreSQL cluster from the system's server binaries for the hub's
 * production-path tests, on a unix socket in a temp dir, and stops it after the run.
 * No PostgreSQL binaries = a loud failure, not a skipped backend.
 */
function findPgBin(): string {
  if (process.env.PG_BIN) return process.env.PG_BIN;
  const base = '/usr/lib/postgresql';
  const versions = existsSync(base) ? readdirSync(base).sort((a, b) => Number(b) - Number(a)) : [];
  for (const v of versions) if (existsSync(join(base, v, 'bin', 'initdb'))) return join(base, v, 'bin');
  throw new Error('PostgreSQL server binaries not found: apt-get install -y postgresql (or set PG_BIN)');
}

declare module 'vitest' {
  export interface ProvidedContext {
    pgSocketUrl: string;
  }
}

export default function setup(project: TestProject): () => void {
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
  run('initdb', [
    '-D',
    join(dir, 'data'),
    '-U',
    'postgres',
    '-A',
    'trust',
    '--no-sync',
    '-E',
    'UTF8',
    '--no-locale',
  ]);
  run('pg_ctl', [
    '-D',
    join(dir, 'data'),
    '-l',
    join(dir, 'log'),
    '-w',
    '-o',
    `-c listen_addresses='' -k ${dir} -p ${port} -c fsync=off -c max_connections=200`,
    'start',
  ]);
  project.provide(
    'pgSocketUrl',
    `postgres://postgres@/postgres?host=${encodeURIComponent(dir)}&port=${port}`,
  );
  return () => {
    try {
      run('pg_ctl', ['-D', join(dir, 'data'), '-m', 'immediate', 'stop']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };
}
