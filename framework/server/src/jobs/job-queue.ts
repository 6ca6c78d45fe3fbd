import { sql } from 'drizzle-orm';
import PgBoss from 'pg-boss';
import type { Logger } from 'pino';
import { runQuery } from '../data/commit-hooks.js';
import type { Database, Db } from '../data/database.js';
import { type JoinsTransaction, joinTransaction } from '../data/join-transaction.js';
import { noServices, type Services } from '../foundation/services.js';
import { type JobDefinition, jobNamePattern } from './job-definition.js';

/** The PostgreSQL schema pg-boss keeps its queues, jobs and schedules in. */
export const jobSchema = 'prefiq_jobs';

export type JobState = 'created' | 'retry' | 'active' | 'completed' | 'cancelled' | 'failed';

/** A queue with how many of its jobs are in each state. */
export interface QueueSummary {
  name: string;
  policy: string;
  retryLimit: number;
  counts: Record<JobState, number>;
}

/** One job as an operator sees it. */
export interface JobSummary {
  id: string;
  queue: string;
  state: JobState;
  data: unknown;
  /** what the handler returned, or the error it failed with (`{ message, stack }`) */
  output: unknown;
  retryCount: number;
  retryLimit: number;
  singletonKey: string | null;
  createdOn: string;
  startedOn: string | null;
  completedOn: string | null;
}

export interface ScheduleSummary {
  queue: string;
  cron: string;
  timezone: string;
  data: unknown;
}

export interface SendOptions {
  /** with a queue policy (`short`, `singleton`, `stately`) or `singletonSeconds`: one job per key */
  singletonKey?: string;
  /** one job per key and time slot of this many seconds, whatever the policy */
  singletonSeconds?: number;
  /** not before this many seconds from now */
  startAfterSeconds?: number;
}

/**
 * Durable jobs with retries, backoff, singleton keys and cron schedules, kept in the database:
 * jobs survive restarts and any node's worker takes them (each job by one worker).
 * `inTransaction(ctx)` is the same queue whose `send` writes the job in the caller's transaction:
 * sent from an action that then fails, the job is never created (`ctx.services` hands that one out).
 */
export interface JobQueue extends JoinsTransaction<JobQueue> {
  /** creates the queues, starts their workers and (re)writes their schedules */
  register(definitions: readonly JobDefinition<object>[]): Promise<void>;
  /** the registered jobs, by name */
  readonly definitions: ReadonlyMap<string, JobDefinition<object>>;
  /**
   * Sends a job; its id, or `null` when a singleton key dropped it.
   *
   * @throws {Error} for a queue no plugin registered
   */
  send(name: string, data: object, options?: SendOptions): Promise<string | null>;
  queues(): Promise<QueueSummary[]>;
  /** newest first; with `tenantId`, only jobs whose data names no tenant or that one (`data.tenantId`) */
  jobs(query: { queue?: string; state?: JobState; limit: number; tenantId?: string }): Promise<JobSummary[]>;
  /** with `tenantId`, as {@link JobQueue.jobs}: a job of another tenant is not found */
  job(queue: string, id: string, tenantId?: string): Promise<JobSummary | undefined>;
  /** a failed job goes back to `retry`, for the next worker; `false` when it is not failed */
  retry(queue: string, id: string): Promise<boolean>;
  schedules(): Promise<ScheduleSummary[]>;
  /** waits for running jobs (at most `timeoutMs`), then stops polling */
  stop(timeoutMs?: number): Promise<void>;
}

export interface JobQueueOptions {
  database: Database;
  logger: Logger;
  /** how often an idle worker looks for jobs; 2 s unless given */
  pollingIntervalSeconds?: number;
  /** keep sending scheduled jobs (one node at a time does, across nodes); on unless given */
  schedule?: boolean;
  /** the kernel's services, which handlers get as `ctx.services`; none unless given */
  services?: Services;
}

const states: readonly JobState[] = ['created', 'retry', 'active', 'completed', 'cancelled', 'failed'];

const iso = (value: unknown): string | null =>
  value === null || value === undefined ? null : new Date(value as string).toISOString();

function summary(row: Record<string, unknown>): JobSummary {
  return {
    id: String(row.id),
    queue: String(row.name),
    state: row.state as JobState,
    data: row.data ?? null,
    output: row.output ?? null,
    retryCount: Number(row.retry_count),
    retryLimit: Number(row.retry_limit),
    singletonKey: (row.singleton_key as string | null) ?? null,
    createdOn: iso(row.created_on) ?? '',
    startedOn: iso(row.started_on),
    completedOn: iso(row.completed_on),
  };
}

/** pg-boss's `locked()` commands: `BEGIN;` at the start of a line, then the work, then `COMMIT;` */
const transactionText = /^\s*BEGIN;/m;

