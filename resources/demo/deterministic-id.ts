/**
 * Reproducible UUID-shaped ids. The app's own records use random uuidv7, which would make two
 * demo runs differ; these keep the uuidv7 layout (48-bit millisecond field, version 7, RFC 4122
 * variant) but fill the "time" with a fixed epoch plus a sequence number, and the random bits
 * from the seeded generator. The sequence makes ids unique within a run and keeps them sorted
 * in creation order, which index inserts like.
 */
import type { Prng } from './prng';

// Byte → two hex digits: formatting millions of ids with toString(16) was a tenth of the run.
const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));
const byte = (n: number, shift: number): string => HEX[(n >>> shift) & 0xff] ?? '00';
const word = (n: number): string => byte(n, 24) + byte(n, 16) + byte(n, 8) + byte(n, 0);

export class DeterministicIds {
  private seq = 0;

  constructor(
    private readonly rng: Prng,
    private readonly epochMs: number,
  ) {}

  next(): string {
    const ms = this.epochMs + this.seq++;
    const high = Math.floor(ms / 0x10000) >>> 0;
    const low = ms % 0x10000;
    const r1 = this.rng.u32();
    const r2 = this.rng.u32();
    const r3 = this.rng.u32();
    const version = 0x7000 | (r1 >>> 20);
    const variant = 0x8000 | (r1 & 0x3fff);
    return (
      `${word(high)}-${byte(low, 8)}${byte(low, 0)}-${byte(version, 8)}${byte(version, 0)}-` +
      `${byte(variant, 8)}${byte(variant, 0)}-${byte(r2, 24)}${byte(r2, 16)}${word(r3)}`
    );
  }
}
