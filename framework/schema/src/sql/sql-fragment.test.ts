import { describe, expect, it } from 'vitest';
import { toPositionalSql } from './sql-fragment.js';

describe('toPositionalSql', () => {
  const fragment = { chunks: ['a = ', { param: 1 }, '::bigint AND b = ', { param: 'x' }, '::text'] };

  it('numbers placeholders from 1', () => {
    expect(toPositionalSql(fragment)).toEqual({ text: 'a = $1::bigint AND b = $2::text', params: [1, 'x'] });
  });

  it('numbers them from an offset, to follow other parameters', () => {
    expect(toPositionalSql(fragment, { offset: 3 }).text).toBe('a = $3::bigint AND b = $4::text');
  });

  it('refuses an offset that is not a positive integer', () => {
    expect(() => toPositionalSql(fragment, { offset: 0 })).toThrow(RangeError);
  });
});
