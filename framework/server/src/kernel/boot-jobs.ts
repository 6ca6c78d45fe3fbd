import type { Logger } from 'pino';
import type { Database } from '../data/database.js';
import type { Container } from '../foundation/container.js';
import { createToken } from '../foundation/container.js';
import type { KernelConfig } from '../foundation/kernel-config.js';
import { containerServices } from '../foundation/services.js';
import type { JobDefinition } from '../jobs/job-definition.js';
import { createJobQueue, type JobQueue } from '../jobs/job-queue.js';
import type { RegisteredPlugin } from '../plugins/plugin-registry.js';

/** The node's job queue, when jobs run on it (`jobs.enabled`). */
export const JobQueueToken = createToken<JobQueue>('kernel.jobs');

export interface BootJobsOptions {
  config: KernelConfig;
  database: Database;
  logger: Logger;
  container: Container;
  plugins: readonly RegisteredPlugin[];
  /** the framework's jobs (pruning, sealing, purging), registered before the plugins' */
  frameworkJobs: readonly JobDefinition<object>[];
}

/** Whether this node runs jobs: `jobs.enabled`, or when absent everywhere but in tests. */
export function jobsEnabled(config: KernelConfig): boolean {
  return config.jobs.enabled ?? config.env !== 'test';
}

/**
 * The boot's jobs step: starts the queue, registers the framework's jobs then each plugin's
 * `jobs`, and puts the queue in the container (stopped on shutdown, before the database closes).
 */
export async function bootJobs({
  config,
  database,
  logger,
  container,
  plugins,
  frameworkJobs,
}: BootJobsOptions): Promise<{ enabled: boolean; jobs: string[] }> {
  if (!jobsEnabled(config)) return { enabled: false, jobs: [] };
  const queue = await createJobQueue({
    database,
    logger: logger.child({ module: 'jobs' }),
    pollingIntervalSeconds: config.jobs.pollingIntervalSeconds,
    services: containerServices(container),
  });
  container.value(JobQueueToken, queue, { dispose: (q) => q.stop(config.http.drainMs) });
  await queue.register(frameworkJobs);
  for (const plugin of plugins) {
    const jobs = plugin.definition.jobs ?? [];
    // a plugin's jobs are its own: `crm.…` for the crm plugin, so two apps never share a queue
    const foreign = jobs.find((job) => !job.name.startsWith(`${plugin.name}.`));
    if (foreign !== undefined) {
      throw new Error(
        `plugin "${plugin.name}" declares job "${foreign.name}": its jobs are named "${plugin.name}.<job>"`,
      );
    }
    await queue.register(jobs);
  }
  return { enabled: true, jobs: [...queue.definitions.keys()] };
}
