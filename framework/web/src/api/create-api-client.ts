import { type Client, createClient } from '@codexion/client';
import { ProblemError, parseProblem } from './problem-error.js';
import { withCsrfToken } from './with-csrf-token.js';

export type QueryValue = string | number | boolean | null | undefined;

export interface ApiClientOptions {
  /** the API's root, e.g. `/api/sales`: what its generated client says (`client.getConfig().baseUrl`) */
  baseUrl: string;
  /** the fetch to use: tests and the example app pass an in-memory server */
  fetch?: typeof fetch | undefined;
  /** the server's CSRF cookie (`<auth.cookie.name>_csrf`); `codexion_session_csrf` unless given */
  csrfCookieName?: string | undefined;
}

function appendParam(params: URLSearchParams, key: string, value: unknown): void {
  if (value === undefined || value === null || value === '') return;
  if (Array.isArray(value)) {
    if (value.length > 0) params.append(key, value.join(','));
  } else if (value instanceof Date) {
    params.append(key, value.toISOString());
  } else if (typeof value === 'object') {
    for (const [name, inner] of Object.entries(value)) appendParam(params, `${key}[${name}]`, inner);
  } else {
    params.append(key, String(value));
  }
}

/**
 * A query as the Codexion list contract reads it: nested objects as `filter[field][op]=value` (a
 * depth hey-api's own serializer does not reach), arrays comma-separated (`sort=-amount,title`),
 * `undefined`/`null`/`''` left out; a `URLSearchParams` goes as is. Hand it to a generated SDK
 * function as `querySerializer`; the generic pages do.
 *
 * @example
 * serializeQuery({ filter: { dueDate: { lt: '2026-12-07' } }, sort: ['-amount'], pageSize: 1 })
 * // 'filter%5BdueDate%5D%5Blt%5D=2026-12-07&sort=-amount&pageSize=1'
 */
export function serializeQuery(query: Record<string, unknown> | URLSearchParams | undefined): string {
  if (!query) return '';
  if (query instanceof URLSearchParams) return query.toString();
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) appendParam(params, key, value);
  return params.toString();
}

/**
 * What a failed call throws: the server's problem document as a {@link ProblemError}, a
 * {@link ProblemError.network} when no answer came, the abort itself when the caller gave up.
 */
function toProblem(error: unknown, response: Response | undefined, request: Request): unknown {
  if (response === undefined) return request.signal.aborted ? error : ProblemError.network(error);
  return new ProblemError(
    parseProblem(response.status, error === '' ? undefined : error, response.statusText),
  );
}

/**
 * A client for the generated SDK of one API (an app's, or a framework API's): its root, the session
 * cookie (`credentials: 'include'`) with the CSRF token on unsafe methods (`X-CSRF-Token`), and
 * problem+json failures thrown as {@link ProblemError} (`throwOnError`). Every SDK function takes
 * it as `client`.
 *
 * @example
 * const client = createApiClient({ baseUrl: '/api/crm' });
 * const { data } = await listDeals({ client, query: { q: 'acme' }, throwOnError: true });
 */
export function createApiClient({ baseUrl, fetch: fetchImpl, csrfCookieName }: ApiClientOptions): Client {
  const client = createClient({
    baseUrl,
    credentials: 'include',
    fetch: withCsrfToken(fetchImpl, { cookieName: csrfCookieName }),
    headers: { accept: 'application/json, application/problem+json' },
    throwOnError: true,
  });
  client.interceptors.error.use(toProblem);
  return client;
}

/** The part of a generated client (`core/generated/client/client.gen.ts`) a provider reads: its root. */
export interface GeneratedClientLike {
  getConfig(): { baseUrl?: string | undefined };
}

/** Clients for the generated SDKs of several APIs, all on one fetch and cookie session. */
export type ApiClients = (generated: GeneratedClientLike) => Client;

/**
 * Makes {@link ApiClients}: for a generated client (an API's default, e.g. `@codexion/contracts/auth/client`'s
 * on `/api/auth`), the {@link createApiClient} on the same root with this fetch and session, made
 * once per API.
 *
 * @example
 * const clientFor = createApiClients({ fetch: fakeHost.fetch });
 * await getMe({ client: clientFor(authClient), throwOnError: true });
 */
export function createApiClients(options: Omit<ApiClientOptions, 'baseUrl'> = {}): ApiClients {
  const made = new Map<string, Client>();
  return (generated) => {
    const baseUrl = generated.getConfig().baseUrl ?? '';
    let client = made.get(baseUrl);
    if (client === undefined) {
      client = createApiClient({ ...options, baseUrl });
      made.set(baseUrl, client);
    }
    return client;
  };
}
