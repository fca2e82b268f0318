import Cipher from 'better-sqlite3-multiple-ciphers';
import type { CredentialStore } from '../credential-file';
import { credentialsWithMirrorKey, mirrorKey, type MirrorKeyStore } from './mirror-key';
import type { MirrorEncryption, SqliteDriver } from './open-database';

/**
 * better-sqlite3's API over SQLite3MultipleCiphers: the same release line as better-sqlite3
 * (12.11), so Kysely's SqliteDialect, the statement cache and every repository run unchanged.
 */
export const cipherDriver = Cipher as unknown as SqliteDriver;

export interface EncryptedMirror {
  encryption: MirrorEncryption;
  /** the workstation's credentials, whose revocation takes the mirror key with it */
  credentials: CredentialStore;
}

/**
 * What every desk does before opening its mirror (Electron main with the key in safeStorage,
 * browser mode with a 0600 file): the key from its store, made on first use; an archive left
 * without its key by a workstation that is no longer enrolled is removed (mirror-key.ts).
 */
export function encryptedMirror(
  keys: MirrorKeyStore,
  dbFile: string,
  credentials: CredentialStore,
): EncryptedMirror {
  const key = mirrorKey(keys, dbFile, credentials.read() !== null);
  return {
    encryption: { key, driver: cipherDriver },
    credentials: credentialsWithMirrorKey(credentials, keys, key),
  };
}
