import { z } from 'zod';
import { isUpdatePlatform } from './platforms';
import { deskVersionSchema } from './version';

/**
 * The hub's signed order to go back from `from` to `to` (a `release rollback`). electron-updater
 * installs a lower version only with `allowDowngrade`; the desk turns that on only for an
 * instruction signed with the hub's update key (Ed25519), naming this very workstation, the
 * version it runs and the one the feed offers, and not expired — so a feed replayed from a cache,
 * a proxy or another workstation can never make a desk go back.
 */
export const downgradeInstructionSchema = z
  .object({
    /**
     * The workstation's credential fingerprint: the first 32 hex digits of the SHA-256 of its
     * device token. The hub stores that hash, the desk holds the token; no other desk matches.
     */
    workstation: z.string().regex(/^[0-9a-f]{32}$/),
    platform: z.string().refine(isUpdatePlatform, 'platform'),
    from: deskVersionSchema,
    to: deskVersionSchema,
    issuedAt: z.string().datetime(),
    expiresAt: z.string().datetime(),
    /** base64 Ed25519 signature of `downgradeSigningText` */
    signature: z.string().min(40).max(200),
  })
  .strict();
export type DowngradeInstruction = z.infer<typeof downgradeInstructionSchema>;

/** How long a signed instruction stays good: the desk asks again at its next check anyway. */
export const DOWNGRADE_INSTRUCTION_HOURS = 24;

/** The exact bytes signed: fixed field order, one line, a prefix no other signed text shares. */
export function downgradeSigningText(i: Omit<DowngradeInstruction, 'signature'>): string {
  return ['sportello-downgrade-v1', i.workstation, i.platform, i.from, i.to, i.issuedAt, i.expiresAt].join(
    '\n',
  );
}
