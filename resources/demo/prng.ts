/**
 * Seeded pseudo-random numbers for the demo generator. Math.random cannot be seeded, and the
 * demo registry must be byte-identical for the same seed, so every draw goes through here.
 * Draws use only 32-bit integer arithmetic and + - * / (no Math.log/sin), so a run does not
 * depend on the platform's libm.
 */

/** One value with its relative weight; weights need not sum to 1. */
export interface Weighted<T> {
  value: T;
  weight: number;
}

/** sfc32 (Chris Doty-Humphrey's Small Fast Counting generator): 128-bit state, fast in JS. */
export class Prng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number) {
    if (!Number.isFinite(seed)) throw new Error(`Prng seed must be a finite number, got ${seed}`);
    // splitmix32 spreads a small integer seed over the whole 128-bit state.
    let s = Math.trunc(seed) >>> 0;
    const mix = (): number => {
      s = (s + 0x9e3779b9) | 0;
      let z = s;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
      return (z ^ (z >>> 16)) >>> 0;
    };
    this.a = mix();
    this.b = mix();
    this.c = mix();
    this.d = mix();
    for (let i = 0; i < 12; i++) this.u32();
  }

  /** Uniform unsigned 32-bit integer. */
  u32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    return this.u32() / 4294967296;
  }

  /** Uniform integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  /** Uniform float in [min, max). */
  float(min: number, max: number): number {
    return min + this.next() * (max - min);
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  /** Approximately normal (Irwin–Hall sum of 4 uniforms, bounded to mean ± 3.46 sd). */
  normal(mean: number, sd: number): number {
    const sum = this.next() + this.next() + this.next() + this.next();
    return mean + (sum - 2) * 1.7320508075688772 * sd;
  }

  pick<T>(items: readonly T[]): T {
    const item = items[this.int(items.length)];
    if (item === undefined) throw new Error('Prng.pick called with an empty list');
    return item;
  }
}

/** Picks values in proportion to their weights in O(log n) (cumulative sums + binary search). */
export class WeightedPicker<T> {
  private readonly values: T[];
  private readonly cumulative: Float64Array;
  readonly total: number;

  constructor(entries: readonly Weighted<T>[], label = 'list') {
    const usable = entries.filter((e) => e.weight > 0 && Number.isFinite(e.weight));
    if (usable.length === 0) throw new Error(`WeightedPicker: ${label} has no entry with a positive weight`);
    this.values = usable.map((e) => e.value);
    this.cumulative = new Float64Array(usable.length);
    let sum = 0;
    usable.forEach((e, i) => {
      sum += e.weight;
      this.cumulative[i] = sum;
    });
    this.total = sum;
  }

  get size(): number {
    return this.values.length;
  }

  pick(rng: Prng): T {
    const target = rng.next() * this.total;
    let lo = 0;
    let hi = this.values.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.cumulative[mid] ?? 0) > target) hi = mid;
      else lo = mid + 1;
    }
    const value = this.values[lo];
    if (value === undefined) throw new Error('WeightedPicker: index out of range');
    return value;
  }

  /** All values in insertion order, for tests and reports. */
  list(): readonly T[] {
    return this.values;
  }
}

/**
 * Sums several weighted lists into one, each scaled so that the whole list weighs `mass`:
 * the sources use different units (counts, percent shares, ranks), so only their relative
 * order and the mass we give each source matter.
 */
export function mergeWeighted<T>(
  sources: { entries: readonly Weighted<T>[]; mass: number }[],
): Weighted<T>[] {
  const totals = new Map<T, number>();
  for (const { entries, mass } of sources) {
    const sum = entries.reduce((acc, e) => acc + (e.weight > 0 ? e.weight : 0), 0);
    if (sum <= 0) continue;
    for (const e of entries) {
      if (e.weight <= 0) continue;
      totals.set(e.value, (totals.get(e.value) ?? 0) + (e.weight / sum) * mass);
    }
  }
  return [...totals].map(([value, weight]) => ({ value, weight }));
}

/** Weights for a ranked list without counts: a Zipf-like 1/rank^0.9 curve. */
export function rankWeights<T>(values: readonly T[]): Weighted<T>[] {
  return values.map((value, i) => ({ value, weight: 1 / Math.pow(i + 1, 0.9) }));
}
