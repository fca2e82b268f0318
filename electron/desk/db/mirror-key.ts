import { randomBytes } from 'node:crypto';
import {
  chmodSync,
  closeSync,
  existsSync,
  openSync,
  readFileSync,
  readdirSync,
  readSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { AppError } from '../../../shared/errors/app-error';
import type { CredentialStore } from '../credential-file';
import { privateDir } from '../private-files';

/**
 * Where the mirror's 32-byte key lives: in Electron, sealed with safeStorage (DPAPI, Keychain,
 * libsecret; electron/main/safe-storage-mirror-key.ts); in browser mode, a 0600 file. Like the
 * device credential, it belongs to the workstation: revocation wipes the key and the archive.
 */
export interface MirrorKeyStore {
  read(): Buffer | null;
  write(key: Buffer): void;
  clear(): void;
}

/**
 * The key the mirror opens with; made on first use, when there is no archive yet to lose. An
 * archive left without its key by a workstation that is no longer enrolled (revoked: the key went
 * with the credential) is unreadable by design and is removed; an enrolled workstation whose key
 * vanished is an error for IT, never a silent fresh start over pending work.
 */
export function mirrorKey(store: MirrorKeyStore, dbFile: string, enrolled = true): Buffer {
  const existing = store.read();
  if (existing) return existing;
  // a plain archive (from before encryption) gets a new key and is encrypted when opened
  if (existsSync(dbFile) && !isPlainSqlite(dbFile)) {
    if (enrolled) throw new AppError('mirror_key_missing', { file: dbFile });
    wipeEncryptedMirror(store, dbFile);
  }
  const key = randomBytes(32);
  store.write(key);
  return key;
}

const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

function isPlainSqlite(file: string): boolean {
  const fd = openSync(file, 'r');
  try {
    const head = Buffer.alloc(16);
    return readSync(fd, head, 0, 16, 0) === 16 && head.equals(SQLITE_HEADER);
  } finally {
    closeSync(fd);
  }
}

export function fileMirrorKeyStore(file: string): MirrorKeyStore {
  return {
    read: () => {
      if (!existsSync(file)) return null;
      const hex = readFileSync(file, 'utf8').trim();
      if (!/^[0-9a-f]{64}$/.test(hex)) throw new AppError('mirror_key_wrong', { file });
      return Buffer.from(hex, 'hex');
    },
    write: (key) => {
      privateDir(dirname(file));
      writeFileSync(file, key.toString('hex'), { mode: 0o600 });
      chmodSync(file, 0o600);
    },
    clear: () => rmSync(file, { force: true }),
  };
}

/**
 * The mirror key follows the device credential: revocation clears the credential and with it the
 * key (the wiped archive becomes unreadable); enrolling again in the same run puts the running
 * key back, so the next start opens the archive it has been writing.
 */
export function credentialsWithMirrorKey(
  credentials: CredentialStore,
  keys: MirrorKeyStore,
  runningKey: Buffer,
): CredentialStore {
  return {
    read: () => credentials.read(),
    write: (c) => {
      credentials.write(c);
      if (!keys.read()) keys.write(runningKey);
    },
    clear: () => {
      credentials.clear();
      keys.clear();
    },
  };
}

/**
 * Revocation: without the key the archive is unreadable; the files go too (WAL, SHM, and the
 * migration backups `<mirror>.before-<migration>.bak` beside it, encrypted with the same key).
 */
export function wipeEncryptedMirror(store: MirrorKeyStore, dbFile: string, backups: string[] = []): void {
  store.clear();
  const dir = dirname(dbFile);
  const prefix = `${basename(dbFile)}.before-`;
  const beside = existsSync(dir)
    ? readdirSync(dir)
        .filter((f) => f.startsWith(prefix) && f.endsWith('.bak'))
        .map((f) => join(dir, f))
    : [];
  for (const f of [dbFile, `${dbFile}-wal`, `${dbFile}-shm`, `${dbFile}-journal`, ...beside, ...backups])
    rmSync(f, { force: true });
}
