import { DomainError } from '@codexion/framework/errors';
import type { PluginContext, PluginRegistry, RegisteredPlugin } from '@codexion/framework/plugins';
import { appPermissions } from '@codexion/schema';
import { eq, sql } from 'drizzle-orm';
import type { App } from '../../core/generated/client/types.gen.js';
import { appInstallations } from '../../core/generated/tables.js';
import { cortex } from '../cortex.js';
import { auditCortex, auditEntities } from './cortex-audit.js';
import { alwaysOn } from './installed-app-access.js';

/** The names of the plugins that depend on `name`. */
function dependentsOf(registry: PluginRegistry, name: string): string[] {
  return registry.plugins
    .filter((plugin) => Object.hasOwn(plugin.model.manifest.dependencies ?? {}, name))
    .map((plugin) => plugin.name);
}

function appOf(registry: PluginRegistry, plugin: RegisteredPlugin, enabled: boolean): App {
  const { manifest } = plugin.model;
  return {
    name: plugin.name,
    title: manifest.title,
    description: manifest.description ?? '',
    version: plugin.version,
    icon: manifest.icon ?? null,
    enabled,
    removable: dependentsOf(registry, plugin.name).length === 0,
    // the CRUD permissions its schemas give and those its manifest declares: what roles can grant
    permissions: appPermissions(plugin.model).map((p) => ({
      name: p.name,
      description: p.description ?? '',
    })),
  };
}

async function disabledIn(ctx: Pick<PluginContext, 'tx' | 'tenantId'>): Promise<Set<string>> {
  const rows = await ctx.tx
    .select({ app: appInstallations.app, enabled: appInstallations.enabled })
    .from(appInstallations)
    .where(eq(appInstallations.tenantId, ctx.tenantId));
  return new Set(rows.filter((row) => !row.enabled).map((row) => row.app));
}

/**
 * Every app the host runs but Cortex, by name, with whether it is on for the tenant.
 *
 * @example
 * const apps = await listApps(ctx, registry); // [{ name: 'crm', enabled: true, … }]
 */
export async function listApps(
  ctx: Pick<PluginContext, 'tx' | 'tenantId'>,
  registry: PluginRegistry,
): Promise<App[]> {
  const disabled = await disabledIn(ctx);
  return registry.plugins
    .filter((plugin) => !alwaysOn.has(plugin.name))
    .map((plugin) => appOf(registry, plugin, !disabled.has(plugin.name)))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/**
 * Switches an app on or off for the tenant (a row in `app_installations`, audited when it
 * changes). Cortex, and an app another one depends on, stay on.
 *
 * @throws {DomainError} 404 `NOT_FOUND` for an app the host does not run; 409 `APP_REQUIRED`
 *
 * @example
 * await setAppEnabled(ctx, registry, 'crm', false);
 */
export async function setAppEnabled(
  ctx: PluginContext,
  registry: PluginRegistry,
  name: string,
  enabled: boolean,
): Promise<App> {
  const plugin = registry.plugins.find((p) => p.name === name);
  if (plugin === undefined) throw new DomainError('NOT_FOUND', `No app named "${name}" runs here`);
  if (!enabled && alwaysOn.has(name)) {
    throw cortex.error('APP_REQUIRED', 'Cortex hosts the console itself: it is always on');
  }
  if (!enabled) {
    const needing = dependentsOf(registry, name);
    if (needing.length > 0) {
      throw cortex.error('APP_REQUIRED', `${needing.join(', ')} depend on ${name}: it stays on`, {
        extensions: { dependents: needing },
      });
    }
  }
  const [before] = await ctx.tx
    .select({ id: appInstallations.id, enabled: appInstallations.enabled })
    .from(appInstallations)
    .where(sql`${appInstallations.tenantId} = ${ctx.tenantId} and ${appInstallations.app} = ${name}`)
    .for('update');
  const wasEnabled = before?.enabled ?? true;
  if (wasEnabled === enabled && before !== undefined) return appOf(registry, plugin, enabled);
  const actor = ctx.userId ?? null;
  const [row] = await ctx.tx
    .insert(appInstallations)
    .values({ tenantId: ctx.tenantId, app: name, enabled, createdBy: actor, updatedBy: actor })
    .onConflictDoUpdate({
      target: [appInstallations.tenantId, appInstallations.app],
      set: {
        enabled,
        updatedBy: actor,
        updatedAt: sql`now()`,
        version: sql`${appInstallations.version} + 1`,
      },
    })
    .returning({ id: appInstallations.id });
  if (wasEnabled !== enabled) {
    await auditCortex(ctx, {
      action: enabled ? 'app_enabled' : 'app_disabled',
      entity: auditEntities.app,
      recordId: row?.id,
      diff: { enabled: { before: wasEnabled, after: enabled } },
      metadata: { app: name },
    });
  }
  return appOf(registry, plugin, enabled);
}
