import { currencyDigits, jsonLogic, scanJsonLogic } from '@codexion/schema';
import { allocateProportionally } from './allocate-proportionally.js';
import type { CartFacts } from './cart-facts.js';
import { divideHalfUp } from './divide-half-up.js';
import type {
  AppliedDiscount,
  PricingMessage,
  PromotionInput,
  PromotionScope,
  PromotionTarget,
  RejectedPromotion,
} from './pricing-model.js';

/** A line as the promotions see it: what it costs before any discount, in the region's convention. */
export interface DiscountableLine {
  variantId: string;
  productId: string;
  categoryIds: readonly string[];
  collectionIds: readonly string[];
  quantity: number;
  unitPrice: bigint;
  subtotal: bigint;
}

/** What the promotions took off: per line (per promotion), off shipping, and the account of it. */
export interface PromotionOutcome {
  /** per line, per promotion id in the order applied */
  lineDiscounts: Map<string, bigint>[];
  shippingDiscount: bigint;
  applied: AppliedDiscount[];
  rejected: RejectedPromotion[];
}

const stage: Record<PromotionTarget, number> = { item: 0, order: 1, shipping: 2 };

const normalizeCode = (code: string): string => code.trim().toUpperCase();

/**
 * Applies the promotions to a priced cart. The rules, in order:
 * 1. A promotion with a code takes part only when its code was entered (case-insensitive);
 *    one without a code takes part automatically. An entered code no promotion has is rejected.
 * 2. A promotion takes part only inside its dates (`startsAt` ≤ at < `endsAt`), with uses and
 *    budget left, in the cart's currency (fixed amounts), and when its condition holds on the
 *    cart facts (taken before any discount).
 * 3. Exclusivity: of those, in order of `priority` (highest first, then id), if the first is
 *    `exclusive` it is the only one; otherwise every exclusive one is rejected as not combinable.
 * 4. Stacking: item promotions (and buy-X-get-Y) first, then order promotions, then shipping;
 *    inside a target by priority. Each one works on what the earlier ones left (a 10 % after a
 *    10 % takes 10 % of the 90 %), never below zero.
 * 5. Amounts: a percentage rounds half up per line (items) or once for the order, then spreads
 *    over the lines in proportion to what each has left (`allocateProportionally`, exact). A
 *    promotion over its remaining budget is capped at the budget, spread the same way.
 * Only promotions that were asked for by code are reported when they do not apply; an automatic
 * promotion that does not apply stays silent.
 */
export function applyPromotions(
  promotions: readonly PromotionInput[],
  lines: readonly DiscountableLine[],
  shipping: bigint,
  facts: CartFacts,
  atMs: number,
): PromotionOutcome {
  const rejected: RejectedPromotion[] = [];
  const entered = facts.codes.map(normalizeCode);
  for (const code of entered)
    if (!promotions.some((promotion) => promotion.code != null && normalizeCode(promotion.code) === code))
      rejected.push({ code, promotionId: null, reason: message('pricing.rejected.unknownCode', { code }) });

  const reject = (promotion: PromotionInput, key: string, params: PricingMessage['params'] = {}): void => {
    if (promotion.code == null) return;
    rejected.push({
      code: normalizeCode(promotion.code),
      promotionId: promotion.id,
      reason: message(`pricing.rejected.${key}`, { name: promotion.name, ...params }),
    });
  };

  const eligible = promotions
    .filter((promotion) => promotion.code == null || entered.includes(normalizeCode(promotion.code)))
    .filter((promotion) => {
      const why = ineligibility(promotion, facts, atMs);
      if (why) reject(promotion, why.key, why.params);
      return !why;
    })
    .sort(byPriority);

  const first = eligible[0];
  const taking = first?.exclusive ? [first] : eligible.filter((promotion) => !promotion.exclusive);
  for (const promotion of eligible)
    if (!taking.includes(promotion))
      reject(promotion, 'notCombinable', { other: (first as PromotionInput).name });

  const remaining = lines.map((line) => line.subtotal);
  let shippingLeft = shipping;
  const lineDiscounts = lines.map(() => new Map<string, bigint>());
  const applied: AppliedDiscount[] = [];

  for (const promotion of [...taking].sort((a, b) => stage[a.target] - stage[b.target] || byPriority(a, b))) {
    const attempt = discountOf(promotion, lines, remaining, shippingLeft, facts.currency);
    let parts = attempt.parts;
    const because: PricingMessage[] = [reasonOf(promotion, facts)];
    const total = parts.reduce((a, b) => a + b, 0n);
    if (total === 0n) {
      reject(promotion, 'nothingToDiscount');
      continue;
    }
    if (promotion.remainingBudget != null && total > BigInt(promotion.remainingBudget)) {
      parts = allocateProportionally(BigInt(promotion.remainingBudget), parts);
      because.push(
        message('pricing.because.budgetCapped', { budget: money(promotion.remainingBudget, facts.currency) }),
      );
    }
    const amount = parts.reduce((a, b) => a + b, 0n);
    if (promotion.target === 'shipping') shippingLeft -= amount;
    else
      parts.forEach((part, i) => {
        if (part === 0n) return;
        remaining[i] = (remaining[i] as bigint) - part;
        const discounts = lineDiscounts[i] as Map<string, bigint>;
        discounts.set(promotion.id, (discounts.get(promotion.id) ?? 0n) + part);
      });
    applied.push({
      promotionId: promotion.id,
      code: promotion.code == null ? null : normalizeCode(promotion.code),
      target: promotion.target,
      amount: Number(amount),
      explanation: message(attempt.key, { name: promotion.name, ...attempt.params }),
      because,
    });
  }
  return { lineDiscounts, shippingDiscount: shipping - shippingLeft, applied, rejected };
}

