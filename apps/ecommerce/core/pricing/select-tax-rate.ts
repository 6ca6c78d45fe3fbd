import type { TaxRateInput } from './pricing-model.js';

/**
 * The tax rate of a line: a rate naming one of the line's categories wins over the region's
 * default rate (one without categories); among several, the lowest rate in basis points (a
 * reduced rate is the one a law grants to a category), then the id in code-unit order. No
 * matching rate and no default: `undefined`, which the engine prices at 0 %.
 *
 * @example
 * selectTaxRate(['books'], [{ id: 'std', name: 'Standard', rateBp: 1900 }, { id: 'red', name: 'Reduced', rateBp: 700, categoryIds: ['books'] }])
 * // the reduced rate
 */
export function selectTaxRate(
  categoryIds: readonly string[],
  rates: readonly TaxRateInput[],
): TaxRateInput | undefined {
  const byCategory = rates.filter((rate) => rate.categoryIds?.some((id) => categoryIds.includes(id)));
  const candidates = byCategory.length > 0 ? byCategory : rates.filter((rate) => !rate.categoryIds?.length);
  return [...candidates].sort((a, b) => a.rateBp - b.rateBp || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))[0];
}
