import { randomBytes, scrypt as scryptCb, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import {
  isCheaperThan,
  OWASP_SCRYPT,
  parseScryptCost,
  scryptMaxmem,
  type ScryptCost,
} from '../../shared/auth/scrypt-cost';

export { OWASP_SCRYPT, type ScryptCost };

const KEYLEN = 32;

const scrypt = (password: string, salt: Buffer, keylen: number, cost: ScryptCost): Promise<Buffer> =>
  new Promise((ok, fail) => {
    const options: ScryptOptions = { N: cost.N, r: cost.r, p: cost.p, maxmem: scryptMaxmem(cost) };
    scryptCb(password, salt, keylen, options, (err, key) => (err ? fail(err) : ok(key)));
  });

export async function hashPassword(password: string, cost: ScryptCost = OWASP_SCRYPT): Promise<string> {
  const salt = randomBytes(16);
  const key = await scrypt(password, salt, KEYLEN, cost);
  return `scrypt$${cost.N}$${cost.r}$${cost.p}$${salt.toString('base64')}$${key.toString('base64')}`;
}

interface ParsedHash {
  cost: ScryptCost;
  salt: Buffer;
  key: Buffer;
}

function parseHash(stored: string): ParsedHash | null {
  const [scheme, n, r, p, saltB64, keyB64] = stored.split('$');
  if (scheme !== 'scrypt' || !n || !r || !p || !saltB64 || !keyB64) return null;
  const cost = parseScryptCost(n, r, p);
  if (!cost) return null;
  return { cost, salt: Buffer.from(saltB64, 'base64'), key: Buffer.from(keyB64, 'base64') };
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parsed = parseHash(stored);
  if (!parsed) return false;
  const key = await scrypt(password, parsed.salt, parsed.key.length, parsed.cost);
  return key.length === parsed.key.length && timingSafeEqual(key, parsed.key);
}

/** A hash made with less work than `cost` asks for: rehash it at the next successful login. */
export function isWeakerThan(stored: string, cost: ScryptCost): boolean {
  const parsed = parseHash(stored);
  if (!parsed) return true;
  return isCheaperThan(parsed.cost, cost);
}

/**
 * A hash nobody's password matches, at the given cost: checked when the username is unknown so the
 * answer takes as long as for a real account.
 */
export function dummyHash(cost: ScryptCost): string {
  const zeros = (n: number) => Buffer.alloc(n).toString('base64');
  return `scrypt$${cost.N}$${cost.r}$${cost.p}$${zeros(16)}$${zeros(KEYLEN)}`;
}
