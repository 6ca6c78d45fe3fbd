import { isUuid } from '@codexion/schema';
import type { RecordPools } from './record-pools.js';

function collect(value: unknown, marker: string, into: Set<string>): void {
  if (typeof value === 'string') {
    if (isUuid(value) || value.includes(marker)) into.add(value);
    return;
  }
  if (Array.isArray(value)) for (const item of value) collect(item, marker, into);
  else if (typeof value === 'object' && value !== null)
    for (const item of Object.values(value)) collect(item, marker, into);
}

/**
 * What identifies one tenant's data: every id (uuid) and every value carrying its marker in the
 * records it can list, plus `extra` (its tenant id, its owner's id and email), less anything the
 * other tenant can list as well (shared, so not a leak when it shows).
 *
 * @example
 * const markers = tenantMarkers(poolsA, 'qA1f2e3d-', [tenantA.tenantId, tenantA.userId], poolsB);
 */
export function tenantMarkers(
  pools: RecordPools,
  marker: string,
  extra: readonly string[],
  other: RecordPools,
): Set<string> {
  const own = new Set<string>(extra);
  for (const items of pools.lists.values()) collect(items, marker, own);
  const shared = new Set<string>();
  for (const items of other.lists.values()) collect(items, '\u0000never', shared);
  for (const value of shared) own.delete(value);
  return own;
}

/**
 * The markers an answer carries that the request did not: data of the other tenant the server
 * gave out (an id the caller sent and the server echoes is not a leak).
 *
 * @example
 * leakedMarkers('{"id":"<A id>"}', 'GET /api/crm/deals', markersOfA); // ['<A id>']
 */
export function leakedMarkers(answer: string, request: string, markers: ReadonlySet<string>): string[] {
  const found: string[] = [];
  for (const value of markers) if (answer.includes(value) && !request.includes(value)) found.push(value);
  return found;
}
