import { DomainError } from '@codexion/framework/errors';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type EcommerceKernel, ecommerceKernel, tenantA, tenantB } from '../ecommerce-kernel.test-helper.js';
import { redeemPromotions, releasePromotions } from './promotion-redemption.js';

let shop: EcommerceKernel;

beforeAll(async () => {
  shop = await ecommerceKernel();
}, 120_000);

afterAll(async () => {
  await shop?.dispose();
});

async function promotion(body: Record<string, unknown>): Promise<string> {
  const answer = await shop.call('createPromotion', 'POST', '/promotions', {
    body: { name: 'Limited', kind: 'percentage', target: 'order', percentBp: 1000, ...body },
  });
  if (answer.status !== 201) throw new Error(`expected 201, got ${answer.status}: ${answer.text}`);
  return String(answer.body.id);
}

/** Runs one redemption in a transaction of its own, as one checkout would. */
function checkout(promotionId: string, amount: number, tenantId = tenantA): Promise<string> {
  return shop.database.database
    .transaction((tx) => redeemPromotions({ tx, tenantId }, [{ promotionId, amount }]), { tenantId })
    .then(
      () => 'redeemed',
      (error: unknown) =>
        error instanceof DomainError ? `${error.status} ${error.code}` : `unexpected ${String(error)}`,
    );
}

async function counters(id: string) {
  const [row] = await shop.rows<{ usage_count: number; budget_used: number; version: number }>(
    sql`select usage_count, budget_used::int as budget_used, version from ecommerce.promotions where id = ${id}`,
  );
  return row;
}

describe('redeemPromotions', () => {
  it('lets exactly as many concurrent checkouts use a promotion as its limit allows', async () => {
    const id = await promotion({ code: 'FIVE', usageLimit: 5 });
    const results = await Promise.all(Array.from({ length: 12 }, () => checkout(id, 100)));
    expect(results.filter((r) => r === 'redeemed')).toHaveLength(5);
    expect(results.filter((r) => r === '409 PROMOTION_UNAVAILABLE')).toHaveLength(7);
    expect(await counters(id)).toMatchObject({ usage_count: 5, budget_used: 500 });
  });

  it('keeps within the budget, and gives back on release', async () => {
    const id = await promotion({ code: 'BUDGET', currency: 'EUR', budget: 1000 });
    const results = await Promise.all(Array.from({ length: 6 }, () => checkout(id, 300)));
    expect(results.filter((r) => r === 'redeemed')).toHaveLength(3);
    expect(await counters(id)).toMatchObject({ usage_count: 3, budget_used: 900 });
    // 900 + 100 = 1000 still fits exactly
    expect(await checkout(id, 100)).toBe('redeemed');
    await shop.database.database.transaction(
      (tx) => releasePromotions({ tx, tenantId: tenantA }, [{ promotionId: id, amount: 300 }]),
      { tenantId: tenantA },
    );
    expect(await counters(id)).toMatchObject({ usage_count: 3, budget_used: 700 });
  });

  it("refuses an inactive promotion and another tenant's", async () => {
    const id = await promotion({ code: 'OFF', active: false });
    expect(await checkout(id, 100)).toBe('409 PROMOTION_UNAVAILABLE');
    const open = await promotion({ code: 'OPEN' });
    expect(await checkout(open, 100, tenantB)).toBe('409 PROMOTION_UNAVAILABLE');
    expect(await counters(open)).toMatchObject({ usage_count: 0, budget_used: 0, version: 1 });
  });
});
