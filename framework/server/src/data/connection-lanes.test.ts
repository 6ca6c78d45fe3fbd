import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from './database.js';
import { executeRows } from './execute-rows.js';
import { createTestDatabase, type TestDatabase } from './test-database.js';

const onPostgres = /^postgres(ql)?:/.test(process.env.DATABASE_URL ?? '');

describe.skipIf(!onPostgres)('Database.read on PostgreSQL', () => {
  let test: TestDatabase;
  const tenantId = randomUUID();

  beforeAll(async () => {
    test = await createTestDatabase();
    await test.database.execute(`do $$ begin create role prefiq_app nologin;
      exception when duplicate_object or unique_violation then null; end $$`);
    test.database.useTenantRole('prefiq_app');
  });
  afterAll(() => test?.dispose());

  const whoAmI = () =>
    test.database.read(
      (db) =>
        executeRows<{ who: string; tenant: string; readOnly: string }>(
          db,
          sql`select current_user as who, current_setting('app.tenant_id') as tenant, current_setting('transaction_read_only') as "readOnly"`,
        ),
      { tenantId },
    );

  it('reads as the tenant role, in the tenant, read-only', async () => {
    expect(await whoAmI()).toEqual([{ who: 'prefiq_app', tenant: tenantId, readOnly: 'on' }]);
  });

  it('refuses a tenant or user id that is not a uuid, and a role that is not a plain name', async () => {
    await expect(test.database.read(async () => 1, { tenantId: "x'); --" })).rejects.toThrow(
      'tenantId must be a uuid',
    );
    await expect(test.database.read(async () => 1, { tenantId, userId: 'nope' })).rejects.toThrow(
      'userId must be a uuid',
    );
  });

  it('refuses a second statement in a read declared as one, and the connection goes on', async () => {
    await expect(
      test.database.read(
        async (db) => {
          await executeRows(db, sql`select 1`);
          return executeRows(db, sql`select 2`);
        },
        { tenantId, oneStatement: true },
      ),
    ).rejects.toMatchObject({
      cause: expect.objectContaining({ message: expect.stringMatching(/second statement/) }),
    });
    for (let i = 0; i < 4; i++) expect((await whoAmI())[0]?.who).toBe('prefiq_app');
  });

  it('survives a backend killed mid-read: the read fails, later reads work, no connection is left in a transaction', async () => {
    const killed = test.database.read(
      async (db) => {
        const [{ pid } = { pid: 0 }] = await executeRows<{ pid: number }>(
          db,
          sql`select pg_backend_pid() as pid`,
        );
        await test.database.execute('select pg_terminate_backend($1)', [pid]);
        return executeRows(db, sql`select pg_sleep(0.05)`);
      },
      { tenantId },
    );
    await expect(killed).rejects.toBeDefined();
    for (let i = 0; i < 6; i++) expect((await whoAmI())[0]?.who).toBe('prefiq_app');
    // a read answers when its query has; its COMMIT may still be on the wire for a moment (it went
    // out in the same write): what must not happen is a connection that stays in a transaction
    const inTransaction = async () =>
      (
        await test.database.execute<{ n: number }>(
          "select count(*)::int as n from pg_stat_activity where datname = current_database() and state like 'idle in transaction%'",
        )
      )[0]?.n;
    await expect.poll(inTransaction, { timeout: 5_000, interval: 50 }).toBe(0);
  });
});

describe.skipIf(!onPostgres)('Database.transaction on PostgreSQL (write lanes)', () => {
  let test: TestDatabase;
  const tenantId = randomUUID();
  const userId = randomUUID();

  beforeAll(async () => {
    test = await createTestDatabase();
    await test.database.execute(`do $$ begin create role prefiq_app nologin;
      exception when duplicate_object or unique_violation then null; end $$`);
    await test.database.execute('create table lane_rows (n int primary key, note text not null)');
    await test.database.execute('grant select, insert on lane_rows to prefiq_app');
    test.database.useTenantRole('prefiq_app');
  });
  afterAll(() => test?.dispose());

  const insert = (tx: Db, n: number, note = 'row') =>
    tx.execute(sql`insert into lane_rows (n, note) values (${n}, ${note})`);
  const notes = async () =>
    (await test.database.execute<{ n: number }>('select n from lane_rows order by n')).map((r) => r.n);

  it('runs in a read-write transaction as the tenant role, with the tenant and user set', async () => {
    const [row] = await test.database.transaction(
      (tx) =>
        executeRows<{ who: string; tenant: string; user: string; readOnly: string }>(
          tx,
          sql`select current_user as who, current_setting('app.tenant_id') as tenant,
            current_setting('app.user_id') as "user", current_setting('transaction_read_only') as "readOnly"`,
        ),
      { tenantId, userId },
    );
    expect(row).toMatchObject({ who: 'prefiq_app', tenant: tenantId, user: userId, readOnly: 'off' });
    // without a tenant: the connecting role, nothing set
    const [system] = await test.database.transaction((tx) =>
      executeRows<{ who: string; tenant: string | null }>(
        tx,
        sql`select current_user as who, current_setting('app.tenant_id', true) as tenant`,
      ),
    );
    expect(system?.who).not.toBe('prefiq_app');
    expect(system?.tenant ?? '').toBe('');
  });

  it('rolls a nested transaction (a savepoint) back alone and commits the rest', async () => {
    await test.database.transaction(async (tx) => {
      await insert(tx, 1);
      await expect(
        tx.transaction(async (inner) => {
          await insert(inner, 2);
          throw new Error('inner fails');
        }),
      ).rejects.toThrow('inner fails');
      await tx.transaction(async (inner) => {
        await insert(inner, 3);
        // a savepoint inside a savepoint
        await expect(
          inner.transaction(async (innermost) => {
            await insert(innermost, 4);
            throw new Error('innermost fails');
          }),
        ).rejects.toThrow('innermost fails');
        await inner.transaction((innermost) => insert(innermost, 5));
      });
    });
    expect(await notes()).toEqual([1, 3, 5]);
  });

  it('refuses to call committed a transaction whose failed statement the work swallowed', async () => {
    const attempt = test.database.transaction(async (tx) => {
      await insert(tx, 10);
      await insert(tx, 10, 'duplicate').catch(() => undefined);
    });
    await expect(attempt).rejects.toThrow(/rolled back/);
    expect(await notes()).not.toContain(10);
  });

  it('hands lanes out in order: more transactions than lanes all commit, and a long one holds up none', async () => {
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    const long = test.database.transaction(async (tx) => {
      await insert(tx, 100);
      await held;
    });
    // the test database has 2 write lanes: one is held above, the other serves all of these in turn
    await Promise.all(
      Array.from({ length: 12 }, (_, i) => test.database.transaction((tx) => insert(tx, 200 + i))),
    );
    release();
    await long;
    expect((await notes()).filter((n) => n >= 100)).toEqual([
      100,
      ...Array.from({ length: 12 }, (_, i) => 200 + i),
    ]);
  });
});
