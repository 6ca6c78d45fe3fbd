import {
  type Job,
  listJobQueues,
  listJobSchedules,
  listJobs,
  retryJob,
} from '@codexion/contracts/jobs/client';
import { Badge, Button, EmptyState, TableCell, TableRow, toast } from '@codexion/resources';
import {
  PageHeader,
  ProblemError,
  useFormatters,
  usePermissions,
  useReportProblem,
  useTranslation,
} from '@codexion/web';
import { useMutation, useQuery } from '@tanstack/react-query';
import { ListChecks, RotateCcw } from 'lucide-react';
import { useAdminClients, useAdminKey, useInvalidateAdmin } from './admin-queries.js';
import { AdminTable } from './admin-table.js';
import { QueryState } from './query-state.js';
import { SectionCard } from './section-card.js';

/** The permission the retry button needs (framework/contracts/jobs). */
export const jobsRetryPermission = 'prefiq:jobs:retry';

/** How often the page reloads its figures. */
export const jobsRefreshMs = 10_000;

/** The error a failed job ended with, as its handler threw it. */
function errorOf(job: Job): string {
  const message = job.output?.message;
  return typeof message === 'string' ? message : '—';
}

/** The queues with their counts, reloaded every {@link jobsRefreshMs}; shared by the page and its card. */
function useJobQueues() {
  const key = useAdminKey();
  const { jobs: jobsClient } = useAdminClients();
  return useQuery({
    queryKey: key('jobs', 'queues'),
    refetchInterval: jobsRefreshMs,
    queryFn: async ({ signal }) =>
      (await listJobQueues({ client: jobsClient, signal, throwOnError: true })).data,
  });
}

function QueuesCard() {
  const { t } = useTranslation('admin');
  const queues = useJobQueues();
  return (
    <SectionCard title={t('jobs.queues')} description={t('jobs.queuesDescription')}>
      {queues.data === undefined ? (
        <QueryState query={queues} />
      ) : (
        <AdminTable
          label={t('jobs.queues')}
          columns={[
            t('jobs.queue'),
            t('jobs.policy'),
            { label: t('jobs.waiting'), className: 'text-end' },
            { label: t('jobs.active'), className: 'text-end' },
            { label: t('jobs.completed'), className: 'text-end' },
            { label: t('jobs.failed'), className: 'text-end' },
          ]}
        >
          {queues.data.items.map((queue) => (
            <TableRow key={queue.name}>
              <TableCell className="font-mono text-xs">{queue.name}</TableCell>
              <TableCell className="text-muted-foreground">{queue.policy}</TableCell>
              <TableCell className="text-end tabular-nums">
                {queue.counts.created + queue.counts.retry}
              </TableCell>
              <TableCell className="text-end tabular-nums">{queue.counts.active}</TableCell>
              <TableCell className="text-end tabular-nums">{queue.counts.completed}</TableCell>
              <TableCell className="text-end tabular-nums">
                {queue.counts.failed > 0 ? (
                  <Badge variant="danger">{queue.counts.failed}</Badge>
                ) : (
                  queue.counts.failed
                )}
              </TableCell>
            </TableRow>
          ))}
        </AdminTable>
      )}
    </SectionCard>
  );
}

