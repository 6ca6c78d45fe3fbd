import { sql } from 'drizzle-orm';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database, Db } from './database.js';
import { executeRows } from './execute-rows.js';
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

type Moment = 'during a statement' | 'between statements' | 'while the callback swallows the error';

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
    const attempt = database.transaction(async (tx) => {
      await insert(tx, round, 1);
      const pid = await pidOf(tx);
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

  it.each<Moment>(['during a statement', 'between statements', 'while the callback swallows the error'])(
    'never commits part of a transaction killed %s',
    async (moment) => {
      const offset = ['during a statement', 'between statements'].indexOf(moment) + 1;
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
