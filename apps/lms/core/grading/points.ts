import { GradingInputError } from './grading-input-error.js';

/** The largest number of points (and of percent) an input may carry: 100,000.00. */
export const maxPoints = 100_000;

/**
 * A non-negative number with at most two decimals (points, percent) as a whole number of
 * hundredths: `12.5` → `1250`. Exact for every such number up to `max`, because the hundredths are
 * recovered by rounding `value × 100` (the product of a two-decimal number is within one ulp of
 * the integer).
 *
 * @throws GradingInputError at `path` when the value is not a number, is negative, above `max`
 *   or has more than two decimals
 * @example
 * hundredths(33.33, '/categories/0/weight') // 3_333
 */
export function hundredths(value: unknown, path: string, max = maxPoints): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > max)
    throw new GradingInputError(path, `${path}: ${String(value)} is not a number from 0 to ${max}`);
  const scaled = Math.round(value * 100);
  if (Math.abs(scaled - value * 100) > 1e-6)
    throw new GradingInputError(path, `${path}: ${value} has more than two decimals`);
  return scaled;
}

/**
 * `numerator / denominator` for non-negative integers, rounded to the nearest integer with ties
 * going up (half-up, the way grades are rounded on paper). Exact for any size.
 *
 * @example
 * roundHalfUp(29n, 2n) // 15n (14.5 → 15)
 * roundHalfUp(2n, 3n) // 1n
 */
export function roundHalfUp(numerator: bigint, denominator: bigint): bigint {
  if (denominator <= 0n || numerator < 0n)
    throw new RangeError(`roundHalfUp: ${numerator} / ${denominator} is not a non-negative ratio`);
  return (2n * numerator + denominator) / (2n * denominator);
}

/**
 * Hundredths as the two-decimal text a page or a CSV shows: `8734` → `"87.34"`, `5` → `"0.05"`.
 *
 * @example
 * formatHundredths(10_000) // "100.00"
 */
export function formatHundredths(value: number): string {
  const whole = Math.trunc(value / 100);
  const rest = Math.abs(value % 100);
  return `${value < 0 && whole === 0 ? '-' : ''}${whole}.${String(rest).padStart(2, '0')}`;
}
