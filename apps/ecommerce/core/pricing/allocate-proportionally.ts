/**
 * Splits `total` into parts proportional to `weights` that sum to `total` exactly (largest
 * remainder method): each part is first `floor(total × weight / Σ weights)`, then the units left
 * over go one each to the parts with the largest remainders, ties to the earlier part. With all
 * weights zero it splits evenly the same way. This is how an order discount or an order's tax
 * (per-order rounding) is spread over the lines.
 *
 * @throws RangeError when `total` or a weight is negative, or there are no weights for a non-zero total
 * @example
 * allocateProportionally(100n, [1n, 1n, 1n]) // [34n, 33n, 33n]
 * allocateProportionally(1000n, [3000n, 1000n]) // [750n, 250n]
 */
export function allocateProportionally(total: bigint, weights: readonly bigint[]): bigint[] {
  if (total < 0n) throw new RangeError(`allocateProportionally: the total ${total} is negative`);
  if (weights.some((weight) => weight < 0n))
    throw new RangeError('allocateProportionally: a weight is negative');
  if (weights.length === 0) {
    if (total === 0n) return [];
    throw new RangeError(`allocateProportionally: ${total} cannot be split over no parts`);
  }
  const sum = weights.reduce((a, b) => a + b, 0n);
  const effective = sum === 0n ? weights.map(() => 1n) : weights;
  const denominator = sum === 0n ? BigInt(weights.length) : sum;
  const parts = effective.map((weight) => (total * weight) / denominator);
  const remainders = effective.map((weight, index) => ({ index, remainder: (total * weight) % denominator }));
  let left = total - parts.reduce((a, b) => a + b, 0n);
  remainders.sort((a, b) =>
    a.remainder === b.remainder ? a.index - b.index : a.remainder > b.remainder ? -1 : 1,
  );
  for (const { index } of remainders) {
    if (left === 0n) break;
    parts[index] = (parts[index] as bigint) + 1n;
    left -= 1n;
  }
  return parts;
}
