import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ErpKernel, erpKernel } from './erp-kernel.test-helper.js';

let erp: ErpKernel;

beforeAll(async () => {
  erp = await erpKernel();
}, 120_000);

afterAll(async () => {
  await erp?.dispose();
});

describe('erp plugin', () => {
  it('serves its masters through the API: create, read, list', async () => {
    const created = await erp.call('createParty', 'POST', '/parties', {
      body: { kind: 'customer', name: 'Nordwind GmbH', currency: 'EUR', paymentTermsDays: 14 },
    });
    expect(created.status).toBe(201);
    expect(created.contract).toEqual([]);
    const listed = await erp.call('listParties', 'GET', '/parties');
    expect(listed.status).toBe(200);
    expect((listed.body.items as { name: string }[]).map((party) => party.name)).toEqual(['Nordwind GmbH']);
  });

  it('refuses an unknown field and a bad currency with the field path', async () => {
    const unknown = await erp.call('createParty', 'POST', '/parties', {
      body: { kind: 'customer', name: 'X', currency: 'EUR', paymentTermsDays: 0, colour: 'red' },
    });
    expect(unknown.status).toBe(422);
    const badCurrency = await erp.call('createParty', 'POST', '/parties', {
      body: { kind: 'customer', name: 'X', currency: 'euro', paymentTermsDays: 0 },
    });
    expect(badCurrency.status).toBe(422);
    expect(JSON.stringify(badCurrency.body.errors)).toContain('/body/currency');
  });

  it('keeps the ledger and the stock moves append-only: the tenant role may only read and insert', async () => {
    const rows = await erp.database.database.execute(
      `select table_name, string_agg(privilege_type, ',' order by privilege_type) as privileges
         from information_schema.role_table_grants
        where grantee = 'prefiq_app' and table_schema = 'erp' and table_name in ('gl_entries', 'stock_moves')
        group by table_name order by table_name`,
    );
    expect(rows).toEqual([
      { table_name: 'gl_entries', privileges: 'INSERT,SELECT' },
      { table_name: 'stock_moves', privileges: 'INSERT,SELECT' },
    ]);
  });
});
