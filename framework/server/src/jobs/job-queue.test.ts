import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../data/test-database.js';
import { frameworkMigrations } from '../kernel/framework-migrations.js';
import { pruneIdentityJob, purgeEventsJob } from './framework-jobs.js';
import { defineJob } from './job-definition.js';
import { createJobQueue, type JobQueue, type JobState, type JobSummary } from './job-queue.js';

// runs on PGlite, and on PostgreSQL too when DATABASE_URL is set (a throwaway database)
let test: TestDatabase;
let queue: JobQueue;
const logger = pino({ level: 'silent' });

const done: readonly JobState[] = ['completed', 'failed', 'cancelled'];

/** Waits until the job reaches `state` (or another final state), polling its row. */
async function settled(name: string, id: string | null, state: JobState = 'completed'): Promise<JobSummary> {
  if (id === null) throw new Error('the job was not sent');
  for (let i = 0; i < 400; i++) {
    const job = await queue.job(name, id);
    if (job !== undefined && (job.state === state || done.includes(job.state))) return job;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`job ${name} ${id} did not reach ${state}`);
}

const flaky = { failuresLeft: 2, runs: 0, effects: 0 };
const batched: number[] = [];
let batchFailuresLeft = 1;
let alwaysFail = true;
const failing = { runs: 0 };

beforeAll(async () => {
  test = await createTestDatabase({ migrations: frameworkMigrations });
  queue = await createJobQueue({ database: test.database, logger, pollingIntervalSeconds: 0.5 });
  await queue.register([
    defineJob<{ n: number }>({
      name: 'test.flaky',
      retryLimit: 5,
      retryDelaySeconds: 0,
      retryBackoff: false,
      handler() {
        flaky.runs += 1;
        if (flaky.failuresLeft-- > 0) throw new Error('not yet');
        flaky.effects += 1;
      },
    }),
    defineJob({
      name: 'test.failing',
      retryLimit: 1,
      retryDelaySeconds: 0,
      retryBackoff: false,
      handler() {
        failing.runs += 1;
        if (alwaysFail) throw new Error('always fails');
      },
    }),
    defineJob<{ n: number }>({
      name: 'test.batched',
      concurrency: 5,
      retryDelaySeconds: 0,
      retryBackoff: false,
      handler({ data }) {
        batched.push(data.n);
        if (data.n === 2 && batchFailuresLeft-- > 0) throw new Error('two fails once');
      },
    }),
    defineJob({ name: 'test.short', policy: 'short', handler: () => new Promise(() => undefined) }),
    defineJob({
      name: 'test.scheduled',
      schedule: { cron: '*/15 * * * *', data: { from: 'cron' } },
      handler: () => undefined,
    }),
  ]);
}, 60_000);

afterAll(async () => {
  await queue?.stop(1000);
  await test?.dispose();
});

