import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from './database.js';
import { writeMigrationFolder } from './migration-folder.test-helper.js';
import { migrationsSchema, pendingMigrations, runMigrations } from './run-migrations.js';
import { createTestDatabase, type TestDatabase } from './test-database.js';

const postgresUrl = process.env.DATABASE_URL;
const targets = [
  { name: 'PGlite', url: 'memory://' },
  ...(postgresUrl === undefined ? [] : [{ name: 'PostgreSQL', url: postgresUrl }]),
];

const crmFirst = {
  tag: '0000_init',
  when: 1_700_000_000_000,
  statements: [
    'CREATE SCHEMA "crm";',
    'CREATE TABLE "crm"."deals" ("id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL, "title" text NOT NULL);',
  ],
};
const crmSecond = {
  tag: '0001_amount',
  when: 1_700_000_100_000,
  statements: ['ALTER TABLE "crm"."deals" ADD COLUMN "amount" bigint;'],
};
const erpFirst = {
  tag: '0000_orders',
  when: 1_700_000_050_000,
  statements: [
    'CREATE SCHEMA "erp";',
    'CREATE TABLE "erp"."orders" ("id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL, "deal_id" uuid REFERENCES "crm"."deals"("id"));',
  ],
};

describe.each(targets)('runMigrations on $name', ({ url }) => {
  let test: TestDatabase;
  let database: Database;
  let crmFolder: string;
  let erpFolder: string;

  beforeAll(async () => {
    test = await createTestDatabase({ url });
    database = test.database;
    crmFolder = await writeMigrationFolder([crmFirst]);
    erpFolder = await writeMigrationFolder([erpFirst]);
  });
  afterAll(() => test.dispose());

  const sources = () => [
    { name: 'crm', migrationsFolder: crmFolder, schema: 'crm' },
    { name: 'erp', migrationsFolder: erpFolder, schema: 'erp' },
  ];

  it('lists everything as pending on a fresh database', async () => {
    expect(await pendingMigrations(database, sources())).toEqual([
      { name: 'crm', tags: ['0000_init'] },
      { name: 'erp', tags: ['0000_orders'] },
    ]);
  });

  it('applies each plugin’s migrations in order, tracked per plugin', async () => {
    expect(await runMigrations(database, sources())).toEqual([
      { name: 'crm', tags: ['0000_init'] },
      { name: 'erp', tags: ['0000_orders'] },
    ]);
    const tracked = await database.execute<{ table_name: string }>(
      'select table_name from information_schema.tables where table_schema = $1 order by table_name',
      [migrationsSchema],
    );
    expect(tracked.map((t) => t.table_name)).toEqual(['crm', 'erp']);
    expect(await pendingMigrations(database, sources())).toEqual([
      { name: 'crm', tags: [] },
      { name: 'erp', tags: [] },
    ]);
  });

  it('does nothing on a second run', async () => {
    expect(await runMigrations(database, sources())).toEqual([
      { name: 'crm', tags: [] },
      { name: 'erp', tags: [] },
    ]);
  });

  it('applies only what was added since', async () => {
    await writeMigrationFolder([crmFirst, crmSecond], crmFolder);
    expect(await pendingMigrations(database, sources())).toEqual([
      { name: 'crm', tags: ['0001_amount'] },
      { name: 'erp', tags: [] },
    ]);
    await runMigrations(database, sources());
    const columns = await database.execute<{ column_name: string }>(
      "select column_name from information_schema.columns where table_schema = 'crm' and table_name = 'deals' order by ordinal_position",
    );
    expect(columns.map((c) => c.column_name)).toEqual(['id', 'title', 'amount']);
  });

  it('rolls back a plugin whose migration fails and reports the error', async () => {
    const broken = await writeMigrationFolder([
      {
        tag: '0000_broken',
        when: 1,
        statements: ['CREATE SCHEMA "broken";', 'CREATE TABLE "broken"."x" (id nope);'],
      },
    ]);
    await expect(runMigrations(database, [{ name: 'broken', migrationsFolder: broken }])).rejects.toThrow();
    const schemas = await database.execute(
      "select 1 from information_schema.schemata where schema_name = 'broken'",
    );
    expect(schemas).toEqual([]);
    expect(await pendingMigrations(database, [{ name: 'broken', migrationsFolder: broken }])).toEqual([
      { name: 'broken', tags: ['0000_broken'] },
    ]);
  });

  it('refuses a folder without a journal and a name that cannot name a table', async () => {
    await expect(
      pendingMigrations(database, [{ name: 'x', migrationsFolder: '/nonexistent' }]),
    ).rejects.toThrow();
    await expect(
      runMigrations(database, [{ name: 'Bad Name', migrationsFolder: crmFolder }]),
    ).rejects.toThrow(/cannot name a table/);
  });
});

describe.runIf(postgresUrl !== undefined)('runMigrations on PostgreSQL from concurrent boots', () => {
  it('applies each migration once when several nodes migrate at the same time', async () => {
    const test = await createTestDatabase();
    try {
      const folder = await writeMigrationFolder([crmFirst, crmSecond]);
      const { createDatabase } = await import('./create-database.js');
      const nodes = await Promise.all(Array.from({ length: 4 }, () => createDatabase({ url: test.url })));
      const results = await Promise.all(
        nodes.map((node) => runMigrations(node, [{ name: 'crm', migrationsFolder: folder }])),
      );
      const appliedCounts = results.map((r) => r[0]?.tags.length ?? 0);
      expect(appliedCounts.filter((n) => n === 2)).toHaveLength(1);
      expect(appliedCounts.filter((n) => n === 0)).toHaveLength(3);
      const rows = await test.database.execute(`select count(*)::int as n from "${migrationsSchema}"."crm"`);
      expect(rows).toEqual([{ n: 2 }]);
      await Promise.all(nodes.map((n) => n.close()));
    } finally {
      await test.dispose();
    }
  });
});
