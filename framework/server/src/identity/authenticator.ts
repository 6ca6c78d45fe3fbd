import type { Context } from 'hono';
import type { AppEnv } from '../http/app-env.js';
import type { ApiKeyRow } from './api-key-store.js';
import { findLiveApiKey, touchApiKey } from './api-key-store.js';
import type { AuthCookies } from './auth-cookies.js';
import { checkCsrfToken } from './csrf-guard.js';
import type { IdentityContext } from './identity-context.js';
import { unauthenticated } from './identity-errors.js';
import { hashSecret } from './secret-token.js';
import { findLiveSession, type SessionRow, touchSession } from './session-store.js';
import type { UserRow } from './user-store.js';

/** Who a request authenticated as. */
export type Principal =
  | { kind: 'session'; via: 'cookie' | 'bearer'; user: UserRow; session: SessionRow }
  | { kind: 'api_key'; user: UserRow; key: ApiKeyRow };

declare module '../http/app-env.js' {
  interface RequestVariables {
    /** set by authentication; absent for anonymous and trusted-context requests */
    principal: Principal | undefined;
  }
}

export const apiKeyHeader = 'X-API-Key';

export interface AuthenticateOptions {
  /** accept `X-API-Key` (the app API does; managing sessions and keys does not) */
  apiKeys?: boolean;
}

export interface Authenticator {
  /**
   * The principal of a request: a bearer JWT (`Authorization: Bearer`), an API key (`X-API-Key`)
   * or the session cookie, in that order; `undefined` when it carries none of them. Credentials
   * that are present but not valid never fall through to the next kind or to anonymity.
   *
   * @throws {DomainError} UNAUTHENTICATED (401) for bad credentials, a disabled user, a revoked
   *   session or key; CSRF_FAILED (403) for a cookie-authenticated unsafe request without the token
   */
  authenticate(c: Context<AppEnv>, options?: AuthenticateOptions): Promise<Principal | undefined>;
}

/**
 * Checks the credentials of requests against the database: every request sees revocations and
 * disabled users at once (a session, token or key is looked up by its hash; a JWT's session too).
 *
 * @example
 * const principal = await createAuthenticator(identity, cookies).authenticate(c);
 */
export function createAuthenticator(ctx: IdentityContext, cookies: AuthCookies): Authenticator {
  const { database } = ctx;
  return {
    async authenticate(c, { apiKeys = true } = {}) {
      const now = ctx.now();
      const authorization = c.req.header('authorization');
      if (authorization !== undefined) {
        const match = /^Bearer[ ]+([^\s]+)[ ]*$/i.exec(authorization);
        if (match?.[1] === undefined) {
          throw unauthenticated('The Authorization header must be "Bearer <access token>"');
        }
        const claims = await ctx.tokens.verify(match[1]);
        const live = await database.transaction((tx) => findLiveSession(tx, { id: claims.sid }, now));
        if (live === undefined || live.user.id !== claims.sub || live.user.status !== 'active') {
          throw unauthenticated('The access token belongs to a session that has ended');
        }
        return { kind: 'session', via: 'bearer', user: live.user, session: live.session };
      }

      const presentedKey = c.req.header(apiKeyHeader);
      if (presentedKey !== undefined) {
        if (!apiKeys) throw unauthenticated('API keys cannot be used here: sign in as a user');
        const found = await database.transaction(async (tx) => {
          const row = await findLiveApiKey(tx, presentedKey, now);
          if (row !== undefined && row.user.status === 'active') await touchApiKey(tx, row.key.id, now);
          return row;
        });
        if (found === undefined || found.user.status !== 'active')
          throw unauthenticated('The API key is not valid');
        return { kind: 'api_key', user: found.user, key: found.key };
      }

      const access = cookies.read(c, 'session');
      if (access === undefined) return undefined;
      const live = await database.transaction(async (tx) => {
        const row = await findLiveSession(tx, { accessHash: hashSecret(access) }, now);
        if (row !== undefined && row.session.accessExpiresAt > now && row.user.status === 'active')
          await touchSession(tx, row.session, now);
        return row;
      });
      if (live === undefined || live.user.status !== 'active') {
        throw unauthenticated('The session has ended: sign in again');
      }
      if (live.session.accessExpiresAt <= now) {
        throw unauthenticated('The session cookie has expired: refresh it (POST /api/auth/refresh)');
      }
      checkCsrfToken(c, cookies, live.session.csrfHash, ctx.settings.trustedOrigins);
      return { kind: 'session', via: 'cookie', user: live.user, session: live.session };
    },
  };
}
