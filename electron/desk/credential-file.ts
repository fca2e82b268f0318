import { chmodSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { z } from 'zod';
import { privateDir } from './private-files';

/**
 * The device credential a workstation receives at enrolment. Electron keeps it encrypted with
 * safeStorage (electron/main); browser mode in a 0600 file. A malformed file is an error, never
 * a silent re-enrolment.
 */
const credentialSchema = z.object({
  hubUrl: z.string().url(),
  workstation: z.string().min(1),
  token: z.string().min(16),
});
export type Credential = z.infer<typeof credentialSchema>;

export interface CredentialStore {
  read(): Credential | null;
  write(credential: Credential): void;
  clear(): void;
}

export function parseCredential(text: string, where: string): Credential {
  const parsed = credentialSchema.safeParse(JSON.parse(text));
  if (!parsed.success)
    throw new Error(`Credential in ${where} is not valid: ${parsed.error.issues[0]?.message ?? ''}`);
  return parsed.data;
}

export function readCredential(file: string): Credential | null {
  return existsSync(file) ? parseCredential(readFileSync(file, 'utf8'), file) : null;
}

export function writeCredential(file: string, credential: Credential): void {
  privateDir(dirname(file));
  writeFileSync(file, JSON.stringify(credential, null, 2), { mode: 0o600 });
  chmodSync(file, 0o600);
}

export function fileCredentialStore(file: string): CredentialStore {
  return {
    read: () => readCredential(file),
    write: (c) => writeCredential(file, c),
    clear: () => rmSync(file, { force: true }),
  };
}

export function memoryCredentialStore(initial: Credential | null = null): CredentialStore {
  let current = initial;
  return {
    read: () => current,
    write: (c) => {
      current = c;
    },
    clear: () => {
      current = null;
    },
  };
}
