import { generateKeyPairSync, sign } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { downgradeSigningText } from '../../../shared/updates/downgrade-instruction';
import { credentialFingerprint, downgradeAllowed } from './verify-downgrade';

const { privateKey, publicKey } = generateKeyPairSync('ed25519');
const pem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
const TOKEN = 'the-device-credential-of-this-desk';
const now = new Date('2026-12-07T10:00:00Z');

const instruction = (over: Record<string, string> = {}, key = privateKey) => {
  const signed = {
    workstation: credentialFingerprint(TOKEN),
    platform: 'win',
    from: '1.3.0',
    to: '1.2.0',
    issuedAt: '2026-12-07T09:00:00.000Z',
    expiresAt: '2026-12-08T09:00:00.000Z',
    ...over,
  };
  return {
    ...signed,
    signature: sign(
      null,
      Buffer.from(downgradeSigningText(signed as Parameters<typeof downgradeSigningText>[0])),
      key,
    ).toString('base64'),
  };
};
const check = (raw: unknown, publicKeyPem: string | null = pem) =>
  downgradeAllowed(raw, {
    publicKeyPem,
    token: TOKEN,
    platform: 'win',
    current: '1.3.0',
    offered: '1.2.0',
    now,
  });

describe('the desk accepts a lower version only with the hub’s signed instruction', () => {
  it('accepts the hub’s instruction for this credential and these versions', () => {
    expect(check(instruction())).toBe(true);
  });

  it('refuses one for another desk, other versions, expired, forged, or without a pinned key', () => {
    expect(check(instruction({ workstation: credentialFingerprint('another desk') }))).toBe(false);
    expect(check(instruction({ to: '1.1.0' }))).toBe(false);
    expect(check(instruction({ expiresAt: '2026-12-07T09:30:00.000Z' }))).toBe(false);
    expect(check(instruction({}, generateKeyPairSync('ed25519').privateKey))).toBe(false);
    expect(check({ ...instruction(), to: '1.1.0' })).toBe(false);
    expect(check(instruction(), null)).toBe(false);
    expect(check(undefined)).toBe(false);
  });
});
