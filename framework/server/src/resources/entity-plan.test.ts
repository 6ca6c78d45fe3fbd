import { integer, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { type EntityPlan, planEntity } from './entity-plan.js';
import { salesPlans } from './sales-engine.test-helper.js';

let opportunity: EntityPlan;
let account: EntityPlan;
beforeAll(async () => {
  ({ opportunity, account } = await salesPlans());
});

describe('planEntity', () => {
  it('maps each property to its column and kind', () => {
    const kinds = Object.fromEntries(
      [...opportunity.fields.values()].map((f) => [f.name, `${f.column.name}:${f.kind}`]),
    );
    expect(kinds).toMatchObject({
      id: 'id:uuid',
      createdAt: 'created_at:timestamp',
      accountId: 'account_id:uuid',
      amount: 'amount:integer',
      expectedClose: 'expected_close:date',
      probability: 'probability:number',
      custom: 'custom:jsonb',
    });
  });

  it('marks system fields read-only, custom writable, JSON not scalar', () => {
    const get = (plan: EntityPlan, name: string) => plan.fields.get(name);
    expect(get(opportunity, 'version')?.readOnly).toBe(true);
    expect(get(opportunity, 'custom')?.readOnly).toBe(false);
    expect(get(account, 'address')?.scalar).toBe(false);
    expect(get(opportunity, 'tenantId')?.scalar).toBe(false);
    expect(get(opportunity, 'title')?.nullable).toBe(false);
    expect(get(opportunity, 'amount')?.nullable).toBe(true);
    expect(get(opportunity, 'lostReason')?.allowsNull).toBe(true);
    expect(get(opportunity, 'probability')?.allowsNull).toBe(false);
  });

  it('knows relations, search fields, unique keys and foreign keys', () => {
    expect(opportunity.relations.get('accountId')).toEqual({
      field: 'accountId',
      target: 'account',
      key: 'account',
    });
    expect(account.searchFields.map((f) => f.name)).toEqual(['name', 'domain']);
    expect(account.uniqueConstraints.get('accounts_domain_key')).toEqual(['domain']);
    expect(opportunity.foreignKeys.get('opportunities_account_id_fkey')).toBe('accountId');
    expect(account.deletedAt?.name).toBe('deletedAt');
    expect(opportunity.deletedAt).toBeUndefined();
  });

  it('refuses a table that does not match the schema', () => {
    const stale = pgTable('accounts', {
      id: uuid('id'),
      tenantId: uuid('tenant_id'),
      name: text('name'),
      extra: integer('extra'),
    });
    expect(() => planEntity(account.entity, stale)).toThrow(/not in the schema; run codegen/);
    const missing = pgTable('accounts', { id: uuid('id'), name: text('name') });
    expect(() => planEntity(account.entity, missing)).toThrow(/has no column/);
  });
});
