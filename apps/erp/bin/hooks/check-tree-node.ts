import { executeRows } from '@codexion/framework/data';
import { validationFailed } from '@codexion/framework/errors';
import type { HookContext } from '@codexion/framework/plugins';
import { sql } from 'drizzle-orm';
import { erp } from '../erp.js';

type Ctx = Pick<HookContext, 'tx' | 'tenantId'>;

/** The ERP's tree tables: each row has `parent_id` and `is_group`. */
export type TreeTable = 'accounts' | 'cost_centers' | 'warehouses';

/** A node of a tree as the hooks see it: its id (none before it is created), parent and kind. */
export interface TreeNode {
  id?: string;
  parentId?: string | null;
  isGroup: boolean;
}

/** The parent's row as a tree guard reads it. */
export type ParentRow = {
  is_group: boolean;
  root_type: string | null;
};

const tables: Record<TreeTable, ReturnType<typeof sql.raw>> = {
  accounts: sql.raw('erp.accounts'),
  cost_centers: sql.raw('erp.cost_centers'),
  warehouses: sql.raw('erp.warehouses'),
};

/** Whether a query with `limit 1` finds a row. */
export async function exists(ctx: Ctx, query: ReturnType<typeof sql>): Promise<boolean> {
  const rows = await executeRows(ctx.tx, query);
  return rows.length > 0;
}

/**
 * The parent rules of every ERP tree: the parent exists in the tenant, is a group, and is neither
 * the node nor one of its descendants (422 VALIDATION_FAILED at `/parentId`); a group with
 * children stays a group (422 at `/isGroup`). Moves within a tree of the tenant take turns on a
 * transaction advisory lock, so two concurrent moves cannot close a cycle between them. Answers
 * the parent's row (with `root_type` for accounts), or undefined for a root.
 *
 * @example
 * const parent = await checkTreeNode(ctx, 'cost_centers', next, previous);
 */
export async function checkTreeNode(
  ctx: Ctx,
  table: TreeTable,
  next: TreeNode,
  previous?: TreeNode,
): Promise<ParentRow | undefined> {
  const from = tables[table];
  if (previous?.id !== undefined && previous.isGroup && !next.isGroup) {
    const children = await exists(
      ctx,
      sql`select 1 from ${from} where tenant_id = ${ctx.tenantId} and parent_id = ${previous.id}::uuid limit 1`,
    );
    if (children) {
      throw validationFailed([
        { path: '/isGroup', code: 'has-children', message: 'has children: it stays a group until they move' },
      ]);
    }
  }
  const parentId = next.parentId ?? null;
  if (parentId === null) return undefined;
  const moved = previous === undefined || parentId !== (previous.parentId ?? null);
  if (moved) {
    await executeRows(ctx.tx, sql`select pg_advisory_xact_lock(hashtext(${`erp.${table}:${ctx.tenantId}`}))`);
  }
  const [parent] = await executeRows<ParentRow>(
    ctx.tx,
    table === 'accounts'
      ? sql`select is_group, root_type from erp.accounts where tenant_id = ${ctx.tenantId} and id = ${parentId}::uuid`
      : sql`select is_group, null as root_type from ${from} where tenant_id = ${ctx.tenantId} and id = ${parentId}::uuid`,
  );
  if (parent === undefined) {
    throw validationFailed([
      { path: '/parentId', code: 'unknown', message: 'names no record of this company' },
    ]);
  }
  if (!parent.is_group) {
    throw validationFailed([
      { path: '/parentId', code: 'not-a-group', message: 'is not a group: only groups have children' },
    ]);
  }
  if (moved && previous?.id !== undefined) {
    // walk up from the new parent: reaching the node itself would close a cycle (`union` stops on one already there)
    const cycle = await exists(
      ctx,
      sql`with recursive up(id, parent_id) as (
            select id, parent_id from ${from} where tenant_id = ${ctx.tenantId} and id = ${parentId}::uuid
            union
            select t.id, t.parent_id from ${from} t join up on t.id = up.parent_id where t.tenant_id = ${ctx.tenantId}
          ) select 1 from up where id = ${previous.id}::uuid limit 1`,
    );
    if (cycle) {
      throw validationFailed([
        { path: '/parentId', code: 'cycle', message: 'is this record or one under it: the tree would loop' },
      ]);
    }
  }
  return parent;
}

/**
 * 409 LEDGER_IN_USE at `/<field>`: `what` is already in the ledger or the stock, so `field` is fixed.
 *
 * @example
 * throw inUse('isGroup', 'Main store has stock moves');
 */
export function inUse(field: string, what: string) {
  const message = `${what}: its ${field} can no longer change`;
  return erp.error('LEDGER_IN_USE', message, { issues: [{ path: `/${field}`, code: 'in-use', message }] });
}
