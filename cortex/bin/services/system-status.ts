import type { PluginContext } from '@codexion/framework/plugins';
import manifest from '../../core/app.json' with { type: 'json' };
import type { GetSystemResponse } from '../../core/generated/client/types.gen.js';
import type { CortexRuntime } from './cortex-runtime.js';
import { requestStats } from './request-stats.js';

/**
 * The node as the health page shows it: readiness (the checks of `/readyz`), versions, uptime,
 * memory, and its HTTP request metrics since start.
 *
 * @example
 * const { checks, requests } = await systemStatus(ctx, runtime);
 */
export async function systemStatus(
  ctx: Pick<PluginContext, 'tx'>,
  runtime: CortexRuntime,
): Promise<GetSystemResponse> {
  const now = runtime.now();
  const [checks, requests] = await Promise.all([runtime.readiness(ctx.tx), requestStats(runtime.metrics())]);
  const memory = process.memoryUsage();
  return {
    version: manifest.version,
    node: process.version,
    uptimeSeconds: Math.max(0, Math.round((now.getTime() - runtime.startedAt.getTime()) / 1000)),
    startedAt: runtime.startedAt.toISOString(),
    database: runtime.database().kind,
    checks: Object.fromEntries(
      Object.entries(checks).map(([name, check]) => [
        name,
        { ok: check.ok, ...(check.detail === undefined ? {} : { detail: check.detail }) },
      ]),
    ),
    apps: runtime.registry().plugins.map((plugin) => ({ name: plugin.name, version: plugin.version })),
    memory: { rssBytes: memory.rss, heapUsedBytes: memory.heapUsed },
    requests,
  };
}
