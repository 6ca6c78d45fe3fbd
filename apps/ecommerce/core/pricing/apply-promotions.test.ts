import { describe, expect, it } from 'vitest';
import { applyPromotions, type DiscountableLine } from './apply-promotions.js';
import { cartFacts } from './cart-facts.js';
import type { PromotionInput } from './pricing-model.js';

const at = '2026-12-07T12:00:00.000Z';
const atMs = Date.parse(at);

function line(
  variantId: string,
  quantity: number,
  unitPrice: number,
  categoryIds: string[] = [],
): DiscountableLine {
  return {
    variantId,
    productId: `p-${variantId}`,
    categoryIds,
    collectionIds: [],
    quantity,
    unitPrice: BigInt(unitPrice),
    subtotal: BigInt(unitPrice * quantity),
  };
}

function run(
  promotions: PromotionInput[],
  lines: DiscountableLine[],
  { codes = [] as string[], shipping = 0, currency = 'EUR' } = {},
) {
  const facts = cartFacts(
    { currency, regionId: 'de', customerGroupIds: [], at, shipping, codes },
    lines.map((l) => ({
      ...l,
      categoryIds: [...l.categoryIds],
      collectionIds: [...l.collectionIds],
      unitPrice: Number(l.unitPrice),
      subtotal: Number(l.subtotal),
    })),
  );
  const outcome = applyPromotions(promotions, lines, BigInt(shipping), facts, atMs);
  return {
    ...outcome,
    perLine: outcome.lineDiscounts.map((discounts) => [...discounts.values()].reduce((a, b) => a + b, 0n)),
  };
}

const promotion = (
  fields: Partial<PromotionInput> & Pick<PromotionInput, 'id' | 'kind' | 'target'>,
): PromotionInput => ({
  name: fields.id,
  priority: 0,
  exclusive: false,
  ...fields,
});

