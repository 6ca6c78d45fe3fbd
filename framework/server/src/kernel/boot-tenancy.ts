import type { OpenApiDocument } from '@codexion/schema';
import type { Database } from '../data/database.js';
import { writeOutboxEvent } from '../events/write-outbox-event.js';
import { tenancyOpenApi } from '../http/framework-apis.js';
import type { RegisteredPlugin } from '../plugins/plugin-registry.js';
import { createTenancy, type Tenancy } from '../tenancy/create-tenancy.js';
import {
  ensureRowLevelSecurity,
  kernelTenantTables,
  type RowSecurityReport,
  type RowSecurityScope,
  requireRowLevelSecurity,
  tenantRole,
} from '../tenancy/ensure-row-level-security.js';

export interface BootTenancyOptions {
  database: Database;
  /** the booted plugins: their schemas get row-level security, their manifests make the catalogue */
  plugins: readonly RegisteredPlugin[];
  /** the PostgreSQL schema of each plugin that has tables */
  schemas: readonly string[];
  /** apply the DDL (a migrating boot) or only check it is in place (`migrations.runOnBoot: false`) */
  migrate: boolean;
  /** the tenants the configuration names (the default tenant, `tenants.<uuid>`): made to exist */
  tenants: readonly string[];
  /** the framework's other APIs (audit): the `prefiq:*` permissions they need join the catalogue */
  frameworkDocuments?: readonly OpenApiDocument[];
  accessCacheTtlMs?: number;
}

export interface BootTenancyReport {
  tenancy: Tenancy;
  /** what a migrating boot did to row-level security */
  rowSecurity: RowSecurityReport | undefined;
  /** configured tenants this boot created */
  createdTenants: string[];
}

/**
 * The kernel's tenancy step, after the migrations: row-level security on every plugin table with a
 * `tenant_id` (and the kernel's `prefiq.seeds`), the tenancy service, the configured tenants, and
 * from then on every transaction and read in a tenant as {@link tenantRole}.
 *
 * @example
 * const { tenancy } = await bootTenancy({ database, plugins, schemas: ['sales'], migrate: true, tenants: [defaultTenant] });
 */
export async function bootTenancy({
  database,
  plugins,
  schemas,
  migrate,
  tenants,
  frameworkDocuments = [],
  accessCacheTtlMs,
}: BootTenancyOptions): Promise<BootTenancyReport> {
  const scope: RowSecurityScope = { schemas, tables: kernelTenantTables };
  let rowSecurity: RowSecurityReport | undefined;
  if (migrate) rowSecurity = await ensureRowLevelSecurity(database, scope);
  else await requireRowLevelSecurity(database, scope);
  database.useTenantRole(tenantRole);
  const tenancy = createTenancy({
    database,
    models: plugins.map((p) => p.model),
    frameworkDocuments: [tenancyOpenApi, ...frameworkDocuments],
    ...(accessCacheTtlMs === undefined ? {} : { accessCacheTtlMs }),
    writeEvent: writeOutboxEvent,
  });
  const createdTenants: string[] = [];
  for (const id of tenants) {
    const created = await tenancy.ensureTenant({
      id,
      name: `Tenant ${id.slice(0, 8)}`,
      slug: `t-${id.toLowerCase()}`,
    });
    if (created) createdTenants.push(id);
  }
  return { tenancy, rowSecurity, createdTenants };
}
