import { sql } from 'drizzle-orm';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { atCommit } from './commit-hooks.js';
import type { Database, Db } from './database.js';
import { executeRows } from './execute-rows.js';
import { isLostConnection } from './guard-transaction-sql.js';
import { createTestDatabase, type TestDatabase } from './test-database.js';

const postgresUrl = process.env.DATABASE_URL;
const rounds = 25;

/** Rejects when `promise` takes longer than `ms`: a hang is a failure, not a stuck test run. */
function within<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`still pending after ${ms} ms: a hang`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

type Moment =
  | 'during a statement'
  | 'between statements'
  | 'while the callback swallows the error'
  | 'during the statement sent with COMMIT';

/**
 * Kills the backend of a multi-statement write transaction from another connection and proves
 * there is no partial commit, no hang, and that the database object keeps working.
 */
describe.runIf(postgresUrl !== undefined)('PostgreSQL transactions whose backend is killed', () => {
  let test: TestDatabase;
  let database: Database;
  let admin: postgres.Sql;
  let kills = 0;

  beforeAll(async () => {
    test = await createTestDatabase();
    database = test.database;
    admin = postgres(test.url ?? '', { max: 1, onnotice: () => undefined });
    await database.execute('create table fault_rows (round int not null, step int not null)');
  });
  afterAll(async () => {
    console.log(`fault test: killed ${kills} backends mid-transaction`);
    await admin?.end({ timeout: 5 });
    await test?.dispose();
  });

  const pidOf = async (tx: Db) =>
    (await executeRows<{ pid: number }>(tx, sql`select pg_backend_pid() as pid`))[0]?.pid ?? 0;
  const kill = async (pid: number) => {
    const [row] = await admin`select pg_terminate_backend(${pid}) as killed`;
    if (row?.killed === true) kills++;
  };
  const insert = (tx: Db, round: number, step: number) =>
    tx.execute(sql`insert into fault_rows (round, step) values (${round}, ${step})`);

  async function oneRound(round: number, moment: Moment): Promise<void> {
    let lastKill: Promise<void> = Promise.resolve();
    const attempt = database.transaction(async (tx) => {
      // held back until COMMIT (as audit entries are), in every round: it must never commit alone
      await atCommit(tx, {
        sql: 'insert into fault_rows (round, step) select $1::int, $2::int from pg_sleep(0.2)',
        params: [round, 5],
      });
      await insert(tx, round, 1);
      const pid = await pidOf(tx);
      if (moment === 'during the statement sent with COMMIT') {
        // the work is done; the kill lands while the held-back statement runs, before COMMIT does
        lastKill = sleep(60).then(() => kill(pid));
        return 'committed';
      }
      if (moment === 'during a statement') {
        const killing = sleep(20).then(() => kill(pid));
        await insert(tx, round, 2);
        await tx.execute(sql`select pg_sleep(2)`);
        await killing;
      } else if (moment === 'between statements') {
        await kill(pid);
        await sleep(30);
      } else {
        const killing = sleep(20).then(() => kill(pid));
        try {
          await tx.execute(sql`select pg_sleep(2)`);
        } catch {
          // a careless hook: it goes on as if nothing happened
        }
        await killing;
      }
      await insert(tx, round, 3);
      await insert(tx, round, 4);
      return 'committed';
    });
    await expect(within(attempt, 10_000)).rejects.toThrow();
    await lastKill;
    const [count] = await admin<
      { n: number }[]
    >`select count(*)::int as n from fault_rows where round = ${round}`;
    // all or nothing; since every kill lands before COMMIT, nothing
    expect(count?.n).toBe(0);
    // the database object keeps working: the next transaction commits at the first call
    await within(
      database.transaction(async (tx) => {
        await insert(tx, round, 100);
      }),
      10_000,
    );
  }

  it.each<Moment>([
    'during a statement',
    'between statements',
    'while the callback swallows the error',
    'during the statement sent with COMMIT',
  ])(
    'never commits part of a transaction killed %s',
    async (moment) => {
      const offset =
        ['during a statement', 'between statements', 'during the statement sent with COMMIT'].indexOf(
          moment,
        ) + 1;
      for (let i = 0; i < rounds; i++) await oneRound(offset * 1000 + i, moment);
      const [kept] = await admin<{ n: number }[]>`
      select count(*)::int as n from fault_rows where round between ${offset * 1000} and ${offset * 1000 + rounds} and step = 100`;
      expect(kept?.n).toBe(rounds);
    },
    120_000,
  );

  it('keeps concurrent transactions apart while backends are being killed', async () => {
    const results = await Promise.allSettled(
      Array.from({ length: 30 }, (_, i) =>
        within(
          database.transaction(async (tx) => {
            await insert(tx, 9000 + i, 1);
            const pid = await pidOf(tx);
            if (i % 3 === 0) await kill(pid);
            await insert(tx, 9000 + i, 2);
          }),
          10_000,
        ),
      ),
    );
    const rows = await admin<{ round: number; n: number }[]>`
      select round, count(*)::int as n from fault_rows where round >= 9000 group by round order by round`;
    const committed = new Map(rows.map((r) => [r.round, r.n]));
    results.forEach((result, i) => {
      const n = committed.get(9000 + i) ?? 0;
      if (result.status === 'fulfilled') expect(n).toBe(2);
      else expect(n).toBe(0);
      if (i % 3 === 0) expect(result.status).toBe('rejected');
    });
    await within(database.ping(), 10_000).catch(() => within(database.ping(), 10_000));
  }, 60_000);
});

