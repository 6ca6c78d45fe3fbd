import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