function FailedJobsCard() {
  const { t } = useTranslation('admin');
  const format = useFormatters();
  const { can } = usePermissions();
  const key = useAdminKey();
  const { jobs: jobsClient } = useAdminClients();
  const invalidate = useInvalidateAdmin();
  const reportProblem = useReportProblem();
  const failed = useQuery({
    queryKey: key('jobs', 'failed'),
    refetchInterval: jobsRefreshMs,
    queryFn: async ({ signal }) =>
      (
        await listJobs({
          client: jobsClient,
          query: { state: 'failed', limit: 100 },
          signal,
          throwOnError: true,
        })
      ).data,
  });
  const retry = useMutation({
    mutationFn: async (job: Job) =>
      (await retryJob({ client: jobsClient, path: { queue: job.queue, id: job.id }, throwOnError: true }))
        .data,
    onSuccess: async (job) => {
      toast.success(t('jobs.retried', { queue: job.queue }));
      await invalidate('jobs');
    },
    onError: reportProblem,
  });
  return (
    <SectionCard
      title={t('jobs.failedJobs')}
      description={t('jobs.failedDescription', { count: failed.data?.items.length ?? 0 })}
    >
      {failed.data === undefined ? (
        <QueryState query={failed} />
      ) : failed.data.items.length === 0 ? (
        <p className="text-muted-foreground text-sm">{t('jobs.noFailed')}</p>
      ) : (
        <AdminTable
          label={t('jobs.failedJobs')}
          columns={[t('jobs.queue'), t('jobs.failedAt'), t('jobs.attempts'), t('jobs.error')]}
          actions
        >
          {failed.data.items.map((job) => (
            <TableRow key={job.id}>
              <TableCell className="font-mono text-xs">{job.queue}</TableCell>
              <TableCell className="text-muted-foreground">
                {job.completedOn === null ? '—' : format.dateTime(job.completedOn)}
              </TableCell>
              <TableCell className="tabular-nums">{job.retryCount + 1}</TableCell>
              <TableCell className="whitespace-normal font-mono text-xs">{errorOf(job)}</TableCell>
              <TableCell className="text-end">
                {can(jobsRetryPermission) && (
                  <Button
                    variant="ghost"
                    size="icon-sm"
                    aria-label={t('jobs.retry', { queue: job.queue })}
                    disabled={retry.isPending}
                    onClick={() => retry.mutate(job)}
                  >
                    <RotateCcw aria-hidden="true" />
                  </Button>
                )}
              </TableCell>
            </TableRow>
          ))}
        </AdminTable>
      )}
    </SectionCard>
  );
}

function SchedulesCard() {
  const { t } = useTranslation('admin');
  const key = useAdminKey();
  const { jobs: jobsClient } = useAdminClients();
  const schedules = useQuery({
    queryKey: key('jobs', 'schedules'),
    queryFn: async ({ signal }) =>
      (await listJobSchedules({ client: jobsClient, signal, throwOnError: true })).data,
  });
  return (
    <SectionCard title={t('jobs.schedules')} description={t('jobs.schedulesDescription')}>
      {schedules.data === undefined ? (
        <QueryState query={schedules} />
      ) : (
        <AdminTable
          label={t('jobs.schedules')}
          columns={[t('jobs.queue'), t('jobs.cron'), t('jobs.timezone')]}
        >
          {schedules.data.items.map((schedule) => (
            <TableRow key={schedule.queue}>
              <TableCell className="font-mono text-xs">{schedule.queue}</TableCell>
              <TableCell className="font-mono text-xs">{schedule.cron}</TableCell>
              <TableCell className="text-muted-foreground">{schedule.timezone}</TableCell>
            </TableRow>
          ))}
        </AdminTable>
      )}
    </SectionCard>
  );
}

/**
 * Jobs: the queues with their jobs counted by state, the failed jobs with their error and a retry
 * (with `prefiq:jobs:retry`), and the cron schedules; reloaded every ten seconds. Through the
 * generated jobs client only.
 */
export function JobsPage() {
  const { t } = useTranslation('admin');
  const queues = useJobQueues();
  // a node with jobs.enabled off answers 503 NOT_READY: one notice, not three failed cards
  if (queues.error instanceof ProblemError && queues.error.code === 'NOT_READY') {
    return (
      <div className="flex flex-col gap-6">
        <PageHeader title={t('jobs.title')} description={t('jobs.description')} />
        <EmptyState icon={<ListChecks />} title={t('jobs.offTitle')} description={t('jobs.offDescription')} />
      </div>
    );
  }
  return (
    <div className="flex flex-col gap-6">
      <PageHeader title={t('jobs.title')} description={t('jobs.description')} />
      <QueuesCard />
      <FailedJobsCard />
      <SchedulesCard />
    </div>
  );
}
