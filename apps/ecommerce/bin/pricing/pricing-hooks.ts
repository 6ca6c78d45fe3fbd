import type { Db } from '@codexion/framework/data';
import { referenceIssue, validationFailed } from '@codexion/framework/errors';
import type { AppHooks } from '@codexion/framework/plugins';
import type { ValidationIssue } from '@codexion/schema';
import { and, eq, inArray } from 'drizzle-orm';
import type { EcommerceContract } from '../../core/generated/contract.js';
import { categories, collections, products, variants } from '../../core/generated/tables.js';
import type { JsonLogicExpression } from '../../core/pricing/pricing-model.js';
import { promotionConditionIssues } from '../../core/pricing/promotion-condition-issues.js';
import { ecommerce } from '../ecommerce.js';

/** A condition is data the engine evaluates on every cart: kept small. */
const maxConditionLength = 10_000;

/** An issue at `path` when an interval ends before (or when) it starts. */
function intervalIssue(
  from: string | null | undefined,
  to: string | null | undefined,
  path: string,
): ValidationIssue[] {
  if (from == null || to == null || Date.parse(to) > Date.parse(from)) return [];
  return [{ path, code: 'interval', message: 'must be later than the start' }];
}

function refuse(issues: ValidationIssue[]): undefined {
  if (issues.length > 0) throw validationFailed(issues);
  return undefined;
}

type PromotionFields = { condition?: unknown; startsAt?: string | null; endsAt?: string | null };

/** What the schema cannot say about a promotion: a condition only of known operators and cart facts, and an end after the start. */
function promotionIssues(promotion: PromotionFields): ValidationIssue[] {
  const issues = intervalIssue(promotion.startsAt, promotion.endsAt, '/endsAt');
  const condition = promotion.condition as JsonLogicExpression | null | undefined;
  if (condition == null) return issues;
  if (JSON.stringify(condition).length > maxConditionLength)
    return [
      ...issues,
      {
        path: '/condition',
        code: 'maxLength',
        message: `must be at most ${maxConditionLength} characters of JSON`,
      },
    ];
  return [...issues, ...promotionConditionIssues(condition, '/condition')];
}

type PromotionScope = {
  variantIds?: string[];
  productIds?: string[];
  categoryIds?: string[];
  collectionIds?: string[];
};

/** The tables a promotion's scope names records of, by its property. */
const scopeTables = {
  variantIds: { table: variants, entity: 'variant' },
  productIds: { table: products, entity: 'product' },
  categoryIds: { table: categories, entity: 'category' },
  collectionIds: { table: collections, entity: 'collection' },
} as const;

/**
 * A promotion's scope names only the tenant's own variants, products, categories and collections:
 * an id of another tenant's record (or of none) is refused at its index, as a relation is.
 */
async function scopeIssues(tx: Db, tenantId: string, scope: PromotionScope | null | undefined) {
  const issues: ValidationIssue[] = [];
  for (const [key, { table, entity }] of Object.entries(scopeTables) as [
    keyof PromotionScope,
    (typeof scopeTables)[keyof PromotionScope],
  ][]) {
    const ids = scope?.[key] ?? [];
    if (ids.length === 0) continue;
    const found = await tx
      .select({ id: table.id })
      .from(table)
      .where(and(eq(table.tenantId, tenantId), inArray(table.id, ids)));
    const known = new Set(found.map((row) => row.id));
    ids.forEach((id, index) => {
      if (!known.has(id)) issues.push(referenceIssue(`/scope/${key}/${index}`, entity));
    });
  }
  return issues;
}

/**
 * The checks of the pricing entities the schemas and rules cannot make, before each write (422
 * with the field's path, nothing written): a promotion's condition is JSON Logic of the rules'
 * operators over the cart facts only (`promotionConditionIssues`), its scope names only the
 * tenant's own records, and a promotion or a price list ends after it starts.
 *
 * @example
 * ecommerce.definePlugin({ …, hooks: { ...pricingHooks() } })
 */
export function pricingHooks(): Pick<AppHooks<EcommerceContract>, 'promotion' | 'price-list'> {
  return {
    promotion: ecommerce.defineHooks('promotion', {
      beforeCreate: async (ctx, record) =>
        refuse([...promotionIssues(record), ...(await scopeIssues(ctx.tx, ctx.tenantId, record.scope))]),
      beforeUpdate: async (ctx, next) =>
        refuse([...promotionIssues(next), ...(await scopeIssues(ctx.tx, ctx.tenantId, next.scope))]),
    }),
    'price-list': ecommerce.defineHooks('price-list', {
      beforeCreate: (_ctx, record) => refuse(intervalIssue(record.validFrom, record.validTo, '/validTo')),
      beforeUpdate: (_ctx, next) => refuse(intervalIssue(next.validFrom, next.validTo, '/validTo')),
    }),
  };
}
