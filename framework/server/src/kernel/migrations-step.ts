import type { PluginMigrations } from '../data/run-migrations.js';
import { auditOpenApi, eventsOpenApi, jobsOpenApi, webhooksOpenApi } from '../http/framework-apis.js';
import { TenancyToken } from '../tenancy/create-tenancy.js';
import type { BootRun } from './boot-run.js';
import { bootTenancy } from './boot-tenancy.js';
import { frameworkMigrations } from './framework-migrations.js';
import { kernelResourceFactory } from './kernel-resource-factory.js';
import { applyMigrations, migrationSources, planMigrations, requireMigrated } from './migrate-plugins.js';
import { seedPlugins } from './seed-plugins.js';
import { planUpgrades, upgradePlugins } from './upgrade-plugins.js';

/**
 * The migrations step: the framework's migrations, then the plugins' (applied when
 * `migrations.runOnBoot` or a migrate-only boot, else required to be applied), row-level security
 * and the configured tenants, the plugins' upgrades, and demo data when seeding. A dry run only
 * plans the migrations and upgrades.
 *
 * @example
 * await runStep(log, traceId, 'migrations', () => migrationsStep(run));
 */
export async function migrationsStep(run: BootRun): Promise<Record<string, unknown>> {
  const { parts, report, container } = run;
  const config = run.required(parts.config, 'config');
  const plugins = run.required(parts.registry, 'plugins').plugins;
  const sources = [...frameworkMigrations, ...migrationSources(plugins)];
  const ofFramework = (all: PluginMigrations[]) => {
    report.frameworkMigrations = all.slice(0, frameworkMigrations.length);
    report.migrations = all.slice(frameworkMigrations.length);
  };
  if (run.dryRun) {
    ofFramework(await planMigrations(parts.database, sources));
    report.upgrades = await planUpgrades(parts.database, plugins);
    return {
      dry_run: true,
      pending: report.migrations,
      framework: report.frameworkMigrations,
      upgrades: report.upgrades,
    };
  }
  const db = run.required(parts.database, 'the database');
  const migrate = config.migrations.runOnBoot || run.migrateOnly;
  if (migrate) ofFramework(await applyMigrations(db, sources));
  else await requireMigrated(db, sources);
  const tenants = [
    ...new Set([
      ...(config.tenancy.defaultTenant ? [config.tenancy.defaultTenant] : []),
      ...Object.keys(config.tenants),
    ]),
  ];
  // row-level security on the plugins' tables, then every transaction in a tenant as the tenant role
  const tenancy = await bootTenancy({
    database: db,
    plugins,
    schemas: migrationSources(plugins).flatMap((s) => (s.schema === undefined ? [] : [s.schema])),
    migrate,
    tenants,
    frameworkDocuments: [auditOpenApi, eventsOpenApi, jobsOpenApi, webhooksOpenApi],
  });
  container.value(TenancyToken, tenancy.tenancy);
  report.upgrades = await upgradePlugins(db, plugins, run.contextOf);
  if (run.seed ?? config.seed.enabled) {
    report.seeded = await seedPlugins(db, plugins, tenants, {
      logger: parts.logger,
      traceId: run.traceId,
      services: run.services,
      resources: kernelResourceFactory(run, config),
    });
  }
  return {
    applied: report.migrations,
    framework: report.frameworkMigrations,
    row_security: tenancy.rowSecurity?.changed ?? [],
    tenants_created: tenancy.createdTenants,
    upgrades: report.upgrades,
    seeded: report.seeded,
  };
}
