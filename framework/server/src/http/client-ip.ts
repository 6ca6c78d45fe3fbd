import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';
import type { AppEnv } from './app-env.js';

/**
 * The client's address: with `trustProxyHops` proxies in front, the entry that many places from
 * the right of `X-Forwarded-For` (the left part is the client's to invent); else the socket's.
 * `unknown` when neither says (in-process requests in tests).
 *
 * @example
 * clientIp(c, 1); // '203.0.113.7' behind one load balancer
 */
export function clientIp(c: Context<AppEnv>, trustProxyHops = 0): string {
  if (trustProxyHops > 0) {
    const hops = (c.req.header('x-forwarded-for') ?? '')
      .split(',')
      .map((part) => part.trim())
      .filter((part) => part !== '');
    const entry = hops[hops.length - trustProxyHops];
    if (entry !== undefined) return entry.slice(0, 64);
  }
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    // no Node socket behind this request (app.request in tests)
    return 'unknown';
  }
}
