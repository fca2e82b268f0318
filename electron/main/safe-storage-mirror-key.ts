import { chmodSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { safeStorage } from 'electron';
import { AppError } from '../../shared/errors/app-error';
import type { MirrorKeyStore } from '../desk/db/mirror-key';
import { privateDir } from '../desk/private-files';

/**
 * The mirror's key sealed with the OS key store (DPAPI, Keychain, libsecret), like the device
 * credential. Glue only: mirror-key.ts decides when a key is made and what a missing one means.
 */
export function safeStorageMirrorKey(file: string): MirrorKeyStore {
  return {
    read: () => {
      if (!existsSync(file)) return null;
      const key = Buffer.from(safeStorage.decryptString(readFileSync(file)), 'hex');
      if (key.length !== 32) throw new AppError('mirror_key_wrong', { file });
      return key;
    },
    write: (key) => {
      privateDir(dirname(file));
      writeFileSync(file, safeStorage.encryptString(key.toString('hex')), { mode: 0o600 });
      chmodSync(file, 0o600);
    },
    clear: () => rmSync(file, { force: true }),
  };
}
