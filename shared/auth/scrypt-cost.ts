/** scrypt work factors; stored with every hash or verifier so they can be raised without breaking old ones. */
export interface ScryptCost {
  N: number;
  r: number;
  p: number;
}

/**
 * OWASP Password Storage Cheat Sheet: scrypt N=2^17, r=8, p=1 (128 MiB, a few tenths of a second
 * per check). Tests pass a lower cost explicitly (test-support); production never reads a cost from
 * the environment, so a stray variable cannot weaken the hub or the desk.
 */
export const OWASP_SCRYPT: ScryptCost = { N: 2 ** 17, r: 8, p: 1 };

/** Node refuses scrypt above 32 MiB by default: 128·N·r bytes are needed, twice that allowed. */
export const scryptMaxmem = (cost: ScryptCost): number => 256 * cost.N * cost.r;

/** Less work than `target` in any factor: worth redoing at the next chance. */
export const isCheaperThan = (cost: ScryptCost, target: ScryptCost): boolean =>
  cost.N < target.N || cost.r < target.r || cost.p < target.p;

/** "N$r$p" and back, as the hash strings carry them; null for anything malformed. */
export function parseScryptCost(
  n: string | undefined,
  r: string | undefined,
  p: string | undefined,
): ScryptCost | null {
  const cost = { N: Number(n), r: Number(r), p: Number(p) };
  const sane =
    [cost.N, cost.r, cost.p].every((x) => Number.isInteger(x) && x > 0) &&
    cost.N <= 2 ** 20 &&
    cost.r <= 32 &&
    cost.p <= 16;
  return sane ? cost : null;
}
