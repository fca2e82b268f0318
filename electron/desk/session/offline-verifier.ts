import { randomBytes, scrypt as scryptCb, timingSafeEqual } from 'node:crypto';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../db/database';

// The desk derives its own verifier from the password typed at a successful online login (never
// the hub's hash, which would make this file an offline attack on the hub). Same scheme as the hub.
const PARAMS = { N: 16384, r: 8, p: 1 };
const scrypt = (password: string, salt: Buffer): Promise<Buffer> =>
  new Promise((ok, fail) => scryptCb(password, salt, 32, PARAMS, (err, key) => (err ? fail(err) : ok(key))));

const cachedUserSchema = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(['clerk', 'supervisor', 'admin']),
  comune: z.object({ belfiore: z.string(), name: z.string() }),
});
export type CachedClerk = z.infer<typeof cachedUserSchema>;

export async function storeVerifier(
  db: Kysely<Database>,
  user: CachedClerk,
  password: string,
  now: Date,
  days: number,
): Promise<void> {
  const salt = randomBytes(16);
  const key = await scrypt(password, salt);
  const row = {
    username: user.username,
    user: JSON.stringify(user),
    verifier: `${salt.toString('base64')}$${key.toString('base64')}`,
    verified_at: now.toISOString(),
    expires_at: new Date(now.getTime() + days * 86_400_000).toISOString(),
  };
  await db
    .insertInto('clerk_verifiers')
    .values(row)
    .onConflict((oc) => oc.column('username').doUpdateSet(row))
    .execute();
}

export type OfflineCheck =
  { ok: true; user: CachedClerk } | { ok: false; reason: 'unknown' | 'expired' | 'wrong_password' };

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
  const [saltB64 = '', keyB64 = ''] = row.verifier.split('$');
  const expected = Buffer.from(keyB64, 'base64');
  const key = await scrypt(password, Buffer.from(saltB64, 'base64'));
  if (key.length !== expected.length || !timingSafeEqual(key, expected))
    return { ok: false, reason: 'wrong_password' };
  return { ok: true, user: cachedUserSchema.parse(JSON.parse(row.user)) };
}

export async function forgetVerifier(db: Kysely<Database>, username: string): Promise<void> {
  await db.deleteFrom('clerk_verifiers').where('username', '=', username).execute();
}
