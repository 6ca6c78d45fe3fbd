import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { executeRows } from '@codexion/framework/data';
import { type BootReport, createKernel, EventDispatcherToken, type Kernel } from '@codexion/framework/kernel';
import { createTestDatabase, ensureTestTenant, type TestDatabase } from '@codexion/framework/testing';
import type { ValidationIssue } from '@codexion/schema';
import { type SQL, sql } from 'drizzle-orm';
// not exported by the framework (yet): the engine writes prefiq.audit_log, so tests need its tables
import { frameworkMigrations } from '../../../framework/server/src/kernel/framework-migrations.js';
// the framework's contract check for responses, shared rather than copied
import { responseValidator } from '../../../framework/server/src/kernel/response-validator.test-helper.js';
import plugin from './plugin.js';

export const erpMigrations = {
  name: 'erp',
  migrationsFolder: fileURLToPath(new URL('./migrations', import.meta.url)),
  schema: 'erp',
};
export const tenantA = '0a0a0a0a-0000-4000-8000-0000000000e1';
export const tenantB = '0b0b0b0b-0000-4000-8000-0000000000e2';

/** One answer of the ERP's API, checked against the operation's documented response. */
export interface Answer {
  status: number;
  headers: Headers;
  /** the parsed JSON body (`{}` when empty; the raw text under `text` when it is not JSON) */
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

/** The ERP plugin booted by the kernel on a test database with two tenants, answering `app.request`. */
export interface ErpKernel {
  kernel: Kernel;
  report: BootReport;
  database: TestDatabase;
  /** whether this run is on PostgreSQL (`DATABASE_URL`) rather than PGlite */
  onPostgres: boolean;
  /** a request to `/api/erp<path>` as the operation `operationId`, its answer checked against the contract */
  call(operationId: string, method: string, path: string, options?: CallOptions): Promise<Answer>;
  dispose(): Promise<void>;
}

/**
 * Boots the ERP as `prefiq serve` does (kernel, plugin, migrations), on a fresh test database:
 * PGlite, or with `DATABASE_URL` a PostgreSQL database of its own that `dispose` drops. Tenants A
 * and B exist, empty: a test sets a company up with the `setupCompany` action when it needs one.
 * With `seed`, the plugin's seed posts the demo year into the development tenant; `env` adds to the
 * kernel's environment (the bench turns the rate limit off).
 *
 * @example
 * const erp = await erpKernel();
 * const accounts = await erp.call('listAccounts', 'GET', '/accounts');
 */
export async function erpKernel({
  seed = false,
  env = {},
}: {
  seed?: boolean;
  env?: Record<string, string>;
} = {}): Promise<ErpKernel> {
  const root = await mkdtemp(join(tmpdir(), 'erp-api-'));
  const test = await createTestDatabase({ migrations: [...frameworkMigrations, erpMigrations] });
  for (const tenantId of [tenantA, tenantB]) await ensureTestTenant(test.database, tenantId, []);
  const kernel = createKernel({
    root,
    plugins: [plugin],
    env: { NODE_ENV: 'test', CODEXION_LOGGING__LEVEL: 'silent', ...env },
    database: test.database,
  });
  const report = await kernel.boot({ seed });
  const [erp] = kernel.plugins;
  if (erp === undefined) throw new Error('the erp plugin did not boot');
  const check = responseValidator(erp.openapi);
  return {
    kernel,
    report,
    database: test,
    onPostgres: test.url !== undefined,
    async call(operationId, method, path, { body, headers = {}, tenant = tenantA } = {}) {
      const response = await kernel.app.request(`/api/erp${path}`, {
        method,
        headers: {
          ...(body === undefined
            ? {}
            : { 'content-type': method === 'PATCH' ? 'application/merge-patch+json' : 'application/json' }),
          'x-codexion-tenant': tenant,
          ...headers,
        },
        ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
      });
      // the events of the request's commit reach the subscribers before the test looks
      await kernel.container.resolve(EventDispatcherToken).drain();
      const contract = await check(operationId, response);
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

/**
 * Sets tenant A's company up (EUR, fiscal year 2026) and answers the standard chart's account ids
 * by number (`accounts['1200']` is the receivable account).
 *
 * @example
 * const accounts = await setUpCompany(erp);
 */
export async function setUpCompany(erp: ErpKernel): Promise<Record<string, string>> {
  const setup = await erp.call('setupCompany', 'POST', '/company/setup', {
    body: { companyName: 'Nordwind GmbH', baseCurrency: 'EUR', fiscalYearStart: '2026-01-01' },
  });
  if (setup.status !== 201) throw new Error(`setup-company answered ${setup.status}: ${setup.text}`);
  const accounts = await erp.call('listAccounts', 'GET', '/accounts?pageSize=100');
  const items = accounts.body.items as { id: string; number: string }[];
  return Object.fromEntries(items.map((item) => [item.number, item.id]));
}

/**
 * Runs `statement` in tenant A's transaction (RLS applies) and answers its rows, bigints as text.
 *
 * @example
 * const [row] = await tenantRows<{ n: string }>(erp, sql`select count(*)::text as n from erp.gl_entries`);
 */
export function tenantRows<T extends Record<string, unknown>>(erp: ErpKernel, statement: SQL): Promise<T[]> {
  return erp.database.database.transaction((tx) => executeRows<T>(tx, statement), { tenantId: tenantA });
}

/**
 * Σ debit − Σ credit in base per account of one voucher of tenant A (account id → minor units),
 * only the non-zero ones: `{}` for a voucher and its reversal together.
 *
 * @example
 * expect(await voucherNets(erp, paymentId)).toEqual({ [bank]: 10_500, [receivable]: -11_000, [exchange]: 500 });
 */
export async function voucherNets(erp: ErpKernel, voucherId: string): Promise<Record<string, number>> {
  const rows = await tenantRows<{ account_id: string; net: string }>(
    erp,
    sql`select account_id, sum(debit - credit)::text as net from erp.gl_entries
         where voucher_id = ${voucherId}::uuid group by account_id`,
  );
  return Object.fromEntries(
    rows.filter((r) => Number(r.net) !== 0).map((r) => [r.account_id, Number(r.net)]),
  );
}
