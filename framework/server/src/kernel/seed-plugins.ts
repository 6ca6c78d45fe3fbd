import { sql } from 'drizzle-orm';
import type { Logger } from 'pino';
import type { Database, Db } from '../data/database.js';
import { servicesInTransaction } from '../data/services-in-transaction.js';
import { noServices, type Services } from '../foundation/services.js';
import type { DemoMember } from '../plugins/define-plugin.js';
import type { RegisteredPlugin } from '../plugins/plugin-registry.js';
import { bindResources } from '../resources/bind-resources.js';
import { claimSeed } from './kernel-tables.js';
import type { ResourceHandlerFactory } from './plugin-handlers.js';

/** Every permission: a seed writes as the system, like a migration. */
const allPermissions: ReadonlySet<string> = new Set(['*']);

export interface SeededTenant {
  plugin: string;
  tenantId: string;
}

/**
 * Runs each plugin's `seed` once per tenant, each in its own transaction together with the record
 * that it ran (`prefiq.seeds`) and its demo members: a failed seed leaves nothing behind, and a
 * second boot does not seed again. Returns what was seeded now.
 *
 * @example
 * await seedPlugins(database, registry.plugins, [config.tenancy.defaultTenant], { logger, traceId, resources })
 */
/** The demo's people as users: once, whatever the tenant; an id or address already taken is left as it is. */
async function createDemoUsers(database: Database, members: readonly DemoMember[]): Promise<void> {
  if (members.length === 0) return;
  await database.transaction(async (tx) => {
    for (const member of members) {
      await tx.execute(
        sql`insert into prefiq.users (id, email, name) values (${member.id}::uuid, ${member.email}, ${member.name})
            on conflict do nothing`,
      );
    }
  });
}

/** Inside the tenant's seed transaction: the demo's people become members, each with their role. */
async function addDemoMembers(tx: Db, tenantId: string, members: readonly DemoMember[]): Promise<void> {
  for (const member of members) {
    await tx.execute(
      sql`insert into prefiq.memberships (tenant_id, user_id, role)
          select ${tenantId}::uuid, id, ${member.role} from prefiq.users where id = ${member.id}::uuid
          on conflict do nothing`,
    );
  }
}

export async function seedPlugins(
  database: Database,
  plugins: readonly RegisteredPlugin[],
  tenantIds: readonly string[],
  {
    logger,
    traceId,
    services = noServices,
    resources,
  }: {
    logger: Logger;
    traceId: string;
    services?: Services;
    /** builds the plugin's resource engine, which the seed writes through (`ctx.resources`) */
    resources: ResourceHandlerFactory;
  },
): Promise<SeededTenant[]> {
  const seeded: SeededTenant[] = [];
  for (const plugin of plugins) {
    const seed = plugin.definition.seed;
    if (!seed) continue;
    const members = plugin.definition.demoMembers ?? [];
    await createDemoUsers(database, members);
    const { engine } = await resources(plugin, database, services);
    for (const tenantId of tenantIds) {
      const ran = await database
        .transaction(
          async (tx) => {
            if (!(await claimSeed(tx, plugin.name, tenantId))) return false;
            await addDemoMembers(tx, tenantId, members);
            const requestId = `seed-${traceId}`;
            const seedLogger = logger.child({ module: plugin.name, tenant: tenantId });
            await seed({
              tx,
              tenantId,
              userId: undefined,
              requestId,
              logger: seedLogger,
              services: servicesInTransaction(services, { tx, tenantId }),
              resources: bindResources(engine, {
                tx,
                tenantId,
                requestId,
                logger: seedLogger,
                permissions: allPermissions,
              }),
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
