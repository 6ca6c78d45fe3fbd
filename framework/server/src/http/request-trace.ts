import type { MiddlewareHandler } from 'hono';
import {
  formatTraceparent,
  newSpanId,
  newTraceId,
  parseTraceparent,
} from '../observability/trace-context.js';
import type { AppEnv } from './app-env.js';
import { carriesStandardHeaders, standardResponseHeaders } from './response-headers.js';

/**
 * W3C Trace Context: continues the caller's trace from a valid `traceparent` or starts one (sampled),
 * gives this server its own span id, sets `traceId` and `traceparent` (for outgoing calls) and
 * answers with `traceparent` so a client can find the trace.
 *
 * @example
 * app.use(requestTrace());
 * // in a handler: fetch(url, { headers: { traceparent: c.get('traceparent') } })
 */
export function requestTrace(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const incoming = parseTraceparent(c.req.header('traceparent'));
    const traceId = incoming?.traceId ?? newTraceId();
    const traceparent = formatTraceparent({ traceId, spanId: newSpanId(), flags: incoming?.flags ?? '01' });
    c.set('traceId', traceId);
    c.set('traceparent', traceparent);
    standardResponseHeaders(c, { traceparent });
    await next();
    if (!carriesStandardHeaders(c.res)) c.res.headers.set('traceparent', traceparent);
  };
}
