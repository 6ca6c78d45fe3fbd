import type { AuthContract } from '@codexion/contracts/auth/contract';
import type { Context } from 'hono';
import { DomainError } from '../errors/domain-error.js';
import type { ActionName } from '../http/app-contract.js';
import type { AppEnv } from '../http/app-env.js';
import { clientIp } from '../http/client-ip.js';
import type { ContractHandlers } from '../http/contract-handlers.js';
import type { AuthCookies } from './auth-cookies.js';
import type { Authenticator, Principal } from './authenticator.js';
import type { IdentityContext, RequestMeta } from './identity-context.js';
import { unauthenticated } from './identity-errors.js';
import type { SignedIn } from './sign-in-service.js';
import { publicUser } from './user-store.js';

/** What every auth route handler works with. */
export interface AuthRouteDeps {
  ctx: IdentityContext;
  cookies: AuthCookies;
  authenticator: Authenticator;
}

/** An operation of the authentication API (`framework/contracts/auth`): `'login'`, `'getMe'`, … */
export type AuthOperation = ActionName<AuthContract>;

/**
 * The handlers of some operations of the authentication API, each called with its input as the
 * contract types it (validated against the generated document first).
 *
 * @example
 * export function mfaHandlers(deps: AuthRouteDeps): AuthHandlers<'enrollMfa' | 'confirmMfa' | 'disableMfa'> { … }
 */
export type AuthHandlers<A extends AuthOperation> = Pick<ContractHandlers<AuthContract>, A>;

export function requestMeta(deps: AuthRouteDeps, c: Context<AppEnv>): RequestMeta {
  return {
    ip: clientIp(c, deps.ctx.settings.auth.trustProxyHops),
    userAgent: c.req.header('user-agent'),
    requestId: c.get('requestId'),
  };
}

export type UserPrincipal = Extract<Principal, { kind: 'session' }>;

/**
 * The signed-in user of a request to an auth route: a session cookie (CSRF-checked when unsafe)
 * or a bearer token, never an API key (a key cannot manage sessions, keys or MFA).
 *
 * @throws {DomainError} UNAUTHENTICATED, CSRF_FAILED
 */
export async function requireUser(deps: AuthRouteDeps, c: Context<AppEnv>): Promise<UserPrincipal> {
  const known = c.get('principal');
  if (known?.kind === 'session') return known;
  const principal = await deps.authenticator.authenticate(c, { apiKeys: false });
  if (principal?.kind !== 'session') throw unauthenticated();
  c.set('principal', principal);
  return principal;
}

/** The tenant a user's request acts in: the session's, or none. */
export function currentTenant(principal: UserPrincipal): string {
  const tenant = principal.session.tenantId;
  if (tenant === null) {
    throw new DomainError('FORBIDDEN', 'No tenant selected: POST /api/auth/switch-tenant first');
  }
  return tenant;
}

/**
 * The answer to a completed sign-in: cookies (cookie mode) or a JWT access token and the
 * refresh token in the body (token mode).
 */
export async function signedInResponse(
  deps: AuthRouteDeps,
  c: Context<AppEnv>,
  { user, session, secrets }: SignedIn,
  mode: 'cookie' | 'token',
): Promise<Response> {
  const body = {
    status: 'signed_in' as const,
    user: publicUser(user),
    session: { id: session.id, expiresAt: session.expiresAt.toISOString(), tenantId: session.tenantId },
  };
  if (mode === 'token') {
    const { token, expiresIn } = await deps.ctx.tokens.issue({
      sub: user.id,
      sid: session.id,
      tid: session.tenantId ?? undefined,
      amr: session.amr,
    });
    return c.json({
      ...body,
      tokenType: 'Bearer',
      accessToken: token,
      expiresIn,
      refreshToken: secrets.refresh,
    });
  }
  for (const cookie of deps.cookies.issue(secrets, session.expiresAt, deps.ctx.now())) {
    c.header('Set-Cookie', cookie, { append: true });
  }
  return c.json({ ...body, csrfToken: secrets.csrf });
}
