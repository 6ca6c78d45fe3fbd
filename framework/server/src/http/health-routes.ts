import { escapePointerToken } from '@codexion/schema';
import { Hono } from 'hono';
import { DomainError } from '../errors/domain-error.js';
import type { AppEnv } from './app-env.js';

/** The outcome of one readiness check (database reachable, migrations applied, plugins booted). */
export interface ReadinessCheck {
  ok: boolean;
  /** why it failed, or what was found */
  detail?: string;
}

/** Runs the readiness checks, by name. */
export type ReadinessProbe = () => Promise<Record<string, ReadinessCheck>> | Record<string, ReadinessCheck>;

export interface HealthRoutesOptions {
  readiness: ReadinessProbe;
  /** a probe hanging on a dead database must still answer before the orchestrator gives up */
  readinessTimeoutMs?: number;
}

async function runProbe(probe: ReadinessProbe, timeoutMs: number): Promise<Record<string, ReadinessCheck>> {
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<Record<string, ReadinessCheck>>((resolve) => {
    timer = setTimeout(
      () => resolve({ probe: { ok: false, detail: `no answer within ${timeoutMs} ms` } }),
      timeoutMs,
    );
  });
  try {
    return await Promise.race([Promise.resolve().then(probe), timedOut]);
  } catch (error) {
    return { probe: { ok: false, detail: error instanceof Error ? error.message : String(error) } };
  } finally {
    clearTimeout(timer);
  }
}

/**
 * `/healthz` (the process answers: 200) and `/readyz` (200 with the checks, or 503 NOT_READY
 * listing the failed ones in `errors`). `/metrics` is `metricsRoutes`'.
 *
 * @example
 * app.route('/', healthRoutes({ readiness: async () => ({ database: { ok: await db.ping() } }) }));
 */
export function healthRoutes({ readiness, readinessTimeoutMs = 5_000 }: HealthRoutesOptions): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  routes.get('/healthz', (c) => {
    c.set('routeTemplate', '/healthz');
    c.header('Cache-Control', 'no-store');
    return c.json({ status: 'ok' });
  });
  routes.get('/readyz', async (c) => {
    c.set('routeTemplate', '/readyz');
    c.header('Cache-Control', 'no-store');
    const checks = await runProbe(readiness, readinessTimeoutMs);
    const failed = Object.entries(checks).filter(([, check]) => !check.ok);
    if (failed.length > 0) {
      throw new DomainError('NOT_READY', `Not ready: ${failed.map(([name]) => name).join(', ')}`, {
        issues: failed.map(([name, check]) => ({
          path: `/checks/${escapePointerToken(name)}`,
          code: 'failed',
          message: check.detail ?? 'failed',
        })),
        extensions: { checks },
      });
    }
    return c.json({ status: 'ok', checks });
  });
  return routes;
}
