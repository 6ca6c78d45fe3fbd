import type { Logger } from 'pino';
import type { Database } from '../data/database.js';
import type { Services } from '../foundation/services.js';

/**
 * How a queue treats jobs of the same `singletonKey` (pg-boss's queue policies):
 * - `standard`: no limit; a key dedupes only within `singletonSeconds`
 * - `short`: at most one job per key waiting (a second `send` while one waits is dropped)
 * - `singleton`: at most one job per key running
 * - `stately`: at most one waiting and one running per key
 */
export type JobPolicy = 'standard' | 'short' | 'singleton' | 'stately';

/** What a job's handler gets: its data, its attempt, and the kernel's database, logger and services. */
export interface JobContext<D> {
  id: string;
  name: string;
  data: D;
  /** 0 on the first run, then 1, 2, … on each retry */
  retryCount: number;
  database: Database;
  /** child of the kernel logger with `job` and `job_id` set */
  logger: Logger;
  /**
   * the kernel's services by typed token; a job has no transaction of its own, so each opens its
   * own (inside `database.transaction`, join one with `service.inTransaction({ tx, tenantId })`)
   */
  services: Services;
}

/** A cron schedule that sends the job with `data` (five fields, minute first; UTC unless `tz`). */
export interface JobSchedule<D> {
  cron: string;
  data?: D;
  tz?: string;
}

/**
 * One kind of job: a queue and its handler. Retries wait `retryDelaySeconds`, doubled on each
 * attempt with `retryBackoff` (with jitter), until `retryLimit`; then the job stays `failed`
 * until an operator retries it (Cortex, `POST /api/jobs/queues/{queue}/jobs/{id}/retry`).
 */
export interface JobDefinition<D extends object = Record<string, unknown>> {
  /** the queue: lower case, `app.job-name` (`crm.recalculate-forecast`); `prefiq.` is the framework's */
  name: string;
  handler(context: JobContext<D>): Promise<void> | void;
  /** attempts after the first; 2 unless given */
  retryLimit?: number;
  /** 30 unless given */
  retryDelaySeconds?: number;
  /** doubles the delay on each retry; on unless given */
  retryBackoff?: boolean;
  /** a run longer than this is failed (and retried); 15 minutes unless given */
  expireInSeconds?: number;
  /** `standard` unless given */
  policy?: JobPolicy;
  /**
   * jobs a worker takes per poll and runs together, each failing on its own; 1 unless given. A
   * worker polls every `jobs.pollingIntervalSeconds`, so this bounds the queue's throughput per node
   */
  concurrency?: number;
  /** sends the job on a cron schedule; one schedule per job, kept in the database across nodes */
  schedule?: JobSchedule<D>;
}

/** The queue names a job may have: `app.job-name`, lower case. */
export const jobNamePattern = /^[a-z][a-z0-9-]{0,40}\.[a-z][a-z0-9-]{0,60}$/;

/**
 * Declares a job typed by its data; an app lists its jobs in its plugin's `jobs`.
 *
 * @example
 * export const remindOwners = defineJob<{ tenantId: string }>({
 *   name: 'crm.remind-owners',
 *   schedule: { cron: '0 8 * * 1-5' },
 *   async handler({ data, database }) { … },
 * });
 */
export function defineJob<D extends object = Record<string, unknown>>(
  definition: JobDefinition<D>,
): JobDefinition<D> {
  return definition;
}
