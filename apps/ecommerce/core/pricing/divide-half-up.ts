/**
 * `numerator / denominator` rounded to the nearest integer, a tie away from zero ("commercial"
 * rounding, kaufmännisches Runden: what EU VAT invoices and shop receipts use). Exact for any size.
 * Every rounding in the pricing engine goes through here, so there is one rule to document.
 *
 * @throws RangeError when the denominator is zero
 * @example
 * divideHalfUp(5n, 2n) // 3n (2.5 → 3)
 * divideHalfUp(7n, 2n) // 4n (3.5 → 4)
 * divideHalfUp(-5n, 2n) // -3n
 */
export function divideHalfUp(numerator: bigint, denominator: bigint): bigint {
  if (denominator === 0n) throw new RangeError('divideHalfUp: the denominator is zero');
  const negative = numerator < 0n !== denominator < 0n;
  const n = numerator < 0n ? -numerator : numerator;
  const d = denominator < 0n ? -denominator : denominator;
  const quotient = (n * 2n + d) / (d * 2n);
  return negative ? -quotient : quotient;
}
