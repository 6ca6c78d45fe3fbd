import { executeRows } from '@codexion/framework/data';
import { validationFailed } from '@codexion/framework/errors';
import type { HookContext, ResourceHooks } from '@codexion/framework/plugins';
import { sql } from 'drizzle-orm';
import {
  type OptionValueInput,
  type ProductOptionInput,
  productOptionIssues,
  variantOptionIssues,
} from '../../core/catalog/variant-options.js';
import type { Product } from '../../core/generated/client/types.gen.js';
import { ecommerce } from '../ecommerce.js';
import { fillHandle } from './unique-handle.js';

type Ctx = Pick<HookContext, 'tx' | 'tenantId'>;

/** A variant as the product's guards read it. */
type VariantRow = {
  id: string;
  title: string | null;
  sku: string | null;
  option_values: OptionValueInput[];
};

function variantsOf(ctx: Ctx, productId: string): Promise<VariantRow[]> {
  return executeRows<VariantRow>(
    ctx.tx,
    sql`select id, title, sku, option_values from ecommerce.variants
         where tenant_id = ${ctx.tenantId} and product_id = ${productId}::uuid order by sku, id`,
  );
}

async function hasSellableVariant(ctx: Ctx, productId: string): Promise<boolean> {
  const rows = await executeRows(
    ctx.tx,
    sql`select 1 from ecommerce.variants
         where tenant_id = ${ctx.tenantId} and product_id = ${productId}::uuid and sku is not null limit 1`,
  );
  return rows.length > 0;
}

/** 422 at `/options/<i>/name` for an option named twice. */
function checkOptions(options: readonly ProductOptionInput[] | undefined): void {
  const issues = productOptionIssues(options ?? []);
  if (issues.length > 0) throw validationFailed(issues);
}

/**
 * The product's guards. A change of its options must leave every variant fitting them (409
 * VARIANTS_DO_NOT_FIT at `/options`, naming the first variant that would not); going on sale
 * (draft → published) needs a variant with a SKU (422 at `/to`). The engine holds the product's
 * row for the write and variant writes take it too (`variantHooks`), so a variant cannot change
 * under either check. Handles are filled from the title; `publishedAt` records going on sale.
 *
 * @example
 * ecommerce.definePlugin({ …, hooks: { product: productHooks() } })
 */
export function productHooks(): ResourceHooks<Product> {
  return ecommerce.defineHooks('product', {
    async prepare(ctx, input, previous) {
      const handle = await fillHandle(ctx, 'products', input.handle, input.title, previous?.id);
      const publishing = input.status === 'published' && previous?.status !== 'published';
      return { ...input, handle, ...(publishing ? { publishedAt: new Date().toISOString() } : {}) };
    },
    beforeCreate(_ctx, record) {
      checkOptions(record.options);
      return undefined;
    },
    async beforeUpdate(ctx, next, previous) {
      checkOptions(next.options);
      const optionsChanged = JSON.stringify(next.options ?? []) !== JSON.stringify(previous.options ?? []);
      const publishing = next.status === 'published' && previous.status !== 'published';
      if (!optionsChanged && !publishing) return undefined;
      if (optionsChanged) {
        const variants = await variantsOf(ctx, previous.id);
        for (const variant of variants) {
          const [issue] = variantOptionIssues(next.options ?? [], variant.option_values);
          if (issue !== undefined) {
            const name = variant.sku ?? variant.title ?? variant.id;
            const message = `variant ${name} would no longer fit: ${issue.message}`;
            throw ecommerce.error('VARIANTS_DO_NOT_FIT', message, {
              issues: [{ path: '/options', code: 'variants-do-not-fit', message }],
            });
          }
        }
      }
      if (publishing && !(await hasSellableVariant(ctx, previous.id))) {
        throw validationFailed(
          [
            {
              path: '/to',
              code: 'needs-sellable-variant',
              message: 'a product goes on sale with at least one variant that has a SKU',
            },
          ],
          `${previous.title} has no variant with a SKU`,
        );
      }
      return undefined;
    },
  });
}
