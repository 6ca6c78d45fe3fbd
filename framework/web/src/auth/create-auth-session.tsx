import { logout, logoutAll, switchTenant as switchSessionTenant } from '@codexion/contracts/auth/client';
import { client as authApi } from '@codexion/contracts/auth/client.gen';
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
import type { ApiClients } from '../api/create-api-client.js';

/** Where the session stands: still asking, nobody signed in, signed in, or the server failed. */
export type AuthStatus = 'loading' | 'anonymous' | 'signed-in' | 'failed';

/** The session's state and the ways in and out, with what the host loads about it (`data`). */
export interface AuthValue<Data> {
  status: AuthStatus;
  /** what the server said about the signed-in user; `null` unless signed in */
  data: Data | null;
  /** why booting failed, when `status` is `failed` */
  error: unknown;
  /** clients of the APIs' generated SDKs, with the session cookie and its CSRF token */
  clientFor: ApiClients;
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
  /** clients of the APIs' generated SDKs (`createApiClients()`) */
  clientFor: ApiClients;
  /** what the host knows of a session: `null` when nobody is signed in (`loadSessionBasics`) */
  load: (clientFor: ApiClients) => Promise<Data | null>;
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
 * <AuthProvider clientFor={createApiClients()} load={loadSessionBasics} queryClient={queryClient} navigate={router.navigate}>
 *   <RouterProvider router={router} />
 * </AuthProvider>
 */
export function createAuthSession<Data>(): AuthSession<Data> {
  const AuthContext = createContext<AuthValue<Data> | null>(null);

  function AuthProvider({ clientFor, load, queryClient, navigate, children }: AuthProviderProps<Data>) {
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
        const data = await load(clientFor);
        if (mine === generation.current) {
          setState({ status: data ? 'signed-in' : 'anonymous', data, error: undefined });
        }
        return data;
      } catch (error) {
        if (mine === generation.current) setState({ status: 'failed', data: null, error });
        return null;
      }
    }, [clientFor, load]);

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
      async (everywhere: boolean) => {
        try {
          const client = clientFor(authApi);
          await (everywhere ? logoutAll : logout)({ client, throwOnError: true });
        } catch {
          // already signed out (401), or the server is gone: the user is out either way
        }
        signedOut();
      },
      [clientFor, signedOut],
    );

    const update = useCallback((change: (data: Data) => Data) => {
      setState((current) => (current.data === null ? current : { ...current, data: change(current.data) }));
    }, []);

    const switchTenant = useCallback(
      async (tenantId: string) => {
        await switchSessionTenant({ client: clientFor(authApi), body: { tenantId }, throwOnError: true });
        // loaded here, not with the entry: a standalone app's first paint needs nothing of react-dom's
        const { flushSync } = await import('react-dom');
        // nothing of the other tenant may show, not even from the cache: the pages go first (so none
        // asks for its data again), then the cache, then the new tenant's session loads
        flushSync(() => setState({ status: 'loading', data: null, error: undefined }));
        queryClient.clear();
        await navigateRef.current('/');
        await reload();
      },
      [clientFor, queryClient, reload],
    );

    const value = useMemo<AuthValue<Data>>(
      () => ({
        ...state,
        clientFor,
        reload,
        update,
        switchTenant,
        logout: () => endSession(false),
        logoutEverywhere: () => endSession(true),
      }),
      [state, clientFor, reload, update, switchTenant, endSession],
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
 * const { status, reload, clientFor } = useSignIn();
 */
export function useSignIn(): AuthValue<unknown> {
  return useRequiredContext(SignInContext);
}
