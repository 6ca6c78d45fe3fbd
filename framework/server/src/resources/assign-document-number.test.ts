import type { AppModel, EntityModel, JsonSchema } from '@codexion/schema';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Resource } from './resource-engine.js';
import type { ApiRecord } from './row-mapping.js';
import {
  contextFor,
  refusedUnchanged,
  type SalesEngine,
  salesEngine,
  tenantA,
  tenantB,
} from './sales-engine.test-helper.js';

/**
 * The sales fixture's opportunity numbered when won. The fixture has no number column, so its
 * free-text `lostReason` (made read-only here) holds the number for this test.
 */
function numberedWhenWon(model: AppModel): AppModel {
  const numbered = (entity: EntityModel): EntityModel => {
    if (entity.name !== 'opportunity') return entity;
    const properties = { ...(entity.schema.properties ?? {}) };
    properties.lostReason = { ...(properties.lostReason as JsonSchema), readOnly: true };
    return {
      ...entity,
      schema: { ...entity.schema, properties },
      annotations: {
        ...entity.annotations,
        number: {
          series: 'OPP',
          format: '{series}-{scope}-{seq:4}',
          scope: 'year',
          dateField: 'expectedClose',
          field: 'lostReason',
          onState: 'won',
        },
      },
    };
  };
  return { ...model, entities: model.entities.map(numbered) };
}

let s: SalesEngine;
let opportunities: Resource;
const accounts: Record<string, ApiRecord> = {};
const a = contextFor(tenantA);
const b = contextFor(tenantB);

beforeAll(async () => {
  s = await salesEngine({ adapt: numberedWhenWon });
  opportunities = s.engine.resource('opportunity');
  accounts[tenantA] = await s.engine.resource('account').create(a, { name: 'Acme' });
  accounts[tenantB] = await s.engine.resource('account').create(b, { name: 'Bolt' });
}, 60_000);
afterAll(() => s?.dispose());
afterEach(() => {
  for (const key of Object.keys(s.hooks)) delete s.hooks[key];
});

async function win(tenantId: string, expectedClose: string | null): Promise<ApiRecord> {
  const ctx = contextFor(tenantId);
  const deal = await opportunities.create(ctx, {
    title: 'Numbered',
    accountId: accounts[tenantId]?.id,
    amount: 10,
    expectedClose,
  });
  return opportunities.transition(ctx, String(deal.id), 'won');
}

describe('x-codexion.number', () => {
  it('numbers a record entering its state: 1, 2, … per tenant and year, formatted', async () => {
    expect((await win(tenantA, '2026-03-01')).lostReason).toBe('OPP-2026-0001');
    expect((await win(tenantA, '2026-11-30')).lostReason).toBe('OPP-2026-0002');
    expect((await win(tenantA, '2027-01-02')).lostReason).toBe('OPP-2027-0001');
    expect((await win(tenantB, '2026-05-05')).lostReason).toBe('OPP-2026-0001');
    const open = await opportunities.create(a, { title: 'Still open', accountId: accounts[tenantA]?.id });
    expect(open.lostReason ?? null).toBeNull();
  });

  it('keeps the number of a record reopened and won again', async () => {
    const won = await win(tenantA, '2031-06-01');
    const manager = contextFor(tenantA, { permissions: ['sales:opportunity:reopen'] });
    await opportunities.transition(manager, String(won.id), 'open');
    const again = await opportunities.transition(a, String(won.id), 'won');
    expect(again.lostReason).toBe('OPP-2031-0001');
    expect((await win(tenantA, '2031-07-01')).lostReason).toBe('OPP-2031-0002');
  });

  it('answers 422 at the date field when a yearly series has no date, taking no number', async () => {
    const deal = await opportunities.create(a, {
      title: 'Undated',
      accountId: accounts[tenantA]?.id,
      amount: 5,
    });
    const error = await refusedUnchanged(s.database, tenantA, () =>
      opportunities.transition(a, String(deal.id), 'won'),
    );
    expect(error).toMatchObject({ code: 'VALIDATION_FAILED', status: 422 });
    expect(error.issues).toEqual([expect.objectContaining({ path: '/expectedClose', code: 'required' })]);
    expect((await win(tenantA, '2028-01-01')).lostReason).toBe('OPP-2028-0001');
  });

  it('gives the number back when the transition fails after taking it: no gaps', async () => {
    expect((await win(tenantA, '2029-01-01')).lostReason).toBe('OPP-2029-0001');
    s.hooks.opportunity = {
      afterUpdate: () => {
        throw new Error('posting failed');
      },
    };
    await expect(win(tenantA, '2029-02-01')).rejects.toThrow('posting failed');
    delete s.hooks.opportunity;
    expect((await win(tenantA, '2029-03-01')).lostReason).toBe('OPP-2029-0002');
  });

  it('keeps the number out of what a client writes', async () => {
    const won = await win(tenantA, '2030-01-01');
    const error = await refusedUnchanged(s.database, tenantA, () =>
      opportunities.update(a, String(won.id), { lostReason: 'OPP-2030-9999' }),
    );
    expect(error.issues).toEqual([expect.objectContaining({ path: '/lostReason', code: 'readOnly' })]);
  });
});
