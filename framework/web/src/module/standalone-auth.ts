import { createAuthSession } from '../auth/create-auth-session.js';
import type { SessionBasics } from '../auth/load-session.js';

/** The standalone app's session: the user, their tenants and what they may do in the session's. */
const standaloneAuth = /* @__PURE__ */ createAuthSession<SessionBasics>();

/**
 * Holds a standalone app's session (`createStandaloneApp` puts it above the router).
 *
 * @example
 * <StandaloneAuthProvider clientFor={createApiClients()} load={loadSessionBasics} queryClient={queryClient} navigate={navigate}>…</StandaloneAuthProvider>
 */
export const StandaloneAuthProvider = standaloneAuth.AuthProvider;

/**
 * The standalone app's session: status, the user and tenant, sign-out.
 *
 * @example
 * const { data, logout } = useStandaloneAuth();
 */
export const useStandaloneAuth = standaloneAuth.useAuth;
