import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Answer,
  type EcommerceKernel,
  ecommerceKernel,
  refusal,
} from '../ecommerce-kernel.test-helper.js';

let shop: EcommerceKernel;
const ids: Record<string, string> = {};

async function create(operationId: string, path: string, body: Record<string, unknown>): Promise<string> {
  const answer = await shop.call(operationId, 'POST', path, { body });
  expect(answer.contract).toEqual([]);
  if (answer.status !== 201)
    throw new Error(`${operationId}: expected 201, got ${answer.status}: ${answer.text}`);
  return String(answer.body.id);
}

// one shop for the file: Media › Books at 7 % in Germany (19 % otherwise), a shirt with a
// quantity tier and a wholesale price, a novel, and three promotions
beforeAll(async () => {
  shop = await ecommerceKernel();
  ids.wholesale = await create('createCustomerGroup', '/customer-groups', { name: 'Wholesale' });
  ids.trader = await create('createCustomer', '/customers', {
    email: 'trader@example.com',
    groupIds: [ids.wholesale],
  });
  ids.media = await create('createCategory', '/categories', { name: 'Media' });
  ids.books = await create('createCategory', '/categories', { name: 'Books', parentId: ids.media });
  ids.shirtProduct = await create('createProduct', '/products', { title: 'Linen shirt' });
  ids.novelProduct = await create('createProduct', '/products', { title: 'Novel', categoryIds: [ids.books] });
  ids.shirt = await create('createVariant', '/variants', { productId: ids.shirtProduct, sku: 'SHIRT-1' });
  ids.novel = await create('createVariant', '/variants', { productId: ids.novelProduct, sku: 'NOVEL-1' });
  const scarf = await create('createProduct', '/products', { title: 'Scarf' });
  ids.unpriced = await create('createVariant', '/variants', { productId: scarf, sku: 'SCARF-1' });
  ids.germany = await create('createRegion', '/regions', {
    name: 'Germany',
    currency: 'EUR',
    countries: ['DE'],
  });
  ids.texas = await create('createRegion', '/regions', {
    name: 'Texas',
    currency: 'USD',
    taxInclusive: false,
    taxRounding: 'order',
  });
  await create('createTaxRate', '/tax-rates', { regionId: ids.germany, name: 'Standard', rateBp: 1900 });
  ids.reduced = await create('createTaxRate', '/tax-rates', {
    regionId: ids.germany,
    name: 'Reduced',
    rateBp: 700,
    categoryIds: [ids.media],
  });
  await create('createTaxRate', '/tax-rates', { regionId: ids.texas, name: 'Texas', rateBp: 825 });
  ids.retail = await create('createPriceList', '/price-lists', { name: 'Retail EUR', currency: 'EUR' });
  ids.trade = await create('createPriceList', '/price-lists', {
    name: 'Wholesale EUR',
    currency: 'EUR',
    customerGroupId: ids.wholesale,
    priority: 10,
  });
  ids.retailUsd = await create('createPriceList', '/price-lists', { name: 'Retail USD', currency: 'USD' });
  for (const [priceListId, variantId, minQuantity, amount] of [
    [ids.retail, ids.shirt, 1, 2500],
    [ids.retail, ids.shirt, 10, 2250],
    [ids.retail, ids.novel, 1, 1200],
    [ids.trade, ids.shirt, 1, 2000],
    [ids.retailUsd, ids.shirt, 1, 2999],
  ] as const)
    await create('createPrice', '/prices', { priceListId, variantId, minQuantity, amount });
  ids.bigCart = await create('createPromotion', '/promotions', {
    name: 'Big cart',
    kind: 'percentage',
    target: 'order',
    percentBp: 1000,
    condition: { '>=': [{ var: 'subtotal' }, 10_000] },
  });
  ids.freeShip = await create('createPromotion', '/promotions', {
    name: 'Free shipping',
    code: 'FREESHIP',
    kind: 'percentage',
    target: 'shipping',
    percentBp: 10_000,
  });
  await create('createPromotion', '/promotions', {
    name: 'Summer',
    code: 'SUMMER',
    kind: 'percentage',
    target: 'order',
    percentBp: 2000,
    startsAt: '2026-06-01T00:00:00Z',
    endsAt: '2026-09-01T00:00:00Z',
  });
}, 180_000);

afterAll(async () => {
  await shop?.dispose();
});

function priceCart(body: Record<string, unknown>): Promise<Answer> {
  return shop.call('priceCart', 'POST', '/price-cart', { body: { at: '2026-12-07T12:00:00Z', ...body } });
}

function priced(answer: Answer): Record<string, unknown> {
  expect(answer.contract).toEqual([]);
  if (answer.status !== 200) throw new Error(`expected 200, got ${answer.status}: ${answer.text}`);
  return answer.body;
}

