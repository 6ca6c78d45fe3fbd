import { ProblemError, parseProblem } from './problem-error.js';
import { withCsrfToken } from './with-csrf-token.js';

export type QueryValue = string | number | boolean | null | undefined;

export interface ApiRequest {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** query parameters; `undefined`/`null`/`''` values are left out, a `URLSearchParams` goes as is */
  query?: Record<string, QueryValue> | URLSearchParams;
  /** serialized as JSON */
  body?: unknown;
  /** defaults to `application/json` when there is a body */
  contentType?: string;
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

export interface ApiResponse<T> {
  data: T;
  status: number;
  /** the `ETag` response header, when the server sent one */
  etag: string | undefined;
}

/** `apiFetch(path, request)`: one typed call to the app's API, problem+json failures thrown as {@link ProblemError}. */
export type ApiFetch = <T = unknown>(path: string, request?: ApiRequest) => Promise<ApiResponse<T>>;

export interface ApiFetchOptions {
  /** e.g. `/api/sales`; a path given to `apiFetch` is appended to it */
  baseUrl: string;
  /** the fetch to use: tests and the example app pass an in-memory server */
  fetch?: typeof fetch;
  /** the server's CSRF cookie (`<auth.cookie.name>_csrf`); `codexion_session_csrf` unless given */
  csrfCookieName?: string | undefined;
}

function joinUrl(baseUrl: string, path: string): string {
  if (/^https?:\/\//.test(path)) return path;
  return `${baseUrl.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`;
}

function searchOf(query: ApiRequest['query']): string {
  if (!query) return '';
  const params = query instanceof URLSearchParams ? query : new URLSearchParams();
  if (!(query instanceof URLSearchParams)) {
    for (const [key, value] of Object.entries(query)) {
      if (value === undefined || value === null || value === '') continue;
      params.append(key, String(value));
    }
  }
  const search = params.toString();
  return search ? `?${search}` : '';
}

async function readBody(response: Response): Promise<unknown> {
  if (response.status === 204) return undefined;
  const text = await response.text();
  if (!text) return undefined;
  const type = response.headers.get('content-type') ?? '';
  if (!type.includes('json')) return text;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/**
 * Makes the small typed fetch the generic resource pages use: base URL, the session cookie
 * (`credentials: 'include'`) with its CSRF token on unsafe methods (`X-CSRF-Token`, read from the
 * CSRF cookie when there is one), JSON in and out, problem+json errors thrown as {@link ProblemError}.
 *
 * @example
 * const apiFetch = createApiFetch({ baseUrl: '/api/sales' });
 * const { data, etag } = await apiFetch<Account>('/accounts/42');
 */
export function createApiFetch({ baseUrl, fetch: fetchImpl, csrfCookieName }: ApiFetchOptions): ApiFetch {
  const doFetch = withCsrfToken(fetchImpl, { cookieName: csrfCookieName });
  return async function apiFetch<T = unknown>(
    path: string,
    request: ApiRequest = {},
  ): Promise<ApiResponse<T>> {
    const { method = 'GET', query, body, contentType, headers = {}, signal } = request;
    const init: RequestInit = {
      method,
      credentials: 'include',
      headers: { accept: 'application/json, application/problem+json', ...headers },
      signal,
    };
    if (body !== undefined) {
      init.body = JSON.stringify(body);
      init.headers = { ...init.headers, 'content-type': contentType ?? 'application/json' };
    }
    let response: Response;
    try {
      response = await doFetch(joinUrl(baseUrl, path) + searchOf(query), init);
    } catch (error) {
      if (signal?.aborted) throw error;
      throw ProblemError.network(error);
    }
    const data = await readBody(response);
    if (!response.ok) throw new ProblemError(parseProblem(response.status, data, response.statusText));
    return { data: data as T, status: response.status, etag: response.headers.get('etag') ?? undefined };
  };
}
