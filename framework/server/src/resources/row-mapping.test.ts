import { beforeAll, describe, expect, it } from 'vitest';
import type { EntityPlan } from './entity-plan.js';
import { timestampToIso, toApiRecord, toColumnValues } from './row-mapping.js';
import { salesPlans } from './sales-engine.test-helper.js';

describe('timestampToIso', () => {
  it.each([
    ['2026-11-23 16:04:00.123456+00', '2026-11-23T16:04:00.123Z'],
    ['2026-11-23 16:04:00+00', '2026-11-23T16:04:00.000Z'],
    ['2026-11-23 18:04:00.5+02', '2026-11-23T16:04:00.500Z'],
    ['2026-11-23 10:34:00.123+05:30', '2026-11-23T05:04:00.123Z'],
    ['2026-11-23T16:04:00.123Z', '2026-11-23T16:04:00.123Z'],
  ])('%s -> %s', (text, iso) => {
    expect(timestampToIso(text)).toBe(iso);
  });

  it('leaves what it cannot read as it is', () => {
    expect(timestampToIso('infinity')).toBe('infinity');
    expect(timestampToIso(null)).toBe(null);
    expect(timestampToIso(new Date(0))).toBe('1970-01-01T00:00:00.000Z');
  });
});

describe('toApiRecord', () => {
  let opportunity: EntityPlan;
  beforeAll(async () => {
    ({ opportunity } = await salesPlans());
  });

  const row = {
    id: 'a0000000-0000-4000-8000-000000000001',
    tenantId: 't',
    version: 2,
    createdAt: '2026-11-23 16:04:00.123+00',
    updatedAt: '2026-11-23 16:05:00+00',
    createdBy: null,
    updatedBy: null,
    custom: {},
    title: 'Deal',
    accountId: 'a0000000-0000-4000-8000-000000000002',
    amount: '9007199254740991',
    currency: 'EUR',
    stage: 'lead',
    status: 'open',
    lostReason: null,
    expectedClose: '2026-12-01',
    probability: null,
  };

  it('shows timestamps in ISO form and bigint text as a number', () => {
    const record = toApiRecord(opportunity, row);
    expect(record.createdAt).toBe('2026-11-23T16:04:00.123Z');
    expect(record.amount).toBe(9007199254740991);
    expect(record.expectedClose).toBe('2026-12-01');
  });

  it('shows NULL as null where the schema allows it, and leaves it out where not', () => {
    const record = toApiRecord(opportunity, row);
    expect(record).toHaveProperty('lostReason', null);
    expect(record).toHaveProperty('createdBy', null);
    expect(record).not.toHaveProperty('probability');
  });

  it('keeps only the selected fields', () => {
    expect(toApiRecord(opportunity, row, new Set(['id', 'version', 'title']))).toEqual({
      id: row.id,
      version: 2,
      title: 'Deal',
    });
  });

  it('gives every writable column a value for a write, NULL for the absent', () => {
    const values = toColumnValues(opportunity, { title: 'Deal', amount: 5 });
    expect(values).toMatchObject({
      title: 'Deal',
      amount: 5,
      lostReason: null,
      probability: null,
      custom: {},
    });
    expect(values).not.toHaveProperty('id');
    expect(values).not.toHaveProperty('version');
  });
});
