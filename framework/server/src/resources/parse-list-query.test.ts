import { beforeAll, describe, expect, it } from 'vitest';
import type { EntityPlan } from './entity-plan.js';
import { coerceFilterValue, operatorsOf, parseListQuery, parseRecordQuery } from './parse-list-query.js';
import { salesPlans } from './sales-engine.test-helper.js';

let opportunity: EntityPlan;
let account: EntityPlan;
beforeAll(async () => {
  ({ opportunity, account } = await salesPlans());
});

const field = (plan: EntityPlan, name: string) => {
  const found = plan.fields.get(name);
  if (found === undefined) throw new Error(name);
  return found;
};
const fails = (plan: () => EntityPlan, query: Record<string, unknown>, code: string, path: string) => () =>
  expect(() => parseListQuery(plan(), query)).toThrow(
    expect.objectContaining({ code, status: 400, issues: [expect.objectContaining({ path })] }),
  );

describe('parseListQuery: defaults', () => {
  it('pages 50 at a time, newest first, the id as tiebreaker', () => {
    const request = parseListQuery(opportunity, {});
    expect(request.pageSize).toBe(50);
    expect(request.sort.map((k) => `${k.descending ? '-' : ''}${k.field.name}`)).toEqual([
      '-createdAt',
      '-id',
    ]);
    expect(request).toMatchObject({
      filters: [],
      total: false,
      fields: undefined,
      include: [],
      q: undefined,
    });
  });
});

describe('parseListQuery: filter', () => {
  it('reads equality and operators, coercing values to the field’s type', () => {
    const { filters } = parseListQuery(opportunity, {
      filter: { status: 'open', amount: { gte: '100', lte: 500 }, stage: { in: 'lead, qualified' } },
    });
    expect(filters.map((f) => [f.field.name, f.op, f.value])).toEqual([
      ['status', 'eq', 'open'],
      ['amount', 'gte', 100],
      ['amount', 'lte', 500],
      ['stage', 'in', ['lead', 'qualified']],
    ]);
  });

  it('offers the operators the OpenAPI filter parameter lists', () => {
    expect(operatorsOf(field(opportunity, 'amount'))).toEqual([
      'eq',
      'ne',
      'lt',
      'lte',
      'gt',
      'gte',
      'in',
      'isNull',
    ]);
    expect(operatorsOf(field(opportunity, 'title'))).toEqual(['eq', 'ne', 'in', 'contains']);
    expect(operatorsOf(field(opportunity, 'status'))).toEqual(['eq', 'ne', 'in']);
    expect(operatorsOf(field(opportunity, 'accountId'))).toEqual(['eq', 'ne', 'in']);
  });

  it.each([
    ['amount', 'abc'],
    ['amount', '1.5'],
    ['amount', '99999999999999999999'],
    ['probability', 'x'],
    ['status', 'closed'],
    ['accountId', 'not-a-uuid'],
    ['expectedClose', '2026-13-45'],
    ['createdAt', 'yesterday'],
  ])('refuses %s=%s', (name, value) => {
    expect(coerceFilterValue(field(opportunity, name), value)).toBeUndefined();
    fails(() => opportunity, { filter: { [name]: value } }, 'INVALID_FILTER', `/filter/${name}`)();
  });

  it('accepts well-formed values of each type', () => {
    expect(coerceFilterValue(field(opportunity, 'probability'), '0.5')).toBe(0.5);
    expect(coerceFilterValue(field(opportunity, 'expectedClose'), '2026-12-31')).toBe('2026-12-31');
    expect(coerceFilterValue(field(opportunity, 'createdAt'), '2026-12-31T10:00:00Z')).toBe(
      '2026-12-31T10:00:00Z',
    );
    expect(coerceFilterValue(field(opportunity, 'accountId'), 'A0000000-0000-4000-8000-000000000001')).toBe(
      'a0000000-0000-4000-8000-000000000001',
    );
  });

  it('takes at most 100 values in one in filter', () => {
    const values = (n: number) => Array.from({ length: n }, (_, i) => `t${i}`).join(',');
    expect(
      parseListQuery(opportunity, { filter: { title: { in: values(100) } } }).filters[0]?.value,
    ).toHaveLength(100);
    fails(() => opportunity, { filter: { title: { in: values(101) } } }, 'INVALID_FILTER', '/filter/title')();
  });

  it('refuses unknown fields, JSON fields, the tenant, and operators a field does not have', () => {
    fails(() => opportunity, { filter: { nope: 'x' } }, 'INVALID_FILTER', '/filter/nope')();
    fails(() => account, { filter: { address: 'x' } }, 'INVALID_FILTER', '/filter/address')();
    fails(() => opportunity, { filter: { tenantId: 'x' } }, 'INVALID_FILTER', '/filter/tenantId')();
    fails(() => opportunity, { filter: { status: { contains: 'o' } } }, 'INVALID_FILTER', '/filter/status')();
    fails(() => opportunity, { filter: { title: { isNull: 'true' } } }, 'INVALID_FILTER', '/filter/title')();
    fails(
      () => opportunity,
      { filter: { amount: { isNull: 'maybe' } } },
      'INVALID_FILTER',
      '/filter/amount',
    )();
    fails(() => opportunity, { filter: { amount: { in: '1,x' } } }, 'INVALID_FILTER', '/filter/amount')();
    fails(() => opportunity, { filter: 'amount' }, 'INVALID_FILTER', '/filter')();
  });
});

