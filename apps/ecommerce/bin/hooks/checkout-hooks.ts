import { DomainError } from '@codexion/framework/errors';
import type { HookContext } from '@codexion/framework/plugins';
import { and, eq, inArray } from 'drizzle-orm';
import type { Cart } from '../../core/generated/client/types.gen.js';
import { variants } from '../../core/generated/tables.js';
import { shopSettingsOf } from '../checkout/shop-settings.js';
import { ecommerce } from '../ecommerce.js';
import { cartReservations, releaseReservations, reserveCart } from '../inventory/reserve-stock.js';

/** Orders and payments are made and changed by checkout only: a hand-made one is refused. */
function refuseByHand(): never {
  throw ecommerce.error('ORDER_FROM_CHECKOUT', 'Orders and payments are made by checkout');
}

/** A cart's currency the shop sells in, and lines of the shop's variants: else 422 at the field. */
async function checkCart(ctx: HookContext, cart: Pick<Cart, 'currency' | 'lines'>): Promise<void> {
  const { currencies } = await shopSettingsOf(ctx.tx, ctx.tenantId);
  const issues = currencies.includes(cart.currency)
    ? []
    : [{ path: '/currency', code: 'currency', message: `must be one of ${currencies.join(', ')}` }];
  const lines = cart.lines ?? [];
  const ids = [...new Set(lines.map((line) => line.variantId))];
  const known =
    ids.length === 0
      ? new Set<string>()
      : new Set(
          (
            await ctx.tx
              .select({ id: variants.id })
              .from(variants)
              .where(and(eq(variants.tenantId, ctx.tenantId), inArray(variants.id, ids)))
          ).map((v) => v.id),
        );
  const seen = new Set<string>();
  lines.forEach((line, i) => {
    if (!known.has(line.variantId))
      issues.push({
        path: `/lines/${i}/variantId`,
        code: 'unknown',
        message: 'is no variant of the shop',
      });
    else if (seen.has(line.variantId))
      issues.push({
        path: `/lines/${i}/variantId`,
        code: 'duplicate',
        message: 'has a line already: change its quantity',
      });
    seen.add(line.variantId);
  });
  if (issues.length > 0)
    throw new DomainError('VALIDATION_FAILED', 'The cart has invalid fields', { issues });
}

/** With reservation at add-to-cart, the cart holds its lines' units until its hold lapses. */
async function holdCart(ctx: HookContext, cart: Cart): Promise<void> {
  const settings = await shopSettingsOf(ctx.tx, ctx.tenantId);
  if (settings.reservationTiming !== 'add-to-cart' || cart.status !== 'open') return;
  const expiresAt = new Date(Date.now() + settings.cartHoldMinutes * 60_000).toISOString();
  const wanted = cart.lines.map((line, i) => ({
    variantId: line.variantId,
    quantity: line.quantity,
    path: `/lines/${i}/quantity`,
  }));
  await reserveCart(ctx.tx, ctx.tenantId, cart.id, wanted, { expiresAt });
}

/**
 * The hooks of checkout's entities: carts checked against the shop (currency, variants) and, with
 * reservation at add-to-cart, holding their units; a checked-out cart changes no more and a
 * deleted one gives its units back; orders and payments only from checkout; stock never set below
 * what is reserved (the database's CHECK refuses it too, this names the field).
 */
export function checkoutHooks() {
  return {
    cart: ecommerce.defineHooks('cart', {
      beforeCreate: async (ctx, cart) => {
        await checkCart(ctx, cart);
        return undefined;
      },
      afterCreate: (ctx, cart) => holdCart(ctx, cart),
      beforeUpdate: async (ctx, next, previous) => {
        if (previous.status !== 'open')
          throw ecommerce.error('CART_CHECKED_OUT', 'A checked-out cart changes no more');
        await checkCart(ctx, next);
        return undefined;
      },
      afterUpdate: (ctx, cart) => holdCart(ctx, cart),
      beforeDelete: async (ctx, cart) => {
        await releaseReservations(
          ctx.tx,
          ctx.tenantId,
          await cartReservations(ctx.tx, ctx.tenantId, cart.id),
        );
      },
    }),
    order: ecommerce.defineHooks('order', { beforeCreate: refuseByHand, beforeDelete: refuseByHand }),
    payment: ecommerce.defineHooks('payment', {
      beforeCreate: refuseByHand,
      beforeUpdate: refuseByHand,
      beforeDelete: refuseByHand,
    }),
    'inventory-level': ecommerce.defineHooks('inventory-level', {
      beforeUpdate: (_ctx, next, previous) => {
        if (next.stocked < (previous.reserved ?? 0)) {
          throw ecommerce.error('STOCK_BELOW_RESERVED', `${previous.reserved ?? 0} units are reserved`, {
            issues: [
              {
                path: '/stocked',
                code: 'below-reserved',
                message: `must be at least ${previous.reserved ?? 0} (reserved)`,
              },
            ],
          });
        }
        return undefined;
      },
    }),
  };
}
