import { describe, expect, it } from 'vitest';
import { canonicalJson } from './canonical-json.js';

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

  it('refuses what JSON cannot hold', () => {
    expect(() => canonicalJson(Number.NaN)).toThrow(TypeError);
    expect(() => canonicalJson({ a: 1n })).toThrow(TypeError);
    expect(() => canonicalJson(() => 1)).toThrow(TypeError);
  });
});
