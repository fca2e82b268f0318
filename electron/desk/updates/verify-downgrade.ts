import { createHash, createPublicKey, verify } from 'node:crypto';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import {
  downgradeInstructionSchema,
  downgradeSigningText,
} from '../../../shared/updates/downgrade-instruction';
import type { UpdatePlatform } from '../../../shared/updates/platforms';
import { UPDATE_KEY_PATH } from '../../../shared/updates/update-wire';
import type { DeskContext } from '../context';
import type { Database } from '../db/database';
import { getMeta, setMeta } from '../db/meta-repository';

const KEY_META = 'updates.hub_key';

/** The desk's side of the credential fingerprint the hub signs a downgrade for. */
export const credentialFingerprint = (token: string): string =>
  createHash('sha256').update(token).digest('hex').slice(0, 32);

/**
 * Whether the feed's downgrade instruction lets this desk go back from `current` to `offered`:
 * well formed, signed by the pinned hub key, for this very credential, this platform and these
 * two versions, issued and not expired at `now`. Anything else: no downgrade.
 */
export function downgradeAllowed(
  raw: unknown,
  o: {
    publicKeyPem: string | null;
    token: string;
    platform: UpdatePlatform;
    current: string;
    offered: string;
    now: Date;
  },
): boolean {
  if (!o.publicKeyPem) return false;
  const parsed = downgradeInstructionSchema.safeParse(raw);
  if (!parsed.success) return false;
  const { signature, ...signed } = parsed.data;
  if (
    signed.workstation !== credentialFingerprint(o.token) ||
    signed.platform !== o.platform ||
    signed.from !== o.current ||
    signed.to !== o.offered ||
    Date.parse(signed.expiresAt) <= o.now.getTime() ||
    Date.parse(signed.issuedAt) > o.now.getTime() + 300_000
  )
    return false;
  try {
    const key = createPublicKey(o.publicKeyPem);
    return verify(
      null,
      Buffer.from(downgradeSigningText(signed), 'utf8'),
      key,
      Buffer.from(signature, 'base64'),
    );
  } catch {
    return false;
  }
}

/**
 * The hub's update key as this desk pinned it: the managed configuration's, when IT set one, else
 * the one the hub gave at the desk's first check (kept; never replaced by a later answer).
 */
export async function pinnedUpdateKey(ctx: DeskContext, managed: string | null): Promise<string | null> {
  if (managed) return managed;
  const kept = await getMeta(ctx.db, KEY_META);
  if (kept) return kept;
  try {
    const { publicKey } = await ctx.hub.call(
      UPDATE_KEY_PATH,
      { method: 'GET' },
      z.object({ publicKey: z.string().min(40).max(2000) }),
    );
    createPublicKey(publicKey); // a key, or nothing is pinned
    await pinKey(ctx.db, publicKey);
    return publicKey;
  } catch {
    return null;
  }
}

const pinKey = (db: Kysely<Database>, pem: string) => setMeta(db, KEY_META, pem);
