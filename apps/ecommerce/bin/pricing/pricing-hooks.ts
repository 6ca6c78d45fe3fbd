import { validationFailed } from '@codexion/framework/errors';
import type { AppHooks } from '@codexion/framework/plugins';
import type { ValidationIssue } from '@codexion/schema';
import type { EcommerceContract } from '../../core/generated/contract.js';
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

/**
 * The checks of the pricing entities the schemas and rules cannot make, before each write (422
 * with the field's path, nothing written): a promotion's condition is JSON Logic of the rules'
 * operators over the cart facts only (`promotionConditionIssues`), and a promotion or a price
 * list ends after it starts.
 *
 * @example
 * ecommerce.definePlugin({ …, hooks: { ...pricingHooks() } })
 */
export function pricingHooks(): Pick<AppHooks<EcommerceContract>, 'promotion' | 'price-list'> {
  return {
    promotion: ecommerce.defineHooks('promotion', {
      beforeCreate: (_ctx, record) => refuse(promotionIssues(record)),
      beforeUpdate: (_ctx, next) => refuse(promotionIssues(next)),
    }),
    'price-list': ecommerce.defineHooks('price-list', {
      beforeCreate: (_ctx, record) => refuse(intervalIssue(record.validFrom, record.validTo, '/validTo')),
      beforeUpdate: (_ctx, next) => refuse(intervalIssue(next.validFrom, next.validTo, '/validTo')),
    }),
  };
}
