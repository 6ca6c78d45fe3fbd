/** One line as a promotion's condition sees it. */
export interface CartLineFacts {
  variantId: string;
  productId: string;
  categoryIds: string[];
  collectionIds: string[];
  quantity: number;
  unitPrice: number;
  subtotal: number;
}

/**
 * The data a promotion's JSON Logic condition reads (`{ "var": "subtotal" }`), computed before
 * any discount. Amounts in minor units, in the region's convention.
 */
export interface CartFacts {
  currency: string;
  regionId: string;
  customerGroupIds: string[];
  /** the pricing instant, ISO 8601, and its date (`YYYY-MM-DD`, UTC) */
  at: string;
  date: string;
  subtotal: number;
  /** Σ quantities */
  itemCount: number;
  lineCount: number;
  shipping: number;
  variantIds: string[];
  productIds: string[];
  categoryIds: string[];
  collectionIds: string[];
  /** the codes entered, upper case */
  codes: string[];
  lines: CartLineFacts[];
}

/** Facts without the ones derived from the lines. */
export type CartFactsBase = Pick<
  CartFacts,
  'currency' | 'regionId' | 'customerGroupIds' | 'at' | 'shipping' | 'codes'
>;

const unique = (values: readonly string[]): string[] => [...new Set(values)].sort();

/**
 * The cart facts a condition is evaluated against: the base facts plus totals and the unique
 * ids of what is in the cart.
 *
 * @example
 * cartFacts(base, [{ variantId: 'v', productId: 'p', categoryIds: [], collectionIds: [], quantity: 2, unitPrice: 500, subtotal: 1000 }])
 * // { …base, subtotal: 1000, itemCount: 2, lineCount: 1, productIds: ['p'], … }
 */
export function cartFacts(base: CartFactsBase, lines: readonly CartLineFacts[]): CartFacts {
  return {
    ...base,
    date: base.at.slice(0, 10),
    subtotal: lines.reduce((sum, line) => sum + line.subtotal, 0),
    itemCount: lines.reduce((sum, line) => sum + line.quantity, 0),
    lineCount: lines.length,
    variantIds: unique(lines.map((line) => line.variantId)),
    productIds: unique(lines.map((line) => line.productId)),
    categoryIds: unique(lines.flatMap((line) => line.categoryIds)),
    collectionIds: unique(lines.flatMap((line) => line.collectionIds)),
    lines: lines.map((line) => ({ ...line })),
  };
}
