import { useEffect, useSyncExternalStore } from 'react';
import type { LoadedApp } from './app-registry.js';
import { useShell } from './shell-context.js';

/**
 * The definitions of the named modules, loading those not there yet: each is its own chunk, so the
 * shell draws at once and every section of the sidebar appears as its module arrives.
 *
 * @example
 * const modules = useLoadedModules(['crm', 'admin']); // [{ name: 'crm', app: LoadedApp | undefined }, …]
 */
export function useLoadedModules(names: readonly string[]): { name: string; app: LoadedApp | undefined }[] {
  const { loader } = useShell();
  useSyncExternalStore(loader.subscribe, loader.version, loader.version);
  const key = names.join(',');
  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` stands for the names
  useEffect(() => {
    for (const name of names) {
      loader.load(name).catch((error: unknown) => {
        console.error(`The "${name}" module could not be loaded`, error);
      });
    }
  }, [loader, key]);
  return names.map((name) => ({ name, app: loader.get(name) }));
}
