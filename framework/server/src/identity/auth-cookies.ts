import type { Context } from 'hono';
import { generateCookie, getCookie } from 'hono/cookie';
import type { CookieOptions } from 'hono/utils/cookie';
import type { AuthConfig } from '../foundation/auth-config.js';
import type { AppEnv } from '../http/app-env.js';

/** Where the refresh cookie is sent: the auth routes only, never to an app's API. */
export const refreshCookiePath = '/api/auth';
/** Where the OIDC state cookie is sent: the callback only. */
export const oidcCookiePath = '/api/auth/oidc';

export interface CookieNames {
  session: string;
  refresh: string;
  csrf: string;
  oidc: string;
}

/** The cookies of a session: the session (HttpOnly), refresh (HttpOnly, auth routes only), CSRF (readable). */
export interface AuthCookies {
  names: CookieNames;
  /** `Set-Cookie` values for a new or refreshed session; `csrf` only when it is new */
  issue(
    secrets: { access: string; accessExpiresAt: Date; refresh: string; csrf?: string },
    sessionExpiresAt: Date,
    now: Date,
  ): string[];
  /** `Set-Cookie` values that delete the session's cookies */
  clear(): string[];
  oidcState(state: string, maxAge: number): string;
  clearOidcState(): string;
  read(c: Context<AppEnv>, cookie: keyof CookieNames): string | undefined;
}

/**
 * Session cookies with the attributes ASVS V3.4 asks for: `HttpOnly` (but the CSRF one, which the
 * page must read to echo it), `Secure` (configurable off only in development), `SameSite=Lax`,
 * host-only unless `auth.cookie.domain`, and the narrowest path that works.
 *
 * @example
 * const cookies = authCookies(config.auth.cookie);
 * for (const cookie of cookies.issue(secrets, session.expiresAt, now)) c.header('Set-Cookie', cookie, { append: true });
 */
export function authCookies({ name, secure, domain }: AuthConfig['cookie']): AuthCookies {
  const names: CookieNames = {
    session: name,
    refresh: `${name}_refresh`,
    csrf: `${name}_csrf`,
    oidc: `${name}_oidc`,
  };
  const base: CookieOptions = { secure, sameSite: 'Lax', ...(domain === undefined ? {} : { domain }) };
  const seconds = (until: Date, now: Date) =>
    Math.max(0, Math.round((until.getTime() - now.getTime()) / 1000));
  return {
    names,
    issue({ access, accessExpiresAt, refresh, csrf }, sessionExpiresAt, now) {
      return [
        generateCookie(names.session, access, {
          ...base,
          httpOnly: true,
          path: '/',
          maxAge: seconds(accessExpiresAt, now),
        }),
        generateCookie(names.refresh, refresh, {
          ...base,
          httpOnly: true,
          path: refreshCookiePath,
          maxAge: seconds(sessionExpiresAt, now),
        }),
        ...(csrf === undefined
          ? []
          : [
              generateCookie(names.csrf, csrf, {
                ...base,
                httpOnly: false,
                path: '/',
                maxAge: seconds(sessionExpiresAt, now),
              }),
            ]),
      ];
    },
    clear() {
      return [
        generateCookie(names.session, '', { ...base, httpOnly: true, path: '/', maxAge: 0 }),
        generateCookie(names.refresh, '', { ...base, httpOnly: true, path: refreshCookiePath, maxAge: 0 }),
        generateCookie(names.csrf, '', { ...base, httpOnly: false, path: '/', maxAge: 0 }),
      ];
    },
    oidcState(state, maxAge) {
      return generateCookie(names.oidc, state, { ...base, httpOnly: true, path: oidcCookiePath, maxAge });
    },
    clearOidcState() {
      return generateCookie(names.oidc, '', { ...base, httpOnly: true, path: oidcCookiePath, maxAge: 0 });
    },
    read(c, cookie) {
      const value = getCookie(c, names[cookie]);
      return value === undefined || value === '' ? undefined : value;
    },
  };
}
