import { describe, expect, it } from 'vitest';
import { divideHalfUp } from './divide-half-up.js';

describe('divideHalfUp', () => {
  it('rounds a tie away from zero and everything else to the nearest integer', () => {
    expect(divideHalfUp(5n, 2n)).toBe(3n); // 2.5 → 3
    expect(divideHalfUp(7n, 2n)).toBe(4n); // 3.5 → 4
    expect(divideHalfUp(-5n, 2n)).toBe(-3n); // -2.5 → -3
    expect(divideHalfUp(274_725n, 10_000n)).toBe(27n); // 27.4725 → 27
    expect(divideHalfUp(9_990_000n, 11_900n)).toBe(839n); // 839.4958 → 839
    expect(divideHalfUp(10n, 5n)).toBe(2n);
  });

  it('refuses a zero denominator', () => {
    expect(() => divideHalfUp(1n, 0n)).toThrow(RangeError);
  });
});
