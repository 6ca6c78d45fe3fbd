import type { FakeRoute } from '@codexion/web/testing';
import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { GetSystemResponse } from '../../core/generated/client/types.gen.js';
import { renderAdmin } from './admin-test-data.test-helper.js';
import { formatUptime, healthRefreshMs } from './health-page.js';

const system: GetSystemResponse = {
  version: '0.1.0',
  node: 'v20.19.0',
  uptimeSeconds: 93_784,
  startedAt: '2025-03-01T08:00:00Z',
  database: 'pglite',
  checks: { database: { ok: true }, migrations: { ok: true, detail: '12 applied' } },
  apps: [
    { name: 'cortex', version: '0.1.0' },
    { name: 'crm', version: '0.3.1' },
  ],
  memory: { rssBytes: 157_286_400, heapUsedBytes: 73_400_320 },
  requests: { total: 12_345, errors5xx: 3, inFlight: 2, p50Ms: 4.2, p95Ms: 38 },
};

function healthRoutes(
  readyz: FakeRoute['handle'] = () => ({ body: { status: 'ok', checks: system.checks } }),
) {
  return [
    { method: 'GET', path: '/cortex/system', handle: () => ({ body: system }) },
    { method: 'GET', path: '/readyz', handle: readyz },
  ] satisfies FakeRoute[];
}

const figure = async (label: string) => {
  const heading = await screen.findByRole('heading', { name: label });
  const card = heading.closest('[data-slot="figure"]');
  if (!(card instanceof HTMLElement)) throw new Error(`no figure ${label}`);
  return card.textContent;
};

afterEach(() => {
  vi.useRealTimers();
});

describe('system health', () => {
  it('shows readiness, each check, the key figures and the apps with their versions', async () => {
    renderAdmin({ path: '/health', routes: healthRoutes() });
    expect(await figure('Version')).toContain('0.1.0Node.js v20.19.0');
    expect(await figure('Uptime')).toContain('1d 2h 3m');
    expect(await figure('Database')).toContain('PGlite (embedded)');
    expect(await figure('Memory (RSS)')).toContain('150 MBHeap used: 70 MB');
    expect(await figure('Requests')).toContain('12,3452 in flight');
    expect(await figure('Server errors')).toContain('3');
    expect(await figure('Latency p50')).toContain('4.2 ms');
    expect(await figure('Latency p95')).toContain('38 ms');
    const checks = screen.getByRole('table', { name: 'Readiness checks' });
    expect(
      within(checks)
        .getAllByRole('row')
        .slice(1)
        .map((row) => row.textContent),
    ).toEqual(['databaseOK—', 'migrationsOK12 applied']);
    const apps = screen.getByRole('table', { name: 'Apps' });
    expect(within(apps).getAllByRole('row')[2]?.textContent).toBe('crm0.3.1');
    await waitFor(() => expect(screen.getByText('Readiness').textContent).toContain('OK'));
  });

  it('reads a 503 from /readyz as not ready, with the failing check', async () => {
    renderAdmin({
      path: '/health',
      routes: healthRoutes(() => ({
        status: 503,
        body: {
          code: 'NOT_READY',
          detail: 'Not ready: database',
          checks: { database: { ok: false, detail: 'connection refused' }, migrations: { ok: true } },
        },
      })),
    });
    const checks = await screen.findByRole('table', { name: 'Readiness checks' });
    await waitFor(() =>
      expect(within(checks).getAllByRole('row')[1]?.textContent).toBe('databaseFailingconnection refused'),
    );
    expect(screen.getByText('Readiness').textContent).toContain('Failing');
  });

  it('reloads its figures every ten seconds', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const { requests } = renderAdmin({ path: '/health', routes: healthRoutes() });
    await screen.findByRole('table', { name: 'Readiness checks' });
    const loads = () => requests().filter((request) => request.url === '/api/cortex/system').length;
    expect(loads()).toBe(1);
    await vi.advanceTimersByTimeAsync(healthRefreshMs);
    await waitFor(() => expect(loads()).toBe(2));
  });

  it('writes an uptime in its largest units', () => {
    expect(formatUptime(42)).toBe('42s');
    expect(formatUptime(3_700)).toBe('1h 1m');
    expect(formatUptime(86_400)).toBe('1d 0h 0m');
  });
});
