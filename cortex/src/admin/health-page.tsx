import {
  Badge,
  Card,
  CardContent,
  CardDescription,
  CardHeader,
  TableCell,
  TableRow,
} from '@codexion/resources';
import { PageHeader, ProblemError, parseProblem, useApi, useFormatters, useTranslation } from '@codexion/web';
import { useQuery } from '@tanstack/react-query';
import { CircleCheck, CircleX } from 'lucide-react';
import type { ReactNode } from 'react';
import type { GetSystemResponse } from '../../core/generated/client/types.gen.js';

/** One readiness check of `/readyz` (and of `cortex/system`). */
type ReadinessCheck = GetSystemResponse['checks'][string];

import { getSystem } from '../../core/generated/client/sdk.gen.js';
import { useAdminKey, useAdminQuery } from './admin-queries.js';
import { AdminTable } from './admin-table.js';
import { QueryState } from './query-state.js';
import { SectionCard } from './section-card.js';

/** How often the page reloads its figures. */
export const healthRefreshMs = 10_000;

interface Readiness {
  ready: boolean;
  checks: Record<string, ReadinessCheck>;
}

/**
 * `/readyz`, outside the API root: 200 with the checks when ready, 503 problem+json with the
 * checks in `checks` when not. Both are an answer here, not a failure.
 */
function useReadiness() {
  const { fetch: fetchImpl } = useApi();
  const key = useAdminKey();
  return useQuery({
    queryKey: key('readyz'),
    refetchInterval: healthRefreshMs,
    queryFn: async ({ signal }): Promise<Readiness> => {
      // the server's probe, not an API operation: no contract describes it, so no SDK calls it
      const url = new URL('/readyz', window.location.origin).href;
      let response: Response;
      try {
        response = await fetchImpl(url, {
          signal,
          credentials: 'include',
          headers: { accept: 'application/json, application/problem+json' },
        });
      } catch (error) {
        if (signal.aborted) throw error;
        throw ProblemError.network(error);
      }
      const text = await response.text();
      let body: unknown;
      try {
        body = text ? JSON.parse(text) : undefined;
      } catch {
        body = text;
      }
      const checks =
        typeof body === 'object' && body !== null ? (body as { checks?: unknown }).checks : undefined;
      if (response.ok || response.status === 503) {
        return {
          ready: response.ok,
          checks: typeof checks === 'object' && checks !== null ? (checks as Readiness['checks']) : {},
        };
      }
      throw new ProblemError(parseProblem(response.status, body, response.statusText));
    },
  });
}

/**
 * `93784` → `1d 2h 3m`: the largest units, seconds only for the first minute.
 *
 * @example
 * formatUptime(3_700) // '1h 1m'
 */
export function formatUptime(seconds: number): string {
  const whole = Math.max(0, Math.floor(seconds));
  if (whole < 60) return `${whole}s`;
  const days = Math.floor(whole / 86_400);
  const hours = Math.floor((whole % 86_400) / 3_600);
  const minutes = Math.floor((whole % 3_600) / 60);
  return [days && `${days}d`, (days || hours) && `${hours}h`, `${minutes}m`].filter(Boolean).join(' ');
}

function Figure({ label, value, hint }: { label: string; value: ReactNode; hint?: ReactNode }) {
  return (
    <Card className="gap-2 py-4" data-slot="figure">
      <CardHeader className="px-4">
        <CardDescription>
          <h2>{label}</h2>
        </CardDescription>
      </CardHeader>
      <CardContent className="grid gap-1 px-4">
        <p className="font-semibold text-xl tabular-nums tracking-tight">{value}</p>
        {hint && <p className="text-muted-foreground text-xs">{hint}</p>}
      </CardContent>
    </Card>
  );
}

function StatusBadge({ ok }: { ok: boolean }) {
  const { t } = useTranslation('admin');
  return ok ? (
    <Badge variant="success">
      <CircleCheck aria-hidden="true" />
      {t('health.ok')}
    </Badge>
  ) : (
    <Badge variant="danger">
      <CircleX aria-hidden="true" />
      {t('health.failing')}
    </Badge>
  );
}

