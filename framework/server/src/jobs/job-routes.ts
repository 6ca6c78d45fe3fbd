import type { JobsContract } from '@codexion/contracts/jobs/contract';
import type { Job } from '@codexion/contracts/jobs/types';
import { DomainError } from '../errors/domain-error.js';
import { type ContractHandlers, operationHandlers } from '../http/contract-handlers.js';
import { jobsApiName, jobsOpenApi } from '../http/framework-apis.js';
import type { HttpPlugin } from '../http/operation-router.js';
import type { JobQueue, JobSummary } from './job-queue.js';

export interface JobsHttpPluginOptions {
  /** the node's queue; `undefined` when jobs do not run on it (`jobs.enabled`) */
  queue: () => JobQueue | undefined;
}

const objectOrNull = (value: unknown): Record<string, unknown> | null =>
  typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : null;

function jobOf(job: JobSummary): Job {
  return { ...job, data: objectOrNull(job.data), output: objectOrNull(job.output) };
}

/**
 * The jobs API as one more app for the HTTP layer, under `/api/jobs`: the queues with their counts,
 * jobs (failed ones with `state=failed`), retrying a failed job, and the schedules. Reading needs
 * `prefiq:jobs:read`, retrying `prefiq:jobs:retry`. Queues are the deployment's; jobs whose data
 * names another tenant (`data.tenantId`) are neither listed nor retried. A node that runs no jobs
 * answers 503 NOT_READY.
 *
 * @example
 * createHttpApp({ plugins: [jobsHttpPlugin({ queue: () => container.resolve(JobQueueToken) }), ...apps], ... });
 */
export function jobsHttpPlugin({ queue }: JobsHttpPluginOptions): HttpPlugin {
  const running = (): JobQueue => {
    const found = queue();
    if (found === undefined) {
      throw new DomainError('NOT_READY', 'Jobs do not run on this node (jobs.enabled is off)');
    }
    return found;
  };
  const handlers: ContractHandlers<JobsContract> = {
    listJobQueues: async (c) => c.json({ items: await running().queues() }),
    listJobs: async (c, { query }) => {
      const jobs = await running().jobs({
        limit: query.limit ?? 50,
        tenantId: c.get('tenantId'),
        ...(query.queue === undefined ? {} : { queue: query.queue }),
        ...(query.state === undefined ? {} : { state: query.state }),
      });
      return c.json({ items: jobs.map(jobOf) });
    },
    retryJob: async (c, { params }) => {
      const jobs = running();
      const tenantId = c.get('tenantId');
      const job = await jobs.job(params.queue, params.id, tenantId);
      if (job === undefined) throw new DomainError('NOT_FOUND', `No job ${params.id} in ${params.queue}`);
      if (!(await jobs.retry(params.queue, params.id))) {
        throw new DomainError(
          'CONFLICT',
          `Job ${params.id} is ${job.state}: only a failed job can be retried`,
        );
      }
      const again = await jobs.job(params.queue, params.id, tenantId);
      c.get('logger').info({ queue: params.queue, job_id: params.id }, 'failed job retried');
      return c.json(jobOf(again ?? job));
    },
    listJobSchedules: async (c) =>
      c.json({
        items: (await running().schedules()).map((s) => ({ ...s, data: objectOrNull(s.data) })),
      }),
  };
  return {
    name: jobsApiName,
    openapi: jobsOpenApi,
    handlers: operationHandlers<JobsContract>(handlers),
    builtIn: true,
  };
}
