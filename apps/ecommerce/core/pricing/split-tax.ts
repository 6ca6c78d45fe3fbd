import { divideHalfUp } from './divide-half-up.js';

/** An amount split into its net and its tax: `net + tax = gross`, always exactly. */
export interface TaxSplit {
  net: bigint;
  tax: bigint;
  gross: bigint;
}

/**
 * Net, tax and gross of an amount at a rate, rounded once, half up (`divideHalfUp`):
 * - tax-exclusive (`amount` is net): tax = round(net × bp / 10,000), gross = net + tax;
 * - tax-inclusive (`amount` is gross): net = round(gross × 10,000 / (10,000 + bp)) and the tax
 *   is the remainder gross − net, so the parts always add up to the price the customer saw.
 *
 * @example
 * splitTax(1000n, 1900, false) // { net: 1000n, tax: 190n, gross: 1190n }
 * splitTax(1190n, 1900, true)  // { net: 1000n, tax: 190n, gross: 1190n }
 * splitTax(999n, 1900, true)   // net = round(839.49…) = 839n, tax = 160n
 */
export function splitTax(amount: bigint, rateBp: number, inclusive: boolean): TaxSplit {
  const bp = BigInt(rateBp);
  if (inclusive) {
    const net = divideHalfUp(amount * 10_000n, 10_000n + bp);
    return { net, tax: amount - net, gross: amount };
  }
  const tax = divideHalfUp(amount * bp, 10_000n);
  return { net: amount, tax, gross: amount + tax };
}