/** The rows of a drizzle `execute` (postgres.js gives an array, several statements one per statement). */
function rowsOf(result: unknown): Record<string, unknown>[] {
  const last = Array.isArray(result) && Array.isArray(result.at(-1)) ? result.at(-1) : result;
  return Array.isArray(last) ? [...(last as Record<string, unknown>[])] : [];
}

/** The rows of a raw query on a handle: postgres.js gives an array, PGlite `{ rows }`. */
function resultRows(result: unknown): Record<string, unknown>[] {
  if (Array.isArray(result)) return rowsOf(result);
  const rows = (result as { rows?: unknown } | null)?.rows;
  return Array.isArray(rows) ? [...(rows as Record<string, unknown>[])] : [];
}

/** pg-boss's connection over a transaction handle: its statements run in that transaction. */
function bossDbOf(tx: Db) {
  return {
    executeSql: async (text: string, values: unknown[] = []) => ({
      rows: resultRows(await runQuery(tx, { sql: text, params: values.map(asParameter) })),
    }),
  };
}

/** pg-boss's send options from ours. */
function bossSendOptions(options: SendOptions): PgBoss.SendOptions {
  return {
    ...(options.singletonKey === undefined ? {} : { singletonKey: options.singletonKey }),
    ...(options.singletonSeconds === undefined ? {} : { singletonSeconds: options.singletonSeconds }),
    ...(options.startAfterSeconds === undefined ? {} : { startAfter: options.startAfterSeconds }),
  };
}

function asParameter(value: unknown): unknown {
  // pg sends undefined as NULL; postgres.js refuses it
  if (value === undefined) return null;
  if (value === null || typeof value !== 'object') return value;
  if (value instanceof Date || Array.isArray(value) || value instanceof Uint8Array) return value;
  return JSON.stringify(value);
}

/** A job whose data names no tenant (a system job) or the one at parameter `$n`. */
const ofTenant = (n: number) => `(data->>'tenantId' is null or data->>'tenantId' = $${n})`;

const jobColumns =
  'id, name, state, data, output, retry_count, retry_limit, singleton_key, created_on, started_on, completed_on';

/**
 * The job queue on pg-boss, over the kernel's own database: its SQL goes through
 * `database.execute` (on PGlite in the connection's queue, between transactions), so the same
 * queue runs on embedded PGlite and on PostgreSQL without a second driver. `start` installs or
 * upgrades pg-boss's schema (`prefiq_jobs`) under its advisory lock.
 *
 * @example
 * const queue = await createJobQueue({ database, logger });
 * await queue.register([pruneIdentityJob]);
 * await queue.send('prefiq.prune-identity', {});
 */
