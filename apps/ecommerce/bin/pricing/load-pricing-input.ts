import { unknownReference } from '@codexion/framework/errors';
import type { ActionContext } from '@codexion/framework/plugins';
import { and, eq, inArray } from 'drizzle-orm';
import type { PriceCartData } from '../../core/generated/client/types.gen.js';
import {
  categories,
  customers,
  priceLists,
  prices,
  products,
  promotions,
  regions,
  taxRates,
  variants,
} from '../../core/generated/tables.js';
import type { JsonLogicExpression, PricingInput, PromotionScope } from '../../core/pricing/pricing-model.js';

type PriceCartBody = PriceCartData['body'];
type Reader = Pick<ActionContext, 'tx' | 'tenantId'>;

const iso = (value: string | null): string | null => (value === null ? null : new Date(value).toISOString());

/** Each category with every category above it, so a rate or promotion on "Clothing" covers "Shirts". */
function withAncestors(ids: readonly string[], parents: ReadonlyMap<string, string | null>): string[] {
  const all = new Set<string>();
  for (const id of ids) {
    let current: string | null | undefined = id;
    // the catalog's rules keep the tree free of loops; the size bound guards a row written around them
    while (current && !all.has(current) && all.size <= parents.size) {
      all.add(current);
      current = parents.get(current);
    }
  }
  return [...all];
}

/**
 * What `priceCart` needs for a request, read in the action's transaction: the region and its tax
 * rates, the lines' variants with their products' categories (and their ancestors) and
 * collections, the customer's groups, the active price lists in the cart's currency with their
 * prices of those variants, and the active promotions with the uses and budget they have left.
 * An id that names no record of the tenant answers 422 at its place in the request.
 *
 * @example
 * const priced = priceCart(await loadPricingInput(ctx, body));
 */
export async function loadPricingInput(
  ctx: Reader,
  body: PriceCartBody,
  now = new Date(),
): Promise<PricingInput> {
  const { tx, tenantId } = ctx;
  const [region] = await tx
    .select()
    .from(regions)
    .where(and(eq(regions.tenantId, tenantId), eq(regions.id, body.regionId)));
  if (!region) throw unknownReference('/body/regionId', 'region');
  const currency = body.currency ?? region.currency;

  const variantIds = [...new Set(body.lines.map((line) => line.variantId))];
  const variantRows = await tx
    .select({ id: variants.id, productId: variants.productId })
    .from(variants)
    .where(and(eq(variants.tenantId, tenantId), inArray(variants.id, variantIds)));
  const productOf = new Map(variantRows.map((row) => [row.id, row.productId]));
  body.lines.forEach((line, i) => {
    if (!productOf.has(line.variantId)) throw unknownReference(`/body/lines/${i}/variantId`, 'variant');
  });
  const productRows = await tx
    .select({ id: products.id, categoryIds: products.categoryIds, collectionIds: products.collectionIds })
    .from(products)
    .where(and(eq(products.tenantId, tenantId), inArray(products.id, [...new Set(productOf.values())])));
  const product = new Map(productRows.map((row) => [row.id, row]));
  const tree = await tx
    .select({ id: categories.id, parentId: categories.parentId })
    .from(categories)
    .where(eq(categories.tenantId, tenantId));
  const parents = new Map(tree.map((row) => [row.id, row.parentId]));

  let customerGroupIds: string[] = [];
  if (body.customerId !== undefined) {
    const [customer] = await tx
      .select({ groupIds: customers.groupIds })
      .from(customers)
      .where(and(eq(customers.tenantId, tenantId), eq(customers.id, body.customerId)));
    if (!customer) throw unknownReference('/body/customerId', 'customer');
    customerGroupIds = customer.groupIds;
  }

  const lists = await tx
    .select()
    .from(priceLists)
    .where(
      and(eq(priceLists.tenantId, tenantId), eq(priceLists.currency, currency), eq(priceLists.active, true)),
    );
  const priceRows =
    lists.length === 0
      ? []
      : await tx
          .select()
          .from(prices)
          .where(
            and(
              eq(prices.tenantId, tenantId),
              inArray(
                prices.priceListId,
                lists.map((list) => list.id),
              ),
              inArray(prices.variantId, variantIds),
            ),
          );
  const rates = await tx
    .select()
    .from(taxRates)
    .where(and(eq(taxRates.tenantId, tenantId), eq(taxRates.regionId, region.id)));
  const promotionRows = await tx
    .select()
    .from(promotions)
    .where(and(eq(promotions.tenantId, tenantId), eq(promotions.active, true)));

  return {
    lines: body.lines.map((line) => {
      const owner = product.get(productOf.get(line.variantId) as string);
      return {
        variantId: line.variantId,
        productId: productOf.get(line.variantId) as string,
        categoryIds: withAncestors(owner?.categoryIds ?? [], parents),
        collectionIds: owner?.collectionIds ?? [],
        quantity: line.quantity,
      };
    }),
    currency,
    region: { id: region.id, currency: region.currency, taxInclusive: region.taxInclusive },
    customerGroupIds,
    at: body.at ?? now.toISOString(),
    priceLists: lists.map((list) => ({
      id: list.id,
      name: list.name,
      currency: list.currency,
      customerGroupId: list.customerGroupId,
      validFrom: iso(list.validFrom),
      validTo: iso(list.validTo),
      priority: list.priority,
      prices: priceRows
        .filter((price) => price.priceListId === list.id)
        .map((price) => ({
          variantId: price.variantId,
          minQuantity: price.minQuantity,
          amount: price.amount,
        })),
    })),
    taxRates: rates.map((rate) => ({
      id: rate.id,
      name: rate.name,
      rateBp: rate.rateBp,
      categoryIds: rate.categoryIds,
    })),
    promotions: promotionRows.map((promotion) => ({
      id: promotion.id,
      name: promotion.name,
      code: promotion.code,
      kind: promotion.kind,
      target: promotion.target,
      percentBp: promotion.percentBp,
      amount: promotion.amount,
      currency: promotion.currency,
      buyQuantity: promotion.buyQuantity,
      getQuantity: promotion.getQuantity,
      scope: promotion.scope as PromotionScope,
      condition: promotion.condition as JsonLogicExpression | null,
      priority: promotion.priority,
      exclusive: promotion.exclusive,
      startsAt: iso(promotion.startsAt),
      endsAt: iso(promotion.endsAt),
      remainingUses: promotion.usageLimit === null ? null : promotion.usageLimit - promotion.usageCount,
      remainingBudget: promotion.budget === null ? null : promotion.budget - promotion.budgetUsed,
    })),
    codes: body.codes ?? [],
    shipping: body.shipping ?? 0,
    rounding: region.taxRounding,
  };
}
