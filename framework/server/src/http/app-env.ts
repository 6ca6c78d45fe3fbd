import type { Context } from 'hono';
import type { Logger } from 'pino';
import type { AuditActor } from './audit-actor.js';

/**
 * What a request carries through the middleware chain, typed for every handler:
 * `c.get('requestId')`, `c.get('tenantId')`.
 */
export interface RequestVariables {
  requestId: string;
  /** W3C trace id (32 hex digits), from the incoming `traceparent` or new */
  traceId: string;
  /** `traceparent` to send on outgoing calls: this request's trace, with this server's span id */
  traceparent: string;
  /** the request's abort state: ask `requestSignal(c)` for its signal */
  abort: RequestAbort | undefined;
  logger: Logger;
  /** set by the tenant middleware; absent on routes outside `/api/<app>/` */
  tenantId: string;
  /** the acting user, when authentication knows one */
  userId: string | undefined;
  /** permissions granted to this request (`app:resource:action`); `'*'` grants all */
  permissions: ReadonlySet<string>;
  /**
   * who the audit log names for this request's writes when it is not the user: an API key
   * (`{ type: 'api_key', id }`), set by authentication; the user (`userId`) otherwise
   */
  actor: AuditActor | undefined;
  /**
   * the user's roles in the tenant (tenancy's `resolveAccess`), which record policies narrow;
   * absent without a signed-in user
   */
  roles: readonly string[] | undefined;
  /**
   * the client's address (`X-Forwarded-For` as far as `auth.trustProxyHops` trusts it), set by the
   * operation router for public operations, which it rate-limits by it; absent when unknown
   */
  clientIp: string | undefined;
  /**
   * the personal data of the request's JSON body (its schema's `x-codexion.pii` values), set by the
   * contract check and computed only when a problem must be masked: the error handler masks each
   * wherever a problem repeats it
   */
  personalValues: (() => readonly string[]) | undefined;
  /**
   * the per-credential limiter of the operation the request reached (set by the operation router
   * before authentication), so a refusal before it counted the request can still count it
   */
  rateLimiter: OperationRateLimiter | undefined;
  /** the `RateLimit-*` headers once the request was counted, for answers the handler did not build */
  rateLimitHeaders: Readonly<Record<string, string>> | undefined;
  /** the OpenAPI route template that matched, e.g. `/api/sales/accounts/{id}`, for metrics and logs */
  routeTemplate: string | undefined;
  /**
   * headers the middleware puts on every response (security headers, request id, trace), named
   * before the handler runs so a handler can build its response with them (`jsonResponse`)
   */
  responseHeaders: Readonly<Record<string, string>>[] | undefined;
}

export interface AppEnv {
  Variables: RequestVariables;
}

/** The request's abort state, which the signal is made from when a handler first asks. */
export interface RequestAbort {
  controller: AbortController | undefined;
  /** why the request was aborted before anyone asked for the signal */
  reason: unknown;
  aborted: boolean;
  /** stops watching the client, once the signal was made */
  unwatch: (() => void) | undefined;
  /** the request has been answered: nothing is watched any more */
  done: boolean;
}

/**
 * Counts the protected operations of every app (and the framework's tenancy and audit APIs)
 * against one budget per credential: the API key, else the user, in the request's tenant; a
 * request without either (a kernel without authentication) by its client address. One budget
 * across all apps, so a credential cannot multiply it by spreading its calls.
 */
export interface OperationRateLimiter {
  /**
   * Counts an authenticated request: names the `RateLimit-*` headers for its answer, and throws
   * 429 `RATE_LIMITED` (with `retryAfter`, which the error handler turns into `Retry-After`) when
   * the budget is spent. Synchronous with an in-process store: the hot path makes no promise.
   */
  take(c: Context<AppEnv>): void | Promise<void>;
  /**
   * Counts a request refused before it was counted (no valid credential, a tenant it may not use)
   * against its client address, and names the headers for the refusal: see `countRefusal`.
   */
  takeRefused(c: Context<AppEnv>): void | Promise<void>;
}
