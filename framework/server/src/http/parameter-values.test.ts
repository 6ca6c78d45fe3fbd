import type { JsonSchema } from '@codexion/schema';
import { describe, expect, it } from 'vitest';
import {
  coerceDeepObject,
  coerceScalar,
  type ParameterSpec,
  readNamed,
  readQuery,
} from './parameter-values.js';

function spec(
  name: string,
  schema: ParameterSpec['schema'],
  extra: Partial<ParameterSpec> = {},
): ParameterSpec {
  return { name, in: 'query', required: false, style: 'form', explode: true, schema, ...extra };
}

const specs: ParameterSpec[] = [
  spec('pageSize', { type: 'integer' }),
  spec('total', { type: 'boolean' }),
  spec('sort', { type: 'array', items: { type: 'string' } }, { explode: false }),
  spec('ids', { type: 'array', items: { type: 'integer' } }),
  spec('filter', { type: 'object' }, { style: 'deepObject' }),
];

describe('coerceScalar', () => {
  it('converts text that spells the declared type and leaves the rest for validation', () => {
    expect(coerceScalar('25', { type: 'integer' })).toBe(25);
    expect(coerceScalar('-2.5e3', { type: 'number' })).toBe(-2500);
    expect(coerceScalar('', { type: 'integer' })).toBe('');
    expect(coerceScalar('0x10', { type: 'integer' })).toBe('0x10');
    expect(coerceScalar('false', { type: 'boolean' })).toBe(false);
    expect(coerceScalar('yes', { type: 'boolean' })).toBe('yes');
    expect(coerceScalar('null', { type: ['integer', 'null'] })).toBeNull();
    expect(coerceScalar('42', { type: 'string' })).toBe('42');
  });
});

describe('readQuery', () => {
  it('reads scalars, comma lists, repeated keys and deep objects', () => {
    const query = new URLSearchParams(
      'pageSize=10&total=true&sort=-amount,title&ids=1&ids=2&filter[amount][gte]=100&filter[stage]=won',
    );
    expect(readQuery(query, specs)).toEqual({
      values: {
        pageSize: 10,
        total: true,
        sort: ['-amount', 'title'],
        ids: [1, 2],
        filter: { amount: { gte: '100' }, stage: 'won' },
      },
      issues: [],
    });
  });

  it('reports unknown, repeated and malformed parameters', () => {
    const query = new URLSearchParams(
      'pageSize=1&pageSize=2&nope=1&sort[x]=1&filter=won&filter[a]=1&filter[a][b]=2',
    );
    const { issues } = readQuery(query, specs);
    expect(issues).toEqual([
      { path: '/query/nope', code: 'unknown', message: 'is not a known parameter' },
      { path: '/query/sort[x]', code: 'unknown', message: 'is not a known parameter' },
      { path: '/query/filter', code: 'style', message: 'must be given as filter[field]=value' },
      { path: '/query/pageSize', code: 'duplicate', message: 'must be given once' },
    ]);
  });

  it('never reaches an object prototype', () => {
    const { values, issues } = readQuery(new URLSearchParams('filter[__proto__][polluted]=1'), specs);
    expect(issues).toEqual([{ path: '/query/filter', code: 'style', message: 'names a forbidden key' }]);
    expect(values).toEqual({});
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('coerceDeepObject', () => {
  it('coerces leaves by the schema, through anyOf branches', () => {
    const schema: JsonSchema = {
      type: 'object',
      properties: {
        amount: {
          anyOf: [
            { type: 'number' },
            { type: 'object', properties: { gte: { type: 'number' }, in: { type: 'string' } } },
          ],
        },
        paid: { type: 'boolean' },
      },
    };
    expect(coerceDeepObject({ amount: { gte: '100', in: '1,2' }, paid: 'true', other: '5' }, schema)).toEqual(
      {
        amount: { gte: 100, in: '1,2' },
        paid: true,
        other: '5',
      },
    );
    expect(coerceDeepObject({ amount: '7' }, schema)).toEqual({ amount: 7 });
  });
});

describe('readNamed', () => {
  it('reads declared values under their keys, leaving absent ones out', () => {
    const headers = new Map([
      ['if-match', '"3"'],
      ['x-count', '4'],
    ]);
    const named = readNamed(
      (name) => headers.get(name.toLowerCase()),
      [
        spec('If-Match', { type: 'string' }, { in: 'header' }),
        spec('X-Count', { type: 'integer' }, { in: 'header' }),
        spec('X-None', { type: 'string' }, { in: 'header' }),
      ],
      (s) => s.name.toLowerCase(),
    );
    expect(named).toEqual({ 'if-match': '"3"', 'x-count': 4 });
  });
});
