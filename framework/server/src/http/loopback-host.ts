import { isIPv4, isIPv6 } from 'node:net';

/**
 * Whether a listen address reaches this machine only: `localhost`, `127.0.0.0/8`, `::1` (also
 * written `[::1]` or as the IPv4-mapped `::ffff:127.x.y.z`). Anything else is refused, names
 * included: `0.0.0.0` and `::` listen everywhere, and another name may resolve to any interface.
 *
 * @example
 * isLoopbackHost('127.0.0.1') // true
 * isLoopbackHost('0.0.0.0') // false
 */
export function isLoopbackHost(host: string): boolean {
  const name = host
    .trim()
    .toLowerCase()
    .replace(/^\[(.*)\]$/, '$1');
  if (name === 'localhost') return true;
  if (isIPv4(name)) return name.startsWith('127.');
  if (!isIPv6(name)) return false;
  if (name === '::1' || name === '0:0:0:0:0:0:0:1') return true;
  const mapped = /^(?:0:0:0:0:0|:):ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(name)?.[1];
  return mapped !== undefined && isIPv4(mapped) && mapped.startsWith('127.');
}
