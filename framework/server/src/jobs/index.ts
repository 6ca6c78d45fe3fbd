// @codexion/framework/jobs: the job queue and schedules (docs/adr/0024)
export {
  type FrameworkJobOptions,
  frameworkJobs,
  pruneIdentityJob,
  purgeEventsJob,
  purgeIdempotencyJob,
  sealAuditJob,
} from './framework-jobs.js';
export {
  defineJob,
  type JobContext,
  type JobDefinition,
  type JobPolicy,
  type JobSchedule,
} from './job-definition.js';
export {
  createJobQueue,
  type JobQueue,
  type JobQueueOptions,
  type JobState,
  type JobSummary,
  jobSchema,
  type QueueSummary,
  type ScheduleSummary,
  type SendOptions,
} from './job-queue.js';
