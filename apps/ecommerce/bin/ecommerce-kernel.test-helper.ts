import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { executeRows } from '@codexion/framework/data';
import { type BootReport, createKernel, EventDispatcherToken, type Kernel } from '@codexion/framework/kernel';
import {
  createTestDatabase,
  ensureTestTenant,
  frameworkMigrations,
  responseValidator,
  type TestDatabase,
} from '@codexion/framework/testing';
import type { ValidationIssue } from '@codexion/schema';
import type { SQL } from 'drizzle-orm';
import { expect } from 'vitest';
import plugin from './plugin.js';

export const ecommerceMigrations = {
  name: 'ecommerce',
  migrationsFolder: fileURLToPath(new URL('./migrations', import.meta.url)),
  schema: 'ecommerce',
};
export const tenantA = '0a0a0a0a-0000-4000-8000-0000000000c1';
export const tenantB = '0b0b0b0b-0000-4000-8000-0000000000c2';

/** One answer of the e-commerce API, checked against the operation's documented response. */
export interface Answer {
  status: number;
  headers: Headers;
  /** the parsed JSON body (`{}` when empty) */
  body: Record<string, unknown>;
  text: string;
  /** where the answer breaks the contract: its status undocumented or its body off-schema */
  contract: ValidationIssue[];
}

export interface CallOptions {
  body?: unknown;
  headers?: Record<string, string>;
  /** the `X-Codexion-Tenant` header; tenant A unless given */
  tenant?: string;
}

/** The e-commerce plugin booted by the kernel on a test database with two tenants. */
export interface EcommerceKernel {
  kernel: Kernel;
  report: BootReport;
  database: TestDatabase;
  /** whether this run is on PostgreSQL (`DATABASE_URL`) rather than PGlite */
  onPostgres: boolean;
  /** a request to `/api/ecommerce<path>` as the operation `operationId`, its answer checked against the contract */
  call(operationId: string, method: string, path: string, options?: CallOptions): Promise<Answer>;
  /** runs `statement` in the tenant's transaction (RLS applies) and answers its rows */
  rows<T extends Record<string, unknown>>(statement: SQL, tenant?: string): Promise<T[]>;
  dispose(): Promise<void>;
}

/**
 * Boots the e-commerce app as `prefiq serve` does (kernel, plugin, migrations) on a fresh test
 * database: PGlite, or with `DATABASE_URL` a PostgreSQL database of its own that `dispose` drops.
 * Tenants A and B exist, empty. With `seed`, the plugin's seed fills the development tenant.
 *
 * @example
 * const shop = await ecommerceKernel();
 * const products = await shop.call('listProducts', 'GET', '/products');
 */
export async function ecommerceKernel({
  seed = false,
  env = {},
}: {
  seed?: boolean;
  env?: Record<string, string>;
} = {}): Promise<EcommerceKernel> {
  const root = await mkdtemp(join(tmpdir(), 'ecommerce-api-'));
  const test = await createTestDatabase({ migrations: [...frameworkMigrations, ecommerceMigrations] });
  for (const tenantId of [tenantA, tenantB]) await ensureTestTenant(test.database, tenantId, []);
  const kernel = createKernel({
    root,
    plugins: [plugin],
    env: { NODE_ENV: 'test', CODEXION_LOGGING__LEVEL: 'silent', ...env },
    database: test.database,
  });
  const report = await kernel.boot({ seed });
  const [app] = kernel.plugins;
  if (app === undefined) throw new Error('the ecommerce plugin did not boot');
  const check = responseValidator(app.openapi);
  return {
    kernel,
    report,
    database: test,
    onPostgres: test.url !== undefined,
    async call(operationId, method, path, { body, headers = {}, tenant = tenantA } = {}) {
      const response = await kernel.app.request(`/api/ecommerce${path}`, {
        method,
        headers: {
          ...(body === undefined
            ? {}
            : { 'content-type': method === 'PATCH' ? 'application/merge-patch+json' : 'application/json' }),
          'x-codexion-tenant': tenant,
          ...headers,
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      await kernel.container.resolve(EventDispatcherToken).drain();
      const contract = await check(operationId, response);
      const text = await response.text();
      const parsed = text === '' ? {} : (JSON.parse(text) as Record<string, unknown>);
      return { status: response.status, headers: response.headers, body: parsed, text, contract };
    },
    rows(statement, tenant = tenantA) {
      return test.database.transaction((tx) => executeRows(tx, statement), { tenantId: tenant });
    },
    async dispose() {
      await kernel.shutdown();
      await test.dispose();
      await rm(root, { recursive: true, force: true });
    },
  };
}

/**
 * A refusal as `path code` lines, its status first, after checking it keeps the contract and
 * answers problem+json.
 *
 * @example
 * expect(refusal(await shop.call('createPromotion', 'POST', '/promotions', { body }))).toEqual(['422', '/body/endsAt interval']);
 */
export function refusal(answer: Answer): string[] {
  expect(answer.contract).toEqual([]);
  expect(answer.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  const errors = (answer.body.errors ?? []) as { path: string; code: string }[];
  return [String(answer.status), ...errors.map((issue) => `${issue.path} ${issue.code}`)];
}
