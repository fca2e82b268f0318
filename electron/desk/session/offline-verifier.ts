import {
  createCipheriv,
  createDecipheriv,
  randomBytes,
  scrypt as scryptCb,
  timingSafeEqual,
} from 'node:crypto';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import {
  OWASP_SCRYPT,
  parseScryptCost,
  scryptMaxmem,
  type ScryptCost,
} from '../../../shared/auth/scrypt-cost';
import { LOCKOUT_POLICY } from '../../../shared/auth/lockout-policy';
import type { Database } from '../db/database';

// The desk derives its own verifier from the password typed at a successful online login (never
// the hub's hash, which would make this file an offline attack on the hub). Same scheme as the hub.
// One derivation gives 64 bytes: the first 32 are the verifier (what older rows stored: scrypt's
// first output block does not depend on the length asked for), the last 32 seal the push key.
// Rows carry their cost (scrypt$N$r$p$salt$verifier); rows from before that (salt$verifier) were
// made at LEGACY_COST, are still accepted, and are rewritten at the next online login.
const LEGACY_COST: ScryptCost = { N: 16384, r: 8, p: 1 };
const derive = (
  password: string,
  salt: Buffer,
  cost: ScryptCost,
): Promise<{ verifier: Buffer; sealKey: Buffer }> =>
  new Promise((ok, fail) =>
    scryptCb(password, salt, 64, { ...cost, maxmem: scryptMaxmem(cost) }, (err, key) =>
      err ? fail(err) : ok({ verifier: key.subarray(0, 32), sealKey: key.subarray(32) }),
    ),
  );

function parseVerifier(stored: string): { cost: ScryptCost; salt: Buffer; verifier: Buffer } | null {
  const parts = stored.split('$');
  if (parts.length === 2) {
    const [salt = '', verifier = ''] = parts;
    return {
      cost: LEGACY_COST,
      salt: Buffer.from(salt, 'base64'),
      verifier: Buffer.from(verifier, 'base64'),
    };
  }
  const [scheme, n, r, p, salt = '', verifier = ''] = parts;
  const cost = parseScryptCost(n, r, p);
  if (scheme !== 'scrypt' || !cost) return null;
  return { cost, salt: Buffer.from(salt, 'base64'), verifier: Buffer.from(verifier, 'base64') };
}

const sealedPushKeySchema = z.object({ pushKey: z.string(), expiresAt: z.string() });

/** AES-256-GCM: iv.ciphertext.tag, base64. */
function seal(key: Buffer, plain: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return [iv, body, cipher.getAuthTag()].map((b) => b.toString('base64')).join('.');
}

function unseal(key: Buffer, sealed: string): string | null {
  const [iv, body, tag] = sealed.split('.').map((p) => Buffer.from(p, 'base64'));
  if (!iv || !body || !tag) return null;
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, iv);
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(body), decipher.final()]).toString('utf8');
  } catch {
    return null;
  }
}

const cachedUserSchema = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(['clerk', 'supervisor', 'admin']),
  comune: z.object({ belfiore: z.string(), name: z.string() }),
  /** offices beside the role (social services): an offline login keeps them */
  offices: z.array(z.string().max(40)).max(20).default([]),
});
export type CachedClerk = z.infer<typeof cachedUserSchema>;

export interface PushKeyGrant {
  pushKey: string;
  expiresAt: string;
}

export async function storeVerifier(
  db: Kysely<Database>,
  user: CachedClerk,
  password: string,
  now: Date,
  graceHours: number,
  grant: PushKeyGrant | null,
  cost: ScryptCost = OWASP_SCRYPT,
): Promise<void> {
  const salt = randomBytes(16);
  const { verifier, sealKey } = await derive(password, salt, cost);
  const row = {
    username: user.username,
    user: JSON.stringify(user),
    verifier: `scrypt$${cost.N}$${cost.r}$${cost.p}$${salt.toString('base64')}$${verifier.toString('base64')}`,
    verified_at: now.toISOString(),
    expires_at: new Date(now.getTime() + graceHours * 3_600_000).toISOString(),
    push_key: grant ? seal(sealKey, JSON.stringify(grant)) : null,
    failed_attempts: 0,
  };
  await db
    .insertInto('clerk_verifiers')
    .values(row)
    .onConflict((oc) => oc.column('username').doUpdateSet(row))
    .execute();
}

export type OfflineCheck =
  | { ok: true; user: CachedClerk; pushKey: string | null }
  | { ok: false; reason: 'unknown' | 'expired' }
  | { ok: false; reason: 'wrong_password'; remaining: number }
  /** too many wrong passwords offline: the verifier is gone until the next online login */
  | { ok: false; reason: 'locked' };

export async function checkOffline(
  db: Kysely<Database>,
  username: string,
  password: string,
  now: Date,
): Promise<OfflineCheck> {
  const row = await db
    .selectFrom('clerk_verifiers')
    .selectAll()
    .where('username', '=', username)
    .executeTakeFirst();
  if (!row) return { ok: false, reason: 'unknown' };
  if (new Date(row.expires_at) <= now) return { ok: false, reason: 'expired' };
  const stored = parseVerifier(row.verifier);
  if (!stored) return { ok: false, reason: 'unknown' };
  const expected = stored.verifier;
  const { verifier, sealKey } = await derive(password, stored.salt, stored.cost);
  if (verifier.length !== expected.length || !timingSafeEqual(verifier, expected))
    return countOfflineFailure(db, username);
  if (row.failed_attempts > 0)
    await db
      .updateTable('clerk_verifiers')
      .set({ failed_attempts: 0 })
      .where('username', '=', username)
      .execute();
  return {
    ok: true,
    user: cachedUserSchema.parse(JSON.parse(row.user)),
    pushKey: openPushKey(sealKey, row.push_key, now),
  };
}

/**
 * The hub's lockout cannot see passwords tried against this desk's verifier, so the desk counts
 * them itself, one atomic update each; at the lockout threshold the verifier (and the push key
 * sealed with it) is deleted, leaving only the hub, with its own lockout, to check the password.
 */
async function countOfflineFailure(db: Kysely<Database>, username: string): Promise<OfflineCheck> {
  const row = await db
    .updateTable('clerk_verifiers')
    .set((eb) => ({ failed_attempts: eb('failed_attempts', '+', 1) }))
    .where('username', '=', username)
    .returning('failed_attempts')
    .executeTakeFirst();
  const failures = row?.failed_attempts ?? LOCKOUT_POLICY.maxFailedAttempts;
  if (failures >= LOCKOUT_POLICY.maxFailedAttempts) {
    await forgetVerifier(db, username);
    return { ok: false, reason: 'locked' };
  }
  return { ok: false, reason: 'wrong_password', remaining: LOCKOUT_POLICY.maxFailedAttempts - failures };
}

/** The push key sealed at the last online login, while it is still valid. */
function openPushKey(sealKey: Buffer, sealed: string | null, now: Date): string | null {
  const plain = sealed === null ? null : unseal(sealKey, sealed);
  if (plain === null) return null;
  const grant = sealedPushKeySchema.safeParse(JSON.parse(plain));
  return grant.success && new Date(grant.data.expiresAt) > now ? grant.data.pushKey : null;
}

export async function forgetVerifier(db: Kysely<Database>, username: string): Promise<void> {
  await db.deleteFrom('clerk_verifiers').where('username', '=', username).execute();
}
