import type { BinBalance } from './moving-average-cost.js';

/**
 * What a cancelled receipt's units take out of a moving-average bin (ADR 0027 §6): what they
 * brought (`originalValue`, the receipt's value change), bounded by the bin's value — all of it
 * when the bin empties, exactly what they brought when it goes below zero.
 *
 * @example
 * movingAverageReversalCost({ qty: 10, value: 2000 }, 5, 1500) // 1500
 * movingAverageReversalCost({ qty: 5, value: 400 }, 5, 1500) // 400
 */
export function movingAverageReversalCost(bin: BinBalance, qty: number, originalValue: number): number {
  const left = bin.qty - qty;
  if (left === 0) return bin.value;
  if (left < 0) return originalValue;
  return Math.min(Math.max(originalValue, 0), Math.max(bin.value, 0));
}
