/**
 * Money as integer euro cents (DOMAIN.md, general advice: "Compute all money in integer euro
 * cents. pagoPA carries amounts in cents."). A binary float cannot hold 0.10 exactly, so no
 * amount is ever multiplied or divided as a float here: ratios are applied with BigInt and
 * rounded once, with a rounding mode the caller names.
 */

declare const CENTS_BRAND: unique symbol;

/** A whole number of euro cents. Only `cents()` and the helpers below make one. */
export type Cents = number & { readonly [CENTS_BRAND]: true };

/**
 * How a fraction of a cent is resolved.
 * - `half-up`: to the nearest cent, ties away from zero (0.5 → 1, −0.5 → −1): the usual
 *   "arrotondamento commerciale" and the rule used for fines in this project.
 * - `down`: towards zero (truncation). `up`: away from zero.
 */
export type RoundingMode = 'half-up' | 'down' | 'up';

/** The rule for fines (reduced 30%, half of the maximum, +1/3): to the nearest cent, ties up. */
export const FINE_ROUNDING: RoundingMode = 'half-up';

export function isCents(value: unknown): value is Cents {
  return typeof value === 'number' && Number.isSafeInteger(value);
}

/**
 * Brands a whole number of cents. A fraction or a value beyond 2^53 is a programming error
 * (user input goes through `parseEuro`), so it throws.
 */
export function cents(value: number): Cents {
  if (!isCents(value)) throw new RangeError(`Not a whole number of cents: ${value}`);
  return value;
}

/** Whole euros to cents, for data tables: `euros(173)` is 17300. Decimals go through `cents()`. */
export function euros(whole: number): Cents {
  if (!Number.isSafeInteger(whole)) throw new RangeError(`Not a whole number of euros: ${whole}`);
  return cents(whole * 100);
}

export const ZERO_CENTS: Cents = cents(0);

export function addCents(...values: readonly Cents[]): Cents {
  return cents(values.reduce<number>((sum, v) => sum + v, 0));
}

export function subtractCents(a: Cents, b: Cents): Cents {
  return cents(a - b);
}

/** Rounds numerator/denominator (BigInt, denominator > 0) to an integer with the given mode. */
function divideRounded(numerator: bigint, denominator: bigint, mode: RoundingMode): bigint {
  const negative = numerator < 0n;
  const abs = negative ? -numerator : numerator;
  const quotient = abs / denominator;
  const remainder = abs % denominator;
  let magnitude = quotient;
  if (remainder !== 0n) {
    if (mode === 'up') magnitude += 1n;
    else if (mode === 'half-up' && remainder * 2n >= denominator) magnitude += 1n;
  }
  return negative ? -magnitude : magnitude;
}

/**
 * `amount × numerator / denominator`, rounded once. Exact for every safe integer because the
 * product is taken in BigInt.
 */
export function applyRatio(
  amount: Cents,
  numerator: number,
  denominator: number,
  mode: RoundingMode = FINE_ROUNDING,
): Cents {
  if (!Number.isSafeInteger(numerator) || !Number.isSafeInteger(denominator) || denominator <= 0) {
    throw new RangeError(`Ratio must be integers with a positive denominator: ${numerator}/${denominator}`);
  }
  const result = divideRounded(BigInt(amount) * BigInt(numerator), BigInt(denominator), mode);
  return cents(Number(result));
}

/** `percent`% of the amount (percent is a whole number: 70 for 70%). */
export function percentOf(amount: Cents, percent: number, mode: RoundingMode = FINE_ROUNDING): Cents {
  return applyRatio(amount, percent, 100, mode);
}

/**
 * The amount reduced by `percent`%. Computed as (100 − percent)% of it and rounded once, so
 * "minimum reduced by 30%" is round(min × 70 / 100), never min − round(min × 30 / 100)
 * (the two differ by a cent when 30% of the amount ends in exactly half a cent).
 */
export function reduceByPercent(amount: Cents, percent: number, mode: RoundingMode = FINE_ROUNDING): Cents {
  if (!Number.isSafeInteger(percent) || percent < 0 || percent > 100) {
    throw new RangeError(`Reduction must be a whole percentage 0-100: ${percent}`);
  }
  return applyRatio(amount, 100 - percent, 100, mode);
}

/** Half of the amount: an odd number of cents is resolved by `mode` (default half-up: 16650.5 → 16651). */
export function halve(amount: Cents, mode: RoundingMode = FINE_ROUNDING): Cents {
  return applyRatio(amount, 1, 2, mode);
}

/** Sum of an amount and one third of it, the third rounded by `mode` (art. 195 c.2-bis CdS). */
export function increaseByOneThird(amount: Cents, mode: RoundingMode = FINE_ROUNDING): Cents {
  return addCents(amount, applyRatio(amount, 1, 3, mode));
}