describe('the job queue', () => {
  it('retries a job that fails twice: three runs, one effect, completed', async () => {
    const id = await queue.send('test.flaky', { n: 1 });
    const job = await settled('test.flaky', id);
    expect(job).toMatchObject({ state: 'completed', retryCount: 2, data: { n: 1 } });
    expect(flaky).toMatchObject({ runs: 3, effects: 1 });
  });

  it('leaves a job that always fails in failed with its error, and runs it again on retry', async () => {
    const id = await queue.send('test.failing', {});
    const failed = await settled('test.failing', id, 'failed');
    expect(failed.state).toBe('failed');
    expect(failed.output).toMatchObject({ message: 'always fails' });
    expect(failing.runs).toBe(2);
    expect(
      (await queue.jobs({ queue: 'test.failing', state: 'failed', limit: 10 })).map((j) => j.id),
    ).toEqual([id]);

    alwaysFail = false;
    expect(await queue.retry('test.failing', id ?? '')).toBe(true);
    expect(await settled('test.failing', id)).toMatchObject({ state: 'completed' });
    expect(failing.runs).toBe(3);
    // only a failed job can be retried
    expect(await queue.retry('test.failing', id ?? '')).toBe(false);
  });

  it('runs a batch of jobs together, failing only the one that threw', async () => {
    const ids = await Promise.all([1, 2, 3].map((n) => queue.send('test.batched', { n })));
    const jobs = await Promise.all(ids.map((id) => settled('test.batched', id)));
    expect(jobs.map((j) => [j.data, j.state, j.retryCount])).toEqual([
      [{ n: 1 }, 'completed', 0],
      [{ n: 2 }, 'completed', 1],
      [{ n: 3 }, 'completed', 0],
    ]);
    expect(batched.sort()).toEqual([1, 2, 2, 3]);
  });

  it('keeps one waiting job per singleton key on a short queue', async () => {
    const first = await queue.send('test.short', {}, { singletonKey: 'tenant-1', startAfterSeconds: 3600 });
    const second = await queue.send('test.short', {}, { singletonKey: 'tenant-1', startAfterSeconds: 3600 });
    const other = await queue.send('test.short', {}, { singletonKey: 'tenant-2', startAfterSeconds: 3600 });
    expect(first).toEqual(expect.any(String));
    expect(second).toBeNull();
    expect(other).toEqual(expect.any(String));
  });

  it('dedupes by key and time slot whatever the policy', async () => {
    const first = await queue.send('test.flaky', { n: 2 }, { singletonKey: 'slot', singletonSeconds: 600 });
    const again = await queue.send('test.flaky', { n: 3 }, { singletonKey: 'slot', singletonSeconds: 600 });
    expect(first).toEqual(expect.any(String));
    expect(again).toBeNull();
  });

  it('lists its queues with counts by state, and its schedules', async () => {
    const queues = await queue.queues();
    expect(queues.map((q) => q.name)).toEqual([
      'test.batched',
      'test.failing',
      'test.flaky',
      'test.scheduled',
      'test.short',
    ]);
    const short = queues.find((q) => q.name === 'test.short');
    expect(short).toMatchObject({ policy: 'short', counts: { created: 2 } });
    expect(await queue.schedules()).toEqual([
      { queue: 'test.scheduled', cron: '*/15 * * * *', timezone: 'UTC', data: { from: 'cron' } },
    ]);
  });

  it('refuses a job nobody registered, a malformed name and a name declared twice', async () => {
    await expect(queue.send('test.unknown', {})).rejects.toThrow('no job "test.unknown" is registered');
    await expect(queue.register([defineJob({ name: 'NoDot', handler: () => undefined })])).rejects.toThrow(
      'must be "app.job-name"',
    );
    await expect(
      queue.register([defineJob({ name: 'test.flaky', handler: () => undefined })]),
    ).rejects.toThrow('declared twice');
  });
});