describe('POST /price-cart', () => {
  it('prices a German cart: tax included, a reduced rate by parent category, stacked promotions', async () => {
    // 4 shirts × 25.00 = 100.00 and a novel 12.00: subtotal 11200 ≥ 10000, so "Big cart" 10 % = 1120,
    // spread 1120 × 10000 / 11200 = 1000 and 1120 × 1200 / 11200 = 120 → shirts 9000, novel 1080
    // FREESHIP takes the 4.90 shipping. Tax (inclusive, per line, half up):
    // shirts 9000 / 1.19 = 7563.03 → net 7563, tax 1437; novel (Books under Media: 7 %) 1080 / 1.07 = 1009.35 → 1009, tax 71
    const cart = priced(
      await priceCart({
        regionId: ids.germany,
        lines: [
          { variantId: ids.shirt, quantity: 4 },
          { variantId: ids.novel, quantity: 1 },
        ],
        shipping: 490,
        codes: ['freeship', 'SUMMER', 'NOPE'],
      }),
    );
    expect(cart).toMatchObject({
      currency: 'EUR',
      taxInclusive: true,
      rounding: 'line',
      at: '2026-12-07T12:00:00Z',
    });
    expect(
      (cart.lines as Record<string, unknown>[]).map((l) => [
        l.unitPrice,
        l.discountTotal,
        l.taxRateId,
        l.net,
        l.tax,
        l.total,
      ]),
    ).toEqual([
      [2500, 1000, expect.any(String), 7563, 1437, 9000],
      [1200, 120, ids.reduced, 1009, 71, 1080],
    ]);
    expect(cart.totals).toEqual({
      subtotal: 11_200,
      discount: 1120,
      shipping: 0,
      net: 8572,
      tax: 1508,
      total: 10_080,
    });
    expect(
      (cart.discounts as Record<string, unknown>[]).map((d) => [
        d.promotionId,
        d.amount,
        (d.explanation as { key: string }).key,
      ]),
    ).toEqual([
      [ids.bigCart, 1120, 'pricing.applied.order.percentage'],
      [ids.freeShip, 490, 'pricing.applied.shipping.percentage'],
    ]);
    expect(
      (cart.rejected as Record<string, unknown>[]).map((r) => [r.code, (r.reason as { key: string }).key]),
    ).toEqual([
      ['NOPE', 'pricing.rejected.unknownCode'],
      ['SUMMER', 'pricing.rejected.ended'],
    ]);
  });

  it("prices at the customer's group list, with a quantity tier for everyone else", async () => {
    const trader = priced(
      await priceCart({
        regionId: ids.germany,
        customerId: ids.trader,
        lines: [{ variantId: ids.shirt, quantity: 12 }],
      }),
    );
    expect((trader.lines as Record<string, unknown>[])[0]).toMatchObject({
      priceListId: ids.trade,
      unitPrice: 2000,
      subtotal: 24_000,
    });
    const anyone = priced(
      await priceCart({ regionId: ids.germany, lines: [{ variantId: ids.shirt, quantity: 12 }] }),
    );
    expect((anyone.lines as Record<string, unknown>[])[0]).toMatchObject({
      priceListId: ids.retail,
      unitPrice: 2250,
      tierMinQuantity: 10,
    });
  });

  it('adds tax in a tax-exclusive region', async () => {
    // 3 × 29.99 = 89.97 net; 8997 × 8.25 % = 742.25 → 742; total 97.39
    const cart = priced(
      await priceCart({ regionId: ids.texas, lines: [{ variantId: ids.shirt, quantity: 3 }] }),
    );
    expect(cart).toMatchObject({ currency: 'USD', taxInclusive: false, rounding: 'order' });
    expect(cart.totals).toEqual({
      subtotal: 8997,
      discount: 0,
      shipping: 0,
      net: 8997,
      tax: 742,
      total: 9739,
    });
  });

  it('refuses bad input with the field at fault', async () => {
    const line = { variantId: ids.shirt, quantity: 1 };
    expect(refusal(await priceCart({ regionId: ids.shirt, lines: [line] }))).toEqual([
      '422',
      '/body/regionId reference',
    ]);
    expect(
      refusal(
        await priceCart({ regionId: ids.germany, lines: [line, { variantId: ids.germany, quantity: 1 }] }),
      ),
    ).toEqual(['422', '/body/lines/1/variantId reference']);
    expect(
      refusal(await priceCart({ regionId: ids.germany, lines: [{ variantId: ids.unpriced, quantity: 1 }] })),
    ).toEqual(['422', '/body/lines/0/variantId PRICE_NOT_FOUND']);
    expect(refusal(await priceCart({ regionId: ids.germany, currency: 'USD', lines: [line] }))).toEqual([
      '422',
      '/body/currency INVALID_INPUT',
    ]);
    expect(refusal(await priceCart({ regionId: ids.germany, customerId: ids.shirt, lines: [line] }))).toEqual(
      ['422', '/body/customerId reference'],
    );
    const zero = refusal(
      await priceCart({ regionId: ids.germany, lines: [{ variantId: ids.shirt, quantity: 0 }] }),
    );
    expect(zero[0]).toBe('422');
    expect(zero.slice(1).some((issue) => issue.startsWith('/body/lines/0/quantity'))).toBe(true);
    expect(refusal(await priceCart({ regionId: ids.germany, lines: [] }))[0]).toBe('422');
  });
});
