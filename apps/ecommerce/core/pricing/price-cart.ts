import { allocateProportionally } from './allocate-proportionally.js';
import { applyPromotions, type DiscountableLine } from './apply-promotions.js';
import { cartFacts } from './cart-facts.js';
import { PricingInputError } from './pricing-input-error.js';
import type { PricedCart, PricedLine, PricingInput, TaxRateInput } from './pricing-model.js';
import { selectTaxRate } from './select-tax-rate.js';
import { type SelectedPrice, selectUnitPrice } from './select-unit-price.js';
import { splitTax, type TaxSplit } from './split-tax.js';

const maxAmount = BigInt(Number.MAX_SAFE_INTEGER);
const maxQuantity = 100_000;

function whole(value: unknown, path: string, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < min || value > max)
    throw new PricingInputError(
      path,
      `${path}: ${String(value)} is not a whole number from ${min} to ${max}`,
    );
  return value;
}

function instant(value: string, path: string): number {
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) throw new PricingInputError(path, `${path}: "${value}" is not an ISO 8601 date-time`);
  return ms;
}

function safe(value: bigint, path: string, what: string): number {
  if (value > maxAmount)
    throw new PricingInputError(
      path,
      `${what} is ${value}, above ${Number.MAX_SAFE_INTEGER}`,
      'AMOUNT_TOO_LARGE',
    );
  return Number(value);
}

/** Checks what the schemas cannot: the numbers the arithmetic relies on. */
function checkInput(input: PricingInput): number {
  if (input.region.currency !== input.currency)
    throw new PricingInputError(
      '/currency',
      `the cart is in ${input.currency} but region ${input.region.id} sells in ${input.region.currency}`,
    );
  input.lines.forEach((line, i) => {
    whole(line.quantity, `/lines/${i}/quantity`, 1, maxQuantity);
  });
  whole(input.shipping ?? 0, '/shipping', 0, Number.MAX_SAFE_INTEGER);
  input.taxRates.forEach((rate, i) => {
    whole(rate.rateBp, `/taxRates/${i}/rateBp`, 0, 10_000);
  });
  input.priceLists.forEach((list, l) => {
    list.prices.forEach((price, p) => {
      whole(price.amount, `/priceLists/${l}/prices/${p}/amount`, 0, Number.MAX_SAFE_INTEGER);
      whole(price.minQuantity, `/priceLists/${l}/prices/${p}/minQuantity`, 1, maxQuantity);
    });
  });
  input.promotions.forEach((promotion, i) => {
    const path = `/promotions/${i}`;
    if (promotion.kind !== 'fixed') whole(promotion.percentBp ?? 10_000, `${path}/percentBp`, 1, 10_000);
    if (promotion.kind === 'fixed') whole(promotion.amount, `${path}/amount`, 1, Number.MAX_SAFE_INTEGER);
    if (promotion.kind === 'buy-x-get-y') {
      if (promotion.target !== 'item')
        throw new PricingInputError(`${path}/target`, `${path}: a buy-X-get-Y promotion targets items`);
      whole(promotion.buyQuantity ?? 1, `${path}/buyQuantity`, 1, maxQuantity);
      whole(promotion.getQuantity ?? 1, `${path}/getQuantity`, 1, maxQuantity);
    }
  });
  return instant(input.at, '/at');
}

