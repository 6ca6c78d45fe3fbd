import type { Logger } from 'pino';
import type { Database } from '../data/database.js';
import type { RegisteredPlugin } from '../plugins/plugin-registry.js';
import { claimSeed } from './kernel-tables.js';

export interface SeededTenant {
  plugin: string;
  tenantId: string;
}

/**
 * Runs each plugin's `seed` once per tenant, each in its own transaction together with the record
 * that it ran (`prefiq.seeds`): a failed seed leaves nothing behind, and a second boot does not
 * seed again. Returns what was seeded now.
 *
 * @example
 * await seedPlugins(database, registry.plugins, [config.tenancy.defaultTenant], { logger, traceId })
 */
export async function seedPlugins(
  database: Database,
  plugins: readonly RegisteredPlugin[],
  tenantIds: readonly string[],
  { logger, traceId }: { logger: Logger; traceId: string },
): Promise<SeededTenant[]> {
  const seeded: SeededTenant[] = [];
  for (const plugin of plugins) {
    const seed = plugin.definition.seed;
    if (!seed) continue;
    for (const tenantId of tenantIds) {
      const ran = await database
        .transaction(
          async (tx) => {
            if (!(await claimSeed(tx, plugin.name, tenantId))) return false;
            await seed({
              tx,
              tenantId,
              userId: undefined,
              requestId: `seed-${traceId}`,
              logger: logger.child({ module: plugin.name, tenant: tenantId }),
            });
            return true;
          },
          { tenantId },
        )
        .catch((error: unknown) => {
          throw new Error(
            `plugin "${plugin.name}" failed to seed tenant ${tenantId}: ${(error as Error).message}`,
            {
              cause: error,
            },
          );
        });
      if (ran) seeded.push({ plugin: plugin.name, tenantId });
    }
  }
  return seeded;
}
