import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { afterCommit, atCommit } from './commit-hooks.js';
import type { Database } from './database.js';
import { executeRows } from './execute-rows.js';
import { createTestDatabase, type TestDatabase } from './test-database.js';

const postgresUrl = process.env.DATABASE_URL;
const targets = [
  { name: 'PGlite', url: 'memory://' },
  ...(postgresUrl === undefined ? [] : [{ name: 'PostgreSQL', url: postgresUrl }]),
];

const insert = (id: number, label: string) => ({
  sql: 'insert into hooked (id, label) values ($1, $2)',
  params: [id, label],
});

describe.each(targets)('commit hooks on $name', ({ url }) => {
  let test: TestDatabase;
  let database: Database;

  beforeAll(async () => {
    test = await createTestDatabase({ url });
    database = test.database;
    await database.execute('create table hooked (id int primary key, label text not null)');
  });
  afterAll(() => test.dispose());

  const labels = async () =>
    (await database.execute<{ id: number; label: string }>('select id, label from hooked order by id')).map(
      (r) => `${r.id}:${r.label}`,
    );

  it('sends atCommit statements last, then runs afterCommit hooks before the transaction resolves', async () => {
    const seen: string[] = [];
    const result = await database.transaction(async (tx) => {
      await atCommit(tx, insert(2, 'last'));
      afterCommit(tx, async () => {
        seen.push(`hook sees ${(await labels()).join(',')}`);
      });
      await tx.execute(sql`insert into hooked (id, label) values (1, 'first')`);
      // held back: not in the table yet within the transaction
      const [row] = await executeRows<{ n: number }>(tx, sql`select count(*)::int as n from hooked`);
      seen.push(`inside ${row?.n}`);
      return 'done';
    });
    expect(result).toBe('done');
    expect(seen).toEqual(['inside 1', 'hook sees 1:first,2:last']);
    expect(await labels()).toEqual(['1:first', '2:last']);
  });

  it('rolls back everything and rejects with the explained error when an atCommit statement fails', async () => {
    let hooked = false;
    const failing = database.transaction(async (tx) => {
      await tx.execute(sql`insert into hooked (id, label) values (10, 'kept?')`);
      // a duplicate key: fails at the server, after the work resolved
      await atCommit(tx, insert(1, 'duplicate'), (error) => new Error('explained', { cause: error }));
      afterCommit(tx, () => {
        hooked = true;
      });
      return 'never';
    });
    await expect(failing).rejects.toThrow('explained');
    expect(hooked).toBe(false);
    expect(await labels()).toEqual(['1:first', '2:last']);
    // the database goes on working
    await database.transaction((tx) => atCommit(tx, insert(3, 'after')));
    expect(await labels()).toEqual(['1:first', '2:last', '3:after']);
  });

  it('runs at once outside a transaction, and with values that are not plain', async () => {
    await atCommit(database.db, insert(4, 'pool'));
    expect(await labels()).toEqual(['1:first', '2:last', '3:after', '4:pool']);
    await database.execute('create table blobs (id int primary key, data bytea not null)');
    await database.transaction(async (tx) => {
      // a value the driver has to serialize is sent at once, never held back behind COMMIT
      await atCommit(tx, {
        sql: 'insert into blobs (id, data) values ($1, $2)',
        params: [1, Buffer.from('x')],
      });
      const rows = await executeRows(tx, sql`select id from blobs`);
      expect(rows).toHaveLength(1);
    });
  });
});
