import type { Context } from 'hono';
import { DomainError } from '../errors/domain-error.js';
import type { AppEnv } from '../http/app-env.js';
import { problemFor, problemResponse } from '../http/problem.js';

/**
 * The problem+json answer for an error raised by authentication, with what the error handler
 * cannot add: `WWW-Authenticate` on a 401 (RFC 9110, RFC 6750), `Retry-After` on a 429, and
 * `Set-Cookie` (clearing a dead session's cookies).
 *
 * @example
 * return authProblem(c, unauthenticated(), { cookies: cookies.clear() });
 */
export function authProblem(
  c: Context<AppEnv>,
  error: DomainError,
  { cookies = [], headers = {} }: { cookies?: readonly string[]; headers?: Record<string, string> } = {},
): Response {
  const response = problemResponse(problemFor(c, error), { ...c.get('rateLimitHeaders'), ...headers });
  if (error.status === 401) {
    const challenge = error.extensions.wwwAuthenticate;
    response.headers.set(
      'WWW-Authenticate',
      `Bearer realm="codexion"${typeof challenge === 'string' ? `, ${challenge.replace(/^Bearer\s*/, '')}` : ''}`,
    );
  }
  const retryAfter = error.extensions.retryAfter;
  if (typeof retryAfter === 'number') response.headers.set('Retry-After', String(retryAfter));
  for (const cookie of cookies) response.headers.append('Set-Cookie', cookie);
  return response;
}

/** Turns a thrown {@link DomainError} into {@link authProblem}; anything else is rethrown. */
export function authProblemOf(c: Context<AppEnv>, error: unknown, cookies: readonly string[] = []): Response {
  if (error instanceof DomainError) return authProblem(c, error, { cookies });
  throw error;
}
