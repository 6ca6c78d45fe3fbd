import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database, Db } from '../data/database.js';
import { executeRows } from '../data/execute-rows.js';
import { pgErrorOf } from '../data/pg-error.js';
import { createTestDatabase, type TestDatabase } from '../data/test-database.js';
import { frameworkMigrations } from '../kernel/framework-migrations.js';
import { appendOnlyTables } from './append-only-tables.js';
import { ensureRowLevelSecurity, tenantRole } from './ensure-row-level-security.js';

let test: TestDatabase;
let database: Database;
const tenant = randomUUID();
const scope = { schemas: ['ledger_test'] };

/** The SQLSTATE and message `work` fails with. */
async function failure(work: () => Promise<unknown>): Promise<{ code?: string; message?: string }> {
  try {
    await work();
  } catch (error) {
    const info = pgErrorOf(error);
    return { code: info?.code, message: info?.message };
  }
  throw new Error('expected the statement to fail');
}

/** `statement` in a transaction of the tenant, as the tenant role. */
function asTenant(statement: string): Promise<unknown> {
  return database.transaction((tx) => tx.execute(sql.raw(statement)), { tenantId: tenant });
}

/** `statement` in a transaction of the connecting role (a superuser on both databases here). */
function asOwner(statement: string): Promise<unknown> {
  return database.transaction((tx) => tx.execute(sql.raw(statement)));
}

async function privileges(db: Db, table: string): Promise<string[]> {
  const rows = await executeRows<{ privilege: string }>(
    db,
    sql`select p.privilege from unnest(array['SELECT', 'INSERT', 'UPDATE', 'DELETE', 'TRUNCATE']) as p(privilege)
         where has_table_privilege(${tenantRole}, ${table}, p.privilege) order by 1`,
  );
  return rows.map((r) => r.privilege);
}

beforeAll(async () => {
  test = await createTestDatabase({ migrations: frameworkMigrations });
  database = test.database;
  await database.execute(`
    create schema ledger_test;
    create table ledger_test.entries (
      id bigint generated always as identity primary key,
      tenant_id uuid not null,
      amount numeric not null
    );
    create trigger entries_append_only before update or delete on ledger_test.entries
      for each row execute function prefiq.refuse_change();
    create trigger entries_no_truncate before truncate on ledger_test.entries
      for each statement execute function prefiq.refuse_change();
    create table ledger_test.notes (
      id bigint generated always as identity primary key,
      tenant_id uuid not null,
      body text not null
    );`);
  // two boots
  await ensureRowLevelSecurity(database, scope);
  const second = await ensureRowLevelSecurity(database, scope);
  expect(second.appendOnly).toEqual(['ledger_test.entries']);
  expect(second.changed).toEqual([]);
  database.useTenantRole(tenantRole);
}, 60_000);
afterAll(() => test?.dispose());

describe('append-only tables', () => {
  it('are found in the catalog by their prefiq.refuse_change trigger, in the given schemas only', async () => {
    expect(await appendOnlyTables(database.db, ['ledger_test'])).toEqual(['ledger_test.entries']);
    expect(await appendOnlyTables(database.db, ['prefiq'])).toEqual([]);
    expect(await appendOnlyTables(database.db, [])).toEqual([]);
    await expect(appendOnlyTables(database.db, ['bad name'])).rejects.toThrow('cannot name a schema');
  });

  it('give the tenant role SELECT and INSERT only; an ordinary table keeps full DML', async () => {
    expect(await privileges(database.db, 'ledger_test.entries')).toEqual(['INSERT', 'SELECT']);
    expect(await privileges(database.db, 'ledger_test.notes')).toEqual([
      'DELETE',
      'INSERT',
      'SELECT',
      'UPDATE',
    ]);
  });

  it('let the tenant role insert and read, and refuse its UPDATE and DELETE with 42501', async () => {
    await asTenant(
      `insert into ledger_test.entries (tenant_id, amount) values ('${tenant}', 10), ('${tenant}', -10)`,
    );
    const rows = await database.transaction(
      (tx) =>
        executeRows<{ amount: string }>(tx, sql`select amount::text from ledger_test.entries order by id`),
      { tenantId: tenant },
    );
    expect(rows.map((r) => r.amount)).toEqual(['10', '-10']);
    // refused by the grants already, before the trigger
    for (const statement of [
      'update ledger_test.entries set amount = 0',
      'delete from ledger_test.entries',
    ]) {
      const { code, message } = await failure(() => asTenant(statement));
      expect(code).toBe('42501');
      expect(message).toContain('permission denied for table entries');
    }
  });

  it('refuse UPDATE, DELETE and TRUNCATE to the connecting superuser too, naming the table', async () => {
    await asOwner(`insert into ledger_test.entries (tenant_id, amount) values ('${tenant}', 1)`);
    for (const [statement, operation] of [
      ['update ledger_test.entries set amount = 0', 'UPDATE'],
      ['delete from ledger_test.entries', 'DELETE'],
      ['truncate ledger_test.entries', 'TRUNCATE'],
    ] as const) {
      const { code, message } = await failure(() => asOwner(statement));
      expect(code).toBe('42501');
      expect(message).toContain(`ledger_test.entries is append-only: ${operation} refused`);
    }
    const [count] = await executeRows<{ n: number }>(
      database.db,
      sql`select count(*)::int as n from ledger_test.entries`,
    );
    expect(count?.n).toBe(3);
  });

  it('let prefiq_ledger_maintenance change rows', async () => {
    // what an app's migration would give the role: its grant and a policy over every tenant
    await database.execute(`
      grant usage on schema ledger_test to prefiq_ledger_maintenance;
      grant select, update, delete on ledger_test.entries to prefiq_ledger_maintenance;
      create policy entries_maintenance on ledger_test.entries to prefiq_ledger_maintenance
        using (true) with check (true)`);
    const [updated, deleted] = await database.transaction(async (tx) => {
      await tx.execute(sql`set local role prefiq_ledger_maintenance`);
      return [
        await executeRows(tx, sql`update ledger_test.entries set amount = 2 where amount = 1 returning id`),
        await executeRows(tx, sql`delete from ledger_test.entries where amount = 2 returning id`),
      ];
    });
    expect(updated).toHaveLength(1);
    expect(deleted).toEqual(updated);
  });

  it('leave an ordinary table of the same schema fully writable by the tenant role', async () => {
    await asTenant(`insert into ledger_test.notes (tenant_id, body) values ('${tenant}', 'a')`);
    await asTenant(`update ledger_test.notes set body = 'b'`);
    await asTenant('delete from ledger_test.notes');
    const rows = await database.transaction((tx) => executeRows(tx, sql`select id from ledger_test.notes`), {
      tenantId: tenant,
    });
    expect(rows).toEqual([]);
  });
});
