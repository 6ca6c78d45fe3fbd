import type { AppModel, JsonSchema } from '@codexion/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DomainError } from '../errors/domain-error.js';
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

/** The sales fixture's account with merge strategies: domain and employees filled, tags united. */
function withStrategies(model: AppModel): AppModel {
  const strategies: Record<string, object> = {
    domain: { merge: 'fill' },
    employees: { merge: 'fill' },
    tags: { merge: 'union' },
  };
  return {
    ...model,
    entities: model.entities.map((entity) => {
      if (entity.name !== 'account') return entity;
      const properties: Record<string, JsonSchema> = { ...(entity.schema.properties ?? {}) };
      for (const [name, annotation] of Object.entries(strategies)) {
        const property = properties[name] as JsonSchema;
        properties[name] = {
          ...property,
          'x-codexion': { ...(property['x-codexion'] as object | undefined), ...annotation },
        };
      }
      return { ...entity, schema: { ...entity.schema, properties } };
    }),
  };
}

let s: SalesEngine;
let accounts: Resource;
let opportunities: Resource;
const a = contextFor(tenantA);
const b = contextFor(tenantB);

beforeAll(async () => {
  s = await salesEngine({ adapt: withStrategies });
  accounts = s.engine.resource('account');
  opportunities = s.engine.resource('opportunity');
}, 60_000);
afterAll(() => s?.dispose());

function refused(write: () => Promise<unknown>): Promise<DomainError> {
  return refusedUnchanged(s.database, tenantA, write);
}

function deal(account: ApiRecord, title: string): Promise<ApiRecord> {
  return opportunities.create(a, { title, accountId: account.id, amount: 100 });
}

describe('merging records', () => {
  it('repoints every reference, deletes the duplicates and applies the declared strategies', async () => {
    const kept = await accounts.create(a, { name: 'Acme', tags: ['gold'] });
    const first = await accounts.create(a, {
      name: 'ACME Inc',
      domain: 'acme.example',
      employees: 40,
      tags: ['eu', 'gold'],
    });
    const second = await accounts.create(a, { name: 'Acme Ltd', employees: 99, tags: ['uk'] });
    const d1 = await deal(first, 'One');
    const d2 = await deal(second, 'Two');
    const untouched = await deal(kept, 'Kept');

    const result = await accounts.merge(a, String(kept.id), [String(first.id), String(second.id)]);
    expect(result.mergedIds).toEqual([first.id, second.id]);
    expect(result.moved).toEqual({ opportunity: 2 });
    expect(result.record).toMatchObject({
      name: 'Acme',
      domain: 'acme.example', // freed by the duplicate's delete, then taken
      employees: 40, // the first duplicate that has one
      tags: ['gold', 'eu', 'uk'],
      version: 2,
    });
    for (const moved of [d1, d2]) {
      expect(await opportunities.get(a, String(moved.id))).toMatchObject({ accountId: kept.id, version: 2 });
    }
    expect(await opportunities.get(a, String(untouched.id))).toMatchObject({ version: 1 });
    await expect(accounts.get(a, String(first.id))).rejects.toMatchObject({ code: 'NOT_FOUND' });
    // soft-deleted, so restorable
    expect(await accounts.get(a, String(second.id), {}, { deleted: 'include' })).toMatchObject({
      name: 'Acme Ltd',
    });
  });

  it('writes nothing to the kept record when the duplicates add nothing', async () => {
    const kept = await accounts.create(a, { name: 'Same', domain: 'same.example', employees: 5 });
    const twin = await accounts.create(a, { name: 'Same too', employees: 6 });
    const { record } = await accounts.merge(a, String(kept.id), [String(twin.id)]);
    expect(record).toMatchObject({ version: 1, employees: 5 });
  });

  it("refuses another tenant's record and unknown ids at their paths, and changes nothing", async () => {
    const kept = await accounts.create(a, { name: 'Mine' });
    const duplicate = await accounts.create(a, { name: 'Mine too' });
    const foreign = await accounts.create(b, { name: 'Theirs' });
    const error = await refused(() =>
      accounts.merge(
        a,
        String(kept.id),
        [String(duplicate.id), String(foreign.id), '5f0c1f43-1f9f-4c53-9a3c-1c8a2b0f0d11'],
        {
          path: '/body/duplicateIds',
        },
      ),
    );
    expect(error).toMatchObject({ code: 'VALIDATION_FAILED', status: 422 });
    expect(error.issues).toEqual([
      { path: '/body/duplicateIds/1', code: 'reference', message: 'refers to no account of this tenant' },
      { path: '/body/duplicateIds/2', code: 'reference', message: 'refers to no account of this tenant' },
    ]);
    expect(await accounts.get(b, String(foreign.id))).toMatchObject({ version: 1 });
  });

  it('refuses the kept record among its duplicates (422 MERGE_INTO_SELF), and a kept record of another tenant (404)', async () => {
    const kept = await accounts.create(a, { name: 'Self' });
    const self = await refused(() => accounts.merge(a, String(kept.id), [String(kept.id).toUpperCase()]));
    expect(self).toMatchObject({ code: 'MERGE_INTO_SELF', status: 422 });
    expect(self.issues).toEqual([
      {
        path: '/duplicateIds/0',
        code: 'self',
        message: 'is the account kept; it cannot be its own duplicate',
      },
    ]);
    const foreign = await accounts.create(b, { name: 'Elsewhere' });
    const missing = await refused(() => accounts.merge(a, String(foreign.id), [String(kept.id)]));
    expect(missing).toMatchObject({ code: 'NOT_FOUND', status: 404 });
  });
});
