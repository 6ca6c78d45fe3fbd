import type { AppModel, EntityModel } from '@codexion/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Resource } from './resource-engine.js';
import type { ApiRecord } from './row-mapping.js';
import {
  contextFor,
  refusedUnchanged,
  type SalesEngine,
  salesEngine,
  tenantA,
} from './sales-engine.test-helper.js';

/** The sales fixture's opportunity, locked once won or lost. */
function lockedWhenClosed(model: AppModel): AppModel {
  const lock = (entity: EntityModel): EntityModel => {
    const workflow = entity.annotations.workflow;
    if (entity.name !== 'opportunity' || workflow === undefined) return entity;
    return {
      ...entity,
      annotations: { ...entity.annotations, workflow: { ...workflow, immutableIn: ['won', 'lost'] } },
    };
  };
  return { ...model, entities: model.entities.map(lock) };
}

let s: SalesEngine;
let opportunities: Resource;
let acme: ApiRecord;
const a = contextFor(tenantA);

beforeAll(async () => {
  s = await salesEngine({ adapt: lockedWhenClosed });
  opportunities = s.engine.resource('opportunity');
  acme = await s.engine.resource('account').create(a, { name: 'Acme' });
}, 60_000);
afterAll(() => s?.dispose());

async function wonDeal(title: string): Promise<ApiRecord> {
  const deal = await opportunities.create(a, { title, accountId: acme.id, amount: 10 });
  return opportunities.transition(a, String(deal.id), 'won');
}

describe('workflow.immutableIn', () => {
  it('refuses a patch of a record in a locked state with 409 RECORD_LOCKED naming the state', async () => {
    const deal = await wonDeal('Locked patch');
    const error = await refusedUnchanged(s.database, tenantA, () =>
      opportunities.update(a, String(deal.id), { amount: 20 }),
    );
    expect(error).toMatchObject({ code: 'RECORD_LOCKED', status: 409, extensions: { state: 'won' } });
    expect(error.message).toContain('won');
  });

  it('refuses a delete of a record in a locked state, and leaves it in place', async () => {
    const deal = await wonDeal('Locked delete');
    const error = await refusedUnchanged(s.database, tenantA, () => opportunities.delete(a, String(deal.id)));
    expect(error).toMatchObject({ code: 'RECORD_LOCKED', status: 409 });
    expect(await opportunities.get(a, String(deal.id))).toMatchObject({ status: 'won', version: 2 });
  });

  it('lets a transition move the record out of a locked state, after which it is writable again', async () => {
    const deal = await wonDeal('Reopened');
    const manager = contextFor(tenantA, {
      permissions: ['sales:opportunity:reopen', 'sales:opportunity:update'],
    });
    const reopened = await opportunities.transition(manager, String(deal.id), 'open');
    expect(reopened.status).toBe('open');
    expect(await opportunities.update(a, String(deal.id), { amount: 30 })).toMatchObject({ amount: 30 });
  });

  it('leaves records in other states writable and deletable', async () => {
    const deal = await opportunities.create(a, { title: 'Open', accountId: acme.id });
    expect(await opportunities.update(a, String(deal.id), { amount: 5 })).toMatchObject({
      amount: 5,
      version: 2,
    });
    await opportunities.delete(a, String(deal.id));
    const gone = await opportunities.get(a, String(deal.id)).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(gone).toMatchObject({ code: 'NOT_FOUND' });
  });
});
