import { createHash } from 'node:crypto';

/**
 * A fixture record's id in a tenant other than the development tenant: a uuid v5 (RFC 9562) of
 * the fixture's id under the tenant's id as namespace. Ids are primary keys across tenants, so
 * two tenants cannot share the fixtures' own ids; derived ones stay stable and references between
 * fixtures stay intact when every id and reference is mapped the same way.
 *
 * @example
 * tenantFixtureId('7e7e7e7e-0000-4000-8000-00000000007e', fixtureId) // the same uuid on every run
 */
export function tenantFixtureId(tenantId: string, id: string): string {
  const namespace = Buffer.from(tenantId.replaceAll('-', ''), 'hex');
  const hash = createHash('sha1').update(namespace).update(id.toLowerCase()).digest();
  hash[6] = ((hash[6] ?? 0) & 0x0f) | 0x50;
  hash[8] = ((hash[8] ?? 0) & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
