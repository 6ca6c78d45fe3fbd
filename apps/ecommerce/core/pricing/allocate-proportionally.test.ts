import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocateProportionally } from './allocate-proportionally.js';

describe('allocateProportionally', () => {
  it('gives the units left over to the largest remainders, ties to the earlier part', () => {
    // 100 / 3 = 33 r 1 each: the one unit left goes to the first part
    expect(allocateProportionally(100n, [1n, 1n, 1n])).toEqual([34n, 33n, 33n]);
    // 500 over 9000 : 2000 → 409.09… and 90.90…: floors 409 + 90 = 499, the second has the larger remainder
    expect(allocateProportionally(500n, [9000n, 2000n])).toEqual([409n, 91n]);
    expect(allocateProportionally(1000n, [3000n, 1000n])).toEqual([750n, 250n]);
  });

  it('splits evenly when every weight is zero, and nothing over nothing', () => {
    expect(allocateProportionally(5n, [0n, 0n])).toEqual([3n, 2n]);
    expect(allocateProportionally(0n, [])).toEqual([]);
  });

  it('refuses a negative total or weight, and a total over no parts', () => {
    expect(() => allocateProportionally(-1n, [1n])).toThrow(RangeError);
    expect(() => allocateProportionally(1n, [-1n])).toThrow(RangeError);
    expect(() => allocateProportionally(1n, [])).toThrow(RangeError);
  });

  it('always sums to the total, each part within one unit of its exact share', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: 10n ** 15n }),
        fc.array(fc.bigInt({ min: 0n, max: 10n ** 12n }), { minLength: 1, maxLength: 20 }),
        (total, weights) => {
          const parts = allocateProportionally(total, weights);
          expect(parts.reduce((a, b) => a + b, 0n)).toBe(total);
          const sum = weights.reduce((a, b) => a + b, 0n);
          if (sum === 0n) return;
          parts.forEach((part, i) => {
            const exact = (total * (weights[i] as bigint)) / sum;
            expect(part === exact || part === exact + 1n).toBe(true);
          });
        },
      ),
    );
  });
});