describe('applyPromotions', () => {
  it('buy 2 get 1 free discounts the cheapest unit of each complete group', () => {
    // units dearest first: 1200, 800, 800, 800 → one group of 3 (1200, 800, 800), the 4th is left over;
    // the group's cheapest unit is free: 800 off the mug line
    const b2g1 = promotion({
      id: 'b2g1',
      kind: 'buy-x-get-y',
      target: 'item',
      buyQuantity: 2,
      getQuantity: 1,
      scope: { categoryIds: ['mugs'] },
    });
    const result = run(
      [b2g1],
      [line('mug', 3, 800, ['mugs']), line('jug', 1, 1200, ['mugs']), line('shirt', 2, 5000)],
    );
    expect(result.perLine).toEqual([800n, 0n, 0n]);
    expect(result.applied[0]?.explanation).toEqual({
      key: 'pricing.applied.item.buyXGetY',
      params: { name: 'b2g1', buy: 2, get: 1, percent: '100%', units: 1 },
    });
  });

  it('caps a promotion at its remaining budget, spread over the lines by what each would have got', () => {
    // 50 % of 10000 and 6000 = 5000 + 3000 = 8000 > budget 2000: 2000 × 5/8 = 1250, 2000 × 3/8 = 750
    const half = promotion({
      id: 'half',
      kind: 'percentage',
      target: 'item',
      percentBp: 5000,
      currency: 'EUR',
      remainingBudget: 2000,
    });
    const result = run([half], [line('a', 1, 10_000), line('b', 1, 6000)]);
    expect(result.perLine).toEqual([1250n, 750n]);
    expect(result.applied[0]?.because).toEqual([
      { key: 'pricing.because.automatic', params: {} },
      { key: 'pricing.because.budgetCapped', params: { budget: 'EUR 20.00' } },
    ]);
  });

  it('says why a code was rejected', () => {
    const promotions = [
      promotion({
        id: 'old',
        code: 'OLD',
        kind: 'percentage',
        target: 'order',
        percentBp: 1000,
        endsAt: '2026-12-01T00:00:00Z',
      }),
      promotion({
        id: 'later',
        code: 'LATER',
        kind: 'percentage',
        target: 'order',
        percentBp: 1000,
        startsAt: '2027-01-01T00:00:00Z',
      }),
      promotion({
        id: 'used',
        code: 'USED',
        kind: 'percentage',
        target: 'order',
        percentBp: 1000,
        remainingUses: 0,
      }),
      promotion({
        id: 'spent',
        code: 'SPENT',
        kind: 'percentage',
        target: 'order',
        percentBp: 1000,
        remainingBudget: 0,
      }),
      promotion({ id: 'usd', code: 'USD5', kind: 'fixed', target: 'order', amount: 500, currency: 'USD' }),
      promotion({
        id: 'usdBudget',
        code: 'USDBUDGET',
        kind: 'percentage',
        target: 'order',
        percentBp: 1000,
        currency: 'USD',
        remainingBudget: 10_000,
      }),
      promotion({
        id: 'big',
        code: 'BIG',
        kind: 'percentage',
        target: 'order',
        percentBp: 1000,
        condition: { '>=': [{ var: 'subtotal' }, 100_000] },
      }),
      promotion({
        id: 'mugs',
        code: 'MUGS',
        kind: 'percentage',
        target: 'item',
        percentBp: 1000,
        scope: { categoryIds: ['mugs'] },
      }),
    ];
    const result = run(promotions, [line('a', 1, 1000)], {
      codes: ['OLD', 'LATER', 'USED', 'SPENT', 'USD5', 'USDBUDGET', 'BIG', 'MUGS', 'NOPE'],
    });
    expect(result.applied).toEqual([]);
    expect(result.rejected.map((r) => [r.code, r.reason.key])).toEqual([
      ['NOPE', 'pricing.rejected.unknownCode'],
      ['OLD', 'pricing.rejected.ended'],
      ['LATER', 'pricing.rejected.notStarted'],
      ['USED', 'pricing.rejected.usageLimitReached'],
      ['SPENT', 'pricing.rejected.budgetExhausted'],
      ['USD5', 'pricing.rejected.currencyMismatch'],
      ['USDBUDGET', 'pricing.rejected.currencyMismatch'],
      ['BIG', 'pricing.rejected.conditionNotMet'],
      ['MUGS', 'pricing.rejected.nothingToDiscount'],
    ]);
    expect(result.rejected[5]?.reason.params).toEqual({ name: 'usd', currency: 'USD' });
  });

  it('lets an exclusive promotion apply alone when it ranks first, and refuses it otherwise', () => {
    const vip = promotion({
      id: 'vip',
      code: 'VIP',
      kind: 'percentage',
      target: 'order',
      percentBp: 2000,
      exclusive: true,
      priority: 10,
    });
    const auto = promotion({
      id: 'auto',
      name: 'Everyday 5 %',
      kind: 'percentage',
      target: 'order',
      percentBp: 500,
      priority: 1,
    });
    const first = run([vip, auto], [line('a', 1, 10_000)], { codes: ['vip'] });
    expect(first.applied.map((a) => a.promotionId)).toEqual(['vip']);
    expect(first.perLine).toEqual([2000n]);

    const lowVip = { ...vip, priority: 0 };
    const second = run([lowVip, auto], [line('a', 1, 10_000)], { codes: ['VIP'] });
    expect(second.applied.map((a) => a.promotionId)).toEqual(['auto']);
    expect(second.rejected).toEqual([
      {
        code: 'VIP',
        promotionId: 'vip',
        reason: { key: 'pricing.rejected.notCombinable', params: { name: 'vip', other: 'Everyday 5 %' } },
      },
    ]);
  });

  it('explains an automatic promotion by the facts its condition read', () => {
    const bulk = promotion({
      id: 'bulk',
      kind: 'fixed',
      target: 'shipping',
      amount: 490,
      currency: 'EUR',
      condition: { '>=': [{ var: 'itemCount' }, 3] },
    });
    const result = run([bulk], [line('a', 3, 1000)], { shipping: 590 });
    expect(result.shippingDiscount).toBe(490n);
    expect(result.applied[0]).toEqual({
      promotionId: 'bulk',
      code: null,
      target: 'shipping',
      amount: 490,
      explanation: { key: 'pricing.applied.shipping.fixed', params: { name: 'bulk', amount: 'EUR 4.90' } },
      because: [{ key: 'pricing.because.condition', params: { facts: 'itemCount = 3' } }],
    });
  });
});
