import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase } from '../data/create-database.js';
import type { Database } from '../data/database.js';
import { executeRows } from '../data/execute-rows.js';
import { servicesInTransaction } from '../data/services-in-transaction.js';
import { createTestDatabase, type TestDatabase } from '../data/test-database.js';
import { Container } from '../foundation/container.js';
import { containerServices } from '../foundation/services.js';
import { frameworkMigrations } from '../kernel/framework-migrations.js';
import { ensureRowLevelSecurity, tenantRole } from '../tenancy/ensure-row-level-security.js';
import { createNumbering, NumberingToken } from './numbering.js';

let test: TestDatabase;
let database: Database;
const numbering = createNumbering();
const tenantA = randomUUID();
const tenantB = randomUUID();

/** One number of `series`/`scope` in its own transaction of `tenantId`, committed. */
function take(tenantId: string, series: string, scope?: string): Promise<number> {
  return database.transaction((tx) => numbering.inTransaction({ tx, tenantId }).next(series, scope), {
    tenantId,
  });
}

beforeAll(async () => {
  test = await createTestDatabase({ migrations: frameworkMigrations });
  database = test.database;
  await ensureRowLevelSecurity(database, { schemas: [] });
  // every transaction below runs as the tenant role, as the kernel's do: the grants and the policy apply
  database.useTenantRole(tenantRole);
}, 60_000);
afterAll(() => test?.dispose());

describe('NumberingToken next', () => {
  it('counts 1, 2, 3 per tenant, series and scope, each independently', async () => {
    expect([await take(tenantA, 'SINV', '2026'), await take(tenantA, 'SINV', '2026')]).toEqual([1, 2]);
    expect(await take(tenantA, 'SINV', '2027')).toBe(1);
    expect(await take(tenantA, 'PINV', '2026')).toBe(1);
    expect(await take(tenantB, 'SINV', '2026')).toBe(1);
    expect(await take(tenantA, 'SINV', '2026')).toBe(3);
    expect([await take(tenantA, 'PAY'), await take(tenantA, 'PAY')]).toEqual([1, 2]);
  });

  it('gives a rolled-back transaction’s number to the next caller: no gaps', async () => {
    expect(await take(tenantA, 'SRET', '2026')).toBe(1);
    const failed = await database
      .transaction(
        async (tx) => {
          expect(await numbering.inTransaction({ tx, tenantId: tenantA }).next('SRET', '2026')).toBe(2);
          throw new Error('the posting failed');
        },
        { tenantId: tenantA },
      )
      .catch((error: unknown) => error);
    expect(failed).toMatchObject({ message: 'the posting failed' });
    expect(await take(tenantA, 'SRET', '2026')).toBe(2);
  });

  it('hands out N distinct consecutive numbers to N parallel transactions', async () => {
    const n = 8;
    // on PostgreSQL, a pool with a connection per transaction, each open before any takes its
    // number: all N contend for the series' row. PGlite runs transactions one at a time.
    const wide = test.url === undefined ? undefined : await createDatabase({ url: test.url, max: 20 });
    wide?.useTenantRole(tenantRole);
    try {
      let open = 0;
      let allOpen: () => void = () => undefined;
      const barrier = new Promise<void>((resolve) => {
        allOpen = resolve;
      });
      const contend = (db: Database): Promise<number> =>
        db.transaction(
          async (tx) => {
            await tx.execute(sql`select 1`);
            open += 1;
            if (open === n) allOpen();
            await barrier;
            return numbering.inTransaction({ tx, tenantId: tenantA }).next('PAR', '2026');
          },
          { tenantId: tenantA },
        );
      const numbers = await Promise.all(
        Array.from({ length: n }, () => (wide === undefined ? take(tenantA, 'PAR', '2026') : contend(wide))),
      );
      expect([...numbers].sort((x, y) => x - y)).toEqual(Array.from({ length: n }, (_, i) => i + 1));
    } finally {
      await wide?.close();
    }
    const rows = await database.transaction(
      (tx) =>
        executeRows<{ next: string | number }>(
          tx,
          sql`select next from prefiq.number_series where series = 'PAR'`,
        ),
      { tenantId: tenantA },
    );
    expect(rows.map((r) => Number(r.next))).toEqual([n + 1]);
  });

  it('keeps each tenant’s series to itself under row-level security', async () => {
    await take(tenantB, 'ISO', '');
    const seen = await database.transaction(
      (tx) =>
        executeRows<{ tenant: string }>(tx, sql`select tenant_id::text as tenant from prefiq.number_series`),
      { tenantId: tenantA },
    );
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.every((r) => r.tenant === tenantA)).toBe(true);
    // a row claiming another tenant is refused by the policy's WITH CHECK
    const forged = await database
      .transaction((tx) => numbering.inTransaction({ tx, tenantId: tenantB }).next('ISO', ''), {
        tenantId: tenantA,
      })
      .catch((error: unknown) => error);
    expect(forged).toBeInstanceOf(Error);
    expect(await take(tenantB, 'ISO', '')).toBe(2);
  });

  it('comes joined to the context’s transaction from ctx.services', async () => {
    const container = new Container();
    container.value(NumberingToken, numbering);
    const first = await database.transaction(
      async (tx) => {
        const services = servicesInTransaction(containerServices(container), { tx, tenantId: tenantB });
        return services.get(NumberingToken).next('CTX', '2026');
      },
      { tenantId: tenantB },
    );
    expect(first).toBe(1);
    expect(await take(tenantB, 'CTX', '2026')).toBe(2);
  });

  it('refuses malformed series and scopes, no tenant, and the unjoined service, taking no number', async () => {
    const within = (series: string, scope: string, tenantId: string | undefined = tenantA) =>
      database
        .transaction((tx) => numbering.inTransaction({ tx, tenantId }).next(series, scope), {
          tenantId: tenantA,
        })
        .catch((error: unknown) => (error as Error).message);
    expect(await within('', '2026')).toContain('cannot name a number series');
    expect(await within('S INV', '2026')).toContain('cannot name a number series');
    expect(await within('X'.repeat(33), '2026')).toContain('cannot name a number series');
    expect(await within('BAD', '2026/27')).toContain('cannot scope a number series');
    expect(await within('BAD', '2026', '')).toContain('belongs to a tenant');
    await expect(numbering.next('BAD', '2026')).rejects.toThrow('use ctx.services.get(NumberingToken)');
    expect(await take(tenantA, 'BAD', '2026')).toBe(1);
  });
});
