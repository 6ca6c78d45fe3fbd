import { BlockList, isIP } from 'node:net';

/** What a webhook URL check needs to know about the deployment. */
export interface WebhookUrlPolicy {
  /** production (any `env` but development and test): https only, no private or loopback hosts */
  production: boolean;
}

/**
 * Addresses a production webhook must not reach (SSRF): loopback, private, link-local (cloud
 * metadata at 169.254.169.254), carrier-grade NAT, unspecified, and their IPv6 counterparts.
 */
const privateRanges = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.168.0.0', 16],
] as const) {
  privateRanges.addSubnet(network, prefix, 'ipv4');
}
for (const [network, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['fc00::', 7],
  ['fe80::', 10],
] as const) {
  privateRanges.addSubnet(network, prefix, 'ipv6');
}

/** Whether `hostname` (as `URL` gives it, IPv6 in brackets) names a private or loopback address. */
function privateHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (host === 'localhost' || host.endsWith('.localhost')) return true;
  const family = isIP(host);
  if (family === 4) return privateRanges.check(host, 'ipv4');
  if (family === 6) {
    const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(host)?.[1];
    return mapped === undefined ? privateRanges.check(host, 'ipv6') : privateRanges.check(mapped, 'ipv4');
  }
  return false;
}

/**
 * Why `raw` cannot be a webhook endpoint's URL, or `undefined` when it can: an absolute http(s)
 * URL without credentials; in production https only, to no private or loopback address given
 * literally (a name that resolves to one is not caught here: see ADR 0026).
 *
 * @example
 * webhookUrlIssue('http://example.com/hook', { production: true }); // 'must use https in production'
 * webhookUrlIssue('https://example.com/hook', { production: true }); // undefined
 */
export function webhookUrlIssue(raw: string, { production }: WebhookUrlPolicy): string | undefined {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return 'must be an absolute URL';
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    return 'must use https (or http outside production)';
  if (url.username !== '' || url.password !== '') return 'must not carry credentials';
  if (production && url.protocol !== 'https:') return 'must use https in production';
  if (production && privateHost(url.hostname)) {
    return 'must not point to a loopback, private or link-local address in production';
  }
  return undefined;
}
