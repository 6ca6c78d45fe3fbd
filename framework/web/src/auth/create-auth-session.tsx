import type { QueryClient } from '@tanstack/react-query';
import {
  type Context,
  createContext,
  type ReactNode,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import type { ApiFetch } from '../api/api-fetch.js';

/** Where the session stands: still asking, nobody signed in, signed in, or the server failed. */
export type AuthStatus = 'loading' | 'anonymous' | 'signed-in' | 'failed';

/** The session's state and the ways in and out, with what the host loads about it (`data`). */
export interface AuthValue<Data> {
  status: AuthStatus;
  /** what the server said about the signed-in user; `null` unless signed in */
  data: Data | null;
  /** why booting failed, when `status` is `failed` */
  error: unknown;
  /** the API root `/api`, with the session cookie and its CSRF token */
  apiFetch: ApiFetch;
  /** asks the server again (after signing in, or to retry) */
  reload(): Promise<Data | null>;
  /** changes what is known of the session without asking the server (something refused meanwhile) */
  update(change: (data: Data) => Data): void;
  /** switches the session's tenant: the pages and the cache of the other tenant go first */
  switchTenant(tenantId: string): Promise<void>;
  /** ends this session */
  logout(): Promise<void>;
  /** ends every session of the user, on every device */
  logoutEverywhere(): Promise<void>;
}

/** What the framework's own sign-in pages read, whatever the host loads about the session. */
const SignInContext = /* @__PURE__ */ createContext<AuthValue<unknown> | null>(null);

export interface AuthProviderProps<Data> {
  /** the API root `/api` (`createApiFetch({ baseUrl: '/api' })`) */
  apiFetch: ApiFetch;
  /** what the host knows of a session: `null` when nobody is signed in (`loadSessionBasics`) */
  load: (apiFetch: ApiFetch) => Promise<Data | null>;
  /** the one query client of the shell: emptied when the user or the tenant changes */
  queryClient: QueryClient;
  /** moves the app to a path (the router's `navigate`), resolving once there */
  navigate: (to: string) => Promise<void> | void;
  children: ReactNode;
}

export interface AuthSession<Data> {
  /** boots and holds the session; above the router */
  AuthProvider: (props: AuthProviderProps<Data>) => ReactNode;
  /** the session, with the host's `data` typed */
  useAuth: () => AuthValue<Data>;
}

/**
 * A session provider and its hook for a host's session data: `AuthProvider` asks the server who is
 * signed in (the host's `load`), and signs out, and switches tenants, with a clean query cache; the
 * framework's sign-in pages ({@link LoginPage}, {@link NoTenantPage}) work under it. The standalone
 * shell makes one for `SessionBasics`, Cortex for its session with apps and settings.
 *
 * @example
 * const { AuthProvider, useAuth } = createAuthSession<SessionBasics>();
 * <AuthProvider apiFetch={createApiFetch({ baseUrl: '/api' })} load={loadSessionBasics} queryClient={queryClient} navigate={router.navigate}>
 *   <RouterProvider router={router} />
 * </AuthProvider>
 */
export function createAuthSession<Data>(): AuthSession<Data> {
  const AuthContext = createContext<AuthValue<Data> | null>(null);

  function AuthProvider({ apiFetch, load, queryClient, navigate, children }: AuthProviderProps<Data>) {
    const [state, setState] = useState<{ status: AuthStatus; data: Data | null; error: unknown }>({
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
        const data = await load(apiFetch);
        if (mine === generation.current) {
          setState({ status: data ? 'signed-in' : 'anonymous', data, error: undefined });
        }
        return data;
      } catch (error) {
        if (mine === generation.current) setState({ status: 'failed', data: null, error });
        return null;
      }
    }, [apiFetch, load]);

    useEffect(() => {
      void reload();
    }, [reload]);

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

    const update = useCallback((change: (data: Data) => Data) => {
      setState((current) => (current.data === null ? current : { ...current, data: change(current.data) }));
    }, []);

    const switchTenant = useCallback(
      async (tenantId: string) => {
        await apiFetch('/auth/switch-tenant', { method: 'POST', body: { tenantId } });
        // loaded here, not with the entry: a standalone app's first paint needs nothing of react-dom's
        const { flushSync } = await import('react-dom');
        // nothing of the other tenant may show, not even from the cache: the pages go first (so none
        // asks for its data again), then the cache, then the new tenant's session loads
        flushSync(() => setState({ status: 'loading', data: null, error: undefined }));
        queryClient.clear();
        await navigateRef.current('/');
        await reload();
      },
      [apiFetch, queryClient, reload],
    );

    const value = useMemo<AuthValue<Data>>(
      () => ({
        ...state,
        apiFetch,
        reload,
        update,
        switchTenant,
        logout: () => endSession('/auth/logout'),
        logoutEverywhere: () => endSession('/auth/logout-all'),
      }),
      [state, apiFetch, reload, update, switchTenant, endSession],
    );
    return (
      <AuthContext.Provider value={value}>
        <SignInContext.Provider value={value}>{children}</SignInContext.Provider>
      </AuthContext.Provider>
    );
  }

  function useAuth(): AuthValue<Data> {
    return useRequiredContext(AuthContext);
  }

  return { AuthProvider, useAuth };
}

function useRequiredContext<T>(context: Context<T | null>): T {
  const value = useContext(context);
  if (!value) throw new Error('the session is read under its <AuthProvider> (createAuthSession) only');
  return value;
}

/**
 * The session as the framework's sign-in pages need it (state, reload, sign-out), whatever the
 * host loads about it; hosts read theirs with their own `useAuth`.
 *
 * @example
 * const { status, reload, apiFetch } = useSignIn();
 */
export function useSignIn(): AuthValue<unknown> {
  return useRequiredContext(SignInContext);
}
