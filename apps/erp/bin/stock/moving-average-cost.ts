import { roundHalfEven } from '../../core/ledger/convert.js';

/** What a bin holds: its quantity in stock units and its value in base minor units. */
export interface BinBalance {
  qty: number;
  value: number;
}

/**
 * The cost of taking `qty` units out of a bin valued at moving average (ADR 0027 §6): the whole
 * value when the bin empties, else `value × qty / binQty` rounded half-even — integer arithmetic,
 * so the last unit takes what is left and the bin's value never drifts from the ledger's. An
 * issue beyond the stock on hand (negative stock allowed) is costed at the same rate; an empty
 * bin has no rate and costs 0.
 *
 * @example
 * movingAverageCost({ qty: 3, value: 100 }, 1) // 33
 * movingAverageCost({ qty: 3, value: 100 }, 3) // 100
 */
export function movingAverageCost(bin: BinBalance, qty: number): number {
  if (bin.qty === 0) return 0;
  if (qty === bin.qty) return bin.value;
  return Number(roundHalfEven(BigInt(bin.value) * BigInt(qty), BigInt(bin.qty)));
}
