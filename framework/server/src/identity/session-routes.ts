import { DomainError } from '../errors/domain-error.js';
import { hasPermission } from '../http/operation-router.js';
import { authProblem } from './auth-problem.js';
import {
  type AuthHandlers,
  type AuthRouteDeps,
  requestMeta,
  requireUser,
  signedInResponse,
} from './auth-route-kit.js';
import type { Principal } from './authenticator.js';
import { checkCsrfToken } from './csrf-guard.js';
import { unauthenticated } from './identity-errors.js';
import {
  logout,
  logoutEverywhere,
  refreshSession,
  revokeOwnSession,
  sessionForRefresh,
  sessionsOf,
  switchTenant,
} from './session-service.js';
import type { SessionRow } from './session-store.js';
import { completeMfa, passwordLogin } from './sign-in-service.js';
import { publicUser } from './user-store.js';

/** Sign-in, refresh, sign-out, `me`, tenant switching and the user's sessions. */
export function sessionHandlers(
  deps: AuthRouteDeps,
): AuthHandlers<
  | 'login'
  | 'verifyMfa'
  | 'refresh'
  | 'logout'
  | 'logoutAll'
  | 'getMe'
  | 'switchTenant'
  | 'listSessions'
  | 'revokeSession'
> {
  const { ctx, cookies } = deps;

  const tenantAccess = async (principal: Principal) => {
    const tenantId = principal.kind === 'api_key' ? principal.key.tenantId : principal.session.tenantId;
    if (tenantId === null) return { tenantId, roles: [], permissions: [] };
    // `me` still answers for a user whose tenant went away or was suspended
    const access = await ctx.tenancy.resolveAccess(principal.user.id, tenantId).catch((error: unknown) => {
      if (error instanceof DomainError && error.status === 403) return undefined;
      throw error;
    });
    const held = access?.permissions ?? [];
    const permissions =
      principal.kind === 'api_key'
        ? principal.key.scopes.filter((scope) => hasPermission(new Set(held), scope))
        : [...held];
    return { tenantId, roles: principal.kind === 'api_key' ? [] : [...(access?.roles ?? [])], permissions };
  };

  return {
    async login(c, input) {
      const { body } = input;
      const mode = body.mode ?? 'cookie';
      const result = await passwordLogin(ctx, { ...body, mode }, requestMeta(deps, c));
      if (result.kind === 'mfa_required') {
        return c.json({
          status: 'mfa_required',
          challengeToken: result.challengeToken,
          expiresIn: result.expiresIn,
          methods: ['totp', 'recovery_code'],
        });
      }
      return signedInResponse(deps, c, result, mode);
    },

    async verifyMfa(c, input) {
      const { body } = input;
      const result = await completeMfa(ctx, body, requestMeta(deps, c));
      return signedInResponse(deps, c, result, body.mode ?? 'cookie');
    },

    async refresh(c, input) {
      const given = input.body?.refreshToken;
      const viaCookie = given === undefined;
      const refresh = given ?? cookies.read(c, 'refresh');
      if (refresh === undefined)
        throw unauthenticated('Send the refresh cookie, or refreshToken in the body');
      if (viaCookie) {
        // a cookie refresh is a browser's: the same CSRF proof as any cookie-authenticated write
        const session = await sessionForRefresh(ctx, refresh);
        if (session !== undefined) checkCsrfToken(c, cookies, session.csrfHash, ctx.settings.trustedOrigins);
      }
      const result = await refreshSession(ctx, refresh, requestMeta(deps, c));
      if (result.kind === 'refused') {
        const error = unauthenticated(
          result.reused
            ? 'This refresh token was used before, so its session has been ended: sign in again'
            : 'The refresh token is not valid: sign in again',
        );
        return authProblem(c, error, { cookies: viaCookie ? cookies.clear() : [] });
      }
      const session = { id: result.session.id, expiresAt: result.session.expiresAt.toISOString() };
      if (viaCookie) {
        for (const cookie of cookies.issue(result.secrets, result.session.expiresAt, ctx.now())) {
          c.header('Set-Cookie', cookie, { append: true });
        }
        return c.json({ session });
      }
      const { token, expiresIn } = await ctx.tokens.issue({
        sub: result.user.id,
        sid: result.session.id,
        tid: result.session.tenantId ?? undefined,
        amr: result.session.amr,
      });
      return c.json({
        session,
        tokenType: 'Bearer',
        accessToken: token,
        expiresIn,
        refreshToken: result.secrets.refresh,
      });
    },

    async logout(c) {
      let session: SessionRow | undefined;
      let refused: DomainError | undefined;
      try {
        session = (await requireUser(deps, c)).session;
      } catch (error) {
        if (!(error instanceof DomainError) || error.status !== 401) throw error;
        refused = error;
        // the session cookie may have expired while the refresh cookie still names the live session
        const refresh = cookies.read(c, 'refresh');
        const named = refresh === undefined ? undefined : await sessionForRefresh(ctx, refresh);
        if (named !== undefined && named.revokedAt === null && named.expiresAt > ctx.now()) {
          checkCsrfToken(c, cookies, named.csrfHash, ctx.settings.trustedOrigins);
          session = named;
        }
      }
      if (session === undefined) {
        // nothing to end is a 401 like any call without a session; a browser still holding a dead
        // session's cookies gets them cleared, so signing out always leaves it signed out
        const stale = (['session', 'refresh', 'csrf'] as const).some(
          (name) => cookies.read(c, name) !== undefined,
        );
        return authProblem(c, refused ?? unauthenticated(), { cookies: stale ? cookies.clear() : [] });
      }
      await logout(ctx, session, requestMeta(deps, c));
      const response = c.body(null, 204);
      for (const cookie of cookies.clear()) response.headers.append('Set-Cookie', cookie);
      return response;
    },

    async logoutAll(c) {
      const principal = await requireUser(deps, c);
      await logoutEverywhere(ctx, principal.user.id, requestMeta(deps, c));
      const response = c.body(null, 204);
      for (const cookie of cookies.clear()) response.headers.append('Set-Cookie', cookie);
      return response;
    },

    async getMe(c) {
      const principal = await deps.authenticator.authenticate(c);
      if (principal === undefined) throw unauthenticated();
      const access = await tenantAccess(principal);
      return c.json({
        user: publicUser(principal.user),
        authMethod: principal.kind === 'api_key' ? 'api_key' : principal.via,
        sessionId: principal.kind === 'session' ? principal.session.id : null,
        amr: principal.kind === 'session' ? principal.session.amr : [],
        ...access,
      });
    },

    async switchTenant(c, input) {
      const principal = await requireUser(deps, c);
      const tenant = input.body.tenantId.toLowerCase();
      const access = await switchTenant(ctx, principal.session, tenant, requestMeta(deps, c));
      const body = { tenantId: tenant, roles: [...access.roles], permissions: [...access.permissions] };
      if (principal.via === 'cookie') return c.json(body);
      const { token, expiresIn } = await ctx.tokens.issue({
        sub: principal.user.id,
        sid: principal.session.id,
        tid: tenant,
        amr: principal.session.amr,
      });
      return c.json({ ...body, accessToken: token, expiresIn });
    },

    async listSessions(c) {
      const principal = await requireUser(deps, c);
      const rows = await sessionsOf(ctx, principal.user.id);
      return c.json({
        items: rows.map((row) => ({
          id: row.id,
          current: row.id === principal.session.id,
          tenantId: row.tenantId,
          amr: row.amr,
          ip: row.ip,
          userAgent: row.userAgent,
          createdAt: row.createdAt.toISOString(),
          lastSeenAt: row.lastSeenAt.toISOString(),
          expiresAt: row.expiresAt.toISOString(),
        })),
      });
    },

    async revokeSession(c, input) {
      const principal = await requireUser(deps, c);
      const { id } = input.params;
      if (!(await revokeOwnSession(ctx, principal.user.id, id.toLowerCase(), requestMeta(deps, c)))) {
        throw new DomainError('NOT_FOUND', `You have no live session ${id}`);
      }
      return c.body(null, 204);
    },
  };
}
