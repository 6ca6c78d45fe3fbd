/**
 * Deterministic JSON: object keys sorted by UTF-16 code units, no whitespace, members whose value
 * is `undefined` left out, strings and numbers written as `JSON.stringify` writes them (for the
 * values JSON can hold this is RFC 8785, the JSON Canonicalization Scheme). The same value always
 * gives the same text, whatever order its keys were built in: what the audit hash chain needs.
 *
 * @throws {TypeError} for values JSON cannot hold (non-finite numbers, bigint, functions, symbols)
 *
 * @example
 * canonicalJson({ b: 1, a: [true, null, 'x'] }) // '{"a":[true,null,"x"],"b":1}'
 */
export function canonicalJson(value: unknown): string {
  return write(value, 0);
}

function write(value: unknown, depth: number): string {
  if (depth > 64) throw new TypeError('canonicalJson: nested deeper than 64 levels');
  if (value === null) return 'null';
  switch (typeof value) {
    case 'boolean':
    case 'string':
      return JSON.stringify(value);
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError(`canonicalJson: ${value} is not a JSON number`);
      return JSON.stringify(value);
    case 'object':
      break;
    default:
      throw new TypeError(`canonicalJson: a ${typeof value} is not a JSON value`);
  }
  if (Array.isArray(value)) {
    return `[${value.map((item) => (item === undefined ? 'null' : write(item, depth + 1))).join(',')}]`;
  }
  const toJson = (value as { toJSON?: unknown }).toJSON;
  if (typeof toJson === 'function') return write((toJson as () => unknown).call(value), depth + 1);
  const members: string[] = [];
  // the default sort compares UTF-16 code units, as RFC 8785 asks
  for (const key of Object.keys(value).sort()) {
    const member = (value as Record<string, unknown>)[key];
    if (member !== undefined) members.push(`${JSON.stringify(key)}:${write(member, depth + 1)}`);
  }
  return `{${members.join(',')}}`;
}
