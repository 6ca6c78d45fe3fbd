import type { ActionContext } from '@codexion/framework/plugins';
import { and, eq, isNull, lt, lte, or, sql } from 'drizzle-orm';
import { promotions } from '../../core/generated/tables.js';
import type { AppliedDiscount } from '../../core/pricing/pricing-model.js';
import { ecommerce } from '../ecommerce.js';

type Writer = Pick<ActionContext, 'tx' | 'tenantId'>;
type Redemption = Pick<AppliedDiscount, 'promotionId' | 'amount'>;

/**
 * Counts the use of each applied promotion of an order, in the order's transaction: one
 * conditional UPDATE per promotion that adds one use and the discount to `budgetUsed` only while
 * the promotion is active, under its usage limit and within its budget. Concurrent checkouts
 * queue on the row, so the limit and the budget hold however many race for the last use; the one
 * that finds none left gets 409 `PROMOTION_UNAVAILABLE` and its transaction (the checkout) rolls
 * back. The version moves, so an admin's stale edit of the promotion gets 412.
 *
 * @example
 * const priced = priceCart(await loadPricingInput(ctx, body));
 * await redeemPromotions(ctx, priced.discounts); // a step of the checkout; releasePromotions undoes it
 */
export async function redeemPromotions(ctx: Writer, discounts: readonly Redemption[]): Promise<void> {
  for (const { promotionId, amount } of discounts) {
    const rows = await ctx.tx
      .update(promotions)
      .set({
        usageCount: sql`${promotions.usageCount} + 1`,
        budgetUsed: sql`${promotions.budgetUsed} + ${amount}`,
        version: sql`${promotions.version} + 1`,
        updatedAt: sql`now()`,
      })
      .where(
        and(
          eq(promotions.tenantId, ctx.tenantId),
          eq(promotions.id, promotionId),
          eq(promotions.active, true),
          or(isNull(promotions.usageLimit), lt(promotions.usageCount, promotions.usageLimit)),
          or(isNull(promotions.budget), lte(sql`${promotions.budgetUsed} + ${amount}`, promotions.budget)),
        ),
      )
      .returning({ id: promotions.id });
    if (rows.length === 0)
      throw ecommerce.error(
        'PROMOTION_UNAVAILABLE',
        `Promotion ${promotionId} has no use or budget left for ${amount} (or is no longer active): price the cart again`,
      );
  }
}

/**
 * Gives back what `redeemPromotions` counted (a checkout's compensation, an order cancelled
 * before it shipped): one use and the discount per promotion, never below zero.
 *
 * @example
 * await releasePromotions(ctx, order.discounts);
 */
export async function releasePromotions(ctx: Writer, discounts: readonly Redemption[]): Promise<void> {
  for (const { promotionId, amount } of discounts)
    await ctx.tx
      .update(promotions)
      .set({
        usageCount: sql`greatest(${promotions.usageCount} - 1, 0)`,
        budgetUsed: sql`greatest(${promotions.budgetUsed} - ${amount}, 0)`,
        version: sql`${promotions.version} + 1`,
        updatedAt: sql`now()`,
      })
      .where(and(eq(promotions.tenantId, ctx.tenantId), eq(promotions.id, promotionId)));
}
