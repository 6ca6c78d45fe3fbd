const nanoScale = 1_000_000_000n;

/**
 * `numerator / denominator` rounded to the nearest integer, ties to the even one (banker's
 * rounding), so rounding many amounts does not drift in one direction. Exact for any size.
 *
 * @example
 * roundHalfEven(5n, 2n) // 2n (2.5 → 2)
 * roundHalfEven(7n, 2n) // 4n (3.5 → 4)
 * roundHalfEven(-5n, 2n) // -2n
 */
export function roundHalfEven(numerator: bigint, denominator: bigint): bigint {
  if (denominator === 0n) throw new RangeError('roundHalfEven: the denominator is zero');
  const negative = numerator < 0n !== denominator < 0n;
  const n = numerator < 0n ? -numerator : numerator;
  const d = denominator < 0n ? -denominator : denominator;
  let quotient = n / d;
  const twiceRemainder = (n % d) * 2n;
  if (twiceRemainder > d || (twiceRemainder === d && quotient % 2n === 1n)) quotient += 1n;
  return negative ? -quotient : quotient;
}

/** The minor-unit exponents of a conversion: 2 for EUR (cents), 0 for JPY. */
export interface ConversionExponents {
  fcExponent: number;
  baseExponent: number;
}

/**
 * An amount in minor units of a foreign currency, in minor units of the base currency:
 * `roundHalfEven(fc × rateNano × 10^(baseExponent − fcExponent) / 10^9)`, computed in `BigInt`
 * (ADR 0027 §8). `rateNano` is base units per one foreign unit × 10^9.
 *
 * @throws RangeError when an input or the result is not a safe integer, or an exponent is not a
 *   whole number from 0 to 18
 * @example
 * // 100 JPY at 0.0062 EUR per JPY = 62 euro cents
 * toBase(100, 6_200_000, { fcExponent: 0, baseExponent: 2 }) // 62
 * // 1.00 EUR at 161.29 JPY per EUR = 161 yen
 * toBase(100, 161_290_000_000, { fcExponent: 2, baseExponent: 0 }) // 161
 */
export function toBase(
  amountFc: number,
  rateNano: number,
  { fcExponent, baseExponent }: ConversionExponents,
): number {
  if (!Number.isSafeInteger(amountFc))
    throw new RangeError(`toBase: amount ${amountFc} is not a safe integer`);
  if (!Number.isSafeInteger(rateNano) || rateNano <= 0)
    throw new RangeError(`toBase: rateNano ${rateNano} is not a positive safe integer`);
  for (const exponent of [fcExponent, baseExponent])
    if (!Number.isInteger(exponent) || exponent < 0 || exponent > 18)
      throw new RangeError(`toBase: exponent ${exponent} is not a whole number from 0 to 18`);
  const shift = baseExponent - fcExponent;
  const numerator = BigInt(amountFc) * BigInt(rateNano) * 10n ** BigInt(Math.max(shift, 0));
  const denominator = nanoScale * 10n ** BigInt(Math.max(-shift, 0));
  const base = roundHalfEven(numerator, denominator);
  if (base > BigInt(Number.MAX_SAFE_INTEGER) || base < BigInt(Number.MIN_SAFE_INTEGER))
    throw new RangeError(`toBase: ${amountFc} at rate ${rateNano} is ${base}, beyond the safe-integer range`);
  return Number(base);
}