function byPriority(a: PromotionInput, b: PromotionInput): number {
  return b.priority - a.priority || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

function message(key: string, params: PricingMessage['params'] = {}): PricingMessage {
  return { key, params };
}

/** `1250` bp → `12.5%` */
function percent(bp: number): string {
  return `${(bp / 100).toString()}%`;
}

/** minor units as an ISO amount a reader understands in any language: `EUR 5.00` */
function money(amount: number | bigint, currency: string): string {
  const digits = currencyDigits(currency);
  const value = BigInt(amount);
  const scale = 10n ** BigInt(digits);
  const whole = value / scale;
  const fraction = (value % scale).toString().padStart(digits, '0');
  return `${currency} ${whole}${digits > 0 ? `.${fraction}` : ''}`;
}

function ineligibility(
  promotion: PromotionInput,
  facts: CartFacts,
  atMs: number,
): { key: string; params?: PricingMessage['params'] } | undefined {
  if (promotion.startsAt != null && Date.parse(promotion.startsAt) > atMs)
    return { key: 'notStarted', params: { startsAt: promotion.startsAt } };
  if (promotion.endsAt != null && Date.parse(promotion.endsAt) <= atMs)
    return { key: 'ended', params: { endsAt: promotion.endsAt } };
  if (promotion.remainingUses != null && promotion.remainingUses <= 0) return { key: 'usageLimitReached' };
  if (promotion.remainingBudget != null && promotion.remainingBudget <= 0) return { key: 'budgetExhausted' };
  // a fixed amount, and a budget, are money in the promotion's currency
  if (
    (promotion.kind === 'fixed' || promotion.remainingBudget != null) &&
    promotion.currency !== facts.currency
  )
    return { key: 'currencyMismatch', params: { currency: promotion.currency ?? '' } };
  if (promotion.condition != null && !conditionHolds(promotion.condition, facts))
    return { key: 'conditionNotMet' };
  return undefined;
}

function conditionHolds(condition: NonNullable<PromotionInput['condition']>, facts: CartFacts): boolean {
  try {
    return jsonLogic.truthy(jsonLogic.apply(condition as never, facts as never));
  } catch {
    // a condition that cannot be evaluated on this cart does not hold
    return false;
  }
}

/** Why a promotion applied: the code, or the condition with the facts it read, or always. */
function reasonOf(promotion: PromotionInput, facts: CartFacts): PricingMessage {
  if (promotion.code != null) return message('pricing.because.code', { code: normalizeCode(promotion.code) });
  if (promotion.condition == null) return message('pricing.because.automatic');
  const read = [...new Set(scanJsonLogic(promotion.condition as never).vars.map((v) => v.name))];
  const shown = read.map(
    (name) => `${name} = ${JSON.stringify(jsonLogic.apply({ var: name }, facts as never))}`,
  );
  return message('pricing.because.condition', { facts: shown.join(', ') });
}

function inScope(line: DiscountableLine, scope: PromotionScope | null | undefined): boolean {
  if (!scope) return true;
  const checks: [readonly string[] | undefined, readonly string[]][] = [
    [scope.variantIds, [line.variantId]],
    [scope.productIds, [line.productId]],
    [scope.categoryIds, line.categoryIds],
    [scope.collectionIds, line.collectionIds],
  ];
  const named = checks.filter(([ids]) => ids && ids.length > 0);
  return named.length === 0 || named.some(([ids, own]) => own.some((id) => ids?.includes(id)));
}

interface Attempt {
  /** per line, or one part for shipping */
  parts: bigint[];
  key: string;
  params: PricingMessage['params'];
}

function discountOf(
  promotion: PromotionInput,
  lines: readonly DiscountableLine[],
  remaining: readonly bigint[],
  shippingLeft: bigint,
  currency: string,
): Attempt {
  const bp = BigInt(promotion.percentBp ?? 0);
  const fixed = BigInt(promotion.amount ?? 0);
  const scoped = lines.map((line) => inScope(line, promotion.scope));
  const min = (a: bigint, b: bigint): bigint => (a < b ? a : b);
  if (promotion.kind === 'buy-x-get-y') return buyXGetY(promotion, lines, remaining, scoped);
  if (promotion.target === 'shipping') {
    const part =
      promotion.kind === 'percentage' ? divideHalfUp(shippingLeft * bp, 10_000n) : min(fixed, shippingLeft);
    return promotion.kind === 'percentage'
      ? {
          parts: [part],
          key: 'pricing.applied.shipping.percentage',
          params: { percent: percent(Number(bp)) },
        }
      : { parts: [part], key: 'pricing.applied.shipping.fixed', params: { amount: money(fixed, currency) } };
  }
  if (promotion.target === 'order') {
    const base = remaining.reduce((a, b) => a + b, 0n);
    const total = promotion.kind === 'percentage' ? divideHalfUp(base * bp, 10_000n) : min(fixed, base);
    const parts = allocateProportionally(total, remaining);
    return promotion.kind === 'percentage'
      ? { parts, key: 'pricing.applied.order.percentage', params: { percent: percent(Number(bp)) } }
      : { parts, key: 'pricing.applied.order.fixed', params: { amount: money(fixed, currency) } };
  }
  const parts = lines.map((line, i) => {
    if (!scoped[i]) return 0n;
    const left = remaining[i] as bigint;
    return promotion.kind === 'percentage'
      ? divideHalfUp(left * bp, 10_000n)
      : min(fixed * BigInt(line.quantity), left);
  });
  const units = lines.reduce((sum, line, i) => sum + (scoped[i] ? line.quantity : 0), 0);
  return promotion.kind === 'percentage'
    ? { parts, key: 'pricing.applied.item.percentage', params: { percent: percent(Number(bp)), units } }
    : { parts, key: 'pricing.applied.item.fixed', params: { amount: money(fixed, currency), units } };
}

/**
 * Buy X, get Y: the units of the lines in scope, dearest first (then by line), form groups of
 * X + Y; in each complete group the Y cheapest units get `percentBp` off (10,000: free), each
 * unit's discount rounded half up. The cheapest units of the cart are the ones discounted.
 */
function buyXGetY(
  promotion: PromotionInput,
  lines: readonly DiscountableLine[],
  remaining: readonly bigint[],
  scoped: readonly boolean[],
): Attempt {
  const buy = promotion.buyQuantity ?? 1;
  const get = promotion.getQuantity ?? 1;
  const bp = promotion.percentBp ?? 10_000;
  const units = lines
    .flatMap((line, index) => (scoped[index] ? Array.from({ length: line.quantity }, () => index) : []))
    .sort((a, b) => {
      const pa = (lines[a] as DiscountableLine).unitPrice;
      const pb = (lines[b] as DiscountableLine).unitPrice;
      return pa === pb ? a - b : pa > pb ? -1 : 1;
    });
  const discounted = Math.floor(units.length / (buy + get)) * get;
  const parts = lines.map(() => 0n);
  for (const index of units.slice(units.length - discounted)) {
    const unit = (lines[index] as DiscountableLine).unitPrice;
    parts[index] = (parts[index] as bigint) + divideHalfUp(unit * BigInt(bp), 10_000n);
  }
  return {
    parts: parts.map((part, i) => (part < (remaining[i] as bigint) ? part : (remaining[i] as bigint))),
    key: 'pricing.applied.item.buyXGetY',
    params: { buy, get, percent: percent(bp), units: discounted },
  };
}
