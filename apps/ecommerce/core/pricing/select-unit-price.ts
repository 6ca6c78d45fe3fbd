import type { PriceListInput } from './pricing-model.js';

/** The price chosen for a line: the list and the tier it came from. */
export interface SelectedPrice {
  priceListId: string;
  tierMinQuantity: number;
  unitPrice: number;
}

/** What the choice depends on besides the lists. */
export interface PriceContext {
  currency: string;
  /** the customer's groups */
  customerGroupIds?: readonly string[];
  /** epoch milliseconds of the pricing instant */
  atMs: number;
}

function inForce(list: PriceListInput, atMs: number): boolean {
  if (list.validFrom != null && Date.parse(list.validFrom) > atMs) return false;
  if (list.validTo != null && Date.parse(list.validTo) <= atMs) return false;
  return true;
}

/**
 * The unit price of `quantity` units of a variant. Precedence, in this order:
 * 1. only lists in the cart's currency, for everyone or one of the customer's groups, in force at the
 *    instant (`validFrom` ≤ at < `validTo`), with a tier of the variant at most `quantity`;
 * 2. inside a list, the tier with the largest `minQuantity` ≤ quantity;
 * 3. among lists, the highest `priority`; at equal priority the lowest unit price (the customer
 *    gets the better of two equal-ranked lists); then a customer-group list before a general
 *    one; then the list id in code-unit order, so the choice never depends on input order.
 * `undefined` when no list prices the variant.
 *
 * @example
 * selectUnitPrice('v1', 12, lists, { currency: 'EUR', atMs: Date.parse('2026-12-07T12:00:00Z') })
 * // { priceListId: 'retail', tierMinQuantity: 10, unitPrice: 900 }
 */
export function selectUnitPrice(
  variantId: string,
  quantity: number,
  lists: readonly PriceListInput[],
  { currency, customerGroupIds = [], atMs }: PriceContext,
): SelectedPrice | undefined {
  let best: { list: PriceListInput; tier: { minQuantity: number; amount: number } } | undefined;
  for (const list of lists) {
    if (list.currency !== currency || !inForce(list, atMs)) continue;
    if (list.customerGroupId != null && !customerGroupIds.includes(list.customerGroupId)) continue;
    let tier: { minQuantity: number; amount: number } | undefined;
    for (const price of list.prices)
      if (
        price.variantId === variantId &&
        price.minQuantity <= quantity &&
        (!tier || price.minQuantity > tier.minQuantity)
      )
        tier = price;
    if (!tier) continue;
    if (!best || better({ list, tier }, best)) best = { list, tier };
  }
  return (
    best && { priceListId: best.list.id, tierMinQuantity: best.tier.minQuantity, unitPrice: best.tier.amount }
  );
}

type Candidate = { list: PriceListInput; tier: { amount: number } };

function better(a: Candidate, b: Candidate): boolean {
  if (a.list.priority !== b.list.priority) return a.list.priority > b.list.priority;
  if (a.tier.amount !== b.tier.amount) return a.tier.amount < b.tier.amount;
  const aGroup = a.list.customerGroupId != null;
  if (aGroup !== (b.list.customerGroupId != null)) return aGroup;
  return a.list.id < b.list.id;
}
