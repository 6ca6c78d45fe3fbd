import { beforeAll, describe, expect, it } from 'vitest';
import type { EntityPlan } from './entity-plan.js';
import { escapeLike, filterConditions, searchCondition, whereCondition } from './list-filter.js';
import { parseListQuery } from './parse-list-query.js';
import { render, salesPlans } from './sales-engine.test-helper.js';

let opportunity: EntityPlan;
let account: EntityPlan;
beforeAll(async () => {
  ({ opportunity, account } = await salesPlans());
});

const filterSql = (plan: EntityPlan, filter: Record<string, unknown>) =>
  filterConditions(parseListQuery(plan, { filter }).filters).map(render);

describe('filterConditions', () => {
  it('binds every value with the column’s type', () => {
    expect(filterSql(opportunity, { amount: { gte: '100', lt: '500' } })).toEqual([
      { sql: '"amount" >= cast($1 as bigint)', params: [100] },
      { sql: '"amount" < cast($1 as bigint)', params: [500] },
    ]);
    expect(filterSql(opportunity, { status: 'open' })).toEqual([
      { sql: '"status" = cast($1 as text)', params: ['open'] },
    ]);
  });

  it('treats NULL as different for ne, lists values for in, and tests NULL for isNull', () => {
    expect(filterSql(opportunity, { stage: { ne: 'lead' } })[0]?.sql).toBe(
      '"stage" is distinct from cast($1 as text)',
    );
    expect(filterSql(opportunity, { stage: { in: 'lead,qualified' } })[0]).toEqual({
      sql: '"stage" in (cast($1 as text), cast($2 as text))',
      params: ['lead', 'qualified'],
    });
    expect(filterSql(opportunity, { amount: { isNull: 'true' } })[0]?.sql).toBe('"amount" is null');
    expect(filterSql(opportunity, { amount: { isNull: false } })[0]?.sql).toBe('"amount" is not null');
  });

  it('matches contains as a literal substring, case-insensitively', () => {
    expect(filterSql(opportunity, { title: { contains: '50%_off\\' } })[0]).toEqual({
      sql: `"title" ilike $1 escape '\\'`,
      params: ['%50\\%\\_off\\\\%'],
    });
  });
});

describe('searchCondition', () => {
  it('searches every search field with the escaped text', () => {
    expect(render(searchCondition(account, 'a_b'))).toEqual({
      sql: `("name" ilike $1 escape '\\' or "domain" ilike $2 escape '\\')`,
      params: ['%a\\_b%', '%a\\_b%'],
    });
    expect(escapeLike('100%')).toBe('100\\%');
  });
});

describe('whereCondition', () => {
  const context = { tenantId: 't', userId: 'a0000000-0000-4000-8000-000000000001' };

  it('compiles JSON Logic over the record’s columns', () => {
    const { sql, params } = render(whereCondition(opportunity, { '>': [{ var: 'amount' }, 100] }, context));
    expect(sql).toContain('"amount"');
    expect(params).toContain(100);
  });

  it('reads $user.id from the request', () => {
    const { params } = render(
      whereCondition(opportunity, { '==': [{ var: 'createdBy' }, { var: '$user.id' }] }, context),
    );
    expect(params).toContain(context.userId);
  });

  it('refuses an unknown field, the tenant and an unsupported operator with a pointer into where', () => {
    const attempt = (rule: unknown) => () => whereCondition(opportunity, rule, context);
    expect(attempt({ and: [true, { '==': [{ var: 'nope' }, 1] }] })).toThrow(
      expect.objectContaining({
        code: 'INVALID_FILTER',
        issues: [expect.objectContaining({ path: '/where/and/1/==/0' })],
      }),
    );
    expect(attempt({ '==': [{ var: 'tenantId' }, 'x'] })).toThrow(
      expect.objectContaining({ code: 'INVALID_FILTER' }),
    );
    expect(attempt({ map: [[1], { var: '' }] })).toThrow(expect.objectContaining({ code: 'INVALID_FILTER' }));
  });
});
