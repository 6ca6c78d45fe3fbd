import type { Tolerance } from './question.js';

/** A finite number as digits × 10^exponent, read from its shortest decimal text (what was typed). */
function decimal(value: number): { digits: bigint; exponent: number } {
  const [mantissa = '0', power = '0'] = String(value).toLowerCase().split('e');
  const [whole = '0', fraction = ''] = mantissa.split('.');
  return { digits: BigInt(whole + fraction), exponent: Number(power) - fraction.length };
}

function scaled(value: { digits: bigint; exponent: number }, exponent: number): bigint {
  return value.digits * 10n ** BigInt(value.exponent - exponent);
}

const abs = (n: bigint): bigint => (n < 0n ? -n : n);

/**
 * Whether an answer is within a tolerance of the right value, compared as the decimals the
 * numbers are written as, not as binary floats: with a tolerance of 0.1, 1.1 is right for 1
 * (in floats |1.1 − 1| is 0.10000000000000009). The bounds are inclusive; no tolerance means the
 * exact value.
 *
 * @example
 * withinTolerance(1.1, 1, { kind: 'absolute', amount: 0.1 }) // true
 * withinTolerance(105, 100, { kind: 'relative', percent: 5 }) // true
 */
export function withinTolerance(answer: number, value: number, tolerance?: Tolerance): boolean {
  const a = decimal(answer);
  const v = decimal(value);
  if (tolerance === undefined) {
    const e = Math.min(a.exponent, v.exponent);
    return scaled(a, e) === scaled(v, e);
  }
  if (tolerance.kind === 'absolute') {
    const t = decimal(tolerance.amount);
    const e = Math.min(a.exponent, v.exponent, t.exponent);
    return abs(scaled(a, e) - scaled(v, e)) <= scaled(t, e);
  }
  // |a − v| ≤ |v| × percent / 100  ⇔  |a − v| × 100 ≤ |v| × percent
  const p = decimal(tolerance.percent);
  const e = Math.min(a.exponent, v.exponent);
  const pe = Math.min(p.exponent, 0);
  return abs(scaled(a, e) - scaled(v, e)) * 100n * 10n ** BigInt(-pe) <= abs(scaled(v, e)) * scaled(p, pe);
}
