import type { AppModule, EntityCatalog, EntityConfig, HeyApiClientLike } from '@codexion/web';

/** An app module once its definition has loaded (its pages still load on their first visit). */
export interface LoadedApp {
  module: AppModule;
  /** the app's generated hey-api clients, pointed at its API root by the shell */
  clients: HeyApiClientLike[];
  /** the entities the command palette searches and offers to create */
  search: readonly EntityConfig[];
}

/** A module the shell can mount: under `/<name>/*`, talking to `apiBaseUrl`. */
export interface AppRegistryEntry {
  name: string;
  apiBaseUrl: string;
  /** the module's definition, a chunk of its own: the shell's first load carries no app code */
  load: () => Promise<LoadedApp>;
}

/** What an app's `./web` entry exports. */
interface AppWebExports {
  default: AppModule;
  entities?: EntityCatalog;
}

/**
 * The entities a module's records are searched in: what it declares (`search`), else those of its
 * entity catalog that have search fields and a page of their own in its navigation (the CRM's deals,
 * companies, people and activities; not its pipelines and tags behind Settings).
 *
 * @example
 * searchEntitiesOf(crmModule, crmEntities).map((entity) => entity.name) // ['deal', 'company', 'person', 'activity']
 */
export function searchEntitiesOf(module: AppModule, catalog?: EntityCatalog): readonly EntityConfig[] {
  if (module.search) return module.search;
  if (!catalog) return [];
  const navPaths = module.nav.map((item) => item.path);
  return navPaths.flatMap((path) => {
    const entity = catalog.entities.find((candidate) => candidate.resource === path);
    return entity?.annotations.search?.length ? [entity] : [];
  });
}

/**
 * Turns a module's `./web` exports (and its generated client) into what the shell mounts.
 *
 * @example
 * loadedApp(await import('@codexion/crm/web'), [client])
 */
export function loadedApp(web: AppWebExports, clients: HeyApiClientLike[] = []): LoadedApp {
  return { module: web.default, clients, search: searchEntitiesOf(web.default, web.entities) };
}

/**
 * Every app module Cortex can mount, by name; the session's apps (`/api/cortex/apps`) say which are
 * on for the tenant. A new app adds one entry here.
 */
export const appRegistry: readonly AppRegistryEntry[] = [
  {
    name: 'crm',
    apiBaseUrl: '/api/crm',
    load: async () => {
      const [web, generated] = await Promise.all([
        import('@codexion/crm/web'),
        import('@codexion/crm/core/generated/client/client.gen.js'),
      ]);
      return loadedApp(web, [generated.client]);
    },
  },
];

/** Cortex's own administration, on the framework's and Cortex's APIs under `/api`. */
export const adminEntry: AppRegistryEntry = {
  name: 'admin',
  apiBaseUrl: '/api',
  load: async () => loadedApp(await import('../admin/admin-module.js')),
};
