import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import de from './messages.de.json' with { type: 'json' };
import en from './messages.en.json' with { type: 'json' };
import { priceCart } from './price-cart.js';
import { PricingInputError } from './pricing-input-error.js';
import type { PricedCart, PricingInput, PromotionInput } from './pricing-model.js';

const at = '2026-12-07T12:00:00Z';
const germany = { id: 'de', currency: 'EUR', taxInclusive: true };
const texas = { id: 'us-tx', currency: 'USD', taxInclusive: false };

function cart(fields: Partial<PricingInput> & Pick<PricingInput, 'lines' | 'priceLists'>): PricingInput {
  return {
    currency: 'EUR',
    region: germany,
    at,
    taxRates: [{ id: 'de-19', name: 'Standard', rateBp: 1900 }],
    promotions: [],
    rounding: 'line',
    ...fields,
  };
}

const list = (currency: string, prices: [string, number][]) => ({
  id: `retail-${currency.toLowerCase()}`,
  name: 'Retail',
  currency,
  priority: 0,
  prices: prices.map(([variantId, amount]) => ({ variantId, minQuantity: 1, amount })),
});

const threeLines = [
  { variantId: 'a', productId: 'pa', quantity: 1 },
  { variantId: 'b', productId: 'pb', quantity: 1 },
  { variantId: 'c', productId: 'pc', quantity: 1 },
];

