import { createContext, type ReactNode, useContext } from 'react';

/** A search the host shell owns (Cortex's command palette), searching every app at once. */
export interface SearchHost {
  /** opens the host's search */
  open(): void;
}

const SearchHostContext = /* @__PURE__ */ createContext<SearchHost | null>(null);

export interface SearchHostProviderProps {
  host: SearchHost;
  children: ReactNode;
}

/**
 * Tells apps' search boxes that the shell has a search of its own: `RecordSearch` then shows only
 * its button, which opens the host's search, and leaves Ctrl/⌘+K to the host.
 *
 * @example
 * <SearchHostProvider host={{ open: () => setPaletteOpen(true) }}>{shell}</SearchHostProvider>
 */
export function SearchHostProvider({ host, children }: SearchHostProviderProps) {
  return <SearchHostContext.Provider value={host}>{children}</SearchHostContext.Provider>;
}

/**
 * The host shell's search, or `null` when the app runs alone.
 *
 * @example
 * const host = useSearchHost();
 * if (host) return <Button onClick={host.open}>Search</Button>;
 */
export function useSearchHost(): SearchHost | null {
  return useContext(SearchHostContext);
}
