import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { z } from 'zod';

/**
 * Browser mode keeps the device credential in a 0600 file (Electron uses safeStorage instead).
 * A malformed file is an error, never a silent re-enrolment.
 */
const credentialSchema = z.object({
  hubUrl: z.string().url(),
  workstation: z.string().min(1),
  token: z.string().min(16),
});
export type Credential = z.infer<typeof credentialSchema>;

export function readCredential(file: string): Credential | null {
  if (!existsSync(file)) return null;
  const parsed = credentialSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success)
    throw new Error(`Credential file ${file} is not valid: ${parsed.error.issues[0]?.message ?? ''}`);
  return parsed.data;
}

export function writeCredential(file: string, credential: Credential): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(credential, null, 2), { mode: 0o600 });
  chmodSync(file, 0o600);
}
