import { createPrivateKey, createPublicKey, generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import {
  DOWNGRADE_INSTRUCTION_HOURS,
  downgradeSigningText,
  type DowngradeInstruction,
} from '../../shared/updates/downgrade-instruction';
import type { UpdatePlatform } from '../../shared/updates/platforms';

/**
 * The hub's update key (Ed25519): it signs downgrade instructions only. The audit key is an HMAC
 * secret the desks must never hold, so it cannot serve; this key's public half is what a desk
 * pins (from the managed configuration, or at its first check) to accept a rollback.
 * `<data>/hub/update-signing.key` (PKCS#8 PEM, 0600), created at first use.
 */
export interface UpdateKey {
  privateKey: KeyObject;
  publicKeyPem: string;
}

export function loadUpdateKey(file: string): UpdateKey {
  if (!existsSync(file)) {
    mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
    const { privateKey } = generateKeyPairSync('ed25519');
    try {
      writeFileSync(file, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600, flag: 'wx' });
    } catch (err) {
      // two hub processes starting together: the other one wrote it first, read theirs
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
  }
  chmodSync(file, 0o600);
  const privateKey = createPrivateKey(readFileSync(file, 'utf8'));
  if (privateKey.asymmetricKeyType !== 'ed25519') throw new Error(`${file} is not an Ed25519 key`);
  return {
    privateKey,
    publicKeyPem: createPublicKey(privateKey).export({ type: 'spki', format: 'pem' }).toString(),
  };
}

export function signDowngrade(
  key: UpdateKey,
  order: { workstation: string; platform: UpdatePlatform; from: string; to: string },
  now: Date,
): DowngradeInstruction {
  const unsigned = {
    ...order,
    issuedAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + DOWNGRADE_INSTRUCTION_HOURS * 3_600_000).toISOString(),
  };
  const signature = sign(null, Buffer.from(downgradeSigningText(unsigned), 'utf8'), key.privateKey);
  return { ...unsigned, signature: signature.toString('base64') };
}
