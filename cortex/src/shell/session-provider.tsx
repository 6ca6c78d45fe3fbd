import { type ApiFetch, ProblemError } from '@codexion/web';
import type { QueryClient } from '@tanstack/react-query';
import {
  createContext,
  type ReactNode,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import { flushSync } from 'react-dom';
import { loadSession, type SessionData } from './load-session.js';
import { SessionContext, type SessionValue } from './session-context.js';

/** Where the session stands: still asking, nobody signed in, signed in, or the server failed. */
export type AuthStatus = 'loading' | 'anonymous' | 'signed-in' | 'failed';

export interface AuthValue {
  status: AuthStatus;
  /** what the server said about the signed-in user; `null` unless signed in */
  data: SessionData | null;
  /** the session for the shell and the admin pages; `null` without a tenant */
  session: SessionValue | null;
  /** why booting failed, when `status` is `failed` */
  error: unknown;
  /** the API root `/api`, with the session cookie and its CSRF token */
  apiFetch: ApiFetch;
  /** asks the server again (after signing in, or to retry) */
  reload(): Promise<SessionData | null>;
  /** ends this session */
  logout(): Promise<void>;
  /** ends every session of the user, on every device */
  logoutEverywhere(): Promise<void>;
}

const AuthContext = /* @__PURE__ */ createContext<AuthValue | null>(null);

export interface SessionProviderProps {
  apiFetch: ApiFetch;
  /** the one query client of the shell: emptied when the user or the tenant changes */
  queryClient: QueryClient;
  /** moves the app to a path (the router's `navigate`), resolving once there */
  navigate: (to: string) => Promise<void> | void;
  /** the language of the pages before a tenant's settings are known */
  fallbackLocale?: string;
  children: ReactNode;
}

/**
 * Boots and holds the session: asks `/api/auth/me` (and the tenants, apps and settings), gives
 * `useSession()` to everything below once someone is signed in, and switches tenants and signs out
 * with a clean query cache.
 *
 * @example
 * <SessionProvider apiFetch={createApiFetch({ baseUrl: '/api' })} queryClient={queryClient} navigate={router.navigate}>
 *   <RouterProvider router={router} />
 * </SessionProvider>
 */
export function SessionProvider({
  apiFetch,
  queryClient,
  navigate,
  fallbackLocale,
  children,
}: SessionProviderProps) {
  const [state, setState] = useState<{ status: AuthStatus; data: SessionData | null; error: unknown }>({
    status: 'loading',
    data: null,
    error: undefined,
  });
  // the last request wins: a slow boot must not overwrite a later sign-in
  const generation = useRef(0);
  const navigateRef = useRef(navigate);
  navigateRef.current = navigate;

  const reload = useCallback(async () => {
    const mine = ++generation.current;
    try {
      const data = await loadSession(apiFetch, fallbackLocale);
      if (mine === generation.current) {
        setState({ status: data ? 'signed-in' : 'anonymous', data, error: undefined });
      }
      return data;
    } catch (error) {
      if (mine === generation.current) setState({ status: 'failed', data: null, error });
      return null;
    }
  }, [apiFetch, fallbackLocale]);

  useEffect(() => {
    void reload();
  }, [reload]);

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
        setState((current) =>
          current.data && !current.data.refusedApps.includes(app)
            ? { ...current, data: { ...current.data, refusedApps: [...current.data.refusedApps, app] } }
            : current,
        );
      }),
    [queryClient],
  );

  const signedOut = useCallback(() => {
    generation.current += 1;
    queryClient.clear();
    setState({ status: 'anonymous', data: null, error: undefined });
    navigateRef.current('/login');
  }, [queryClient]);

  const endSession = useCallback(
    async (path: string) => {
      try {
        await apiFetch(path, { method: 'POST' });
      } catch {
        // already signed out (401), or the server is gone: the user is out either way
      }
      signedOut();
    },
    [apiFetch, signedOut],
  );

  const { data } = state;
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
      switchTenant: async (tenantId) => {
        await apiFetch('/auth/switch-tenant', { method: 'POST', body: { tenantId } });
        // nothing of the other tenant may show, not even from the cache: the pages go first (so none
        // asks for its data again), then the cache, then the new tenant's session loads
        flushSync(() => setState({ status: 'loading', data: null, error: undefined }));
        queryClient.clear();
        await navigateRef.current('/');
        await reload();
      },
      logout: () => endSession('/auth/logout'),
    };
  }, [data, reload, apiFetch, queryClient, endSession]);

  const value = useMemo<AuthValue>(
    () => ({
      ...state,
      session,
      apiFetch,
      reload,
      logout: () => endSession('/auth/logout'),
      logoutEverywhere: () => endSession('/auth/logout-all'),
    }),
    [state, session, apiFetch, reload, endSession],
  );

  return (
    <AuthContext.Provider value={value}>
      <SessionContext.Provider value={session}>{children}</SessionContext.Provider>
    </AuthContext.Provider>
  );
}

/**
 * The session's state and the shell's sign-in actions; for the shell's own pages (sign-in,
 * invitations, the layout). App and admin pages use `useSession()`.
 *
 * @example
 * const { status, reload } = useAuth();
 */
export function useAuth(): AuthValue {
  const value = useContext(AuthContext);
  if (!value) throw new Error('useAuth() needs the Cortex <SessionProvider> above it');
  return value;
}
