import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from './database.js';
import { executeRows } from './execute-rows.js';
import { joinTransaction } from './join-transaction.js';
import { createTestDatabase, type TestDatabase } from './test-database.js';

const tenantA = '0a0a0a0a-0000-4000-8000-00000000000a';
const tenantB = '0b0b0b0b-0000-4000-8000-00000000000b';
const userA = '0c0c0c0c-0000-4000-8000-00000000000c';
let test: TestDatabase;

beforeAll(async () => {
  test = await createTestDatabase();
  await test.database.execute('create table joined_notes (note text not null)');
}, 60_000);

afterAll(async () => {
  await test?.dispose();
});

async function context(db: Db): Promise<{ tenant: string; user: string }> {
  const [row] = await executeRows<{ tenant: string; user: string }>(
    db,
    sql`select current_setting('app.tenant_id', true) as tenant, current_setting('app.user_id', true) as user`,
  );
  return row ?? { tenant: '', user: '' };
}

async function notes(): Promise<string[]> {
  const rows = await test.database.execute<{ note: string }>('select note from joined_notes order by note');
  return rows.map((row) => row.note);
}

describe('joinTransaction', () => {
  it('runs work in another tenant as a savepoint, then the caller goes on in its own', async () => {
    const seen = await test.database.transaction(
      async (tx) => {
        const joined = joinTransaction(test.database, { tx, tenantId: tenantA, userId: userA });
        const inner = await joined.transaction((db) => context(db), { tenantId: tenantB });
        return { inner, after: await context(tx) };
      },
      { tenantId: tenantA, userId: userA },
    );
    expect(seen.inner.tenant).toBe(tenantB);
    expect(seen.after).toEqual({ tenant: tenantA, user: userA });
  });

  it('a failing joined transaction undoes only its own work; the caller’s rollback undoes all', async () => {
    await test.database.execute('delete from joined_notes');
    await test.database.transaction(async (tx) => {
      const joined = joinTransaction(test.database, { tx });
      await tx.execute(sql`insert into joined_notes values ('caller')`);
      await expect(
        joined.transaction(async (db) => {
          await db.execute(sql`insert into joined_notes values ('failed')`);
          throw new Error('refused');
        }),
      ).rejects.toThrow('refused');
      await joined.transaction((db) => db.execute(sql`insert into joined_notes values ('joined')`));
    });
    expect(await notes()).toEqual(['caller', 'joined']);

    await expect(
      test.database.transaction(async (tx) => {
        await joinTransaction(test.database, { tx }).transaction((db) =>
          db.execute(sql`insert into joined_notes values ('rolled back')`),
        );
        throw new Error('the caller fails');
      }),
    ).rejects.toThrow('the caller fails');
    expect(await notes()).toEqual(['caller', 'joined']);
  });

  it('refuses what would escape the caller’s transaction', async () => {
    await test.database.transaction(async (tx) => {
      const joined = joinTransaction(test.database, { tx });
      expect(() => joined.execute('select 1')).toThrow(/execute is not available/);
      expect(() => joined.session(async () => undefined)).toThrow(/session is not available/);
    });
  });
});
