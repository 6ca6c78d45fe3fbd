import type { AppRegistryEntry, LoadedApp } from './app-registry.js';
import { addModuleTranslations, type CortexI18n } from './create-cortex-i18n.js';

/** Loads module definitions once each and tells subscribers (the sidebar, the palette) when one arrives. */
export interface ModuleLoader {
  /** the registered modules, apps first and the admin module last */
  entries: readonly AppRegistryEntry[];
  entry(name: string): AppRegistryEntry | undefined;
  /** the module's definition, loading it (and its translations) on the first call */
  load(name: string): Promise<LoadedApp>;
  /** the definition when it has loaded, else `undefined` */
  get(name: string): LoadedApp | undefined;
  /** for `useSyncExternalStore`: called whenever a definition arrives */
  subscribe(listener: () => void): () => void;
  /** changes whenever a definition arrives */
  version(): number;
}

/**
 * The shell's loader of module definitions: each `import()` runs once, a failed one may be retried,
 * and the module's translations join the shell's i18next before anything of it renders.
 *
 * @example
 * const loader = createModuleLoader([...appRegistry, adminEntry], i18n);
 * const crm = await loader.load('crm');
 */
export function createModuleLoader(entries: readonly AppRegistryEntry[], i18n: CortexI18n): ModuleLoader {
  const byName = new Map(entries.map((entry) => [entry.name, entry]));
  const pending = new Map<string, Promise<LoadedApp>>();
  const loaded = new Map<string, LoadedApp>();
  const listeners = new Set<() => void>();
  let version = 0;
  return {
    entries,
    entry: (name) => byName.get(name),
    load(name) {
      const entry = byName.get(name);
      if (!entry) return Promise.reject(new Error(`No app module "${name}" is registered in Cortex`));
      let promise = pending.get(name);
      if (!promise) {
        promise = entry.load().then(
          (app) => {
            addModuleTranslations(i18n, app.module);
            loaded.set(name, app);
            version += 1;
            for (const listener of listeners) listener();
            return app;
          },
          (error: unknown) => {
            // a chunk that failed to download (offline, a new deployment) may load on the next try
            pending.delete(name);
            throw error;
          },
        );
        pending.set(name, promise);
      }
      return promise;
    },
    get: (name) => loaded.get(name),
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    version: () => version,
  };
}
