import type { CartLine } from '../../core/generated/client/types.gen.js';

function isCartLine(value: unknown): value is CartLine {
  if (typeof value !== 'object' || value === null) return false;
  const line = value as Record<string, unknown>;
  return (
    typeof line.variantId === 'string' &&
    Number.isSafeInteger(line.quantity) &&
    Number.isSafeInteger(line.unitAmount)
  );
}

/**
 * A cart's stored `lines` (jsonb, validated against `cart-line.schema.json` on every write through
 * the engine) as typed lines; a stored value of another shape is a broken invariant, not input.
 *
 * @throws {Error} when the stored lines are not cart lines
 */
export function cartLinesOf(stored: unknown): CartLine[] {
  if (!Array.isArray(stored) || !stored.every(isCartLine))
    throw new Error('a cart holds lines of another shape');
  return stored;
}
