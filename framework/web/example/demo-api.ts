import type { EntityCatalog } from '@codexion/web';
import { createFakeApi, type FakeApi } from '../src/testing/fake-api.js';
import { seedSales } from '../src/testing/seed-sales.js';

/** The example's server: the test suite's in-memory API with demo records (or `rows` accounts for the bench). */
export function createDemoApi(catalog: EntityCatalog, rows: number): FakeApi {
  const records = seedSales({ accounts: rows || 24, opportunities: rows ? 0 : 36, tasks: 0 });
  return createFakeApi({ catalog, records, latency: 60, maxPageSize: rows ? Math.max(rows, 200) : 200 });
}
