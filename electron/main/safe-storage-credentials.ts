import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { safeStorage } from 'electron';
import { parseCredential, type CredentialStore } from '../desk/credential-file';

/** The device credential encrypted with the OS key store (DPAPI, Keychain, libsecret). */
export function safeStorageCredentials(file: string): CredentialStore {
  return {
    read: () =>
      existsSync(file) ? parseCredential(safeStorage.decryptString(readFileSync(file)), file) : null,
    write: (c) => {
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, safeStorage.encryptString(JSON.stringify(c)), { mode: 0o600 });
    },
    clear: () => rmSync(file, { force: true }),
  };
}
