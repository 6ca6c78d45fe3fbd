import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ValidationIssue } from '@codexion/schema';
import type { MigrationSource } from '../data/run-migrations.js';
import { createTestDatabase, type TestDatabase } from '../data/test-database.js';
import { ensureTestTenant } from '../data/test-tenant.js';
import type { PluginDefinition } from '../plugins/index.js';
import { createKernel, type Kernel } from './boot.js';
import { EventDispatcherToken } from './boot-events.js';
import { frameworkMigrations } from './framework-migrations.js';
import type { BootReport } from './kernel-options.js';
import { responseValidator } from './response-validator.js';

/** One answer of an app's API, checked against the operation's documented response. */
export interface AppAnswer {
  status: number;
  headers: Headers;
  /** the parsed JSON body (`{}` when empty or not JSON; the raw text is under `text`) */
  body: Record<string, unknown>;
  text: string;
  /** where the answer breaks the contract: its status undocumented or its body off-schema */
  contract: ValidationIssue[];
}

export interface AppCallOptions {
  body?: unknown;
  headers?: Record<string, string>;
  /** the `X-Codexion-Tenant` header; the kernel's default tenant unless given */
  tenant?: string;
}

/** An app's plugin booted by the kernel on a test database, answering `app.request`. */
export interface AppKernelUnderTest {
  kernel: Kernel;
  report: BootReport;
  database: TestDatabase;
  /** whether this run is on PostgreSQL (`DATABASE_URL`) rather than PGlite */
  onPostgres: boolean;
  /**
   * A request to `/api/<app><path>` as the operation `operationId`, its answer checked against the
   * contract. The events its commit wrote have reached their subscribers when it resolves.
   */
  call(operationId: string, method: string, path: string, options?: AppCallOptions): Promise<AppAnswer>;
  dispose(): Promise<void>;
}

export interface AppKernelOptions {
  /** the app's name: its API lives under `/api/<app>` and its tables in the schema `<app>` */
  app: string;
  plugin: PluginDefinition;
  /** the app's `bin/migrations` folder (a file URL or path) */
  migrationsFolder: string;
  /** tenants to create before boot (empty); the first is the default tenant of `call` */
  tenants?: readonly string[];
  /** the default tenant of `call` when it is not the first of `tenants` (e.g. the development tenant the seed makes) */
  defaultTenant?: string;
  /** run the plugins' seeds (the development tenant's demo data) */
  seed?: boolean;
  /** added to the kernel's environment (`NODE_ENV=test`, silent logs) */
  env?: Record<string, string>;
  /** migrations of plugins the app's tables refer to, applied before the app's */
  migrations?: readonly MigrationSource[];
}

/**
 * Boots one app as `prefiq serve` does (kernel, plugin, migrations), on a fresh test database:
 * PGlite, or with `DATABASE_URL` a PostgreSQL database of its own that `dispose` drops. Share one
 * per test file (`beforeAll`): a boot is the slow part of a suite.
 *
 * @example
 * const erp = await appKernelUnderTest({ app: 'erp', plugin, migrationsFolder: fileURLToPath(new URL('./migrations', import.meta.url)), tenants: [tenantA] });
 * const accounts = await erp.call('listAccounts', 'GET', '/accounts');
 */
export async function appKernelUnderTest({
  app,
  plugin,
  migrationsFolder,
  tenants = [],
  defaultTenant = tenants[0],
  seed = false,
  env = {},
  migrations = [],
}: AppKernelOptions): Promise<AppKernelUnderTest> {
  const root = await mkdtemp(join(tmpdir(), `${app}-api-`));
  const test = await createTestDatabase({
    migrations: [...frameworkMigrations, ...migrations, { name: app, migrationsFolder, schema: app }],
  });
  for (const tenantId of tenants) await ensureTestTenant(test.database, tenantId, []);
  const kernel = createKernel({
    root,
    plugins: [plugin],
    env: { NODE_ENV: 'test', CODEXION_LOGGING__LEVEL: 'silent', ...env },
    database: test.database,
  });
  const report = await kernel.boot({ seed });
  const booted = kernel.plugins.find((candidate) => candidate.name === app);
  if (booted === undefined) throw new Error(`the ${app} plugin did not boot`);
  const check = responseValidator(booted.openapi);
  return {
    kernel,
    report,
    database: test,
    onPostgres: test.url !== undefined,
    async call(operationId, method, path, { body, headers = {}, tenant = defaultTenant } = {}) {
      const response = await kernel.app.request(`/api/${app}${path}`, {
        method,
        headers: {
          ...(body === undefined
            ? {}
            : { 'content-type': method === 'PATCH' ? 'application/merge-patch+json' : 'application/json' }),
          ...(tenant === undefined ? {} : { 'x-codexion-tenant': tenant }),
          ...headers,
        },
        ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
      });
      // the events of the request's commit reach the subscribers before the test looks
      await kernel.container.resolve(EventDispatcherToken).drain();
      // a CSV download (`csvAnswer`) is the JSON answer in another representation, which the document does not type
      const csv = response.headers.get('content-type')?.startsWith('text/csv') === true;
      const contract = csv ? [] : await check(operationId, response);
      const text = await response.text();
      let parsed: Record<string, unknown> = {};
      try {
        parsed = text === '' ? {} : (JSON.parse(text) as Record<string, unknown>);
      } catch {
        parsed = {};
      }
      return { status: response.status, headers: response.headers, body: parsed, text, contract };
    },
    async dispose() {
      await kernel.shutdown();
      await test.dispose();
      await rm(root, { recursive: true, force: true });
    },
  };
}
