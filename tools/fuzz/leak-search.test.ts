import { describe, expect, it } from 'vitest';
import { leakedMarkers, tenantMarkers } from './leak-search.js';
import type { RecordPools } from './record-pools.js';

const poolsOf = (lists: Record<string, Record<string, unknown>[]>): RecordPools => ({
  lists: new Map(Object.entries(lists)),
  cursors: new Map(),
  entityPaths: new Map(),
  refIds: () => [],
  valuesNamed: () => [],
});
const idA = '0a0a0a0a-0000-4000-8000-00000000000a';
const shared = '0c0c0c0c-0000-4000-8000-00000000000c';

describe('tenantMarkers', () => {
  it("takes a tenant's ids and marked values, less what the other tenant sees too", () => {
    const a = poolsOf({ '/deals': [{ id: idA, title: 'qA12-1', status: 'open', ownerId: shared }] });
    const b = poolsOf({ '/deals': [{ id: 'x', ownerId: shared }] });
    expect([...tenantMarkers(a, 'qA12-', ['tenant-a'], b)].sort()).toEqual(
      [idA, 'qA12-1', 'tenant-a'].sort(),
    );
  });
});

describe('leakedMarkers', () => {
  it('finds what the answer carries and the request did not', () => {
    const markers = new Set([idA, 'qA12-1']);
    expect(leakedMarkers(`{"id":"${idA}","title":"qA12-1"}`, 'GET /deals', markers)).toEqual([idA, 'qA12-1']);
    expect(leakedMarkers(`{"detail":"no deal ${idA}"}`, `GET /deals/${idA}`, markers)).toEqual([]);
  });
});
