/** The cookie the server puts the CSRF token in: `<auth.cookie.name>_csrf`, with the default name. */
export const defaultCsrfCookieName = 'codexion_session_csrf';

/** The header a cookie-authenticated unsafe request echoes the token in. */
export const csrfHeaderName = 'X-CSRF-Token';

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * The value of a cookie of the page, or `undefined` (no such cookie, or no `document`: a server
 * render or a Node test).
 *
 * @example
 * readCookie('codexion_session_csrf'); // 'k3v…' after signing in
 */
export function readCookie(name: string): string | undefined {
  if (typeof document === 'undefined') return undefined;
  for (const part of document.cookie.split(';')) {
    const at = part.indexOf('=');
    if (at < 0 || part.slice(0, at).trim() !== name) continue;
    const value = part.slice(at + 1).trim();
    try {
      return decodeURIComponent(value);
    } catch {
      return value;
    }
  }
  return undefined;
}

/**
 * The headers of an outgoing request with `X-CSRF-Token` added when the method is unsafe, the CSRF
 * cookie exists and the caller did not set the header itself; `undefined` when nothing is added.
 *
 * @example
 * const headers = csrfHeaders('POST', { accept: 'application/json' }); // { accept, 'X-CSRF-Token': '…' }
 */
export function csrfHeaders(
  method: string,
  headers: HeadersInit | undefined,
  cookieName: string = defaultCsrfCookieName,
): Headers | undefined {
  if (safeMethods.has(method.toUpperCase())) return undefined;
  const merged = new Headers(headers);
  if (merged.has(csrfHeaderName)) return undefined;
  const token = readCookie(cookieName);
  if (token === undefined || token === '') return undefined;
  merged.set(csrfHeaderName, token);
  return merged;
}

export interface CsrfFetchOptions {
  /** `<auth.cookie.name>_csrf` of the server; {@link defaultCsrfCookieName} unless given */
  cookieName?: string | undefined;
}

/**
 * Wraps a fetch so unsafe requests (POST, PUT, PATCH, DELETE) carry the CSRF token the server's
 * cookie session asks for: the double-submit check of `X-CSRF-Token` against the CSRF cookie.
 * Works for `fetch(url, init)` and `fetch(request)` (the generated hey-api clients call the latter).
 *
 * @example
 * client.setConfig({ baseUrl: '/api/crm', credentials: 'include', fetch: withCsrfToken() });
 */
export function withCsrfToken(
  fetchImpl?: typeof fetch,
  { cookieName = defaultCsrfCookieName }: CsrfFetchOptions = {},
): typeof fetch {
  return (input, init) => {
    // resolved per call so a test's or polyfill's later `globalThis.fetch` is honoured
    const doFetch = fetchImpl ?? globalThis.fetch;
    const request = input instanceof Request ? input : undefined;
    const headers = csrfHeaders(
      init?.method ?? request?.method ?? 'GET',
      init?.headers ?? request?.headers,
      cookieName,
    );
    if (headers === undefined) return doFetch(input, init);
    if (request !== undefined && init === undefined) return doFetch(new Request(request, { headers }));
    return doFetch(input, { ...init, headers });
  };
}
