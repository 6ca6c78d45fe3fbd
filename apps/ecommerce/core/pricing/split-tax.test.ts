import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitTax } from './split-tax.js';

describe('splitTax', () => {
  it('adds tax to a net amount (exclusive), rounded half up', () => {
    // 10.00 at 19 %: 1000 × 1900 / 10000 = 190
    expect(splitTax(1000n, 1900, false)).toEqual({ net: 1000n, tax: 190n, gross: 1190n });
    // 3.33 at 8.25 %: 333 × 825 / 10000 = 27.4725 → 27
    expect(splitTax(333n, 825, false)).toEqual({ net: 333n, tax: 27n, gross: 360n });
    // 2.00 at 7.25 %: 200 × 725 / 10000 = 14.5 → 15 (a tie rounds up)
    expect(splitTax(200n, 725, false)).toEqual({ net: 200n, tax: 15n, gross: 215n });
  });

  it('extracts tax from a gross amount (inclusive): net rounded, tax the remainder', () => {
    // 11.90 at 19 %: net = 1190 × 10000 / 11900 = 1000, tax = 190
    expect(splitTax(1190n, 1900, true)).toEqual({ net: 1000n, tax: 190n, gross: 1190n });
    // 9.99 at 19 %: net = 9990000 / 11900 = 839.4958 → 839, tax = 999 − 839 = 160
    expect(splitTax(999n, 1900, true)).toEqual({ net: 839n, tax: 160n, gross: 999n });
    // 0.01 at 7 %: net = 100 / 107 = 0.93 → 1, tax 0
    expect(splitTax(1n, 700, true)).toEqual({ net: 1n, tax: 0n, gross: 1n });
  });

  it('always has net + tax = gross with no negative part', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: 10n ** 13n }),
        fc.integer({ min: 0, max: 10_000 }),
        fc.boolean(),
        (amount, bp, inclusive) => {
          const { net, tax, gross } = splitTax(amount, bp, inclusive);
          expect(net + tax).toBe(gross);
          expect(net >= 0n && tax >= 0n).toBe(true);
          expect(inclusive ? gross : net).toBe(amount);
        },
      ),
    );
  });
});