/**
 * System health, reloaded every ten seconds: readiness and each check, version, uptime,
 * database, memory, requests, errors and latency, and the apps the host runs.
 */
export function HealthPage() {
  const { t } = useTranslation('admin');
  const format = useFormatters();
  const system = useAdminQuery(
    'system',
    ({ cortex }, signal) => getSystem({ client: cortex, signal, throwOnError: true }),
    { refetchInterval: healthRefreshMs },
  );
  const readiness = useReadiness();
  const info = system.data;
  const megabytes = (bytes: number) =>
    t('health.megabytes', { value: format.number(bytes / 1_048_576, { maximumFractionDigits: 0 }) });
  const millis = (value: number | undefined) =>
    value === undefined
      ? '—'
      : t('health.milliseconds', { value: format.number(value, { maximumFractionDigits: 1 }) });
  const checks = { ...(info?.checks ?? {}), ...(readiness.data?.checks ?? {}) };
  const ready = readiness.data?.ready ?? Object.values(checks).every((check) => check.ok);

  return (
    <div className="flex flex-col gap-6">
      <PageHeader
        title={t('health.title')}
        description={t('health.description')}
        actions={
          info && (
            <span className="flex items-center gap-2 text-muted-foreground text-sm">
              {t('health.readiness')} <StatusBadge ok={ready} />
            </span>
          )
        }
      />
      {info === undefined ? (
        <QueryState query={system} className="h-40" />
      ) : (
        <>
          <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
            <Figure
              label={t('health.version')}
              value={info.version}
              hint={t('health.node', { version: info.node })}
            />
            <Figure
              label={t('health.uptime')}
              value={formatUptime(info.uptimeSeconds)}
              hint={t('health.since', { at: format.dateTime(info.startedAt) })}
            />
            <Figure label={t('health.database')} value={t(`health.databases.${info.database}`)} />
            <Figure
              label={t('health.memory')}
              value={megabytes(info.memory.rssBytes)}
              hint={t('health.heap', { value: megabytes(info.memory.heapUsedBytes) })}
            />
            <Figure
              label={t('health.requests')}
              value={format.number(info.requests.total)}
              hint={t('health.inFlight', { count: info.requests.inFlight })}
            />
            <Figure
              label={t('health.errors')}
              value={format.number(info.requests.errors5xx)}
              hint={t('health.errorsHint')}
            />
            <Figure label={t('health.p50')} value={millis(info.requests.p50Ms)} />
            <Figure label={t('health.p95')} value={millis(info.requests.p95Ms)} />
          </div>
          <div className="grid gap-4 lg:grid-cols-2">
            <SectionCard title={t('health.checks')}>
              <AdminTable
                label={t('health.checks')}
                columns={[t('health.check'), t('health.status'), t('health.detail')]}
              >
                {Object.entries(checks).map(([name, check]) => (
                  <TableRow key={name}>
                    <TableCell className="font-medium">{name}</TableCell>
                    <TableCell>
                      <StatusBadge ok={check.ok} />
                    </TableCell>
                    <TableCell className="whitespace-normal text-muted-foreground">
                      {check.detail ?? '—'}
                    </TableCell>
                  </TableRow>
                ))}
              </AdminTable>
            </SectionCard>
            <SectionCard title={t('health.apps')}>
              <AdminTable label={t('health.apps')} columns={[t('health.app'), t('health.appVersion')]}>
                {info.apps.map((app) => (
                  <TableRow key={app.name}>
                    <TableCell className="font-medium">{app.name}</TableCell>
                    <TableCell className="font-mono text-xs">{app.version}</TableCell>
                  </TableRow>
                ))}
              </AdminTable>
            </SectionCard>
          </div>
        </>
      )}
    </div>
  );
}