describe('parseListQuery: sort, paging, fields, include, where, q', () => {
  it('reads sort from a list or text and appends the id', () => {
    const sort = (raw: unknown) =>
      parseListQuery(opportunity, { sort: raw }).sort.map((k) => `${k.descending ? '-' : ''}${k.field.name}`);
    expect(sort(['-amount', 'title'])).toEqual(['-amount', 'title', 'id']);
    expect(sort('-amount')).toEqual(['-amount', '-id']);
    expect(sort('id')).toEqual(['id']);
  });

  it('refuses unknown, JSON and repeated sort fields', () => {
    fails(() => opportunity, { sort: 'nope' }, 'INVALID_SORT', '/sort')();
    fails(() => account, { sort: ['address'] }, 'INVALID_SORT', '/sort')();
    fails(() => opportunity, { sort: 'amount,-amount' }, 'INVALID_SORT', '/sort')();
  });

  it('checks paging', () => {
    expect(parseListQuery(opportunity, { page: '2', pageSize: 10, total: 'true' })).toMatchObject({
      page: 2,
      pageSize: 10,
      total: true,
    });
    fails(() => opportunity, { pageSize: 201 }, 'INVALID_PARAMETER', '/pageSize')();
    fails(() => opportunity, { pageSize: 0 }, 'INVALID_PARAMETER', '/pageSize')();
    fails(() => opportunity, { page: 'x' }, 'INVALID_PARAMETER', '/page')();
    fails(() => opportunity, { page: 2, cursor: 'abc' }, 'INVALID_PARAMETER', '/page')();
    fails(() => opportunity, { total: 'yes' }, 'INVALID_PARAMETER', '/total')();
  });

  it('always returns id and version with sparse fields, and refuses unknown ones', () => {
    expect([...(parseRecordQuery(opportunity, { fields: 'title' }).fields ?? [])]).toEqual([
      'id',
      'version',
      'title',
    ]);
    fails(() => opportunity, { fields: ['title', 'nope'] }, 'INVALID_PARAMETER', '/fields')();
  });

  it('includes to-one relations only', () => {
    expect(parseRecordQuery(opportunity, { include: ['accountId'] }).include).toEqual([
      { field: 'accountId', target: 'account', key: 'account' },
    ]);
    fails(() => opportunity, { include: 'title' }, 'INVALID_PARAMETER', '/include')();
  });

  it('parses where as JSON and refuses what is not', () => {
    expect(parseListQuery(opportunity, { where: '{"==":[{"var":"status"},"open"]}' }).where).toEqual({
      '==': [{ var: 'status' }, 'open'],
    });
    fails(() => opportunity, { where: '{nope' }, 'INVALID_FILTER', '/where')();
  });

  it('trims q and refuses it where nothing is searchable', () => {
    expect(parseListQuery(account, { q: '  acme ' }).q).toBe('acme');
    expect(parseListQuery(account, { q: '  ' }).q).toBeUndefined();
  });
});
