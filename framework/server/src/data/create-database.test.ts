import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase } from './create-database.js';
import type { Database } from './database.js';
import { executeRows } from './execute-rows.js';
import { createTestDatabase, type TestDatabase } from './test-database.js';

const postgresUrl = process.env.DATABASE_URL;
const targets = [
  { name: 'PGlite', url: 'memory://' },
  ...(postgresUrl === undefined ? [] : [{ name: 'PostgreSQL', url: postgresUrl }]),
];

describe.each(targets)('createDatabase on $name', ({ url }) => {
  let test: TestDatabase;
  let database: Database;

  beforeAll(async () => {
    test = await createTestDatabase({ url });
    database = test.database;
    await database.execute('create table items (id int primary key, label text not null)');
  });
  afterAll(() => test.dispose());

  it('answers a ping and raw SQL with parameters', async () => {
    await database.ping();
    expect(await database.execute<{ n: number }>('select $1::int + 1 as n', [41])).toEqual([{ n: 42 }]);
  });

  it('runs several statements without parameters and returns the last one’s rows', async () => {
    const rows = await database.execute('select 1 as a; select 2 as b');
    expect(rows).toEqual([{ b: 2 }]);
  });

  it('commits a transaction that resolves and rolls back one that throws', async () => {
    await database.transaction(async (tx) => {
      await tx.execute(sql`insert into items values (1, 'kept')`);
    });
    await expect(
      database.transaction(async (tx) => {
        await tx.execute(sql`insert into items values (2, 'dropped')`);
        throw new Error('refused');
      }),
    ).rejects.toThrow('refused');
    expect(await database.execute('select id, label from items order by id')).toEqual([
      { id: 1, label: 'kept' },
    ]);
  });

  it('sets app.tenant_id and app.user_id for the transaction only', async () => {
    const tenantId = '6f1c7a52-2f3a-4a8e-9d55-0b3c2c1f0a11';
    const inside = await database.transaction(
      async (tx) =>
        executeRows<{ tenant: string; user: string }>(
          tx,
          sql`select current_setting('app.tenant_id', true) as tenant, current_setting('app.user_id', true) as user`,
        ),
      { tenantId, userId: 'user-1' },
    );
    expect(inside).toEqual([{ tenant: tenantId, user: 'user-1' }]);
    const after = await database.transaction((tx) =>
      executeRows<{ tenant: string | null }>(
        tx,
        sql`select current_setting('app.tenant_id', true) as tenant`,
      ),
    );
    expect([null, '']).toContain(after[0]?.tenant);
  });

  it('runs concurrent transactions without losing or mixing writes', async () => {
    await database.execute('delete from items');
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) =>
        database.transaction(async (tx) => {
          await tx.execute(sql`insert into items values (${100 + i}, 'a')`);
          await tx.execute(sql`update items set label = 'b' where id = ${100 + i}`);
          if (i % 3 === 0) throw new Error(`refuse ${i}`);
          return i;
        }),
      ),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(13);
    const rows = await database.execute<{ id: number; label: string }>(
      'select id, label from items order by id',
    );
    expect(rows.map((r) => r.id)).toEqual(
      Array.from({ length: 20 }, (_, i) => i)
        .filter((i) => i % 3 !== 0)
        .map((i) => 100 + i),
    );
    expect(new Set(rows.map((r) => r.label))).toEqual(new Set(['b']));
  });

  it('gives a session of its own for work outside the pool', async () => {
    const rows = await database.session((db) => executeRows<{ one: number }>(db, sql`select 1 as one`));
    expect(rows).toEqual([{ one: 1 }]);
  });

  it('closes idempotently', async () => {
    const extra = await createTestDatabase({ url });
    await extra.database.close();
    await extra.database.close();
    await extra.dispose();
  });
});

describe.runIf(postgresUrl !== undefined)('createDatabase on PostgreSQL: connection parameters', () => {
  it('sets the timeouts on every connection and refuses a pool of one', async () => {
    const test = await createTestDatabase();
    try {
      const own = await createDatabase({
        url: test.url,
        max: 3,
        statementTimeoutMs: 1234,
        idleInTransactionTimeoutMs: 5678,
      });
      const settings = await Promise.all(
        Array.from({ length: 6 }, () =>
          own.transaction((tx) =>
            executeRows<{ s: string; i: string }>(
              tx,
              sql`select current_setting('statement_timeout') as s, current_setting('idle_in_transaction_session_timeout') as i`,
            ),
          ),
        ),
      );
      for (const [row] of settings) expect(row).toEqual({ s: '1234ms', i: '5678ms' });
      await expect(own.execute('select pg_sleep(2)')).rejects.toThrow(/statement timeout/);
      await own.close();
      await expect(createDatabase({ url: test.url, max: 1 })).rejects.toThrow(RangeError);
    } finally {
      await test.dispose();
    }
  });
});

describe('createDatabase on a PGlite folder', () => {
  it('creates the folder and keeps the data across reopening', async () => {
    const parent = await mkdtemp(join(tmpdir(), 'codexion-pglite-'));
    const dataDir = join(parent, 'nested', 'data');
    try {
      const first = await createDatabase({ url: dataDir });
      expect(first.kind).toBe('pglite');
      await first.execute('create table kept (n int)');
      await first.execute('insert into kept values ($1)', [7]);
      await first.close();
      const second = await createDatabase({ url: `file://${dataDir}` });
      expect(await second.execute('select n from kept')).toEqual([{ n: 7 }]);
      await second.close();
    } finally {
      await rm(parent, { recursive: true, force: true });
    }
  });
});
