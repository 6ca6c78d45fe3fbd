/** Test-only: the sales fixture with tenancy and row-level security on, over HTTP and the engine. */
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type { AppModel } from '@codexion/schema';
import type { Hono } from 'hono';
import pino from 'pino';
import type { Database } from '../data/database.js';
import { createTestDatabase } from '../data/test-database.js';
import { writeOutboxEvent } from '../events/write-outbox-event.js';
import type { AppEnv } from '../http/app-env.js';
import { createHttpApp } from '../http/create-http-app.js';
import { auditOpenApi, tenancyOpenApi } from '../http/framework-apis.js';
import { tenantFromHeader } from '../http/tenant-context.js';
import { frameworkMigrations } from '../kernel/framework-migrations.js';
import { ensureKernelTables } from '../kernel/kernel-tables.js';
import { pluginHandlers, resourceHandlerFactory } from '../kernel/plugin-handlers.js';
import { createMetrics } from '../observability/metrics.js';
import { loadPlugins, type RegisteredPlugin } from '../plugins/plugin-registry.js';
import { salesPlugin, salesRoot } from '../plugins/sales-fixture.test-helper.js';
import type { ResourceContext } from '../resources/resource-context.js';
import type { ResourceEngine } from '../resources/resource-engine.js';
import { accessPermissions } from './access-permissions.js';
import { createTenancy, type Tenancy } from './create-tenancy.js';
import { ensureRowLevelSecurity, kernelTenantTables, tenantRole } from './ensure-row-level-security.js';
import { tenancyHttpPlugin } from './tenancy-routes.js';

export const cursorSecret = 'tenancy-test-cursor-secret-0123';

/** The users of one tenant, by role; `custom` has the tenant's custom role `auditor`. */
export interface TenantUsers {
  owner: string;
  admin: string;
  member: string;
  member2: string;
  viewer: string;
  custom: string;
}

export const roleUsers = ['owner', 'admin', 'member', 'viewer'] as const;

export interface TenancyFixture {
  database: Database;
  tenancy: Tenancy;
  plugin: RegisteredPlugin;
  model: AppModel;
  engine: ResourceEngine;
  app: Hono<AppEnv>;
  a: string;
  b: string;
  users: { a: TenantUsers; b: TenantUsers };
  /** the custom role of both tenants: read accounts and opportunities, see personal data */
  customPermissions: string[];
  /** an HTTP request as `user` (none: anonymous) in `tenant` */
  request(
    path: string,
    options?: {
      method?: string;
      user?: string;
      tenant?: string;
      body?: unknown;
      headers?: Record<string, string>;
    },
  ): Promise<Response>;
  /** the engine's context for a user of a tenant, with their resolved access */
  context(tenantId: string, userId: string): Promise<ResourceContext>;
  dispose(): Promise<void>;
}

const logger = pino({ level: 'silent' });

async function insertUser(database: Database, label: string): Promise<string> {
  const id = randomUUID();
  await database.execute('insert into prefiq.users (id, email, name) values ($1, $2, $3)', [
    id,
    `${label}-${id.slice(0, 8)}@example.com`,
    label,
  ]);
  return id;
}

async function populate(
  tenancy: Tenancy,
  database: Database,
  label: string,
  id: string,
): Promise<TenantUsers> {
  const users: TenantUsers = {
    owner: await insertUser(database, `${label}-owner`),
    admin: await insertUser(database, `${label}-admin`),
    member: await insertUser(database, `${label}-member`),
    member2: await insertUser(database, `${label}-member2`),
    viewer: await insertUser(database, `${label}-viewer`),
    custom: await insertUser(database, `${label}-custom`),
  };
  await tenancy.createTenant({
    id,
    name: `Tenant ${label}`,
    slug: `tenant-${label}-${id.slice(0, 8)}`,
    ownerId: users.owner,
  });
  const system = { tenantId: id, permissions: new Set(['*']) };
  await tenancy.createRole(system, {
    key: 'auditor',
    name: 'Auditor',
    permissions: ['sales:account:read', 'sales:opportunity:read', 'sales:pii:read'],
  });
  for (const role of ['admin', 'member', 'viewer'] as const) {
    await tenancy.addMember(system, { userId: users[role], role });
  }
  await tenancy.addMember(system, { userId: users.member2, role: 'member' });
  await tenancy.addMember(system, { userId: users.custom, role: 'auditor' });
  return users;
}

