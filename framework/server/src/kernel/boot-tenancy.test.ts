import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { executeRows } from '../data/execute-rows.js';
import { createTestDatabase, type TestDatabase } from '../data/test-database.js';
import { auditOpenApi } from '../http/framework-apis.js';
import { loadPlugins, type RegisteredPlugin } from '../plugins/plugin-registry.js';
import { salesPlugin, salesRoot } from '../plugins/sales-fixture.test-helper.js';
import { bootTenancy } from './boot-tenancy.js';
import { frameworkMigrations } from './framework-migrations.js';
import { ensureKernelTables } from './kernel-tables.js';

let test: TestDatabase;
let plugins: readonly RegisteredPlugin[];

beforeAll(async () => {
  plugins = (await loadPlugins([await salesPlugin()])).plugins;
  test = await createTestDatabase({
    migrations: [
      ...frameworkMigrations,
      { name: 'sales', migrationsFolder: join(salesRoot, 'bin', 'migrations') },
    ],
  });
  await ensureKernelTables(test.database.db);
}, 60_000);
afterAll(() => test?.dispose());

describe('bootTenancy', () => {
  it('refuses a node that does not migrate while row-level security is missing', async () => {
    await expect(
      bootTenancy({ database: test.database, plugins, schemas: ['sales'], migrate: false, tenants: [] }),
    ).rejects.toThrow(
      /row-level security is missing \(prefiq\.seeds not enabled not forced no policy; sales\.accounts/,
    );
  });

  it('secures the plugins’ tables, creates the configured tenants, then changes nothing on the next boot', async () => {
    const tenant = randomUUID();
    const options = {
      database: test.database,
      plugins,
      schemas: ['sales'],
      tenants: [tenant],
      frameworkDocuments: [auditOpenApi],
    };
    const first = await bootTenancy({ ...options, migrate: true });
    expect(first.rowSecurity?.changed).toEqual([
      'prefiq.seeds: enable',
      'prefiq.seeds: force',
      'prefiq.seeds: policy',
      'sales.accounts: enable',
      'sales.accounts: force',
      'sales.accounts: policy',
      'sales.opportunities: enable',
      'sales.opportunities: force',
      'sales.opportunities: policy',
    ]);
    expect(first.createdTenants).toEqual([tenant]);
    expect(first.tenancy.catalog.has('prefiq:audit:read')).toBe(true);
    const again = await bootTenancy({ ...options, migrate: true });
    expect(again.rowSecurity?.changed).toEqual([]);
    expect(again.createdTenants).toEqual([]);
    await bootTenancy({ ...options, migrate: false });
    expect((await again.tenancy.getTenant(tenant))?.slug).toBe(`t-${tenant}`);
    // from now on work in a tenant runs as the tenant role
    const [who] = await test.database.read(
      (db) => executeRows<{ who: string }>(db, sql`select current_user as who`),
      {
        tenantId: tenant,
      },
    );
    expect(who?.who).toBe('prefiq_app');
  });
});
