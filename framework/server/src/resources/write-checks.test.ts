import { createAjv, ValidatorCache } from '@codexion/schema';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadAppModel } from '../plugins/load-app-sources.js';
import { salesRoot } from '../plugins/sales-fixture.test-helper.js';
import type { EntityPlan } from './entity-plan.js';
import { salesPlans } from './sales-engine.test-helper.js';
import {
  checkRules,
  checkWritableInput,
  validateRecord,
  withDefaults,
  writablePart,
} from './write-checks.js';

let opportunity: EntityPlan;
let account: EntityPlan;
const validators = new ValidatorCache(createAjv({ strict: false }));
beforeAll(async () => {
  ({ opportunity, account } = await salesPlans());
  for (const entity of (await loadAppModel(salesRoot)).entities) validators.add(entity.schema);
});

describe('checkWritableInput', () => {
  it('refuses read-only and unknown members, each with its path', () => {
    expect(() =>
      checkWritableInput(account, {
        id: 'x',
        version: 3,
        tenantId: 't',
        deletedAt: null,
        nope: 1,
        name: 'A',
      }),
    ).toThrow(
      expect.objectContaining({
        code: 'VALIDATION_FAILED',
        status: 422,
        issues: [
          { path: '/id', code: 'readOnly', message: 'is read-only' },
          { path: '/version', code: 'readOnly', message: 'is read-only' },
          { path: '/tenantId', code: 'readOnly', message: 'is read-only' },
          { path: '/deletedAt', code: 'readOnly', message: 'is read-only' },
          { path: '/nope', code: 'additionalProperties', message: 'is not a known field' },
        ],
      }),
    );
  });

  it('refuses what is not an object, and prefixes bulk paths', () => {
    expect(() => checkWritableInput(account, [1])).toThrow(
      expect.objectContaining({ code: 'VALIDATION_FAILED' }),
    );
    expect(() => checkWritableInput(account, { createdAt: 'x' }, '/items/4')).toThrow(
      expect.objectContaining({ issues: [expect.objectContaining({ path: '/items/4/createdAt' })] }),
    );
    expect(checkWritableInput(account, { name: 'A', custom: { x: 1 } })).toEqual({
      name: 'A',
      custom: { x: 1 },
    });
  });
});

describe('withDefaults and writablePart', () => {
  it('fills schema defaults and the workflow’s initial state', () => {
    expect(withDefaults(opportunity, { title: 'T' })).toEqual({
      title: 'T',
      currency: 'EUR',
      stage: 'lead',
      status: 'open',
    });
    expect(withDefaults(opportunity, { title: 'T', stage: 'proposal' }).stage).toBe('proposal');
  });

  it('keeps the writable part of a record', () => {
    expect(writablePart(account, { id: 'x', version: 2, name: 'A', custom: {}, createdAt: 'y' })).toEqual({
      name: 'A',
      custom: {},
    });
  });
});

describe('validateRecord', () => {
  it('passes a valid record and reports Ajv’s issues otherwise', () => {
    validateRecord(account, validators, { name: 'Acme', domain: 'acme.com', address: { country: 'DE' } });
    expect(() =>
      validateRecord(account, validators, { name: '', employees: -1, address: { country: 'Germany' } }),
    ).toThrow(
      expect.objectContaining({
        code: 'VALIDATION_FAILED',
        issues: expect.arrayContaining([
          expect.objectContaining({ path: '/name', code: 'minLength' }),
          expect.objectContaining({ path: '/employees', code: 'minimum' }),
          expect.objectContaining({ path: '/address/country', code: 'pattern' }),
        ]),
      }),
    );
    expect(() => validateRecord(account, validators, { domain: 'acme.com' })).toThrow(
      expect.objectContaining({ issues: [expect.objectContaining({ path: '/name', code: 'required' })] }),
    );
    expect(() => validateRecord(account, validators, { name: 'A', custom: 'x' })).toThrow(
      expect.objectContaining({ issues: [expect.objectContaining({ path: '/custom' })] }),
    );
  });

  it('bounds custom fields as the contract declares: 100 keys, keys of 64 characters, 5 levels', () => {
    // custom, a, b, c, d: five objects deep
    const deep = { a: { b: { c: { d: { e: 1 } } } } };
    expect(() => validateRecord(account, validators, { name: 'A', custom: deep })).not.toThrow();
    expect(() =>
      validateRecord(account, validators, { name: 'A', custom: { a: { b: { c: { d: { e: { f: 1 } } } } } } }),
    ).toThrow(
      expect.objectContaining({
        issues: [expect.objectContaining({ path: '/custom/a/b/c/d/e', code: 'maxDepth' })],
      }),
    );
    const many = Object.fromEntries(Array.from({ length: 101 }, (_, i) => [`f${i}`, i]));
    expect(() => validateRecord(account, validators, { name: 'A', custom: many })).toThrow(
      expect.objectContaining({
        issues: [expect.objectContaining({ path: '/custom', code: 'maxProperties' })],
      }),
    );
    expect(() => validateRecord(account, validators, { name: 'A', custom: { ['k'.repeat(65)]: 1 } })).toThrow(
      expect.objectContaining({ issues: [expect.objectContaining({ code: 'propertyNames' })] }),
    );
  });
});

describe('checkRules', () => {
  it('reports each failed rule with its path, id and message', () => {
    checkRules(opportunity, { status: 'won', amount: 5 }, {});
    expect(() => checkRules(opportunity, { status: 'won' }, {})).toThrow(
      expect.objectContaining({
        code: 'RULE_FAILED',
        status: 422,
        issues: [
          {
            path: '/amount',
            code: 'won-needs-amount',
            message: 'A won opportunity needs an amount greater than zero',
          },
        ],
      }),
    );
  });
});
