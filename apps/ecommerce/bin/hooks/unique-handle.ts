import { executeRows } from '@codexion/framework/data';
import type { HookContext } from '@codexion/framework/plugins';
import { sql } from 'drizzle-orm';
import { toHandle } from '../../core/catalog/handle.js';

/** The catalog tables whose records have a `handle` unique per tenant. */
export type HandleTable = 'products' | 'categories' | 'collections';

const tables: Record<HandleTable, ReturnType<typeof sql.raw>> = {
  products: sql.raw('ecommerce.products'),
  categories: sql.raw('ecommerce.categories'),
  collections: sql.raw('ecommerce.collections'),
};

/**
 * Fills an empty handle from the record's title: `toHandle(title)`, or with `-2`, `-3`, … when
 * another record of the tenant has it already, so a merchant who leaves it empty never meets a
 * conflict. A handle the merchant typed is kept as it is (the unique key refuses a taken one).
 *
 * @example
 * prepare: async (ctx, input, previous) => ({ ...input, handle: await fillHandle(ctx, 'products', input.handle, input.title, previous?.id) }),
 */
export async function fillHandle(
  ctx: Pick<HookContext, 'tx' | 'tenantId'>,
  table: HandleTable,
  handle: string | null | undefined,
  title: unknown,
  id: string | undefined,
): Promise<string | null | undefined> {
  if ((handle ?? '') !== '' || typeof title !== 'string') return handle;
  const base = toHandle(title, 110);
  if (base === undefined) return handle;
  const rows = await executeRows<{ handle: string }>(
    ctx.tx,
    sql`select handle from ${tables[table]}
         where tenant_id = ${ctx.tenantId} and (handle = ${base} or handle like ${`${base}-%`})
           and id is distinct from ${id ?? null}::uuid`,
  );
  const taken = new Set(rows.map((row) => row.handle));
  if (!taken.has(base)) return base;
  let n = 2;
  while (taken.has(`${base}-${n}`)) n += 1;
  return `${base}-${n}`;
}