/**
 * Kills the backend of reads in a tenant (`Database.read`, which runs on a connection of its own
 * with the tenant context) again and again, and proves that reads after it neither hang nor run
 * short of connections: a lost connection must go back to the pool to reconnect, never stay
 * checked out. postgres.js hands the dead backend's error to the first request of the reconnected
 * connection (here: the next read's checkout), which once lost that connection for good.
 */
describe.runIf(postgresUrl !== undefined)('PostgreSQL reads whose backend is killed', () => {
  let test: TestDatabase;
  let database: Database;
  let admin: postgres.Sql;
  const tenantId = '5b0e2c4e-1f7a-4c1b-9a53-6f0d3e2a9c11';

  beforeAll(async () => {
    test = await createTestDatabase();
    database = test.database;
    admin = postgres(test.url ?? '', { max: 1, onnotice: () => undefined });
    await database.execute(`do $$ begin create role prefiq_app nologin;
      exception when duplicate_object or unique_violation then null; end $$`);
    database.useTenantRole('prefiq_app');
  });
  afterAll(async () => {
    await admin?.end({ timeout: 5 });
    await test?.dispose();
  });

  const whoAmI = () =>
    database.read(
      (db) =>
        executeRows<{ who: string; tenant: string }>(
          db,
          sql`select current_user as who, current_setting('app.tenant_id') as tenant`,
        ),
      { tenantId },
    );

  it('keeps every connection usable after many reads were killed mid-statement', async () => {
    for (let round = 0; round < 12; round++) {
      const killed = database.read(
        async (db) => {
          const [{ pid } = { pid: 0 }] = await executeRows<{ pid: number }>(
            db,
            sql`select pg_backend_pid() as pid`,
          );
          const killing = sleep(20).then(() => admin`select pg_terminate_backend(${pid})`);
          try {
            return await executeRows(db, sql`select pg_sleep(2)`);
          } finally {
            await killing;
          }
        },
        { tenantId },
      );
      await expect(within(killed, 10_000)).rejects.toThrow();
      // more reads at once than the pool has connections: a lost connection would leave some waiting for ever
      const reads = await Promise.allSettled(Array.from({ length: 8 }, () => within(whoAmI(), 10_000)));
      const hung = reads.filter((r) => r.status === 'rejected' && /a hang/.test(String(r.reason)));
      expect(hung).toEqual([]);
    }
    // once the dead backends' errors are spent, every read succeeds, as the tenant role in the tenant
    const settled = await Promise.all(
      Array.from({ length: 8 }, () =>
        within(
          whoAmI().catch(() => whoAmI()),
          10_000,
        ),
      ),
    );
    for (const rows of settled) expect(rows).toEqual([{ who: 'prefiq_app', tenant: tenantId }]);
    // a read resolves with its rows while its pipelined COMMIT may still be on the wire, so a
    // connection may be idle in its transaction for a moment; one left there for good is the bug
    const idleInTransaction = async () =>
      (
        await admin<{ n: number }[]>`
          select count(*)::int as n from pg_stat_activity
           where datname = current_database() and state like 'idle in transaction%'`
      )[0]?.n;
    let idle = await idleInTransaction();
    for (let tries = 0; idle !== 0 && tries < 40; tries++) {
      await sleep(50);
      idle = await idleInTransaction();
    }
    expect(idle).toBe(0);
  }, 120_000);

  it('never answers a read from outside its tenant, role and transaction while backends are killed at random', async () => {
    type Seen = { who: string; tenant: string; readOnly: string };
    const look = sql`select current_user as who, current_setting('app.tenant_id') as tenant,
      current_setting('transaction_read_only') as "readOnly", pg_sleep(0.002)`;
    const read = (i: number) =>
      within(
        database.read(
          async (db) => {
            // one-statement reads pipeline with others; two-statement ones hold their connection
            if (i % 2 === 0) return executeRows<Seen>(db, look);
            const first = await executeRows<Seen>(db, look);
            return [...first, ...(await executeRows<Seen>(db, look))];
          },
          { tenantId, oneStatement: i % 2 === 0 },
        ),
        30_000,
      );
    let kills = 0;
    let storming = true;
    const storm = (async () => {
      const until = Date.now() + 2_000;
      while (Date.now() < until) {
        await sleep(40);
        const [row] = await admin`
          select pg_terminate_backend(pid) as killed from pg_stat_activity
           where datname = current_database() and pid <> pg_backend_pid() and backend_type = 'client backend'
           order by random() limit 1`;
        if (row?.killed === true) kills++;
      }
      storming = false;
    })();
    const reads: Promise<PromiseSettledResult<Seen[]>>[] = [];
    for (let i = 0; storming; i++) {
      reads.push(
        read(i).then(
          (value) => ({ status: 'fulfilled', value }),
          (reason: unknown) => ({ status: 'rejected', reason }),
        ),
      );
      await sleep(4);
    }
    await storm;
    // every read settles: answered, or failed for its lost connection; none hangs
    const results = await Promise.all(reads);
    expect(kills).toBeGreaterThan(5);
    let answered = 0;
    for (const result of results) {
      if (result.status === 'rejected') {
        expect(isLostConnection(result.reason), String(result.reason)).toBe(true);
        continue;
      }
      answered++;
      for (const seen of result.value)
        expect(seen).toMatchObject({ who: 'prefiq_app', tenant: tenantId, readOnly: 'on' });
    }
    expect(answered).toBeGreaterThan(0);
    // and the connections recover: every read works again
    for (let i = 0; i < 8; i++) {
      expect(
        await within(
          whoAmI().catch(() => whoAmI()),
          10_000,
        ),
      ).toEqual([{ who: 'prefiq_app', tenant: tenantId }]);
    }
  }, 120_000);
});
