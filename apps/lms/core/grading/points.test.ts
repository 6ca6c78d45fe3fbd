import { describe, expect, it } from 'vitest';
import { formatHundredths, hundredths, roundHalfUp } from './points.js';

describe('points', () => {
  it('reads two-decimal numbers as exact hundredths', () => {
    expect(hundredths(0.29, '/p')).toBe(29);
    expect(hundredths(33.33, '/p')).toBe(3_333);
    expect(hundredths(1.005 * 1000, '/p')).toBe(100_500);
    expect(hundredths(100_000, '/p')).toBe(10_000_000);
    expect(() => hundredths(0.125, '/p')).toThrow('/p: 0.125 has more than two decimals');
    expect(() => hundredths(Number.NaN, '/p')).toThrow(/not a number from 0 to 100000/);
    expect(() => hundredths(101, '/w', 100)).toThrow(/from 0 to 100$/);
  });

  it('rounds half up, exactly', () => {
    expect(roundHalfUp(29n, 2n)).toBe(15n);
    expect(roundHalfUp(27n, 2n)).toBe(14n);
    expect(roundHalfUp(1n, 3n)).toBe(0n);
    expect(roundHalfUp(2n, 3n)).toBe(1n);
    expect(() => roundHalfUp(1n, 0n)).toThrow(RangeError);
  });

  it('formats hundredths with two decimals', () => {
    expect(formatHundredths(8_734)).toBe('87.34');
    expect(formatHundredths(5)).toBe('0.05');
    expect(formatHundredths(10_000)).toBe('100.00');
    expect(formatHundredths(-5)).toBe('-0.05');
  });
});
