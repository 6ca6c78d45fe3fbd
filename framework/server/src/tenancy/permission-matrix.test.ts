/**
 * The permission matrix: every permission of the CRM and the sales fixture (CRUD from their schemas,
 * the rest from their manifests, plus the implied personal-data permissions and the framework's own) × every built-in role, then
 * every route of the sales fixture and the tenancy API × every role (the custom one too) over HTTP:
 * allowed or 403, as the role definitions say.
 */
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { type AppModel, appPermissions, type OpenApiDocument } from '@codexion/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditOpenApi, tenancyOpenApi } from '../http/framework-apis.js';
import { hasPermission } from '../http/operation-router.js';
import { loadAppModel } from '../plugins/load-app-sources.js';
import { salesRoot } from '../plugins/sales-fixture.test-helper.js';
import { type BuiltInRole, builtInPermissions, builtInRoles } from './built-in-roles.js';
import { type CatalogEntry, permissionCatalog } from './permission-catalog.js';
import { type TenancyFixture, tenancyFixture } from './tenancy-fixture.test-helper.js';

const crmRoot = fileURLToPath(new URL('../../../../apps/crm', import.meta.url));

/**
 * The role definitions, restated from the issue independently of the code under test: Owner all;
 * Admin all but transferring ownership and suspending; Member read/create/update/delete on the
 * apps' entities (delete narrowed by policy), protected fields to read, personal data, and seeing
 * the tenant; Viewer read on the apps' entities and seeing the tenant.
 */
function expected(role: BuiltInRole, permission: string, models: readonly AppModel[]): boolean {
  if (role === 'owner') return true;
  if (permission === 'prefiq:tenant:read') return true;
  if (role === 'admin')
    return permission !== 'prefiq:tenant:transfer' && permission !== 'prefiq:tenant:suspend';
  const [app, resource, verb, fieldVerb] = permission.split(':');
  const model = models.find((m) => m.manifest.name === app);
  const isEntity = model?.entities.some((e) => e.name === resource) ?? false;
  if (role === 'member') {
    if (resource === 'pii' && verb === 'read') return model !== undefined;
    if (!isEntity) return false;
    return fieldVerb === undefined
      ? ['read', 'create', 'update', 'delete'].includes(verb ?? '')
      : fieldVerb === 'read';
  }
  return isEntity && fieldVerb === undefined && verb === 'read';
}

let crm: AppModel;
let sales: AppModel;
let f: TenancyFixture;
let cells = 0;

beforeAll(async () => {
  [crm, sales] = await Promise.all([loadAppModel(crmRoot), loadAppModel(salesRoot)]);
  f = await tenancyFixture();
}, 60_000);
afterAll(async () => {
  await f?.dispose();
  console.log(`permission matrix: ${cells} cells`);
});

