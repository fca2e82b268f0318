import { chmodSync, copyFileSync, existsSync, readdirSync, renameSync, statSync, unlinkSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import SQLite from 'better-sqlite3';
import { privateDir } from '../db/private-files';

/**
 * Online backups of the embedded (SQLite) hub: SQLite's backup API copies a consistent snapshot
 * page by page while the hub keeps serving, WAL included. Backups are files beside the store
 * (`<data>/hub/backups/hub-<UTC time>.sqlite`, 0600), the newest `keep` kept. They hold the whole
 * registry: copy them off the machine (the operations guide says how).
 */
export interface BackupFile {
  name: string;
  path: string;
  bytes: number;
  takenAt: string;
}

export const backupDirOf = (sqliteFile: string): string => join(dirname(sqliteFile), 'backups');

const NAME = /^hub-(\d{8}T\d{6}(?:\d{3})?Z)\.sqlite$/;

const stamp = (d: Date): string => d.toISOString().replace(/[-:]/g, '').replace('.', '');

/** Takes one backup now, then drops all but the newest `keep`. */
export async function backupNow(
  sqliteFile: string,
  opts: { keep: number; now?: Date; dir?: string },
): Promise<BackupFile> {
  const dir = opts.dir ?? backupDirOf(sqliteFile);
  privateDir(dir);
  const path = join(dir, `hub-${stamp(opts.now ?? new Date())}.sqlite`);
  // a connection of its own: the backup reads while the hub's connection writes (WAL)
  const source = new SQLite(sqliteFile, { readonly: true, fileMustExist: true });
  try {
    await source.backup(path);
  } finally {
    source.close();
  }
  chmodSync(path, 0o600);
  for (const old of listBackups(sqliteFile, dir).slice(Math.max(1, opts.keep))) unlinkSync(old.path);
  return describe(path);
}

/** The backups, newest first. */
export function listBackups(sqliteFile: string, dir = backupDirOf(sqliteFile)): BackupFile[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((n) => NAME.test(n))
    .sort()
    .reverse()
    .map((n) => describe(join(dir, n)));
}

function describe(path: string): BackupFile {
  const name = basename(path);
  const raw = NAME.exec(name)?.[1] ?? '';
  const iso = `${raw.slice(0, 4)}-${raw.slice(4, 6)}-${raw.slice(6, 8)}T${raw.slice(9, 11)}:${raw.slice(11, 13)}:${raw.slice(13, 15)}Z`;
  return { name, path, bytes: statSync(path).size, takenAt: iso };
}

/**
 * Puts a backup in place of the store. The hub must be stopped. The backup is checked first
 * (SQLite's integrity check); the store it replaces is kept beside it, with its WAL, as
 * `hub.sqlite.before-restore-<time>`, so a wrong restore can itself be undone.
 */
export function restoreBackup(
  sqliteFile: string,
  backup: string,
  now = new Date(),
): { keptAs: string | null } {
  const from = existsSync(backup) ? backup : join(backupDirOf(sqliteFile), backup);
  if (!existsSync(from)) throw new Error(`no backup ${backup}`);
  const check = new SQLite(from, { readonly: true, fileMustExist: true });
  try {
    const result = check.pragma('integrity_check', { simple: true });
    if (result !== 'ok') throw new Error(`backup ${backup} is damaged: ${String(result)}`);
  } finally {
    check.close();
  }
  let keptAs: string | null = null;
  if (existsSync(sqliteFile)) {
    keptAs = `${sqliteFile}.before-restore-${stamp(now)}`;
    for (const suffix of ['', '-wal', '-shm'])
      if (existsSync(`${sqliteFile}${suffix}`)) renameSync(`${sqliteFile}${suffix}`, `${keptAs}${suffix}`);
  }
  privateDir(dirname(sqliteFile));
  copyFileSync(from, sqliteFile);
  chmodSync(sqliteFile, 0o600);
  return { keptAs };
}

/**
 * Backups every `everyMs` while the hub runs (HUB_BACKUP_EVERY_HOURS, default 24; 0: none),
 * keeping HUB_BACKUP_KEEP (default 14). A failed backup is logged and tried again next time.
 */
export function scheduleBackups(
  sqliteFile: string,
  opts: { everyMs: number; keep: number; log: (line: string) => void },
): () => void {
  if (opts.everyMs <= 0) return () => undefined;
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    backupNow(sqliteFile, { keep: opts.keep })
      .then((b) => opts.log(`[hub] backup ${b.name} (${b.bytes} bytes)`))
      .catch((err: unknown) =>
        opts.log(`[hub] backup failed: ${err instanceof Error ? err.message : String(err)}`),
      )
      .finally(() => {
        running = false;
      });
  }, opts.everyMs);
  timer.unref();
  return () => clearInterval(timer);
}

export const backupScheduleFromEnv = (env: NodeJS.ProcessEnv = process.env) => ({
  everyMs: Number(env.HUB_BACKUP_EVERY_HOURS ?? 24) * 3_600_000,
  keep: Math.max(1, Number(env.HUB_BACKUP_KEEP ?? 14)),
});
