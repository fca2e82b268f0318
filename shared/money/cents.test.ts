import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addCents,
  applyRatio,
  cents,
  euros,
  halve,
  increaseByOneThird,
  isCents,
  percentOf,
  reduceByPercent,
  subtractCents,
} from './cents';

describe('cents', () => {
  it('brands whole numbers and refuses fractions, NaN and unsafe integers', () => {
    expect(cents(12110)).toBe(12110);
    expect(() => cents(121.1)).toThrow(RangeError);
    expect(() => cents(Number.NaN)).toThrow(RangeError);
    expect(() => cents(2 ** 53)).toThrow(RangeError);
    expect(isCents(0.1)).toBe(false);
    expect(isCents(-5)).toBe(true);
  });

  it('turns whole euros of a data table into cents', () => {
    expect(euros(173)).toBe(17300);
    expect(() => euros(1.5)).toThrow(RangeError);
  });

  it('adds and subtracts without floating-point drift (0.10 + 0.20 is 30 cents)', () => {
    expect(addCents(cents(10), cents(20))).toBe(30);
    expect(addCents()).toBe(0);
    expect(subtractCents(cents(17300), cents(12110))).toBe(5190);
  });

  describe('the 30% reduction of art. 202 c.1 CdS', () => {
    it('gives the published amounts for whole-euro minimums', () => {
      expect(reduceByPercent(euros(173), 30)).toBe(12110); // DOMAIN.md §4.1 worked example
      expect(reduceByPercent(euros(42), 30)).toBe(2940);
      expect(reduceByPercent(euros(83), 30)).toBe(5810);
    });

    it('rounds once, half up, on 70% of the amount', () => {
      expect(reduceByPercent(cents(5), 30)).toBe(4); // 3.5 → 4
      expect(reduceByPercent(cents(15), 30)).toBe(11); // 10.5 → 11
      expect(reduceByPercent(cents(1), 30)).toBe(1); // 0.7 → 1
      expect(reduceByPercent(cents(3), 30)).toBe(2); // 2.1 → 2
    });

    it('is never computed as min − round(30%): the two differ at exact half cents', () => {
      const min = cents(5);
      expect(reduceByPercent(min, 30)).not.toBe(min - percentOf(min, 30));
    });
  });

  describe('half of the maximum (art. 203 c.3 CdS)', () => {
    it('is exact for an even number of cents', () => {
      expect(halve(euros(694))).toBe(34700);
      expect(halve(euros(333))).toBe(16650);
    });

    it('rounds an odd number of cents half up: 333.01 / 2 = 166.505 → 166.51', () => {
      expect(halve(cents(33301))).toBe(16651);
      expect(halve(cents(1))).toBe(1);
      expect(halve(cents(33301), 'down')).toBe(16650);
    });
  });

  it('increases by one third, rounding the third half up (art. 195 c.2-bis CdS)', () => {
    expect(increaseByOneThird(euros(42))).toBe(5600);
    expect(increaseByOneThird(euros(173))).toBe(23067); // 57.666… → 57.67
    expect(increaseByOneThird(cents(1))).toBe(1); // 0.333… → 0
    expect(increaseByOneThird(cents(2))).toBe(3); // 0.666… → 1
  });

  it('rounds ties away from zero for negative amounts too', () => {
    expect(halve(cents(-3))).toBe(-2);
    expect(halve(cents(-3), 'down')).toBe(-1);
    expect(halve(cents(-3), 'up')).toBe(-2);
  });

  it('refuses a ratio that is not made of integers', () => {
    expect(() => applyRatio(cents(100), 0.7, 1)).toThrow(RangeError);
    expect(() => applyRatio(cents(100), 1, 0)).toThrow(RangeError);
    expect(() => reduceByPercent(cents(100), 101)).toThrow(RangeError);
  });

  it('property: applyRatio agrees with exact rational rounding', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000_000_000 }),
        fc.integer({ min: 0, max: 1000 }),
        fc.integer({ min: 1, max: 1000 }),
        (amount, num, den) => {
          const result = applyRatio(cents(amount), num, den);
          // result is the nearest integer to amount*num/den, ties up: |2·(result·den − amount·num)| ≤ den
          const twiceDiff = 2n * (BigInt(result) * BigInt(den) - BigInt(amount) * BigInt(num));
          return twiceDiff <= BigInt(den) && twiceDiff > -BigInt(den);
        },
      ),
    );
  });
});