/**
 * Prices a cart, exactly, in integer minor units: the one computation the back office, the
 * storefront and the checkout share. Pure: it reads only its input.
 *
 * 1. Each line's unit price from the price lists (`selectUnitPrice`: currency, customer group,
 *    dates, priority, quantity tiers); subtotal = unit price × quantity.
 * 2. Promotions (`applyPromotions`): item, then order, then shipping discounts, each line's
 *    share exact, each with its explanation; rejected codes with their reason.
 * 3. Tax on what is left of each line (and of shipping, at the region's default rate), at the
 *    line's rate (`selectTaxRate`), in the region's convention (`splitTax`: an inclusive price
 *    is split, an exclusive one gets tax added), rounded half up:
 *    - `rounding: 'line'`: per line, then summed;
 *    - `rounding: 'order'`: per rate over the whole order (lines and shipping at that rate),
 *      rounded once, then spread over those lines in proportion to their amounts, so each line
 *      still has net + tax = total and the lines add up to the order.
 * The order's subtotal, discount, shipping, net, tax and total are sums of the lines' and the
 * shipping's parts; total = net + tax always.
 *
 * @throws PricingInputError with the path of the input at fault: a bad number, a date that is
 *   not one, a currency that is not the region's, a variant no price list prices
 *   (`PRICE_NOT_FOUND` at `/lines/<i>/variantId`), an amount past `Number.MAX_SAFE_INTEGER`
 * @example
 * priceCart({ lines: [{ variantId: 'v', productId: 'p', quantity: 2 }], currency: 'EUR',
 *   region: { id: 'de', currency: 'EUR', taxInclusive: true }, at: '2026-12-07T12:00:00Z',
 *   priceLists: [{ id: 'retail', name: 'Retail', currency: 'EUR', priority: 0, prices: [{ variantId: 'v', minQuantity: 1, amount: 1190 }] }],
 *   taxRates: [{ id: 'std', name: 'Standard', rateBp: 1900 }], promotions: [], rounding: 'line' }).totals
 * // { subtotal: 2380, discount: 0, shipping: 0, net: 2000, tax: 380, total: 2380 }
 */
export function priceCart(input: PricingInput): PricedCart {
  const atMs = checkInput(input);
  const inclusive = input.region.taxInclusive;
  const context = { currency: input.currency, customerGroupIds: input.customerGroupIds ?? [], atMs };
  const discountable: (DiscountableLine & { price: SelectedPrice })[] = input.lines.map((line, i) => {
    const price = selectUnitPrice(line.variantId, line.quantity, input.priceLists, context);
    if (!price)
      throw new PricingInputError(
        `/lines/${i}/variantId`,
        `line ${i}: no price list in ${input.currency} prices variant ${line.variantId} for this customer at ${input.at}`,
        'PRICE_NOT_FOUND',
      );
    const unitPrice = BigInt(price.unitPrice);
    return {
      variantId: line.variantId,
      productId: line.productId,
      categoryIds: line.categoryIds ?? [],
      collectionIds: line.collectionIds ?? [],
      quantity: line.quantity,
      unitPrice,
      subtotal: unitPrice * BigInt(line.quantity),
      price,
    };
  });
  const shipping = BigInt(input.shipping ?? 0);
  const facts = cartFacts(
    {
      currency: input.currency,
      regionId: input.region.id,
      customerGroupIds: [...(input.customerGroupIds ?? [])],
      at: new Date(atMs).toISOString(),
      shipping: Number(shipping),
      codes: [...new Set((input.codes ?? []).map((code) => code.trim().toUpperCase()).filter(Boolean))],
    },
    discountable.map((line, i) => ({
      variantId: line.variantId,
      productId: line.productId,
      categoryIds: [...line.categoryIds],
      collectionIds: [...line.collectionIds],
      quantity: line.quantity,
      unitPrice: safe(line.unitPrice, `/lines/${i}`, `line ${i}: the unit price`),
      subtotal: safe(line.subtotal, `/lines/${i}`, `line ${i}: unit price × quantity`),
    })),
  );
  const outcome = applyPromotions(input.promotions, discountable, shipping, facts, atMs);

  // what is taxed: each line after its discounts, then shipping after its discounts (last)
  const defaultRate = selectTaxRate([], input.taxRates);
  const taxed = [
    ...discountable.map((line, i) => ({
      amount: line.subtotal - sumOf(outcome.lineDiscounts[i] as Map<string, bigint>),
      rate: selectTaxRate(line.categoryIds, input.taxRates),
    })),
    { amount: shipping - outcome.shippingDiscount, rate: defaultRate },
  ];
  const splits =
    input.rounding === 'order' ? splitPerOrder(taxed, inclusive) : taxed.map((t) => split(t, inclusive));

  const lines: PricedLine[] = discountable.map((line, i) => {
    const discounts = outcome.lineDiscounts[i] as Map<string, bigint>;
    const parts = splits[i] as TaxSplit;
    const rate = (taxed[i] as { rate?: TaxRateInput }).rate;
    const path = `/lines/${i}`;
    return {
      index: i,
      variantId: line.variantId,
      quantity: line.quantity,
      unitPrice: Number(line.unitPrice),
      priceListId: line.price.priceListId,
      tierMinQuantity: line.price.tierMinQuantity,
      subtotal: Number(line.subtotal),
      discounts: [...discounts].map(([promotionId, amount]) => ({ promotionId, amount: Number(amount) })),
      discountTotal: Number(sumOf(discounts)),
      taxRateId: rate?.id ?? null,
      taxRateBp: rate?.rateBp ?? 0,
      net: safe(parts.net, path, `line ${i}: the net`),
      tax: safe(parts.tax, path, `line ${i}: the tax`),
      total: safe(parts.gross, path, `line ${i}: the total`),
    };
  });
  const shippingSplit = splits[splits.length - 1] as TaxSplit;
  const sum = (pick: (line: PricedLine) => number, extra: bigint, what: string): number =>
    safe(
      lines.reduce((total, line) => total + BigInt(pick(line)), 0n) + extra,
      '/lines',
      `the cart's ${what}`,
    );
  return {
    currency: input.currency,
    regionId: input.region.id,
    taxInclusive: inclusive,
    rounding: input.rounding,
    lines,
    shipping: {
      amount: Number(shipping),
      discount: Number(outcome.shippingDiscount),
      taxRateId: defaultRate?.id ?? null,
      taxRateBp: defaultRate?.rateBp ?? 0,
      net: safe(shippingSplit.net, '/shipping', 'the shipping net'),
      tax: safe(shippingSplit.tax, '/shipping', 'the shipping tax'),
      total: safe(shippingSplit.gross, '/shipping', 'the shipping total'),
    },
    discounts: outcome.applied,
    rejected: outcome.rejected,
    totals: {
      subtotal: sum((line) => line.subtotal, 0n, 'subtotal'),
      discount: sum((line) => line.discountTotal, 0n, 'discount'),
      shipping: Number(shipping - outcome.shippingDiscount),
      net: sum((line) => line.net, shippingSplit.net, 'net'),
      tax: sum((line) => line.tax, shippingSplit.tax, 'tax'),
      total: sum((line) => line.total, shippingSplit.gross, 'total'),
    },
  };
}

