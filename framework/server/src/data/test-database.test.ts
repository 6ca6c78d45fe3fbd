import postgres from 'postgres';
import { describe, expect, it } from 'vitest';
import { writeMigrationFolder } from './migration-folder.test-helper.js';
import { createTestDatabase } from './test-database.js';

const postgresUrl = process.env.DATABASE_URL;

const migrations = async () => [
  {
    name: 'notes',
    migrationsFolder: await writeMigrationFolder([
      {
        tag: '0000_notes',
        when: 1,
        statements: ['CREATE SCHEMA "notes";', 'CREATE TABLE "notes"."notes" (id int);'],
      },
    ]),
  },
];

describe('createTestDatabase on PGlite', () => {
  it('gives each call its own migrated copy of one template', async () => {
    const sources = await migrations();
    const first = await createTestDatabase({ url: 'memory://', migrations: sources });
    const started = performance.now();
    const second = await createTestDatabase({ url: 'memory://', migrations: sources });
    const loadMs = performance.now() - started;
    try {
      await first.database.execute('insert into notes.notes values (1)');
      expect(await second.database.execute('select * from notes.notes')).toEqual([]);
      expect(second.url).toBeUndefined();
      // loading the dumped template is what makes per-file databases cheap
      expect(loadMs).toBeLessThan(5_000);
    } finally {
      await Promise.all([first.dispose(), second.dispose()]);
    }
  });
});

describe.runIf(postgresUrl !== undefined)('createTestDatabase on PostgreSQL', () => {
  it('creates a uniquely named, migrated database and drops it on dispose', async () => {
    const test = await createTestDatabase({ migrations: await migrations() });
    const name = new URL(test.url ?? '').pathname.slice(1);
    expect(name).toMatch(/^codexion_test_/);
    expect(await test.database.execute('select count(*)::int as n from notes.notes')).toEqual([{ n: 0 }]);
    await test.dispose();
    const admin = postgres(postgresUrl ?? '', { max: 1 });
    try {
      expect(await admin`select 1 from pg_database where datname = ${name}`).toHaveLength(0);
    } finally {
      await admin.end();
    }
  });
});