describe('priceCart: worked examples', () => {
  it('exclusive tax, per line vs per order (Texas, 8.25 %)', () => {
    // three lines of 3.33: per line 333 × 0.0825 = 27.4725 → 27, three times: tax 81, total 999 + 81 = 1080
    // per order: 999 × 0.0825 = 82.4175 → 82, spread 82 over 333 : 333 : 333 → 28, 27, 27; total 1081
    const input = cart({
      currency: 'USD',
      region: texas,
      lines: threeLines,
      priceLists: [
        list('USD', [
          ['a', 333],
          ['b', 333],
          ['c', 333],
        ]),
      ],
      taxRates: [{ id: 'tx', name: 'Texas', rateBp: 825 }],
    });
    const perLine = priceCart(input);
    expect(perLine.lines.map((l) => l.tax)).toEqual([27, 27, 27]);
    expect(perLine.totals).toEqual({
      subtotal: 999,
      discount: 0,
      shipping: 0,
      net: 999,
      tax: 81,
      total: 1080,
    });
    const perOrder = priceCart({ ...input, rounding: 'order' });
    expect(perOrder.lines.map((l) => l.tax)).toEqual([28, 27, 27]);
    expect(perOrder.totals).toEqual({
      subtotal: 999,
      discount: 0,
      shipping: 0,
      net: 999,
      tax: 82,
      total: 1081,
    });
  });

  it('inclusive tax, per line vs per order (Germany, 19 %)', () => {
    // three lines of 9.99 gross: per line net = 999 / 1.19 = 839.4958 → 839, tax 160 each: tax 480, net 2517
    // per order: 2997 / 1.19 = 2518.4874 → net 2518, tax 479, spread 160, 160, 159: nets 839, 839, 840
    // the customer pays 29.97 either way; only the tax shown differs
    const input = cart({
      lines: threeLines,
      priceLists: [
        list('EUR', [
          ['a', 999],
          ['b', 999],
          ['c', 999],
        ]),
      ],
    });
    const perLine = priceCart(input);
    expect(perLine.lines.map((l) => [l.net, l.tax, l.total])).toEqual([
      [839, 160, 999],
      [839, 160, 999],
      [839, 160, 999],
    ]);
    expect(perLine.totals).toEqual({
      subtotal: 2997,
      discount: 0,
      shipping: 0,
      net: 2517,
      tax: 480,
      total: 2997,
    });
    const perOrder = priceCart({ ...input, rounding: 'order' });
    expect(perOrder.lines.map((l) => [l.net, l.tax])).toEqual([
      [839, 160],
      [839, 160],
      [840, 159],
    ]);
    expect(perOrder.totals).toEqual({
      subtotal: 2997,
      discount: 0,
      shipping: 0,
      net: 2518,
      tax: 479,
      total: 2997,
    });
  });

  it('quantity tiers and a customer-group list', () => {
    // 12 × v1: the 10+ tier 9.00 → 108.00; the wholesale group's list (priority 10) says 8.50 → 102.00
    const input = cart({
      lines: [{ variantId: 'v1', productId: 'p1', quantity: 12 }],
      priceLists: [
        {
          id: 'retail',
          name: 'Retail',
          currency: 'EUR',
          priority: 0,
          prices: [
            { variantId: 'v1', minQuantity: 1, amount: 1000 },
            { variantId: 'v1', minQuantity: 10, amount: 900 },
          ],
        },
        {
          id: 'b2b',
          name: 'Wholesale',
          currency: 'EUR',
          customerGroupId: 'wholesale',
          priority: 10,
          prices: [{ variantId: 'v1', minQuantity: 1, amount: 850 }],
        },
      ],
    });
    expect(priceCart(input).lines[0]).toMatchObject({
      unitPrice: 900,
      tierMinQuantity: 10,
      priceListId: 'retail',
      subtotal: 10_800,
    });
    expect(priceCart({ ...input, customerGroupIds: ['wholesale'] }).lines[0]).toMatchObject({
      unitPrice: 850,
      priceListId: 'b2b',
      subtotal: 10_200,
    });
  });

  it('stacked promotions with an order discount spread exactly, inclusive tax and shipping', () => {
    // 2 shirts × 50.00 + 1 mug × 20.00 = 120.00, shipping 4.90, all at 19 % inclusive
    // 1. item, automatic: 10 % off shirts: 10000 × 10 % = 1000           → left 9000 | 2000
    // 2. order, code WELCOME5 (priority 5): 500 over 9000 : 2000 (Σ 11000)
    //    500 × 9000 / 11000 = 409.09, 500 × 2000 / 11000 = 90.90: 409 + 90 = 499, the 1 left goes to
    //    the larger remainder (the mug)                                 → 409 | 91, left 8591 | 1909
    // 3. order, automatic when subtotal ≥ 100.00 (priority 0): 10 % of 10500 = 1050
    //    1050 × 8591 / 10500 = 859.1, 1050 × 1909 / 10500 = 190.9 → 859 | 190, the 1 left to the mug → 859 | 191
    // lines: shirts 10000 − 1000 − 409 − 859 = 7732, mug 2000 − 91 − 191 = 1718
    // tax per line: 7732 / 1.19 = 6497.48 → net 6497, tax 1235; 1718 / 1.19 = 1443.70 → net 1444, tax 274
    // shipping 490 / 1.19 = 411.76 → net 412, tax 78
    // totals: subtotal 12000, discount 2550, shipping 490, tax 1235 + 274 + 78 = 1587, total 9450 + 490 = 9940
    const promotions: PromotionInput[] = [
      {
        id: 'shirts10',
        name: 'Shirts −10 %',
        kind: 'percentage',
        target: 'item',
        percentBp: 1000,
        scope: { categoryIds: ['shirts'] },
        priority: 0,
        exclusive: false,
      },
      {
        id: 'welcome',
        name: 'Welcome',
        code: 'welcome5',
        kind: 'fixed',
        target: 'order',
        amount: 500,
        currency: 'EUR',
        priority: 5,
        exclusive: false,
      },
      {
        id: 'big-cart',
        name: 'Big cart',
        kind: 'percentage',
        target: 'order',
        percentBp: 1000,
        condition: { '>=': [{ var: 'subtotal' }, 10_000] },
        priority: 0,
        exclusive: false,
      },
    ];
    const priced = priceCart(
      cart({
        lines: [
          { variantId: 'shirt', productId: 'p-shirt', categoryIds: ['shirts'], quantity: 2 },
          { variantId: 'mug', productId: 'p-mug', categoryIds: ['mugs'], quantity: 1 },
        ],
        priceLists: [
          list('EUR', [
            ['shirt', 5000],
            ['mug', 2000],
          ]),
        ],
        promotions,
        codes: ['WELCOME5'],
        shipping: 490,
      }),
    );
    expect(priced.lines.map((l) => l.discounts)).toEqual([
      [
        { promotionId: 'shirts10', amount: 1000 },
        { promotionId: 'welcome', amount: 409 },
        { promotionId: 'big-cart', amount: 859 },
      ],
      [
        { promotionId: 'welcome', amount: 91 },
        { promotionId: 'big-cart', amount: 191 },
      ],
    ]);
    expect(priced.lines.map((l) => [l.net, l.tax, l.total])).toEqual([
      [6497, 1235, 7732],
      [1444, 274, 1718],
    ]);
    expect(priced.shipping).toMatchObject({ amount: 490, discount: 0, net: 412, tax: 78, total: 490 });
    expect(priced.totals).toEqual({
      subtotal: 12_000,
      discount: 2550,
      shipping: 490,
      net: 8353,
      tax: 1587,
      total: 9940,
    });
    expect(
      priced.discounts.map((d) => [d.promotionId, d.amount, d.explanation.key, d.because[0]?.key]),
    ).toEqual([
      ['shirts10', 1000, 'pricing.applied.item.percentage', 'pricing.because.automatic'],
      ['welcome', 500, 'pricing.applied.order.fixed', 'pricing.because.code'],
      ['big-cart', 1050, 'pricing.applied.order.percentage', 'pricing.because.condition'],
    ]);
    expect(priced.discounts[2]?.because[0]?.params).toEqual({ facts: 'subtotal = 12000' });
    expect(priced.rejected).toEqual([]);
  });

  it('taxes a line at its category rate and shipping at the default rate', () => {
    // book 20.00 at 7 % inclusive: 2000 / 1.07 = 1869.16 → net 1869, tax 131; shipping 3.00 at 19 %: 300 / 1.19 = 252.10 → 252, tax 48
    const priced = priceCart(
      cart({
        lines: [{ variantId: 'book', productId: 'p-book', categoryIds: ['books'], quantity: 1 }],
        priceLists: [list('EUR', [['book', 2000]])],
        taxRates: [
          { id: 'de-19', name: 'Standard', rateBp: 1900 },
          { id: 'de-7', name: 'Reduced', rateBp: 700, categoryIds: ['books'] },
        ],
        shipping: 300,
      }),
    );
    expect(priced.lines[0]).toMatchObject({ taxRateId: 'de-7', taxRateBp: 700, net: 1869, tax: 131 });
    expect(priced.shipping).toMatchObject({ taxRateId: 'de-19', net: 252, tax: 48 });
    expect(priced.totals).toEqual({
      subtotal: 2000,
      discount: 0,
      shipping: 300,
      net: 2121,
      tax: 179,
      total: 2300,
    });
  });
});

