import { executeRows } from '@codexion/framework/data';
import { unknownReference, validationFailed } from '@codexion/framework/errors';
import type { Draft, HookContext, ResourceHooks } from '@codexion/framework/plugins';
import type { ValidationIssue } from '@codexion/schema';
import { sql } from 'drizzle-orm';
import { barcodeProblem } from '../../core/catalog/barcode.js';
import {
  combinationKey,
  type ProductOptionInput,
  variantOptionIssues,
  variantTitle,
} from '../../core/catalog/variant-options.js';
import type { Variant } from '../../core/generated/client/types.gen.js';
import { ecommerce } from '../ecommerce.js';

type Ctx = Pick<HookContext, 'tx' | 'tenantId'>;

type ProductRow = {
  title: string;
  status: string;
  options: ProductOptionInput[];
  /** another variant of the product with the same combination: its SKU or title */
  twin: string | null;
  /** whether another variant of the product has a SKU */
  other_sku: boolean;
};

/** The options of a product (none for an unknown product). */
async function optionsOf(ctx: Ctx, productId: string): Promise<ProductOptionInput[]> {
  const [product] = await executeRows<{ options: ProductOptionInput[] }>(
    ctx.tx,
    sql`select options from ecommerce.products where tenant_id = ${ctx.tenantId} and id = ${productId}::uuid`,
  );
  return product?.options ?? [];
}

/**
 * The variant's product, its row held (`for no key update`) until the write commits, so variant
 * writes of one product take turns and a product update (publish, options) waits for them; with
 * it, in the same statement, what the variant's guards ask of its siblings (not `exceptId`): one
 * with the combination `optionKey`, and whether one has a SKU.
 */
async function holdProduct(
  ctx: Ctx,
  productId: string,
  optionKey: string | null,
  exceptId: string | undefined,
): Promise<ProductRow | undefined> {
  const [product] = await executeRows<ProductRow>(
    ctx.tx,
    sql`select p.title, p.status, p.options,
          (select coalesce(v.sku, v.title, '') from ecommerce.variants v
            where v.tenant_id = p.tenant_id and v.product_id = p.id and v.option_key = ${optionKey}
              and v.id is distinct from ${exceptId ?? null}::uuid limit 1) as twin,
          exists (select 1 from ecommerce.variants v
            where v.tenant_id = p.tenant_id and v.product_id = p.id and v.sku is not null
              and v.id is distinct from ${exceptId ?? null}::uuid) as other_sku
        from ecommerce.products p
       where p.tenant_id = ${ctx.tenantId} and p.id = ${productId}::uuid
       for no key update of p`,
  );
  return product;
}

/**
 * Everything a variant must be besides its schema: a barcode with its check digit (422 at
 * `/barcode`), option values that fit its product's options (422 at `/optionValues…`), a
 * combination no other variant of the product has (422 at `/optionValues`; the unique key
 * `(productId, optionKey)` holds it under concurrency too), the product it was created for (422
 * at `/productId`), and a published product keeps a variant with a SKU (409
 * LAST_SELLABLE_VARIANT at `/sku`).
 */
async function checkVariant(ctx: Ctx, next: Draft<Variant>, previous?: Variant): Promise<void> {
  const issues: ValidationIssue[] = [];
  const barcode = next.barcode ?? null;
  if (barcode !== null && barcode !== (previous?.barcode ?? null)) {
    const problem = barcodeProblem(barcode);
    if (problem !== undefined) issues.push({ path: '/barcode', code: 'check-digit', message: problem });
  }
  if (previous !== undefined && next.productId !== previous.productId) {
    issues.push({
      path: '/productId',
      code: 'fixed',
      message: 'a variant stays with the product it was created for: create it under the other product',
    });
    throw validationFailed(issues);
  }
  const values = next.optionValues ?? [];
  const product = await holdProduct(ctx, next.productId, combinationKey(values), previous?.id);
  if (product === undefined) throw unknownReference('/productId', 'product');
  issues.push(...variantOptionIssues(product.options, values));
  if (issues.length === 0 && product.twin !== null) {
    issues.push({
      path: '/optionValues',
      code: 'duplicate-combination',
      message: `variant ${product.twin} of ${product.title} is already ${variantTitle(product.options, values)}`,
    });
  }
  if (issues.length > 0) throw validationFailed(issues);
  const losesSku = previous?.sku != null && (next.sku ?? null) === null;
  if (losesSku && product.status === 'published' && !product.other_sku)
    throw lastSellable(product.title, '/sku');
}

function lastSellable(title: string, path: string) {
  const message = `${title} is on sale and this is its only variant with a SKU: unpublish the product first`;
  return ecommerce.error('LAST_SELLABLE_VARIANT', message, {
    issues: [{ path, code: 'last-sellable-variant', message }],
  });
}

/**
 * The variant's guards (`checkVariant`) on create and update, the last-SKU guard on delete, and
 * its title made from its option values while it is left empty or still the made one.
 *
 * @example
 * ecommerce.definePlugin({ …, hooks: { variant: variantHooks() } })
 */
export function variantHooks(): ResourceHooks<Variant> {
  return ecommerce.defineHooks('variant', {
    async prepare(ctx, input, previous) {
      if (typeof input.productId !== 'string' || !Array.isArray(input.optionValues)) return input;
      // the key the unique index compares: twins are refused even within one bulk create
      const keyed = { ...input, optionKey: combinationKey(input.optionValues) };
      const empty = (input.title ?? '') === '';
      if (!empty && input.title !== previous?.title) return keyed; // typed by the merchant
      // an unknown product is refused after validation (`checkVariant`)
      const options = await optionsOf(ctx, input.productId);
      const made =
        previous !== undefined && previous.title === variantTitle(options, previous.optionValues ?? []);
      if (!empty && !made) return keyed;
      return { ...keyed, title: variantTitle(options, input.optionValues) };
    },
    async beforeCreate(ctx, record) {
      await checkVariant(ctx, record);
      return undefined;
    },
    async beforeUpdate(ctx, next, previous) {
      await checkVariant(ctx, next, previous);
      return undefined;
    },
    async beforeDelete(ctx, record) {
      if (record.sku == null) return;
      const product = await holdProduct(ctx, record.productId, null, record.id);
      if (product?.status === 'published' && !product.other_sku) throw lastSellable(product.title, '/sku');
    },
  });
}