interface Taxed {
  amount: bigint;
  rate: TaxRateInput | undefined;
}

function sumOf(discounts: Map<string, bigint>): bigint {
  let total = 0n;
  for (const amount of discounts.values()) total += amount;
  return total;
}

function split({ amount, rate }: Taxed, inclusive: boolean): TaxSplit {
  return splitTax(amount, rate?.rateBp ?? 0, inclusive);
}

/** Tax rounded once per rate over the order, then spread over that rate's amounts by size. */
function splitPerOrder(taxed: readonly Taxed[], inclusive: boolean): TaxSplit[] {
  const result: TaxSplit[] = taxed.map((t) => ({ net: t.amount, tax: 0n, gross: t.amount }));
  const groups = new Map<string, number[]>();
  taxed.forEach((t, i) => {
    const key = t.rate ? `${t.rate.id}` : '';
    groups.set(key, [...(groups.get(key) ?? []), i]);
  });
  for (const members of groups.values()) {
    const first = taxed[members[0] as number] as Taxed;
    const amounts = members.map((i) => (taxed[i] as Taxed).amount);
    const whole = split({ amount: amounts.reduce((a, b) => a + b, 0n), rate: first.rate }, inclusive);
    const taxes = allocateProportionally(whole.tax, amounts);
    members.forEach((i, k) => {
      const amount = amounts[k] as bigint;
      const tax = taxes[k] as bigint;
      result[i] = inclusive
        ? { net: amount - tax, tax, gross: amount }
        : { net: amount, tax, gross: amount + tax };
    });
  }
  return result;
}
