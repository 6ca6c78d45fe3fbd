import type { Logger } from 'pino';
import type { Database } from '../data/database.js';
import { createToken } from '../foundation/container.js';
import type { KernelConfig } from '../foundation/kernel-config.js';
import type { AppAccess } from '../http/app-access.js';
import type { Metrics } from '../observability/metrics.js';
import type { PluginRegistry } from '../plugins/plugin-registry.js';

/**
 * The services the kernel registers in its container, for providers and plugins to resolve.
 *
 * @example
 * const config = container.resolve(KernelConfigToken);
 */
export const KernelConfigToken = createToken<KernelConfig>('kernel.config');
/** `configForTenant(tenantId)`: the config with the tenant's overrides */
export const TenantConfigToken = createToken<(tenantId: string) => KernelConfig>('kernel.tenantConfig');
export const LoggerToken = createToken<Logger>('kernel.logger');
export const MetricsToken = createToken<Metrics>('kernel.metrics');
export const DatabaseToken = createToken<Database>('kernel.database');
export const PluginRegistryToken = createToken<PluginRegistry>('kernel.plugins');

export type { AppAccess } from '../http/app-access.js';

/**
 * Registered in the container before the routes step, it gates every operation of each plugin's
 * API (not `/api/auth`, `/api/tenancy`, `/api/audit`, nor public operations): a tenant whose app
 * is off gets 404 `APP_DISABLED`.
 *
 * @example
 * container.value(AppAccessToken, { isEnabled: (tenantId, app) => enabled.has(`${tenantId}/${app}`) });
 */
export const AppAccessToken = createToken<AppAccess>('kernel.appAccess');
