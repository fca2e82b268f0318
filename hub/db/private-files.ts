import { chmodSync, closeSync, existsSync, mkdirSync, openSync, statSync } from 'node:fs';

// Personal data and credentials at rest are readable by the account running Sportello only:
// folders 0700, files 0600, whatever the umask, and also for folders and files of older versions.
// (The desk keeps its own copy of these few lines in electron/desk/private-files.ts: the hub and the
// desk core share no runtime code outside shared/, which is pure.)

/**
 * A folder only this account can enter. A shared folder with the sticky bit (/tmp, /var/tmp: a
 * database or key file placed right in it) is the system's, never closed: that locked every
 * other account out of /tmp. The files in it are still 0600.
 */
export function privateDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  if ((statSync(dir).mode & 0o1000) !== 0) return;
  chmodSync(dir, 0o700);
}

/** Creates the file empty if needed, so SQLite's WAL and SHM files, made with its mode, are 0600 too. */
export function privateFile(file: string): void {
  if (!existsSync(file)) closeSync(openSync(file, 'a', 0o600));
  chmodSync(file, 0o600);
}

/** A SQLite database with its WAL, SHM and backups beside it: the ones that exist become 0600. */
export function privateSqliteFiles(file: string, backups: string[] = []): void {
  privateFile(file);
  for (const extra of [`${file}-wal`, `${file}-shm`, `${file}-journal`, ...backups])
    if (existsSync(extra)) chmodSync(extra, 0o600);
}
