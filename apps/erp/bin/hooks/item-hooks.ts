import { executeRows } from '@codexion/framework/data';
import type { ResourceHooks } from '@codexion/framework/plugins';
import { sql } from 'drizzle-orm';
import type { Item } from '../../core/generated/client/types.gen.js';
import { erp } from '../erp.js';

/**
 * An item's valuation method is fixed once it has moved: changing it would re-value stock already
 * in the ledger (409 ITEM_VALUATION_FIXED). The update holds the item's row, and `moveStock`
 * reads items `FOR SHARE`, so a first move and a change of method cannot pass each other.
 *
 * @example
 * erp.definePlugin({ …, hooks: { item: itemHooks() } })
 */
export function itemHooks(): ResourceHooks<Item> {
  return erp.defineHooks('item', {
    async beforeUpdate(ctx, next, previous) {
      if (next.valuation === previous.valuation) return undefined;
      const [moved] = await executeRows<{ id: string }>(
        ctx.tx,
        sql`select id from erp.stock_moves where tenant_id = ${ctx.tenantId} and item_id = ${previous.id}::uuid limit 1`,
      );
      if (moved !== undefined) {
        const message = `${previous.sku} has stock moves: its valuation stays ${previous.valuation}`;
        throw erp.error('ITEM_VALUATION_FIXED', message, {
          issues: [{ path: '/valuation', code: 'valuation-fixed', message }],
        });
      }
      return undefined;
    },
  });
}
