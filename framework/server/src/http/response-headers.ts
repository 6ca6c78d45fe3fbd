import type { Context } from 'hono';
import type { AppEnv } from './app-env.js';

/** Responses built with every header of {@link standardResponseHeaders}: the middleware leaves them be. */
const complete = new WeakSet<Response>();

/**
 * Names headers every response of this request should carry; the middleware that calls it also
 * sets them after the handler on responses that do not carry them yet ({@link carriesStandardHeaders}).
 *
 * @example
 * standardResponseHeaders(c, { 'X-Request-Id': id });
 */
export function standardResponseHeaders(c: Context<AppEnv>, headers: Readonly<Record<string, string>>): void {
  // kept by reference (the security headers are one constant object), merged once per response
  const named = c.get('responseHeaders');
  if (named === undefined) c.set('responseHeaders', [headers]);
  else named.push(headers);
}

/** Whether `response` was built with the request's standard headers already ({@link jsonResponse}). */
export function carriesStandardHeaders(response: Response): boolean {
  return complete.has(response);
}

/**
 * `c.json(body, status, headers)` with the request's standard headers in the same plain object:
 * @hono/node-server then writes the head straight from that object, where headers set one by one
 * by middleware after the handler cost a Headers object, its validation and a conversion back.
 *
 * @example
 * return jsonResponse(c, record, 200, { ETag: etagOf(record) });
 */
export function jsonResponse(
  c: Context<AppEnv>,
  body: unknown,
  status: number,
  headers?: Readonly<Record<string, string>>,
): Response {
  const all: Record<string, string> = {};
  for (const named of c.get('responseHeaders') ?? []) Object.assign(all, named);
  all['content-type'] = 'application/json';
  // the standard names are lower case: a handler's `Cache-Control` replaces the default, not joins it
  if (headers !== undefined)
    for (const [name, value] of Object.entries(headers)) all[name.toLowerCase()] = value;
  const response = new Response(JSON.stringify(body), { status, headers: all });
  complete.add(response);
  return response;
}
