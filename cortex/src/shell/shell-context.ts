import { createContext, useContext } from 'react';
import type { ModuleLoader } from './module-loader.js';

/** What the shell's parts share besides the session: the modules and how to reach the API. */
export interface ShellValue {
  loader: ModuleLoader;
  /** replaces the global fetch (tests) */
  fetch?: typeof fetch;
}

export const ShellContext = /* @__PURE__ */ createContext<ShellValue | null>(null);

/**
 * The shell's module loader and fetch.
 *
 * @example
 * const { loader } = useShell();
 */
export function useShell(): ShellValue {
  const value = useContext(ShellContext);
  if (!value) throw new Error('useShell() needs the Cortex app around it (createCortexApp)');
  return value;
}