describe('priceCart: bad input', () => {
  const good = cart({
    lines: [{ variantId: 'a', productId: 'pa', quantity: 1 }],
    priceLists: [list('EUR', [['a', 100]])],
  });
  const refusal = (input: PricingInput) => {
    try {
      priceCart(input);
    } catch (error) {
      if (error instanceof PricingInputError) return { path: error.path, code: error.code };
      throw error;
    }
    throw new Error('priced what it should refuse');
  };

  it('names the field at fault', () => {
    expect(refusal({ ...good, lines: [{ variantId: 'a', productId: 'pa', quantity: 0 }] })).toEqual({
      path: '/lines/0/quantity',
      code: 'INVALID_INPUT',
    });
    expect(refusal({ ...good, lines: [{ variantId: 'a', productId: 'pa', quantity: 1.5 }] })).toEqual({
      path: '/lines/0/quantity',
      code: 'INVALID_INPUT',
    });
    expect(refusal({ ...good, lines: [{ variantId: 'zz', productId: 'pz', quantity: 1 }] })).toEqual({
      path: '/lines/0/variantId',
      code: 'PRICE_NOT_FOUND',
    });
    expect(refusal({ ...good, currency: 'USD' })).toEqual({ path: '/currency', code: 'INVALID_INPUT' });
    expect(refusal({ ...good, at: 'yesterday' })).toEqual({ path: '/at', code: 'INVALID_INPUT' });
    expect(refusal({ ...good, shipping: -1 })).toEqual({ path: '/shipping', code: 'INVALID_INPUT' });
    expect(refusal({ ...good, taxRates: [{ id: 't', name: 'T', rateBp: 10_001 }] })).toEqual({
      path: '/taxRates/0/rateBp',
      code: 'INVALID_INPUT',
    });
    expect(
      refusal({
        ...good,
        promotions: [
          { id: 'x', name: 'X', kind: 'buy-x-get-y', target: 'order', priority: 0, exclusive: false },
        ],
      }),
    ).toEqual({ path: '/promotions/0/target', code: 'INVALID_INPUT' });
    expect(
      refusal({
        ...good,
        priceLists: [list('EUR', [['a', Number.MAX_SAFE_INTEGER]])],
        lines: [{ variantId: 'a', productId: 'pa', quantity: 2 }],
      }),
    ).toEqual({
      path: '/lines/0',
      code: 'AMOUNT_TOO_LARGE',
    });
  });
});

