import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CanonicalJsonError, canonicalJson } from './canonical-json.js';

/**
 * The writer every sealed hash so far was computed with (recursive, at most 64 levels), kept as
 * the reference: for every value it wrote, the writer of today must write the same text.
 */
function sealedWith(value: unknown, depth = 0): string {
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
    return `[${value.map((item) => (item === undefined ? 'null' : sealedWith(item, depth + 1))).join(',')}]`;
  }
  const toJson = (value as { toJSON?: unknown }).toJSON;
  if (typeof toJson === 'function') return sealedWith((toJson as () => unknown).call(value), depth + 1);
  const members: string[] = [];
  for (const key of Object.keys(value).sort()) {
    const member = (value as Record<string, unknown>)[key];
    if (member !== undefined) members.push(`${JSON.stringify(key)}:${sealedWith(member, depth + 1)}`);
  }
  return `{${members.join(',')}}`;
}

function nested(levels: number): unknown {
  let value: unknown = 'leaf';
  for (let i = 0; i < levels; i++) value = i % 2 === 0 ? { a: value } : [value];
  return value;
}

describe('canonicalJson', () => {
  it('sorts keys at every depth and drops undefined members', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: 1, y: 2 }], c: undefined } })).toBe(
      '{"a":{"d":[3,{"y":2,"z":1}]},"b":1}',
    );
    expect(canonicalJson({ a: 1, b: 2 })).toBe(canonicalJson({ b: 2, a: 1 }));
  });

  it('writes strings and numbers as JSON.stringify does (RFC 8785 for JSON values)', () => {
    expect(canonicalJson(['é', '"\\\n\u0001', 1e21, 0.1 + 0.2, -0, 5e-324])).toBe(
      '["é","\\"\\\\\\n\\u0001",1e+21,0.30000000000000004,0,5e-324]',
    );
    // keys compare by UTF-16 code units, not code points: an astral character's surrogate pair
    // (0xD83D…) sorts before U+FFFF
    expect(canonicalJson({ b: 1, B: 2, '\uFFFF': 4, '\u{1F600}': 3 })).toBe(
      '{"B":2,"b":1,"\u{1F600}":3,"\uFFFF":4}',
    );
  });

  it('keeps null, writes undefined array items as null, and uses toJSON', () => {
    expect(canonicalJson([null, undefined, new Date(0)])).toBe('[null,null,"1970-01-01T00:00:00.000Z"]');
  });

  it('refuses what JSON cannot hold, without quoting the content', () => {
    expect(() => canonicalJson(Number.NaN)).toThrow(TypeError);
    expect(() => canonicalJson({ a: 1n })).toThrow(TypeError);
    expect(() => canonicalJson(() => 1)).toThrow(TypeError);
    expect(() => canonicalJson({ secret: 'x', n: Number.POSITIVE_INFINITY })).toThrow(
      new CanonicalJsonError('canonicalJson: Infinity is not a JSON number'),
    );
    const cyclic: Record<string, unknown> = { secret: 'x' };
    cyclic.self = { again: cyclic };
    expect(() => canonicalJson(cyclic)).toThrow(
      new CanonicalJsonError('canonicalJson: the value contains itself'),
    );
    // the same object twice, side by side, is no cycle
    const shared = { k: 1 };
    expect(canonicalJson({ a: shared, b: [shared, shared] })).toBe('{"a":{"k":1},"b":[{"k":1},{"k":1}]}');
  });

  it('writes exactly what the recursive writer wrote, for everything it could write', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 8 }), fc.anything({ maxDepth: 4 }), (json, anything) => {
        expect(canonicalJson(json)).toBe(sealedWith(json));
        let before: string | undefined;
        try {
          before = sealedWith(anything);
        } catch {
          before = undefined;
        }
        if (before !== undefined) expect(canonicalJson(anything)).toBe(before);
        else expect(() => canonicalJson(anything)).toThrow(TypeError);
      }),
      { numRuns: 500 },
    );
    expect(canonicalJson(nested(64))).toBe(sealedWith(nested(64)));
  });

  it('writes any depth: 70 levels as JSON.stringify would, 100 000 without overflowing the stack', () => {
    expect(() => sealedWith(nested(70))).toThrow(/deeper than 64/);
    expect(canonicalJson(nested(70))).toBe(JSON.stringify(nested(70)));
    const deep = JSON.parse(`${'['.repeat(100_000)}1${']'.repeat(100_000)}`) as unknown;
    expect(canonicalJson(deep)).toBe(`${'['.repeat(100_000)}1${']'.repeat(100_000)}`);
  });
});