describe('the permission matrix', () => {
  it('gives each built-in role exactly its permissions of the CRM, the sales fixture and the framework', () => {
    const models = [crm, sales];
    const catalog = permissionCatalog({ models, frameworkDocuments: [tenancyOpenApi, auditOpenApi] });
    const names = catalog.entries.map((e: CatalogEntry) => e.name);
    // every permission of each app (CRUD from its schemas, the rest declared) is in the catalogue,
    // plus each app's personal-data permission
    for (const model of models) {
      for (const p of appPermissions(model)) expect(names).toContain(p.name);
    }
    expect(names).toEqual(
      expect.arrayContaining(['crm:deal:read', 'crm:tag:delete', 'sales:account:update']),
    );
    expect(crm.manifest.permissions?.map((p) => p.name)).not.toContain('crm:deal:read');
    expect(names).toEqual(
      expect.arrayContaining(['crm:pii:read', 'sales:pii:read', 'prefiq:audit:read', 'prefiq:role:update']),
    );
    const wrong: string[] = [];
    let matrix = 0;
    for (const role of builtInRoles) {
      const granted = builtInPermissions(role, catalog);
      for (const name of names) {
        matrix++;
        if (hasPermission(granted, name) !== expected(role, name, models)) wrong.push(`${role} ${name}`);
      }
    }
    cells += matrix;
    console.log(
      `permission matrix (catalogue): ${names.length} permissions × ${builtInRoles.length} roles = ${matrix} cells`,
    );
    expect(wrong).toEqual([]);
    // spot checks in words
    const member = builtInPermissions('member', catalog);
    expect(hasPermission(member, 'crm:deal:win')).toBe(false);
    expect(hasPermission(member, 'crm:deal:delete')).toBe(true);
    expect(hasPermission(builtInPermissions('viewer', catalog), 'crm:pii:read')).toBe(false);
    expect(hasPermission(builtInPermissions('admin', catalog), 'crm:company:merge')).toBe(true);
  });

  it('allows or refuses every route for every role over HTTP', async () => {
    const documents: [string, OpenApiDocument][] = [
      ['sales', f.plugin.openapi],
      ['tenancy', tenancyOpenApi],
    ];
    const roles = ['owner', 'admin', 'member', 'viewer', 'custom'] as const;
    const wrong: string[] = [];
    let routes = 0;
    const last: (() => Promise<void>)[] = [];
    for (const [api, document] of documents) {
      for (const [path, item] of Object.entries(document.paths)) {
        for (const method of ['get', 'post', 'put', 'patch', 'delete'] as const) {
          const operation = item[method];
          const required = operation?.['x-codexion-permission'];
          if (operation === undefined || required === undefined) continue;
          routes++;
          for (const role of roles) {
            const user = f.users.a[role];
            const granted =
              role === 'custom' ? new Set(f.customPermissions) : builtInPermissions(role, f.tenancy.catalog);
            const allowed = hasPermission(granted, required);
            const url = `/api/${api}${path.replace(/\{(\w+)\}/g, (_, name: string) => (name === 'key' ? 'no-such-role' : randomUUID()))}`;
            const run = async () => {
              cells++;
              const response = await f.request(url, {
                method: method.toUpperCase(),
                user,
                ...(method === 'get' || method === 'delete' ? {} : { body: {} }),
                headers: { 'if-match': '*' },
              });
              const body = (await response.json().catch(() => ({}))) as {
                code?: string;
                permission?: string;
              };
              const refused = response.status === 403 && body.permission === required;
              if (refused === allowed)
                wrong.push(`${role} ${method.toUpperCase()} ${url}: ${response.status} ${body.code}`);
            };
            // an allowed suspension ends the tenant's requests: last
            if (operation.operationId === 'suspendTenant' && allowed) last.push(run);
            else await run();
          }
        }
      }
    }
    for (const run of last) await run();
    await f.tenancy.setTenantStatus(f.a, 'active');
    console.log(
      `permission matrix (routes): ${routes} routes × ${roles.length} roles = ${routes * roles.length} cells`,
    );
    expect(wrong).toEqual([]);
    expect(routes).toBe(30);
  });

  it('grants a custom role of one permission exactly the routes that need it', async () => {
    const system = { tenantId: f.a, permissions: new Set(['*']) };
    const grantable = f.tenancy.catalog.entries
      .map((e) => e.name)
      .filter((name) => name !== 'prefiq:tenant:transfer' && name !== 'prefiq:tenant:suspend');
    const routes: { method: string; path: string; required: string }[] = [];
    for (const [api, document] of [
      ['sales', f.plugin.openapi],
      ['tenancy', tenancyOpenApi],
    ] as const) {
      for (const [path, item] of Object.entries(document.paths)) {
        for (const method of ['get', 'post', 'put', 'patch', 'delete'] as const) {
          const required = item[method]?.['x-codexion-permission'];
          if (required === undefined) continue;
          routes.push({
            method: method.toUpperCase(),
            path: `/api/${api}${path.replace(/\{(\w+)\}/g, (_, name: string) => (name === 'key' ? 'no-such-role' : randomUUID()))}`,
            required,
          });
        }
      }
    }
    const wrong: string[] = [];
    for (const [i, permission] of grantable.entries()) {
      const key = `only-${i}`;
      await f.tenancy.createRole(system, { key, name: permission, permissions: [permission] });
      const userId = randomUUID();
      await f.database.execute('insert into prefiq.users (id, email) values ($1, $2)', [
        userId,
        `${key}@example.com`,
      ]);
      await f.tenancy.addMember(system, { userId, role: key });
      for (const route of routes) {
        cells++;
        const response = await f.request(route.path, {
          method: route.method,
          user: userId,
          ...(route.method === 'GET' || route.method === 'DELETE' ? {} : { body: {} }),
          headers: { 'if-match': '*' },
        });
        const body = (await response.json().catch(() => ({}))) as { permission?: string };
        const refused = response.status === 403 && body.permission === route.required;
        if (refused !== (route.required !== permission))
          wrong.push(`${permission}: ${route.method} ${route.path} ${response.status}`);
      }
    }
    console.log(
      `permission matrix (one-permission roles): ${grantable.length} permissions × ${routes.length} routes = ${grantable.length * routes.length} cells`,
    );
    expect(wrong).toEqual([]);
  });
});
