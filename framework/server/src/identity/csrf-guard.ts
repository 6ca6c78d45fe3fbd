import type { Context } from 'hono';
import { DomainError } from '../errors/domain-error.js';
import type { AppEnv } from '../http/app-env.js';
import type { AuthCookies } from './auth-cookies.js';
import { hashSecret, safeEqual } from './secret-token.js';

/** The header a page echoes the CSRF cookie in. */
export const csrfHeader = 'X-CSRF-Token';

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

export function isUnsafeMethod(method: string): boolean {
  return !safeMethods.has(method.toUpperCase());
}

function csrfFailed(reason: string): DomainError {
  return new DomainError('CSRF_FAILED', `Cross-site request refused: ${reason}`);
}

function hostOf(origin: string): string | undefined {
  try {
    return new URL(origin).host;
  } catch {
    return undefined;
  }
}

/**
 * Refuses an unsafe browser request that comes from another site: its `Origin` (or, without
 * one, its `Referer`) must be this host or a trusted origin (`http.cors.origins`,
 * `auth.publicUrl`), and `Sec-Fetch-Site: cross-site` needs a trusted origin. A request with
 * neither header is a non-browser client and passes (the token check still applies to cookies).
 *
 * @throws {DomainError} CSRF_FAILED (403)
 */
export function checkOrigin(c: Context<AppEnv>, trustedOrigins: readonly string[]): void {
  if (!isUnsafeMethod(c.req.method)) return;
  let origin = c.req.header('origin');
  if (origin === undefined) {
    const referer = c.req.header('referer');
    if (referer !== undefined) {
      try {
        origin = new URL(referer).origin;
      } catch {
        origin = 'null';
      }
    }
  }
  const site = c.req.header('sec-fetch-site');
  if (origin === undefined) {
    if (site === 'cross-site') throw csrfFailed('the request comes from another site');
    return;
  }
  if (trustedOrigins.includes(origin)) return;
  const host = c.req.header('host') ?? new URL(c.req.url).host;
  if (origin !== 'null' && hostOf(origin) === host && site !== 'cross-site') return;
  throw csrfFailed(`origin ${origin} is not allowed`);
}

/**
 * The double-submit check of a cookie-authenticated unsafe request: the `X-CSRF-Token` header
 * must equal the CSRF cookie, and its hash the one stored with the session (so a cookie planted
 * by a sibling subdomain does not pass). Bearer-token and API-key requests never get here: a
 * browser does not send those on its own.
 *
 * @throws {DomainError} CSRF_FAILED (403)
 */
export function checkCsrfToken(
  c: Context<AppEnv>,
  cookies: AuthCookies,
  sessionCsrfHash: string,
  trustedOrigins: readonly string[],
): void {
  if (!isUnsafeMethod(c.req.method)) return;
  checkOrigin(c, trustedOrigins);
  const header = c.req.header(csrfHeader);
  const cookie = cookies.read(c, 'csrf');
  if (header === undefined || header === '')
    throw csrfFailed(`send the ${cookies.names.csrf} cookie's value in ${csrfHeader}`);
  if (cookie === undefined || !safeEqual(header, cookie) || !safeEqual(hashSecret(header), sessionCsrfHash)) {
    throw csrfFailed(`${csrfHeader} does not match this session`);
  }
}
