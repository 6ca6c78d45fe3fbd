function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if ((a === null || a === undefined) && (b === null || b === undefined)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * A JSON Merge Patch (RFC 7396) of only what changed between two versions of a record: changed
 * fields with their new value, cleared ones as `null`, embedded objects patched field by field,
 * arrays whole. Only `fields` are compared, so read-only values the form never held are not
 * mistaken for deletions.
 *
 * @example
 * mergePatch({ a: 1, b: 2 }, { a: 1, b: 3 }, ['a', 'b']) // { b: 3 }
 */
export function mergePatch(
  before: Record<string, unknown>,
  after: Record<string, unknown>,
  fields: readonly string[] = [...new Set([...Object.keys(before), ...Object.keys(after)])],
): Record<string, unknown> {
  const patch: Record<string, unknown> = {};
  for (const field of fields) {
    const old = before[field];
    const next = after[field];
    if (sameValue(old, next)) continue;
    if (next === undefined || next === null) {
      patch[field] = null;
    } else if (isPlainObject(old) && isPlainObject(next)) {
      const nested = mergePatch(old, next);
      if (Object.keys(nested).length) patch[field] = nested;
    } else {
      patch[field] = next;
    }
  }
  return patch;
}
