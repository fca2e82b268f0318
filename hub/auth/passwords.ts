import { randomBytes, scrypt as scryptCb, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/** scrypt work factors; stored in every hash so they can be raised without breaking old hashes. */
export interface ScryptCost {
  N: number;
  r: number;
  p: number;
}

/**
 * OWASP Password Storage Cheat Sheet (2025): scrypt N=2^17, r=8, p=1 (128 MiB, ~0.2–0.4 s per
 * check). Tests pass a lower cost explicitly (test-support); production never reads one from the
 * environment, so a stray variable cannot weaken the hub.
 */
export const OWASP_SCRYPT: ScryptCost = { N: 2 ** 17, r: 8, p: 1 };
const KEYLEN = 32;

/** Node refuses scrypt above 32 MiB by default; 128·N·r bytes plus headroom. */
export const scryptMaxmem = (cost: ScryptCost): number => 256 * cost.N * cost.r;

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
  const cost = { N: Number(n), r: Number(r), p: Number(p) };
  if (![cost.N, cost.r, cost.p].every((x) => Number.isInteger(x) && x > 0)) return null;
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
  return parsed.cost.N < cost.N || parsed.cost.r < cost.r || parsed.cost.p < cost.p;
}

/**
 * A hash nobody's password matches, at the given cost: checked when the username is unknown so the
 * answer takes as long as for a real account.
 */
export function dummyHash(cost: ScryptCost): string {
  const zeros = (n: number) => Buffer.alloc(n).toString('base64');
  return `scrypt$${cost.N}$${cost.r}$${cost.p}$${zeros(16)}$${zeros(KEYLEN)}`;
}