/**
 * Two tenants (`a`, `b`) of the sales fixture, each with an owner, an admin, two members, a viewer
 * and a user with the custom role `auditor`; row-level security on and every transaction in a
 * tenant as the tenant role, as the kernel boots it; an HTTP app whose user is the
 * `X-Test-User` header and whose permissions come from tenancy.
 */
export async function tenancyFixture({
  accessCacheTtlMs = 0,
  extraPermissions = [],
}: {
  accessCacheTtlMs?: number;
  /** declared in the manifest besides its own (field permissions, say) */
  extraPermissions?: string[];
} = {}): Promise<TenancyFixture> {
  const registry = await loadPlugins([await salesPlugin()]);
  const loaded = registry.plugins[0];
  if (loaded === undefined) throw new Error('no sales plugin');
  const manifest = loaded.model.manifest;
  const plugin: RegisteredPlugin = {
    ...loaded,
    model: {
      ...loaded.model,
      manifest: {
        ...manifest,
        permissions: [...(manifest.permissions ?? []), ...extraPermissions.map((name) => ({ name }))],
      },
    },
  };
  const test = await createTestDatabase({
    migrations: [
      ...frameworkMigrations,
      { name: 'sales', migrationsFolder: join(salesRoot, 'bin', 'migrations') },
    ],
  });
  const database = test.database;
  // as the kernel's boot: its own tables after the migrations, then row-level security
  await ensureKernelTables(database.db);
  await ensureRowLevelSecurity(database, { schemas: ['sales'], tables: kernelTenantTables });
  database.useTenantRole(tenantRole);
  const tenancy = createTenancy({
    database,
    models: [plugin.model],
    frameworkDocuments: [tenancyOpenApi, auditOpenApi],
    accessCacheTtlMs,
    writeEvent: writeOutboxEvent,
  });
  const a = randomUUID();
  const b = randomUUID();
  const users = {
    a: await populate(tenancy, database, 'a', a),
    b: await populate(tenancy, database, 'b', b),
  };
  const factory = resourceHandlerFactory({ cursorSecret });
  let engine: ResourceEngine | undefined;
  const handlers = await pluginHandlers(plugin, database, async (p, db, services) => {
    const built = await factory(p, db, services);
    engine = built.engine;
    return built;
  });
  if (engine === undefined) throw new Error('no engine');
  const app = createHttpApp({
    plugins: [tenancyHttpPlugin({ tenancy }), { name: 'sales', openapi: plugin.openapi, handlers }],
    logger,
    metrics: createMetrics({ defaultMetrics: false }),
    readiness: () => ({}),
    tenant: tenantFromHeader({ trustHeader: true }),
    user: (c) => c.req.header('x-test-user'),
    permissions: accessPermissions({ tenancy }),
    environment: 'test',
    docs: false,
  });
  return {
    database,
    tenancy,
    plugin,
    model: plugin.model,
    engine,
    app,
    a,
    b,
    users,
    customPermissions: ['sales:account:read', 'sales:opportunity:read', 'sales:pii:read'],
    request: async (path, { method = 'GET', user, tenant = a, body, headers = {} } = {}) =>
      app.request(path, {
        method,
        headers: {
          'x-codexion-tenant': tenant,
          ...(user === undefined ? {} : { 'x-test-user': user }),
          ...(body === undefined
            ? {}
            : { 'content-type': method === 'PATCH' ? 'application/merge-patch+json' : 'application/json' }),
          ...headers,
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      }),
    context: async (tenantId, userId) => {
      const access = await tenancy.resolveAccess({ userId, tenantId });
      if ('refusal' in access) throw new Error(access.message);
      return {
        tenantId,
        userId,
        requestId: 'test',
        logger,
        permissions: access.permissions,
        roles: access.roles,
      };
    },
    dispose: test.dispose,
  };
}
