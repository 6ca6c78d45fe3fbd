import { executeRows } from '@codexion/framework/data';
import { validationFailed } from '@codexion/framework/errors';
import type { HookContext, ResourceHooks } from '@codexion/framework/plugins';
import { sql } from 'drizzle-orm';
import type { Category } from '../../core/generated/client/types.gen.js';
import { ecommerce } from '../ecommerce.js';
import { fillHandle } from './unique-handle.js';

/**
 * A category never sits under itself or one of its descendants (422 at `/parentId`): walking up
 * from the new parent must not reach it. Moves in a tenant's tree take turns on a transaction
 * advisory lock, so two concurrent moves cannot close a loop between them. (The parent's
 * existence in the tenant is the foreign key's.)
 */
async function checkParent(
  ctx: Pick<HookContext, 'tx' | 'tenantId'>,
  next: Pick<Category, 'parentId'>,
  previous: Category,
) {
  const parentId = next.parentId ?? null;
  if (parentId === null || parentId === (previous.parentId ?? null)) return;
  await executeRows(
    ctx.tx,
    sql`select pg_advisory_xact_lock(hashtext(${`ecommerce.categories:${ctx.tenantId}`}))`,
  );
  const loop = await executeRows(
    ctx.tx,
    sql`with recursive up(id, parent_id) as (
          select id, parent_id from ecommerce.categories where tenant_id = ${ctx.tenantId} and id = ${parentId}::uuid
          union
          select c.id, c.parent_id from ecommerce.categories c join up on c.id = up.parent_id
           where c.tenant_id = ${ctx.tenantId}
        ) select 1 from up where id = ${previous.id}::uuid limit 1`,
  );
  if (loop.length > 0) {
    throw validationFailed([
      { path: '/parentId', code: 'cycle', message: 'is this category or one under it: the tree would loop' },
    ]);
  }
}

/**
 * The category tree's guards (`checkParent`) and its handle filled from the name.
 *
 * @example
 * ecommerce.definePlugin({ …, hooks: { category: categoryHooks() } })
 */
export function categoryHooks(): ResourceHooks<Category> {
  return ecommerce.defineHooks('category', {
    async prepare(ctx, input, previous) {
      return {
        ...input,
        handle: await fillHandle(ctx, 'categories', input.handle, input.name, previous?.id),
      };
    },
    async beforeUpdate(ctx, next, previous) {
      await checkParent(ctx, next, previous);
      return undefined;
    },
  });
}
