import { createTestDatabase } from '@codexion/framework/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { changedTables, tableFingerprint } from './table-fingerprint.js';

describe('tableFingerprint', () => {
  let test: Awaited<ReturnType<typeof createTestDatabase>>;
  const tenant = '0a0a0a0a-0000-4000-8000-00000000000a';
  const other = '0b0b0b0b-0000-4000-8000-00000000000b';
  beforeAll(async () => {
    test = await createTestDatabase({ url: 'memory://' });
    await test.database.execute('create schema demo');
    await test.database.execute(
      'create table demo.things (id int primary key, tenant_id uuid not null, name text)',
    );
    await test.database.execute(
      `insert into demo.things values (1, '${tenant}', 'one'), (2, '${other}', 'two')`,
    );
  }, 60_000);
  afterAll(() => test?.dispose());

  it('changes with a table’s rows and names the table, the whole or one tenant’s share', async () => {
    const before = await tableFingerprint(test.database);
    const beforeTenant = await tableFingerprint(test.database, { tenantId: tenant });
    expect(changedTables(before, await tableFingerprint(test.database))).toEqual([]);
    await test.database.execute(`update demo.things set name = 'zwei' where id = 2`);
    expect(changedTables(before, await tableFingerprint(test.database))).toEqual(['demo.things']);
    // the other tenant's change is not this tenant's
    expect(changedTables(beforeTenant, await tableFingerprint(test.database, { tenantId: tenant }))).toEqual(
      [],
    );
    await test.database.execute(`update demo.things set name = 'eins' where id = 1`);
    expect(changedTables(beforeTenant, await tableFingerprint(test.database, { tenantId: tenant }))).toEqual([
      'demo.things',
    ]);
  });

  it('does not depend on the order rows come in', async () => {
    const before = await tableFingerprint(test.database);
    await test.database.execute('delete from demo.things where id = 1');
    await test.database.execute(`insert into demo.things values (1, '${tenant}', 'eins')`);
    expect(changedTables(before, await tableFingerprint(test.database))).toEqual([]);
  });
});
