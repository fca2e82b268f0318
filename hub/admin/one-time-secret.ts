import { randomInt } from 'node:crypto';

const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghjkmnpqrstuvwxyz23456789'; // no 0/O, 1/l/I: read aloud

/**
 * A password the hub makes for a new account or a reset: 16 random characters (~92 bits) in
 * groups of four, so it can be read out and typed once; only its scrypt hash is kept.
 */
export function newOneTimePassword(): string {
  const chars = Array.from({ length: 16 }, () => ALPHABET.charAt(randomInt(ALPHABET.length)));
  return [0, 4, 8, 12].map((i) => chars.slice(i, i + 4).join('')).join('-');
}
