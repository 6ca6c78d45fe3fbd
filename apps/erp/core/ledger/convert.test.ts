import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { roundHalfEven, toBase } from './convert.js';

describe('roundHalfEven', () => {
  it('rounds ties to the even neighbour, on both sides of zero', () => {
    expect([1n, 3n, 5n, 7n].map((n) => roundHalfEven(n, 2n))).toEqual([0n, 2n, 2n, 4n]);
    expect([-1n, -3n, -5n, -7n].map((n) => roundHalfEven(n, 2n))).toEqual([0n, -2n, -2n, -4n]);
  });

  it('rounds non-ties to the nearest integer', () => {
    expect(roundHalfEven(14n, 10n)).toBe(1n);
    expect(roundHalfEven(16n, 10n)).toBe(2n);
    expect(roundHalfEven(-16n, 10n)).toBe(-2n);
    expect(roundHalfEven(10n, 5n)).toBe(2n);
  });

  it('takes the sign of a negative denominator into account', () => {
    expect(roundHalfEven(16n, -10n)).toBe(-2n);
    expect(roundHalfEven(-15n, -10n)).toBe(2n);
  });

  it('refuses a zero denominator', () => {
    expect(() => roundHalfEven(1n, 0n)).toThrow(RangeError);
  });

  it('is never more than half a unit away from the exact quotient', () => {
    fc.assert(
      fc.property(fc.bigInt(), fc.bigInt({ min: 1n, max: 10n ** 30n }), (n, d) => {
        const q = roundHalfEven(n, d);
        const error = n - q * d; // exact quotient minus q, times d
        expect(2n * (error < 0n ? -error : error) <= d).toBe(true);
        if (2n * error === d || -2n * error === d) expect(q % 2n).toBe(0n);
      }),
    );
  });
});

describe('toBase', () => {
  const same = { fcExponent: 2, baseExponent: 2 };

  it('keeps an amount at the rate 1', () => {
    expect(toBase(12_345, 1_000_000_000, same)).toBe(12_345);
  });

  it('converts USD cents to EUR cents, ties to even', () => {
    expect(toBase(10_000, 920_000_000, same)).toBe(9_200);
    // 1 cent at 0.5 = 0.5 → 0; 3 cents at 0.5 = 1.5 → 2
    expect(toBase(1, 500_000_000, same)).toBe(0);
    expect(toBase(3, 500_000_000, same)).toBe(2);
    expect(toBase(5, 500_000_000, same)).toBe(2);
  });

  it('converts JPY (exponent 0) into EUR (exponent 2)', () => {
    // ¥100 at 0.0062 EUR per JPY = €0.62
    expect(toBase(100, 6_200_000, { fcExponent: 0, baseExponent: 2 })).toBe(62);
  });

  it('converts EUR (exponent 2) into JPY (exponent 0) by dividing the extra digits', () => {
    // €1.00 at 161.29 JPY per EUR = ¥161.29 → ¥161; €0.50 at 161 = ¥80.5 → ¥80 (even)
    expect(toBase(100, 161_290_000_000, { fcExponent: 2, baseExponent: 0 })).toBe(161);
    expect(toBase(50, 161_000_000_000, { fcExponent: 2, baseExponent: 0 })).toBe(80);
    expect(toBase(150, 161_000_000_000, { fcExponent: 2, baseExponent: 0 })).toBe(242);
  });

  it('converts a three-decimal currency (KWD) into EUR', () => {
    // 1.000 KWD at 2.95 EUR = €2.95
    expect(toBase(1_000, 2_950_000_000, { fcExponent: 3, baseExponent: 2 })).toBe(295);
  });

  it('mirrors negative amounts', () => {
    expect(toBase(-3, 500_000_000, same)).toBe(-2);
    expect(toBase(-10_000, 920_000_000, same)).toBe(-9_200);
    fc.assert(
      fc.property(
        fc.integer({ min: -1e12, max: 1e12 }),
        fc.integer({ min: 1, max: 1e12 }),
        (amount, rate) => {
          expect(toBase(-amount, rate, same)).toBe(-toBase(amount, rate, same) || 0);
        },
      ),
    );
  });

  it('refuses results and inputs outside the safe-integer range', () => {
    expect(() => toBase(Number.MAX_SAFE_INTEGER, 2_000_000_000, same)).toThrow(
      /beyond the safe-integer range/,
    );
    expect(() => toBase(0.5, 1_000_000_000, same)).toThrow(/not a safe integer/);
    expect(() => toBase(1, 0, same)).toThrow(/rateNano 0/);
    expect(() => toBase(1, 1_000_000_000, { fcExponent: -1, baseExponent: 2 })).toThrow(/exponent -1/);
  });

  it('computes amount × rate exactly where the product exceeds 2^53', () => {
    // 90,071,992,547.40991 units at 1.000000001 = 90,071,992,637.48199…: the product needs BigInt
    expect(toBase(9_007_199_254_740_991, 1_000_000_001, { fcExponent: 5, baseExponent: 2 })).toBe(
      9_007_199_263_748,
    );
  });
});
