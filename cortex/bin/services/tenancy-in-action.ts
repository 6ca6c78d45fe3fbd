import { auditOpenApi, eventsOpenApi, tenancyOpenApi } from '@codexion/framework/http';
import type { PluginContext } from '@codexion/framework/plugins';
import { createTenancy, type Tenancy } from '@codexion/framework/tenancy';
import type { CortexRuntime } from './cortex-runtime.js';
import { transactionDatabase } from './transaction-database.js';

/**
 * The framework's tenancy service bound to an action's transaction (see
 * {@link transactionDatabase}): its reads and writes join the action's transaction instead of
 * waiting for it. Its permission catalogue is made from what the kernel's is: every booted
 * plugin's manifest and the framework's tenancy, audit and events APIs.
 *
 * @example
 * const role = await tenancyInAction(ctx, runtime).getRole(admin, 'member');
 */
export function tenancyInAction(
  ctx: Pick<PluginContext, 'tx' | 'tenantId' | 'userId'>,
  runtime: Pick<CortexRuntime, 'database' | 'registry'>,
): Tenancy {
  return createTenancy({
    database: transactionDatabase(
      ctx.tx,
      { tenantId: ctx.tenantId, ...(ctx.userId === undefined ? {} : { userId: ctx.userId }) },
      runtime.database().kind,
    ),
    models: runtime.registry().plugins.map((plugin) => plugin.model),
    frameworkDocuments: [tenancyOpenApi, auditOpenApi, eventsOpenApi],
    accessCacheTtlMs: 0,
  });
}
