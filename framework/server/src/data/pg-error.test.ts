import { describe, expect, it } from 'vitest';
import { isConnectionLoss, keyColumns, pgErrorOf } from './pg-error.js';

describe('pgErrorOf', () => {
  it('finds a postgres.js error under drizzle’s wrapper', () => {
    const cause = Object.assign(new Error('duplicate key'), {
      code: '23505',
      constraint_name: 'accounts_domain_key',
      detail: 'Key (tenant_id, domain)=(x, y) already exists.',
      table_name: 'accounts',
    });
    const wrapped = Object.assign(new Error('Failed query'), { cause });
    expect(pgErrorOf(wrapped)).toMatchObject({
      code: '23505',
      constraint: 'accounts_domain_key',
      table: 'accounts',
    });
  });

  it('reads PGlite’s field names', () => {
    const error = Object.assign(new Error('fk'), { code: '23503', constraint: 'x_fkey' });
    expect(pgErrorOf(error)?.constraint).toBe('x_fkey');
  });

  it('ignores errors without a SQLSTATE', () => {
    expect(pgErrorOf(new Error('plain'))).toBeUndefined();
    expect(pgErrorOf(Object.assign(new Error('fs'), { code: 'ENOENT' }))).toBeUndefined();
    expect(pgErrorOf('text')).toBeUndefined();
  });
});

describe('isConnectionLoss', () => {
  it.each([
    ['57P01', true],
    ['08006', true],
    ['CONNECTION_CLOSED', true],
    ['23505', false],
    ['57014', false],
  ])('%s -> %s', (code, expected) => {
    expect(isConnectionLoss(pgErrorOf(Object.assign(new Error(code), { code })))).toBe(expected);
  });
});

describe('keyColumns', () => {
  it('names the columns, never the values', () => {
    expect(keyColumns('Key (tenant_id, domain)=(a, b@c) already exists.')).toEqual(['tenant_id', 'domain']);
    expect(keyColumns('Key (tenant_id, "Odd")=(a, b) is not present in table "t".')).toEqual([
      'tenant_id',
      'Odd',
    ]);
    expect(keyColumns(undefined)).toEqual([]);
    expect(keyColumns('something else')).toEqual([]);
  });
});