describe('the framework jobs', () => {
  it('prefiq.prune-identity removes sessions and tokens that ended over a day ago, and keeps the rest', async () => {
    const { database } = test;
    const user = '0d0d0d0d-0000-4000-8000-00000000000d';
    await database.execute(`insert into prefiq.users (id, email) values ($1, 'prune@example.com')`, [user]);
    const session = (expires: string) =>
      database.execute(
        `insert into prefiq.sessions (user_id, access_hash, access_expires_at, csrf_hash, expires_at)
         values ($1, gen_random_uuid()::text, now(), 'c', now() + $2::interval)`,
        [user, expires],
      );
    await session('-3 days');
    await session('1 day');
    const token = (expires: string) =>
      database.execute(
        `insert into prefiq.one_time_tokens (user_id, purpose, token_hash, expires_at)
         values ($1, 'password_reset', gen_random_uuid()::text, now() + $2::interval)`,
        [user, expires],
      );
    await token('-2 days');
    await token('-1 hour');
    await queue.register([pruneIdentityJob('0 0 1 1 *')]);
    const id = await queue.send('prefiq.prune-identity', {});
    expect(await settled('prefiq.prune-identity', id)).toMatchObject({ state: 'completed' });
    const [counts] = await database.execute<{ sessions: number; tokens: number }>(
      `select (select count(*)::int from prefiq.sessions where user_id = $1) as sessions,
              (select count(*)::int from prefiq.one_time_tokens where user_id = $1) as tokens`,
      [user],
    );
    expect(counts).toEqual({ sessions: 1, tokens: 1 });
  });
  it('sends a job inside a caller’s transaction: rolled back with it, created when it commits', async () => {
    const later = { startAfterSeconds: 3600 };
    await expect(
      test.database.transaction(async (tx) => {
        await queue
          .inTransaction({ tx })
          .send('test.short', {}, { ...later, singletonKey: 'joined-rolled-back' });
        throw new Error('the caller fails');
      }),
    ).rejects.toThrow('the caller fails');
    const id = await test.database.transaction((tx) =>
      queue.inTransaction({ tx }).send('test.short', {}, { ...later, singletonKey: 'joined-committed' }),
    );
    const keys = (await queue.jobs({ queue: 'test.short', limit: 50 })).map((job) => job.singletonKey);
    expect(keys).toContain('joined-committed');
    expect(keys).not.toContain('joined-rolled-back');
    expect(await queue.job('test.short', id ?? '')).toMatchObject({ state: 'created' });
  });

  it('prefiq.purge-events removes events delivered to every consumer and inbox records past the retention, and keeps the rest', async () => {
    const { database } = test;
    const tenant = '0e0e0e0e-0000-4000-8000-00000000000e';
    const event = (id: string, dispatched: string | null) =>
      database.execute(
        `insert into prefiq.event_outbox (id, tenant_id, name, aggregate_key, payload, occurred_at, dispatched_at)
         values ($1, $2, 'test.thing.changed', 'test.thing:1', '{}'::jsonb, now() - interval '30 days',
                 now() + $3::interval)`,
        [id, tenant, dispatched],
      );
    const ids = {
      oldDelivered: '018f0000-0000-7000-8000-000000000001',
      oldUndispatched: '018f0000-0000-7000-8000-000000000002',
      oldDead: '018f0000-0000-7000-8000-000000000003',
      oldPending: '018f0000-0000-7000-8000-000000000004',
      recentDelivered: '018f0000-0000-7000-8000-000000000005',
    };
    await event(ids.oldDelivered, '-8 days');
    await event(ids.oldUndispatched, null);
    await event(ids.oldDead, '-8 days');
    await event(ids.oldPending, '-8 days');
    await event(ids.recentDelivered, '-6 days');
    for (const [id, status] of [
      [ids.oldDead, 'dead'],
      [ids.oldPending, 'pending'],
    ] as const) {
      await database.execute(
        `insert into prefiq.event_deliveries (consumer, event_id, tenant_id, seq, aggregate_key, status)
         select 'sales', id, tenant_id, seq, aggregate_key, $2 from prefiq.event_outbox where id = $1`,
        [id, status],
      );
    }
    const inbox = (id: string, processed: string) =>
      database.execute(
        `insert into prefiq.event_inbox (consumer, event_id, tenant_id, processed_at)
         values ('sales', $1, $2, now() + $3::interval)`,
        [id, tenant, processed],
      );
    await inbox(ids.oldDelivered, '-8 days');
    await inbox(ids.recentDelivered, '-6 days');

    // the default retention: 7 days
    await queue.register([purgeEventsJob('0 0 1 1 *')]);
    const id = await queue.send('prefiq.purge-events', {});
    expect(await settled('prefiq.purge-events', id)).toMatchObject({ state: 'completed' });
    const left = await database.execute<{ id: string }>(
      'select id::text from prefiq.event_outbox where tenant_id = $1 order by id',
      [tenant],
    );
    expect(left.map((row) => row.id)).toEqual([
      ids.oldUndispatched,
      ids.oldDead,
      ids.oldPending,
      ids.recentDelivered,
    ]);
    const kept = await database.execute<{ event_id: string }>(
      'select event_id::text from prefiq.event_inbox where tenant_id = $1',
      [tenant],
    );
    expect(kept.map((row) => row.event_id)).toEqual([ids.recentDelivered]);
  });
});