export async function createJobQueue({
  database,
  logger,
  pollingIntervalSeconds = 2,
  schedule = true,
  services = noServices,
}: JobQueueOptions): Promise<JobQueue> {
  const execute = async (text: string, values: readonly unknown[] = []) => {
    // pg-boss hands job data over as objects, which its own driver (pg) sends as JSON
    const params = values.map(asParameter);
    if (database.kind === 'pglite') return database.session(() => database.execute(text, params));
    // its locked commands (install, maintenance) are a transaction in one text: on a connection of
    // their own, since postgres.js refuses a BEGIN on its pool
    if (params.length === 0 && transactionText.test(text)) {
      return database.session(async (db) => rowsOf(await db.execute(sql.raw(text))));
    }
    return database.execute(text, params);
  };
  const boss = new PgBoss({
    db: {
      executeSql: async (text: string, values: unknown[] = []) => ({ rows: await execute(text, values) }),
    },
    schema: jobSchema,
    schedule,
    supervise: true,
    migrate: true,
  });
  boss.on('error', (error) => logger.error({ err: error }, 'job queue error'));
  await boss.start();
  const definitions = new Map<string, JobDefinition<object>>();

  const handle = (definition: JobDefinition<object>, job: PgBoss.JobWithMetadata<object>) =>
    definition.handler({
      id: job.id,
      name: job.name,
      data: job.data as never,
      retryCount: job.retryCount,
      database,
      logger: logger.child({ job: job.name, job_id: job.id }),
      services,
    });

  /**
   * One fetch of a queue's worker. A single job's failure is pg-boss's to record (the handler
   * rejects); in a batch (`concurrency` > 1) the jobs run together and each failure is recorded on
   * its own job, so the others still complete (pg-boss completes only the jobs still active).
   */
  const run = (definition: JobDefinition<object>) => async (jobs: PgBoss.JobWithMetadata<object>[]) => {
    const [only] = jobs;
    if (jobs.length === 1 && only !== undefined) {
      await handle(definition, only);
      return;
    }
    // async: a handler that throws at once fails its own job, not the map over the batch
    const outcomes = await Promise.allSettled(jobs.map(async (job) => handle(definition, job)));
    for (const [i, outcome] of outcomes.entries()) {
      const job = jobs[i];
      if (outcome.status === 'fulfilled' || job === undefined) continue;
      const error = outcome.reason instanceof Error ? outcome.reason : new Error(String(outcome.reason));
      await boss.fail(definition.name, job.id, { message: error.message, stack: error.stack });
    }
  };

  const registered = (name: string) => {
    if (!definitions.has(name)) throw new Error(`no job "${name}" is registered`);
  };
  const queue: JobQueue = {
    definitions,
    inTransaction(scope) {
      // the job tables are the platform's, outside row-level security: as the connecting role
      const joined = joinTransaction(database, scope, { asConnectingRole: true });
      return {
        ...queue,
        async send(name, data, options = {}) {
          registered(name);
          return joined.transaction((tx) =>
            boss.send(name, data, { ...bossSendOptions(options), db: bossDbOf(tx) }),
          );
        },
      };
    },
    async register(list) {
      for (const definition of list) {
        if (!jobNamePattern.test(definition.name)) {
          throw new Error(`job name "${definition.name}" must be "app.job-name" in lower case`);
        }
        if (definitions.has(definition.name)) {
          throw new Error(`job "${definition.name}" is declared twice`);
        }
        const options = {
          name: definition.name,
          policy: definition.policy ?? 'standard',
          retryLimit: definition.retryLimit ?? 2,
          retryDelay: definition.retryDelaySeconds ?? 30,
          retryBackoff: definition.retryBackoff ?? true,
          expireInSeconds: definition.expireInSeconds ?? 900,
        };
        if ((await boss.getQueue(definition.name)) === null) await boss.createQueue(definition.name, options);
        else await boss.updateQueue(definition.name, options);
        definitions.set(definition.name, definition);
        await boss.work(
          definition.name,
          { pollingIntervalSeconds, includeMetadata: true, batchSize: definition.concurrency ?? 1 },
          run(definition),
        );
        if (definition.schedule) {
          await boss.schedule(definition.name, definition.schedule.cron, definition.schedule.data ?? {}, {
            tz: definition.schedule.tz ?? 'UTC',
          });
        } else {
          await boss.unschedule(definition.name);
        }
      }
    },
    async send(name, data, options = {}) {
      registered(name);
      return boss.send(name, data, bossSendOptions(options));
    },
    async queues() {
      const queues = await boss.getQueues();
      const rows = await execute(
        `select name, state, count(*)::int as count from ${jobSchema}.job group by name, state`,
      );
      return (
        queues
          // pg-boss's own (`__pgboss__send-it`, which sends scheduled jobs) are not the operator's
          .filter((queue) => !queue.name.startsWith('__pgboss__'))
          .map((queue) => {
            const counts = Object.fromEntries(states.map((s) => [s, 0])) as Record<JobState, number>;
            for (const row of rows)
              if (row.name === queue.name) counts[row.state as JobState] = Number(row.count);
            return {
              name: queue.name,
              policy: queue.policy ?? 'standard',
              retryLimit: queue.retryLimit ?? 0,
              counts,
            };
          })
          .sort((a, b) => a.name.localeCompare(b.name))
      );
    },
    async jobs({ queue, state, limit, tenantId }) {
      const where: string[] = [];
      const values: unknown[] = [];
      if (queue !== undefined) where.push(`name = $${values.push(queue)}`);
      if (state !== undefined) where.push(`state = $${values.push(state)}`);
      if (tenantId !== undefined) where.push(ofTenant(values.push(tenantId)));
      const rows = await execute(
        `select ${jobColumns} from ${jobSchema}.job where name not like '\\_\\_pgboss\\_\\_%' ${where.map((w) => `and ${w}`).join(' ')}
         order by created_on desc, id limit $${values.push(limit)}`,
        values,
      );
      return rows.map(summary);
    },
    async job(queue, id, tenantId) {
      const [row] = await execute(
        `select ${jobColumns} from ${jobSchema}.job where name = $1 and id = $2${tenantId === undefined ? '' : ` and ${ofTenant(3)}`}`,
        tenantId === undefined ? [queue, id] : [queue, id, tenantId],
      );
      return row === undefined ? undefined : summary(row);
    },
    async retry(queue, id) {
      const [found] = (
        await execute(`select state from ${jobSchema}.job where name = $1 and id = $2`, [queue, id])
      ).map((row) => ({ state: row.state as JobState }));
      if (found?.state !== 'failed') return false;
      await boss.retry(queue, id);
      return true;
    },
    async schedules() {
      const schedules = await boss.getSchedules();
      // the row carries its time zone beside the options it was sent with
      return [...schedules]
        .sort((a, b) => a.name.localeCompare(b.name))
        .map((s) => ({
          queue: s.name,
          cron: s.cron,
          timezone: (s as { timezone?: string }).timezone ?? s.options?.tz ?? 'UTC',
          data: s.data ?? null,
        }));
    },
    async stop(timeoutMs = 10_000) {
      await boss.stop({ graceful: true, wait: true, close: false, timeout: timeoutMs });
    },
  };
  return queue;
}
