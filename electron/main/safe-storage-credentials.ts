import { chmodSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { safeStorage } from 'electron';
import { parseCredential, type CredentialStore } from '../desk/credential-file';
import { privateDir } from '../desk/private-files';

/** The device credential encrypted with the OS key store (DPAPI, Keychain, libsecret). */
export function safeStorageCredentials(file: string): CredentialStore {
  return {
    read: () =>
      existsSync(file) ? parseCredential(safeStorage.decryptString(readFileSync(file)), file) : null,
    write: (c) => {
      privateDir(dirname(file));
      writeFileSync(file, safeStorage.encryptString(JSON.stringify(c)), { mode: 0o600 });
      chmodSync(file, 0o600);
    },
    clear: () => rmSync(file, { force: true }),
  };
}
