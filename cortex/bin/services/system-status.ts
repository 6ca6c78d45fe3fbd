import type { Db } from '@codexion/framework/data';
import type { ReadinessCheck } from '@codexion/framework/http';
import { DatabaseToken, MetricsToken, PluginRegistryToken } from '@codexion/framework/kernel';
import type { PluginContext } from '@codexion/framework/plugins';
import { sql } from 'drizzle-orm';
import manifest from '../../core/app.json' with { type: 'json' };
import type { GetSystemResponse } from '../../core/generated/client/types.gen.js';
import { type CortexNode, CortexNodeToken } from './cortex-node.js';
import { requestStats } from './request-stats.js';

/**
 * The checks of `/readyz`, from inside an action: the kernel's state, and the database reached
 * through the action's own transaction (the kernel's `readiness()` pings outside it, which on
 * PGlite would wait for the transaction to end).
 */
async function readiness(tx: Db, node: CortexNode): Promise<Record<string, ReadinessCheck>> {
  const checks: Record<string, ReadinessCheck> = {};
  if (node.kernelState) {
    const state = node.kernelState();
    checks.kernel = state === 'ready' ? { ok: true } : { ok: false, detail: `kernel is ${state}` };
  }
  try {
    await tx.execute(sql`select 1`);
    checks.database = { ok: true };
  } catch (error) {
    checks.database = { ok: false, detail: (error as Error).message };
  }
  return checks;
}

/**
 * The node as the health page shows it: readiness (the checks of `/readyz`), versions, uptime,
 * memory, and its HTTP request metrics since start.
 *
 * @example
 * const { checks, requests } = await systemStatus(ctx);
 */
export async function systemStatus(ctx: Pick<PluginContext, 'tx' | 'services'>): Promise<GetSystemResponse> {
  const node = ctx.services.get(CortexNodeToken);
  const now = node.now();
  const [checks, requests] = await Promise.all([
    readiness(ctx.tx, node),
    requestStats(ctx.services.get(MetricsToken)),
  ]);
  const memory = process.memoryUsage();
  return {
    version: manifest.version,
    node: process.version,
    uptimeSeconds: Math.max(0, Math.round((now.getTime() - node.startedAt.getTime()) / 1000)),
    startedAt: node.startedAt.toISOString(),
    database: ctx.services.get(DatabaseToken).kind,
    checks: Object.fromEntries(
      Object.entries(checks).map(([name, check]) => [
        name,
        { ok: check.ok, ...(check.detail === undefined ? {} : { detail: check.detail }) },
      ]),
    ),
    apps: ctx.services
      .get(PluginRegistryToken)
      .plugins.map((plugin) => ({ name: plugin.name, version: plugin.version })),
    memory: { rssBytes: memory.rss, heapUsedBytes: memory.heapUsed },
    requests,
  };
}
