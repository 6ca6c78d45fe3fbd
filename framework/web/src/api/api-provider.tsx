import type { Client } from '@codexion/client';
import { type QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createContext, type ReactNode, useContext, useMemo, useState } from 'react';
import { type ApiClients, createApiClients } from './create-api-client.js';
import { createQueryClient } from './create-query-client.js';
import { withCsrfToken } from './with-csrf-token.js';

export interface ApiContextValue {
  /** the app's API root, e.g. `/api/sales`: query keys of resource data are scoped by it */
  baseUrl: string;
  /** the client the app's generated SDK is called through: `listDeals({ client, … })` */
  client: Client;
  /** the client of another API's generated SDK (a framework API's) on the same fetch and session */
  clientFor: ApiClients;
  /**
   * the provider's fetch with the session's CSRF token, for what no contract describes (the
   * server's `/readyz` probe); API operations go through the generated SDK
   */
  fetch: typeof fetch;
}

const ApiContext = /* @__PURE__ */ createContext<ApiContextValue | null>(null);

export interface ApiProviderProps {
  /** the app's API root, e.g. `/api/sales` */
  baseUrl: string;
  /** replaces the global fetch (tests, the example app's in-memory server) */
  fetch?: typeof fetch;
  /** the server's CSRF cookie (`<auth.cookie.name>_csrf`); `codexion_session_csrf` unless given */
  csrfCookieName?: string | undefined;
  /** share one client across providers (Cortex mounts many modules on one) */
  queryClient?: QueryClient;
  children: ReactNode;
}

/**
 * Gives pages the app's API and a TanStack Query client: `useApi().client`, the client the app's
 * generated SDK is called through (`listDeals({ client, … })`, and by the generic pages through
 * the entities' generated operations), and `clientFor(generated)` for the framework's APIs, all on
 * the same fetch and cookie session with the CSRF token (`X-CSRF-Token`) on unsafe methods.
 *
 * @example
 * <ApiProvider baseUrl={client.getConfig().baseUrl ?? ''}>
 *   <RouterProvider router={router} />
 * </ApiProvider>
 */
export function ApiProvider({
  baseUrl,
  fetch: fetchImpl,
  csrfCookieName,
  queryClient,
  children,
}: ApiProviderProps) {
  const [ownClient] = useState(() => queryClient ?? createQueryClient());
  const value = useMemo<ApiContextValue>(() => {
    // the wrapper resolves `globalThis.fetch` per call when no fetch is given
    const withToken = withCsrfToken(fetchImpl, { cookieName: csrfCookieName });
    const clientFor = createApiClients({ fetch: fetchImpl, csrfCookieName });
    return {
      baseUrl,
      client: clientFor({ getConfig: () => ({ baseUrl }) }),
      clientFor,
      fetch: withToken,
    };
  }, [baseUrl, fetchImpl, csrfCookieName]);
  return (
    <ApiContext.Provider value={value}>
      <QueryClientProvider client={queryClient ?? ownClient}>{children}</QueryClientProvider>
    </ApiContext.Provider>
  );
}

/**
 * The nearest {@link ApiProvider}'s API.
 *
 * @example
 * const { client } = useApi();
 */
export function useApi(): ApiContextValue {
  const value = useContext(ApiContext);
  if (!value) throw new Error('useApi() needs an <ApiProvider> above it');
  return value;
}
