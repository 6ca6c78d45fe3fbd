import { compareCodeUnits } from '@codexion/schema';
import { type AuthHandlers, type AuthRouteDeps, requestMeta } from './auth-route-kit.js';
import { finishOidc, type OidcClients, oidcStateTtlSeconds, startOidc } from './oidc-service.js';

/**
 * Single sign-on with OpenID Connect: the providers for the sign-in page, start (redirect to the
 * provider) and callback.
 */
export function oidcHandlers(
  deps: AuthRouteDeps,
  clients: OidcClients,
): AuthHandlers<'listAuthProviders' | 'startOidc' | 'finishOidc'> {
  const { ctx, cookies } = deps;
  const providers = Object.entries(ctx.settings.auth.oidc.providers)
    .sort(([a], [b]) => compareCodeUnits(a, b))
    .map(([id, provider]) => ({ id, name: provider.name ?? id }));
  return {
    async listAuthProviders(c) {
      return c.json({ password: true, providers });
    },
    async startOidc(c, input) {
      const { url, state } = await startOidc(
        ctx,
        clients,
        input.params.provider,
        input.query.returnTo ?? '/',
      );
      c.header('Set-Cookie', cookies.oidcState(state, oidcStateTtlSeconds), { append: true });
      return c.redirect(url.href, 302);
    },
    async finishOidc(c, input) {
      const { signedIn, returnTo } = await finishOidc(
        ctx,
        clients,
        input.params.provider,
        { search: new URL(c.req.url).searchParams, stateCookie: cookies.read(c, 'oidc') },
        requestMeta(deps, c),
      );
      c.header('Set-Cookie', cookies.clearOidcState(), { append: true });
      for (const cookie of cookies.issue(signedIn.secrets, signedIn.session.expiresAt, ctx.now())) {
        c.header('Set-Cookie', cookie, { append: true });
      }
      // returnTo was checked to be a path of this site (no scheme, no //host): no open redirect
      return c.redirect(returnTo, 302);
    },
  };
}
