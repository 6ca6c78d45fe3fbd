import { executeRows } from '@codexion/framework/data';
import { unknownReference, validationFailed } from '@codexion/framework/errors';
import type { Draft, HookContext, ResourceHooks } from '@codexion/framework/plugins';
import type { ValidationIssue } from '@codexion/schema';
import { sql } from 'drizzle-orm';
import { barcodeProblem } from '../../core/catalog/barcode.js';
import {
  combinationKey,
  type OptionValueInput,
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
};

/**
 * The variant's product, its row held (`for no key update`) until the write commits: variant
 * writes of one product take turns, and a product update (publish, options) waits for them.
 */
async function holdProduct(ctx: Ctx, productId: string, lock: boolean): Promise<ProductRow | undefined> {
  const [product] = await executeRows<ProductRow>(
    ctx.tx,
    lock
      ? sql`select title, status, options from ecommerce.products
             where tenant_id = ${ctx.tenantId} and id = ${productId}::uuid for no key update`
      : sql`select title, status, options from ecommerce.products
             where tenant_id = ${ctx.tenantId} and id = ${productId}::uuid`,
  );
  return product;
}

/** The product's other variants (not `exceptId`). */
function siblings(ctx: Ctx, productId: string, exceptId: string | undefined) {
  return executeRows<{ sku: string | null; title: string | null; option_values: OptionValueInput[] }>(
    ctx.tx,
    sql`select sku, title, option_values from ecommerce.variants
         where tenant_id = ${ctx.tenantId} and product_id = ${productId}::uuid
           and id is distinct from ${exceptId ?? null}::uuid`,
  );
}

/**
 * Everything a variant must be besides its schema: a barcode with its check digit (422 at
 * `/barcode`), option values that fit its product's options (422 at `/optionValues…`), a
 * combination no other variant of the product has (422 at `/optionValues`), the product it was
 * created for (422 at `/productId`), and a published product keeps a variant with a SKU (409
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
  const product = await holdProduct(ctx, next.productId, true);
  if (product === undefined) throw unknownReference('/productId', 'product');
  const values = next.optionValues ?? [];
  issues.push(...variantOptionIssues(product.options, values));
  const others = await siblings(ctx, next.productId, previous?.id);
  if (issues.length === 0) {
    const twin = others.find((other) => combinationKey(other.option_values) === combinationKey(values));
    if (twin !== undefined) {
      issues.push({
        path: '/optionValues',
        code: 'duplicate-combination',
        message: `variant ${twin.sku ?? twin.title ?? ''} of ${product.title} is already ${variantTitle(product.options, values)}`,
      });
    }
  }
  if (issues.length > 0) throw validationFailed(issues);
  const losesSku = previous?.sku != null && (next.sku ?? null) === null;
  if (losesSku && product.status === 'published' && !others.some((other) => other.sku !== null)) {
    throw lastSellable(product.title, '/sku');
  }
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
      const options = (await holdProduct(ctx, input.productId, false))?.options ?? [];
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
      const product = await holdProduct(ctx, record.productId, true);
      if (product?.status !== 'published') return;
      const others = await siblings(ctx, record.productId, record.id);
      if (!others.some((other) => other.sku !== null)) throw lastSellable(product.title, '/sku');
    },
  });
}
