import { fileURLToPath } from 'node:url';
import { executeRows } from '@codexion/framework/data';
import { type AppAnswer, type AppKernelUnderTest, appKernelUnderTest } from '@codexion/framework/testing';
import { type SQL, sql } from 'drizzle-orm';
import plugin from './plugin.js';

export const erpMigrations = {
  name: 'erp',
  migrationsFolder: fileURLToPath(new URL('./migrations', import.meta.url)),
  schema: 'erp',
};
export const tenantA = '0a0a0a0a-0000-4000-8000-0000000000e1';
export const tenantB = '0b0b0b0b-0000-4000-8000-0000000000e2';

/** One answer of the ERP's API, checked against the operation's documented response. */
export type Answer = AppAnswer;

/** The ERP plugin booted by the kernel on a test database with two tenants, answering `call` (tenant A unless told). */
export type ErpKernel = AppKernelUnderTest;

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
export function erpKernel({
  seed = false,
  env = {},
}: {
  seed?: boolean;
  env?: Record<string, string>;
} = {}): Promise<ErpKernel> {
  return appKernelUnderTest({
    app: 'erp',
    plugin,
    migrationsFolder: erpMigrations.migrationsFolder,
    tenants: [tenantA, tenantB],
    seed,
    env,
  });
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
