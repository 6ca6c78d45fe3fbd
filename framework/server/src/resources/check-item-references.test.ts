import type { AppModel, JsonSchema } from '@codexion/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DomainError } from '../errors/domain-error.js';
import { createResourceEngine, type Resource } from './resource-engine.js';
import type { ApiRecord } from './row-mapping.js';
import {
  contextFor,
  refusedUnchanged,
  type SalesEngine,
  salesEngine,
  tenantA,
  tenantB,
} from './sales-engine.test-helper.js';

/** The sales fixture with `account.tags` made a list of related accounts: `items.x-codexion.ref`. */
function withAccountRefs(model: AppModel, target = 'account'): AppModel {
  return {
    ...model,
    entities: model.entities.map((entity) => {
      if (entity.name !== 'account') return entity;
      const properties = entity.schema.properties ?? {};
      const tags = properties.tags as JsonSchema;
      const items = { ...(tags.items as JsonSchema), 'x-codexion': { ref: target } };
      return {
        ...entity,
        schema: { ...entity.schema, properties: { ...properties, tags: { ...tags, items } } },
      };
    }),
  };
}

let s: SalesEngine;
let accounts: Resource;
const a = contextFor(tenantA);
const b = contextFor(tenantB);
let acme: ApiRecord;
let globex: ApiRecord;
let foreign: ApiRecord;
const nobody = '5f0c1f43-1f9f-4c53-9a3c-1c8a2b0f0d11';

beforeAll(async () => {
  s = await salesEngine({ adapt: (model) => withAccountRefs(model) });
  accounts = s.engine.resource('account');
  acme = await accounts.create(a, { name: 'Acme' });
  globex = await accounts.create(a, { name: 'Globex' });
  foreign = await accounts.create(b, { name: 'Initech' });
}, 60_000);
afterAll(() => s?.dispose());

/** The refusal of a write that must fail, the accounts of tenant A unchanged. */
function refused(write: () => Promise<unknown>): Promise<DomainError> {
  return refusedUnchanged(s.database, tenantA, write);
}

const issue = (path: string) => ({ path, code: 'reference', message: 'refers to no account of this tenant' });

describe('references held in arrays', () => {
  it('are stored when each names a record of the tenant', async () => {
    const created = await accounts.create(a, { name: 'Umbrella', tags: [acme.id, globex.id] });
    expect(created.tags).toEqual([acme.id, globex.id]);
  });

  it("refuse an unknown id and another tenant's, each at its item's path", async () => {
    const error = await refused(() =>
      accounts.create(a, { name: 'Hooli', tags: [acme.id, nobody, String(foreign.id)] }),
    );
    expect(error).toMatchObject({ code: 'VALIDATION_FAILED', status: 422 });
    expect(error.issues).toEqual([issue('/tags/1'), issue('/tags/2')]);
  });

  it('name the bulk item too', async () => {
    const error = await refused(() =>
      accounts.bulkCreate(a, [
        { name: 'One', tags: [acme.id] },
        { name: 'Two', tags: [nobody] },
      ]),
    );
    expect(error.issues).toEqual([issue('/items/1/tags/0')]);
  });

  it('check only the ids an update adds', async () => {
    const holder = await accounts.create(a, { name: 'Holder', tags: [acme.id] });
    const error = await refused(() => accounts.update(a, String(holder.id), { tags: [acme.id, nobody] }));
    expect(error.issues).toEqual([issue('/tags/1')]);
    const updated = await accounts.update(a, String(holder.id), { tags: [globex.id, acme.id] });
    expect(updated.tags).toEqual([globex.id, acme.id]);
  });

  it("lose a deleted record's id, each holder getting a new version; other tenants untouched", async () => {
    const gone = await accounts.create(a, { name: 'Gone' });
    const holder = await accounts.create(a, { name: 'Keeper', tags: [String(gone.id), acme.id] });
    const elsewhere = await accounts.create(b, { name: 'Far', tags: [String(foreign.id)] });
    await accounts.delete(a, String(gone.id));
    const after = await accounts.get(a, String(holder.id));
    expect(after).toMatchObject({ tags: [acme.id], version: Number(holder.version) + 1 });
    expect(await accounts.get(b, String(elsewhere.id))).toMatchObject({ tags: [foreign.id], version: 1 });
  });
});

describe('an array referring to an entity the app does not have', () => {
  it('stops the engine from starting', async () => {
    const model = withAccountRefs(s.model, 'invoice');
    expect(() =>
      createResourceEngine({
        database: s.database,
        model,
        tables: s.tables,
        cursorSecret: 'test-cursor-secret-0123456789',
      }),
    ).toThrow('account.schema.json: tags refers to "invoice", which has no table');
  });
});
