import { randomUUID } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from './app-env.js';
import { carriesStandardHeaders, standardResponseHeaders } from './response-headers.js';

/** Header carrying the request id, in and out. */
export const requestIdHeader = 'X-Request-Id';

// Generous enough for uuids, ULIDs and gateway ids; strict enough to keep logs and headers clean.
const validRequestId = /^[A-Za-z0-9][A-Za-z0-9._:+=/-]{0,127}$/;

/**
 * Whether an incoming `X-Request-Id` may be reused: 1–128 characters of letters, digits and `._:+=/-`.
 *
 * @example
 * isValidRequestId('req-1f3a'); // true
 * isValidRequestId('a b');      // false
 */
export function isValidRequestId(value: string | undefined): value is string {
  return value !== undefined && validRequestId.test(value);
}

/**
 * Takes a valid incoming `X-Request-Id` (a gateway's) or makes a uuid, sets `requestId` and echoes
 * it on the response, errors included.
 *
 * @example
 * app.use(requestId());
 */
export function requestId(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const incoming = c.req.header(requestIdHeader);
    const id = isValidRequestId(incoming) ? incoming : randomUUID();
    c.set('requestId', id);
    standardResponseHeaders(c, { [requestIdHeader]: id });
    await next();
    if (!carriesStandardHeaders(c.res)) c.res.headers.set(requestIdHeader, id);
  };
}
