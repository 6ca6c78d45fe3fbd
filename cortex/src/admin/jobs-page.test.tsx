import type { Job, JobQueue, JobSchedule } from '@codexion/contracts/jobs/types';
import type { FakeRoute } from '@codexion/web/testing';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderAdmin } from './admin-test-data.test-helper.js';

const counts = { created: 0, retry: 0, active: 0, completed: 0, cancelled: 0, failed: 0 };
const queues: JobQueue[] = [
  {
    name: 'crm.sync-ledger',
    policy: 'standard',
    retryLimit: 2,
    counts: { ...counts, created: 1, retry: 1, failed: 1 },
  },
  { name: 'prefiq.prune-identity', policy: 'short', retryLimit: 3, counts: { ...counts, completed: 24 } },
];
const failedJob: Job = {
  id: '3f0c2c7e-5b1a-4e8e-9d1f-0a1b2c3d4e5f',
  queue: 'crm.sync-ledger',
  state: 'failed',
  data: { tenantId: 'acme' },
  output: { message: 'ledger unreachable', stack: 'Error: ledger unreachable' },
  retryCount: 2,
  retryLimit: 2,
  singletonKey: null,
  createdOn: '2026-12-07T05:00:00.000Z',
  startedOn: '2026-12-07T05:01:00.000Z',
  completedOn: '2026-12-07T05:02:00.000Z',
};
const schedules: JobSchedule[] = [
  { queue: 'prefiq.prune-identity', cron: '17 * * * *', timezone: 'UTC', data: {} },
];

/**
 * The page calls the API through the generated jobs client, which uses the global fetch (with the
 * session's cookie and CSRF token): routed here to the admin's fake server.
 */
function routeGlobalFetch(api: () => { fetch: typeof fetch } | undefined) {
  vi.stubGlobal('fetch', async (input: RequestInfo | URL, init?: RequestInit) => {
    for (let i = 0; i < 100 && api() === undefined; i++)
      await new Promise((resolve) => setTimeout(resolve, 1));
    const request =
      input instanceof Request ? input : new Request(new URL(String(input), 'http://localhost'), init);
    const url = new URL(request.url);
    url.pathname = url.pathname.replace(/^\/api\//, '/api/_/');
    return api()?.fetch(new Request(url, request)) ?? Response.error();
  });
}

function jobRoutes(): FakeRoute[] {
  let failed = [failedJob];
  return [
    { method: 'GET', path: '/jobs/queues', handle: () => ({ body: { items: queues } }) },
    { method: 'GET', path: '/jobs/jobs', handle: () => ({ body: { items: failed } }) },
    { method: 'GET', path: '/jobs/schedules', handle: () => ({ body: { items: schedules } }) },
    {
      method: 'POST',
      path: '/jobs/queues/{queue}/jobs/{id}/retry',
      handle: ({ params }) => {
        failed = failed.filter((job) => job.id !== params.id);
        return { body: { ...failedJob, state: 'retry' } };
      },
    },
  ];
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('jobs', () => {
  it('shows the queues with their counts, the failed jobs with their error, and the schedules', async () => {
    let api: { fetch: typeof fetch } | undefined;
    routeGlobalFetch(() => api);
    const rendered = renderAdmin({ path: '/jobs', routes: jobRoutes() });
    api = rendered.api;
    const table = await screen.findByRole('table', { name: 'Queues' });
    expect(
      within(table)
        .getAllByRole('row')
        .slice(1)
        .map((row) => row.textContent),
    ).toEqual(['crm.sync-ledgerstandard2001', 'prefiq.prune-identityshort00240']);
    const failed = await screen.findByRole('table', { name: 'Failed jobs' });
    expect(within(failed).getAllByRole('row')[1]?.textContent).toContain('ledger unreachable');
    expect(screen.getByText('1 job failed after its last retry')).toBeTruthy();
    const scheduled = await screen.findByRole('table', { name: 'Schedules' });
    expect(within(scheduled).getAllByRole('row')[1]?.textContent).toBe('prefiq.prune-identity17 * * * *UTC');
    // the failed ones only, through the generated client
    expect(rendered.requests().map((r) => r.url)).toContain('/api/jobs/jobs?state=failed&limit=100');
  });

  it('retries a failed job, and the list no longer shows it', async () => {
    let api: { fetch: typeof fetch } | undefined;
    routeGlobalFetch(() => api);
    const rendered = renderAdmin({ path: '/jobs', routes: jobRoutes() });
    api = rendered.api;
    await userEvent.click(
      await screen.findByRole('button', { name: 'Retry the failed crm.sync-ledger job' }),
    );
    await waitFor(() => expect(screen.getByText('No failed jobs')).toBeTruthy());
    expect(
      rendered
        .requests()
        .filter((r) => r.method === 'POST')
        .map((r) => r.url),
    ).toEqual([`/api/jobs/queues/crm.sync-ledger/jobs/${failedJob.id}/retry`]);
  });

  it('offers no retry without prefiq:jobs:retry', async () => {
    let api: { fetch: typeof fetch } | undefined;
    routeGlobalFetch(() => api);
    const rendered = renderAdmin({ path: '/jobs', routes: jobRoutes(), permissions: ['prefiq:jobs:read'] });
    api = rendered.api;
    await screen.findByRole('table', { name: 'Failed jobs' });
    expect(screen.queryByRole('button', { name: /Retry the failed/ })).toBeNull();
  });

  it('says once that jobs do not run on a node with jobs.enabled off, instead of three failed cards', async () => {
    let api: { fetch: typeof fetch } | undefined;
    routeGlobalFetch(() => api);
    const off = () => ({
      status: 503,
      body: { code: 'NOT_READY', detail: 'Jobs do not run on this node (jobs.enabled is off)' },
    });
    const routes: FakeRoute[] = ['/jobs/queues', '/jobs/jobs', '/jobs/schedules'].map((path) => ({
      method: 'GET',
      path,
      handle: off,
    }));
    const rendered = renderAdmin({ path: '/jobs', routes, permissions: ['prefiq:jobs:read'] });
    api = rendered.api;
    expect(await screen.findByText('Jobs do not run on this node')).toBeTruthy();
    expect(screen.queryByRole('table')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Try again' })).toBeNull();
  });
});
