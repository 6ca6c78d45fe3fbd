import { describe, expect, it } from 'vitest';
import { unsafeJsonIssues, unstorableText } from './unsafe-input.js';

describe('unstorableText', () => {
  it('names NUL and unpaired surrogates, and lets paired ones (emoji) through', () => {
    expect(unstorableText('a\u0000b')).toEqual({ code: 'nul', message: 'must not contain U+0000 (NUL)' });
    expect(unstorableText('a\ud800')?.code).toBe('surrogate');
    expect(unstorableText('\udc00a')?.code).toBe('surrogate');
    expect(unstorableText('ok 😀 ü')).toBeUndefined();
  });
});

describe('unsafeJsonIssues', () => {
  it('walks values and member names, with JSON Pointer paths under the prefix', () => {
    expect(unsafeJsonIssues({ a: ['x', 'y\u0000'], 'b/c\u0000': 1, ok: { fine: true } }, '/body')).toEqual([
      { path: '/body/a/1', code: 'nul', message: 'must not contain U+0000 (NUL)' },
      { path: '/body/b~1c\u0000', code: 'nul', message: 'has a name that must not contain U+0000 (NUL)' },
    ]);
  });

  it('counts containers: the limit itself is fine, one more is not; a million levels do not take the stack', () => {
    const nest = (depth: number): unknown => {
      let value: unknown = 1;
      for (let i = 0; i < depth; i++) value = [value];
      return value;
    };
    expect(unsafeJsonIssues(nest(4), '', { maxDepth: 4 })).toEqual([]);
    expect(unsafeJsonIssues(nest(5), '', { maxDepth: 4 })).toEqual([
      { path: '/0/0/0/0', code: 'maxDepth', message: 'must not nest deeper than 4 levels' },
    ]);
    expect(
      unsafeJsonIssues(JSON.parse(`${'['.repeat(1_000_000)}${']'.repeat(1_000_000)}`), '/body'),
    ).toHaveLength(1);
  });

  it('stops after 20 issues, however many a value holds', () => {
    expect(
      unsafeJsonIssues(
        Array.from({ length: 10_000 }, () => '\u0000'),
        '/body',
      ),
    ).toHaveLength(20);
  });
});