describe('priceCart: properties', () => {
  const variants = ['a', 'b', 'c', 'd'];
  const promotionArb = fc
    .record({
      id: fc.constantFrom('p1', 'p2', 'p3', 'p4'),
      name: fc.constant('promo'),
      code: fc.option(fc.constantFrom('X', 'Y'), { nil: null }),
      kind: fc.constantFrom('percentage' as const, 'fixed' as const, 'buy-x-get-y' as const),
      target: fc.constantFrom('item' as const, 'order' as const, 'shipping' as const),
      percentBp: fc.integer({ min: 1, max: 10_000 }),
      amount: fc.integer({ min: 1, max: 50_000 }),
      currency: fc.constant('EUR'),
      buyQuantity: fc.integer({ min: 1, max: 3 }),
      getQuantity: fc.integer({ min: 1, max: 3 }),
      scope: fc.option(fc.record({ variantIds: fc.subarray(variants) }), { nil: null }),
      priority: fc.integer({ min: -2, max: 2 }),
      exclusive: fc.boolean(),
      remainingBudget: fc.option(fc.integer({ min: 0, max: 20_000 }), { nil: null }),
    })
    .map((p): PromotionInput => (p.kind === 'buy-x-get-y' ? { ...p, target: 'item' } : p));

  const inputArb = fc.record({
    lines: fc.array(
      fc.record({ variantId: fc.constantFrom(...variants), quantity: fc.integer({ min: 1, max: 20 }) }),
      { minLength: 1, maxLength: 6 },
    ),
    prices: fc.tuple(...variants.map(() => fc.integer({ min: 0, max: 100_000 }))),
    rates: fc.tuple(fc.integer({ min: 0, max: 10_000 }), fc.integer({ min: 0, max: 10_000 })),
    inclusive: fc.boolean(),
    rounding: fc.constantFrom('line' as const, 'order' as const),
    shipping: fc.integer({ min: 0, max: 5_000 }),
    promotions: fc.array(promotionArb, { maxLength: 4 }),
    codes: fc.subarray(['X', 'Y']),
  });

  const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
  const lookup = (catalog: object, key: string): unknown =>
    key
      .split('.')
      .reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], catalog);

  function check(priced: PricedCart, inclusive: boolean): void {
    const { totals } = priced;
    expect(totals.total).toBe(totals.net + totals.tax);
    expect(totals.total).toBe(sum(priced.lines.map((l) => l.total)) + priced.shipping.total);
    expect(totals.tax).toBe(sum(priced.lines.map((l) => l.tax)) + priced.shipping.tax);
    expect(totals.discount).toBe(sum(priced.lines.map((l) => l.discountTotal)));
    expect(totals.discount + priced.shipping.discount).toBe(sum(priced.discounts.map((d) => d.amount)));
    expect(totals.total).toBe(
      totals.subtotal - totals.discount + totals.shipping + (inclusive ? 0 : totals.tax),
    );
    for (const l of [...priced.lines, priced.shipping]) {
      expect(l.net + l.tax).toBe(l.total);
      expect(Math.min(l.net, l.tax, l.total)).toBeGreaterThanOrEqual(0);
    }
    for (const l of priced.lines) {
      expect(l.discountTotal).toBe(sum(l.discounts.map((d) => d.amount)));
      expect(l.discountTotal).toBeLessThanOrEqual(l.subtotal);
    }
    expect(priced.shipping.discount).toBeLessThanOrEqual(priced.shipping.amount);
    const messages = [
      ...priced.discounts.flatMap((d) => [d.explanation, ...d.because]),
      ...priced.rejected.map((r) => r.reason),
    ];
    for (const { key } of messages) {
      expect(typeof lookup(en, key), key).toBe('string');
      expect(typeof lookup(de, key), key).toBe('string');
    }
  }

  it('totals always equal the sum of their parts, and nothing is negative', () => {
    fc.assert(
      fc.property(inputArb, (generated) => {
        const input = cart({
          region: { ...germany, taxInclusive: generated.inclusive },
          lines: generated.lines.map((l) => ({
            ...l,
            productId: `p-${l.variantId}`,
            categoryIds: [l.variantId === 'a' ? 'reduced' : 'other'],
          })),
          priceLists: [
            list(
              'EUR',
              variants.map((v, i) => [v, generated.prices[i] as number]),
            ),
          ],
          taxRates: [
            { id: 'std', name: 'Standard', rateBp: generated.rates[0] },
            { id: 'red', name: 'Reduced', rateBp: generated.rates[1], categoryIds: ['reduced'] },
          ],
          promotions: generated.promotions,
          codes: generated.codes,
          shipping: generated.shipping,
          rounding: generated.rounding,
        });
        check(priceCart(input), generated.inclusive);
      }),
      { numRuns: 300 },
    );
  });
});
