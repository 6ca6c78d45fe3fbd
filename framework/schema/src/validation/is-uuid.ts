/**
 * A uuid in its text form, any version, either case: what `format: uuid` accepts and what
 * PostgreSQL's `uuid` type reads. The one copy of the pattern; use {@link isUuid} to test.
 */
export const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Whether `value` is a uuid in text form (either case).
 *
 * @example
 * isUuid('0a0a0a0a-0000-4000-8000-00000000000a') // true
 * isUuid('0a0a0a0a') // false
 */
export function isUuid(value: unknown): boolean {
  return typeof value === 'string' && uuidPattern.test(value);
}
