import type { ResourceHooks } from '@codexion/framework/plugins';
import { sql } from 'drizzle-orm';
import type { CostCenter, Warehouse } from '../../core/generated/client/types.gen.js';
import { erp } from '../erp.js';
import { checkTreeNode, exists, inUse } from './check-tree-node.js';

type Node = { id: string; name: string; isGroup: boolean; parentId?: string | null };

/** Where a tree's ledger nodes are used: the fact table, its column naming the node, what it holds. */
const uses = {
  cost_centers: [sql.raw('erp.gl_entries'), sql.raw('cost_center_id'), 'ledger rows'],
  warehouses: [sql.raw('erp.stock_moves'), sql.raw('warehouse_id'), 'stock moves'],
} as const;

/**
 * The create and update guards of a ledger tree: `checkTreeNode`'s parent rules, and a node its
 * facts use (ledger rows, stock moves) stays a ledger node (409 LEDGER_IN_USE at `/isGroup`).
 */
function treeGuards<R extends Node>(
  table: keyof typeof uses,
): Pick<ResourceHooks<R>, 'beforeCreate' | 'beforeUpdate'> {
  const [facts, column, what] = uses[table];
  return {
    async beforeCreate(ctx, record) {
      await checkTreeNode(ctx, table, record);
      return undefined;
    },
    async beforeUpdate(ctx, next, previous) {
      if (next.isGroup && !previous.isGroup) {
        const used = await exists(
          ctx,
          sql`select 1 from ${facts} where tenant_id = ${ctx.tenantId} and ${column} = ${previous.id}::uuid limit 1`,
        );
        if (used) throw inUse('isGroup', `${previous.name} has ${what}`);
      }
      await checkTreeNode(ctx, table, next, previous);
      return undefined;
    },
  };
}

/**
 * Cost centers as a tree: a parent exists and is a group, never the cost center or one under it
 * (422 at `/parentId`); a group with children stays a group; a cost center with ledger rows stays
 * a ledger cost center (409 LEDGER_IN_USE at `/isGroup`).
 *
 * @example
 * erp.definePlugin({ …, hooks: { 'cost-center': costCenterHooks() } })
 */
export function costCenterHooks(): ResourceHooks<CostCenter> {
  return erp.defineHooks('cost-center', treeGuards<CostCenter>('cost_centers'));
}

/**
 * Warehouses as a tree: the same parent rules as cost centers; a warehouse with stock moves stays
 * a ledger warehouse (409 LEDGER_IN_USE at `/isGroup`).
 *
 * @example
 * erp.definePlugin({ …, hooks: { warehouse: warehouseHooks() } })
 */
export function warehouseHooks(): ResourceHooks<Warehouse> {
  return erp.defineHooks('warehouse', treeGuards<Warehouse>('warehouses'));
}
