/**
 * IUV check digits (pagoPA "Specifiche attuative dei codici identificativi di versamento",
 * DOMAIN.md §6.2): N mod 93, where N is the integer written by the aux digit, the segregation or
 * application code and the IUV base: 16 digits ("3" + segregation 2 + base 13, "0" + application
 * 2 + base 13, "2" + base 15). Written as two digits with a leading zero ("05", not "5").
 *
 * N reaches 10^16, beyond 2^53: a JavaScript number would silently round it, so BigInt.
 *
 * Why every single-digit error is caught: changing one digit of N by d (1 ≤ |d| ≤ 9) at
 * position i changes N by d·10^i. 93 = 3·31 is coprime with 10, so 93 | d·10^i would need
 * 93 | d, impossible for |d| ≤ 9. A changed check digit gives a different two-digit number, which
 * cannot equal the true remainder. (The test file checks this arithmetic exhaustively.)
 */
export const IUV_CHECK_MODULUS = 93n;

/** The two check digits for a string of digits. */
export function iuvCheckDigits(digits: string): string {
  if (!/^\d+$/.test(digits)) throw new RangeError(`Check digits need a string of digits: ${digits}`);
  return (BigInt(digits) % IUV_CHECK_MODULUS).toString().padStart(2, '0');
}
