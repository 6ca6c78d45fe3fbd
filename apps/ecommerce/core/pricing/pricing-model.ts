/**
 * The shapes the pricing engine (`priceCart`) takes and gives. Amounts are integer minor units of
 * the cart's currency (`currencyDigits`); rates and percentages are basis points (1 % = 100 bp).
 * Every amount of a cart is in the region's convention: gross (tax included) in a tax-inclusive
 * region, net in a tax-exclusive one.
 */

/** A JSON Logic expression, stored as data (a promotion's condition). */
export type JsonLogicExpression =
  | boolean
  | number
  | string
  | null
  | JsonLogicExpression[]
  | { [key: string]: JsonLogicExpression };

/** One line of the cart, as the catalog describes its variant. */
export interface CartLineInput {
  variantId: string;
  productId: string;
  categoryIds?: readonly string[];
  collectionIds?: readonly string[];
  /** whole units, 1 to 100,000 */
  quantity: number;
}

/** One price of a price list: the unit amount of a variant from `minQuantity` units on (a quantity tier). */
export interface PriceTierInput {
  variantId: string;
  /** the tier starts at this many units of the line; 1 for the base price */
  minQuantity: number;
  /** unit amount in minor units, in the region's convention */
  amount: number;
}

/** A price list: prices in one currency, for everyone or one customer group, between two instants. */
export interface PriceListInput {
  id: string;
  name: string;
  currency: string;
  /** `null`/absent: for every customer */
  customerGroupId?: string | null;
  /** ISO 8601 instant from which the list applies (inclusive); absent: always */
  validFrom?: string | null;
  /** ISO 8601 instant until which the list applies (exclusive); absent: forever */
  validTo?: string | null;
  /** the higher, the earlier it is chosen */
  priority: number;
  prices: readonly PriceTierInput[];
}

/** The region the cart ships to: its currency and whether its prices include tax. */
export interface RegionInput {
  id: string;
  currency: string;
  taxInclusive: boolean;
}

/** A tax rate of the region. Without categories it is the region's default rate. */
export interface TaxRateInput {
  id: string;
  name: string;
  /** 0 to 10,000 (0 % to 100 %) */
  rateBp: number;
  /** the rate applies to lines in one of these categories; empty/absent: the default rate */
  categoryIds?: readonly string[];
}

export type PromotionKind = 'percentage' | 'fixed' | 'buy-x-get-y';
export type PromotionTarget = 'item' | 'order' | 'shipping';

/** Which lines an item promotion (and a buy-X-get-Y) looks at; every list empty/absent: all lines. */
export interface PromotionScope {
  variantIds?: readonly string[];
  productIds?: readonly string[];
  categoryIds?: readonly string[];
  collectionIds?: readonly string[];
}

/** A promotion as the engine needs it; usage counts come from the checkout, which enforces them atomically. */
export interface PromotionInput {
  id: string;
  name: string;
  /** the code a customer enters; `null`/absent: applied automatically when its condition holds */
  code?: string | null;
  kind: PromotionKind;
  /** `buy-x-get-y` targets items */
  target: PromotionTarget;
  /** percentage and buy-X-get-Y: 1 to 10,000 bp (10,000: free) */
  percentBp?: number | null;
  /** fixed: minor units off (each unit for items, once for order or shipping) */
  amount?: number | null;
  /** fixed: the currency of `amount`; the promotion does not apply to a cart in another currency */
  currency?: string | null;
  /** buy-X-get-Y: units to buy and units that get `percentBp` off, per group of X + Y units */
  buyQuantity?: number | null;
  getQuantity?: number | null;
  scope?: PromotionScope | null;
  /** JSON Logic over the cart facts (`cartFacts`); absent: always */
  condition?: JsonLogicExpression | null;
  /** stacking order inside a target: the higher, the earlier */
  priority: number;
  /** does not combine with any other promotion */
  exclusive: boolean;
  startsAt?: string | null;
  endsAt?: string | null;
  /** uses left under the usage limit; `null`/absent: unlimited */
  remainingUses?: number | null;
  /** minor units left in the budget; `null`/absent: unlimited */
  remainingBudget?: number | null;
}

/** Round tax per line (each line's tax rounded, then summed) or per order (per rate over the order, then spread over the lines). */
export type TaxRounding = 'line' | 'order';

/** Everything `priceCart` needs; the engine reads nothing else. */
export interface PricingInput {
  lines: readonly CartLineInput[];
  currency: string;
  region: RegionInput;
  /** the customer's groups (a customer may be in several); empty/absent: an anonymous or ungrouped customer */
  customerGroupIds?: readonly string[];
  /** the instant prices, promotions and validity are evaluated at (ISO 8601) */
  at: string;
  priceLists: readonly PriceListInput[];
  /** the region's tax rates */
  taxRates: readonly TaxRateInput[];
  promotions: readonly PromotionInput[];
  /** promotion codes the customer entered */
  codes?: readonly string[];
  /** the shipping method's amount, in the region's convention; 0/absent: none */
  shipping?: number;
  rounding: TaxRounding;
}

/** A translatable message: a key of the pricing catalogs (en, de) and its parameters. */
export interface PricingMessage {
  key: string;
  params: Record<string, string | number>;
}

/** What one promotion took off one line. */
export interface LineDiscount {
  promotionId: string;
  amount: number;
}

export interface PricedLine {
  index: number;
  variantId: string;
  quantity: number;
  unitPrice: number;
  priceListId: string;
  /** the `minQuantity` of the tier that priced the line */
  tierMinQuantity: number;
  /** unitPrice × quantity */
  subtotal: number;
  discounts: LineDiscount[];
  discountTotal: number;
  taxRateId: string | null;
  taxRateBp: number;
  /** net + tax = total */
  net: number;
  tax: number;
  /** subtotal − discountTotal, plus tax in a tax-exclusive region */
  total: number;
}

export interface PricedShipping {
  amount: number;
  discount: number;
  taxRateId: string | null;
  taxRateBp: number;
  net: number;
  tax: number;
  total: number;
}

/** A promotion that applied: how much and why, in words. */
export interface AppliedDiscount {
  promotionId: string;
  code: string | null;
  target: PromotionTarget;
  amount: number;
  explanation: PricingMessage;
  /** why it applied (the code entered, the condition held, the budget capped it) */
  because: PricingMessage[];
}

/** A promotion (or an entered code) that did not apply, and why. */
export interface RejectedPromotion {
  code: string | null;
  promotionId: string | null;
  reason: PricingMessage;
}

export interface PricedCart {
  currency: string;
  regionId: string;
  taxInclusive: boolean;
  rounding: TaxRounding;
  lines: PricedLine[];
  shipping: PricedShipping;
  discounts: AppliedDiscount[];
  rejected: RejectedPromotion[];
  totals: {
    /** Σ line subtotals */
    subtotal: number;
    /** Σ line discounts (item and order promotions) */
    discount: number;
    /** shipping after its discounts */
    shipping: number;
    net: number;
    tax: number;
    /** what the customer pays: net + tax */
    total: number;
  };
}
