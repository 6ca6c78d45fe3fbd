import { escapePointerToken } from '@codexion/schema';
import { Hono } from 'hono';
import { DomainError } from '../errors/domain-error.js';
import type { AppEnv } from './app-env.js';

/** The outcome of one readiness check (database reachable, migrations applied, plugins booted). */
export interface ReadinessCheck {
  ok: boolean;
  /** why it failed, or what was found */
  detail?: string;
  /**
   * `false`: when it fails the node is degraded, not unready: `/readyz` still answers 200 (with
   * `status: "degraded"`), so the orchestrator keeps it in rotation. For a failure that taking
   * the node out would not mend and that leaves most requests served (every node shares it).
   */
  critical?: boolean;
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
 * `/healthz` (the process answers: 200) and `/readyz` (200 with the checks, `status` `ok`, or
 * `degraded` when only checks that are not critical failed; 503 NOT_READY listing the failed
 * critical ones in `errors` otherwise). `/metrics` is `metricsRoutes`'.
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
    const failed = Object.entries(checks).filter(([, check]) => !check.ok && check.critical !== false);
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
    const degraded = Object.values(checks).some((check) => !check.ok);
    return c.json({ status: degraded ? 'degraded' : 'ok', checks });
  });
  return routes;
}
