import type { AppModule, EntityConfig, GeneratedClientLike } from '@codexion/web';
import { client as cortexApi } from '../../core/generated/client/client.gen.js';

/** An app module once its definition has loaded (its pages still load on their first visit). */
export interface LoadedApp {
  module: AppModule;
  /**
   * the app's API root, as its generated client says (`/api/crm`): the shell's provider calls the
   * app's SDK there; `''` for an app without a generated client (it has no API to call)
   */
  apiBaseUrl: string;
  /** the entities the command palette searches and offers to create */
  search: readonly EntityConfig[];
}

/** A module the shell can mount: under `/<name>/*`, talking to the API its generated client names. */
export interface AppRegistryEntry {
  name: string;
  /** the module's definition, a chunk of its own: the shell's first load carries no app code */
  load: () => Promise<LoadedApp>;
}

/** What an app's `./web` entry exports. */
export interface AppWebExports {
  default: AppModule;
}

/** What an app's generated `client.gen.ts` exports: the hey-api client its SDK calls through. */
export interface GeneratedClientExports {
  client: GeneratedClientLike;
}

/** Loaders by file path, as `import.meta.glob` gives them. */
export type ModuleLoaders<T> = Readonly<Record<string, () => Promise<T>>>;

/**
 * Turns a module's `./web` exports (and its generated client) into what the shell mounts. The
 * palette searches what the module's `search` says: by default, `defineAppModule` takes the
 * entities with search fields that have a page in the manifest's navigation.
 *
 * @example
 * loadedApp(await import('@codexion/crm/web'), client).search.map((entity) => entity.name)
 * // ['deal', 'company', 'person', 'activity']
 */
export function loadedApp(web: AppWebExports, client?: GeneratedClientLike): LoadedApp {
  return {
    module: web.default,
    apiBaseUrl: client?.getConfig().baseUrl ?? '',
    search: web.default.search ?? [],
  };
}

/** `../../../apps/crm/src/module.tsx` → `crm`: the folder under `apps/`. */
function appNameIn(path: string): string {
  return /(?:^|\/)apps\/([^/]+)\//.exec(path)?.[1] ?? path;
}

/**
 * The registry entries of the app modules found on disk, by name: one per app's
 * `src/module.tsx`, mounted under `/<name>`, with the app's generated client (its API root) when
 * it has one. Each loads as a chunk of its own.
 *
 * @example
 * appEntries({ '../../../apps/crm/src/module.tsx': () => import('…') }, {})
 * // [{ name: 'crm', load }]
 */
export function appEntries(
  webModules: ModuleLoaders<AppWebExports>,
  clients: ModuleLoaders<GeneratedClientExports> = {},
): AppRegistryEntry[] {
  const clientOf = new Map(Object.entries(clients).map(([path, load]) => [appNameIn(path), load]));
  return Object.entries(webModules)
    .map(([path, loadWeb]): AppRegistryEntry => {
      const name = appNameIn(path);
      const loadClient = clientOf.get(name);
      return {
        name,
        load: async () => {
          const [web, generated] = await Promise.all([loadWeb(), loadClient?.()]);
          return loadedApp(web, generated?.client);
        },
      };
    })
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/**
 * Every app module Cortex can mount, found by Vite when it builds the shell: each app under
 * `apps/*` with its `./web` module at `src/module.tsx` (the layout `prefiq new app` makes), and no
 * entry to write here. The session's apps (`/api/cortex/apps`) say which are on for the tenant.
 * The globs are lazy: the shell's entry holds the paths, each module and client is a chunk.
 */
export const appRegistry: readonly AppRegistryEntry[] = appEntries(
  import.meta.glob<AppWebExports>('../../../apps/*/src/module.tsx'),
  import.meta.glob<GeneratedClientExports>('../../../apps/*/core/generated/client/client.gen.ts'),
);

/** Cortex's own administration, on the framework's and Cortex's APIs (its root: Cortex's host API). */
export const adminEntry: AppRegistryEntry = {
  name: 'admin',
  load: async () => loadedApp(await import('../admin/admin-module.js'), cortexApi),
};
