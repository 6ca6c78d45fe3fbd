import { type ApiClients, type AuthValue, createAuthSession, ProblemError } from '@codexion/web';
import type { QueryClient } from '@tanstack/react-query';
import { createContext, type ReactNode, useContext, useEffect, useMemo } from 'react';
import { loadSession, type SessionData } from './load-session.js';
import { SessionContext, type SessionValue } from './session-context.js';

/** The framework's session state and sign-in actions, with Cortex's session for the shell. */
export interface CortexAuthValue extends AuthValue<SessionData> {
  /** the session for the shell and the admin pages; `null` without a tenant */
  session: SessionValue | null;
}

const { AuthProvider, useAuth: useFrameworkAuth } = createAuthSession<SessionData>();
const CortexAuthContext = /* @__PURE__ */ createContext<CortexAuthValue | null>(null);

export interface SessionProviderProps {
  /** clients of the APIs' generated SDKs, on the shell's fetch */
  clientFor: ApiClients;
  /** the one query client of the shell: emptied when the user or the tenant changes */
  queryClient: QueryClient;
  /** moves the app to a path (the router's `navigate`), resolving once there */
  navigate: (to: string) => Promise<void> | void;
  /** the language of the pages before a tenant's settings are known */
  fallbackLocale?: string;
  children: ReactNode;
}

/** Cortex's part of the session: the apps an app's API refused meanwhile, and `useSession()`. */
function CortexSession({ queryClient, children }: { queryClient: QueryClient; children: ReactNode }) {
  const auth = useFrameworkAuth();
  const { update } = auth;

  // an app turned off meanwhile (or one the session could not ask about) says so on its API: from
  // then on the shell shows it off, instead of a page of errors
  useEffect(
    () =>
      queryClient.getQueryCache().subscribe((event) => {
        if (event.type !== 'updated' || event.action.type !== 'error') return;
        const { error } = event.action;
        const [, baseUrl] = event.query.queryKey;
        if (!(error instanceof ProblemError) || error.code !== 'APP_DISABLED' || typeof baseUrl !== 'string')
          return;
        const app = /^\/api\/([a-z][a-z0-9-]*)$/.exec(baseUrl)?.[1];
        if (!app) return;
        update((data) =>
          data.refusedApps.includes(app) ? data : { ...data, refusedApps: [...data.refusedApps, app] },
        );
      }),
    [queryClient, update],
  );

  const { data, reload, switchTenant, logout } = auth;
  const session = useMemo<SessionValue | null>(() => {
    if (!data?.tenant) return null;
    return {
      user: data.user,
      tenant: data.tenant,
      tenants: data.tenants,
      roles: data.roles,
      permissions: data.permissions,
      apps: data.apps,
      settings: data.settings,
      refresh: async () => {
        await reload();
      },
      switchTenant,
      logout,
    };
  }, [data, reload, switchTenant, logout]);

  const value = useMemo<CortexAuthValue>(() => ({ ...auth, session }), [auth, session]);
  return (
    <CortexAuthContext.Provider value={value}>
      <SessionContext.Provider value={session}>{children}</SessionContext.Provider>
    </CortexAuthContext.Provider>
  );
}

/**
 * Boots and holds the session with the framework's `createAuthSession`: asks `/api/auth/me` (and
 * the tenants, apps and settings), gives `useSession()` to everything below once someone is signed
 * in, and switches tenants and signs out with a clean query cache.
 *
 * @example
 * <SessionProvider clientFor={createApiClients()} queryClient={queryClient} navigate={router.navigate}>
 *   <RouterProvider router={router} />
 * </SessionProvider>
 */
export function SessionProvider({
  clientFor,
  queryClient,
  navigate,
  fallbackLocale,
  children,
}: SessionProviderProps) {
  const load = useMemo(() => (api: ApiClients) => loadSession(api, fallbackLocale), [fallbackLocale]);
  return (
    <AuthProvider clientFor={clientFor} load={load} queryClient={queryClient} navigate={navigate}>
      <CortexSession queryClient={queryClient}>{children}</CortexSession>
    </AuthProvider>
  );
}

/**
 * The session's state and the shell's sign-in actions; for the shell's own pages (sign-in,
 * invitations, the layout). App and admin pages use `useSession()`.
 *
 * @example
 * const { status, reload } = useAuth();
 */
export function useAuth(): CortexAuthValue {
  const value = useContext(CortexAuthContext);
  if (!value) throw new Error('useAuth() needs the Cortex <SessionProvider> above it');
  return value;
}
