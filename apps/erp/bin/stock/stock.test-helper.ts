import { expect } from 'vitest';
import type { Answer, ErpKernel } from '../erp-kernel.test-helper.js';
import { tenantA } from '../erp-kernel.test-helper.js';

/** The company the stock tests post against: its default accounts and main warehouse. */
export interface StockCompany {
  stockAccountId: string;
  cogsAccountId: string;
  stockReceivedNotBilledAccountId: string;
  stockAdjustmentAccountId: string;
  mainWarehouseId: string;
}

/** Sets tenant A's company up (EUR, fiscal year 2026) and answers its stock accounts and main warehouse. */
export async function setUpStockCompany(erp: ErpKernel, tenant = tenantA): Promise<StockCompany> {
  const setup = await erp.call('setupCompany', 'POST', '/company/setup', {
    body: { companyName: 'Lagerhaus GmbH', baseCurrency: 'EUR', fiscalYearStart: '2026-01-01' },
    tenant,
  });
  expect(setup.status).toBe(201);
  const warehouses = await erp.call('listWarehouses', 'GET', '/warehouses', { tenant });
  const [main] = warehouses.body.items as { id: string }[];
  if (main === undefined) throw new Error('setup-company made no warehouse');
  return {
    stockAccountId: String(setup.body.stockAccountId),
    cogsAccountId: String(setup.body.cogsAccountId),
    stockReceivedNotBilledAccountId: String(setup.body.stockReceivedNotBilledAccountId),
    stockAdjustmentAccountId: String(setup.body.stockAdjustmentAccountId),
    mainWarehouseId: main.id,
  };
}

let skus = 0;

/** Creates an item (a fresh SKU each call) and answers its id. */
export async function createItem(
  erp: ErpKernel,
  fields: Record<string, unknown> = {},
  tenant = tenantA,
): Promise<string> {
  skus += 1;
  const created = await erp.call('createItem', 'POST', '/items', {
    body: { sku: `SKU-${skus}`, name: `Item ${skus}`, uom: 'pcs', valuation: 'moving-average', ...fields },
    tenant,
  });
  expect(created.status, created.text).toBe(201);
  return String(created.body.id);
}

/** Creates a warehouse and answers its id. */
export async function createWarehouse(
  erp: ErpKernel,
  fields: Record<string, unknown> = {},
  tenant = tenantA,
): Promise<string> {
  skus += 1;
  const created = await erp.call('createWarehouse', 'POST', '/warehouses', {
    body: { name: `Store ${skus}`, isGroup: false, ...fields },
    tenant,
  });
  expect(created.status, created.text).toBe(201);
  return String(created.body.id);
}

/** Creates a draft stock entry (dated 2026-03-02 unless given) and answers its id. */
export async function draftEntry(
  erp: ErpKernel,
  entry: Record<string, unknown>,
  tenant = tenantA,
): Promise<string> {
  const created = await erp.call('createStockEntry', 'POST', '/stock-entries', {
    body: { postingDate: '2026-03-02', ...entry },
    tenant,
  });
  expect(created.status, created.text).toBe(201);
  return String(created.body.id);
}

/** Moves a stock entry to `to` (`posted`, `cancelled`) through its transition. */
export function transition(erp: ErpKernel, id: string, to: string, tenant = tenantA): Promise<Answer> {
  return erp.call('transitionStockEntry', 'POST', `/stock-entries/${id}/transition`, {
    body: { to },
    tenant,
  });
}

/** Creates a stock entry and posts it: the transition's answer. */
export async function postEntry(
  erp: ErpKernel,
  entry: Record<string, unknown>,
  tenant = tenantA,
): Promise<Answer> {
  return transition(erp, await draftEntry(erp, entry, tenant), 'posted', tenant);
}

/** A bin as the database holds it (zeros when it has none). */
export async function binOf(
  erp: ErpKernel,
  itemId: string,
  warehouseId: string,
): Promise<{ qty: number; value: number }> {
  const [row] = await erp.database.database.execute<{ qty: string; value: string }>(
    'select qty, value from erp.bins where item_id = $1 and warehouse_id = $2',
    [itemId, warehouseId],
  );
  return { qty: Number(row?.qty ?? 0), value: Number(row?.value ?? 0) };
}

/** Σ debit − Σ credit of an account over the whole ledger, in base minor units. */
export async function ledgerBalance(erp: ErpKernel, accountId: string): Promise<number> {
  const [row] = await erp.database.database.execute<{ balance: string }>(
    'select coalesce(sum(debit - credit), 0)::text as balance from erp.gl_entries where account_id = $1',
    [accountId],
  );
  return Number(row?.balance ?? 0);
}

/** How many rows a table of the ERP holds for tenant A (facts and projections). */
export async function countRows(erp: ErpKernel, table: string, tenant = tenantA): Promise<number> {
  const [row] = await erp.database.database.execute<{ n: string }>(
    `select count(*)::text as n from erp.${table} where tenant_id = $1`,
    [tenant],
  );
  return Number(row?.n ?? 0);
}

/** Creates a stock ledger account beside the company's stock account and answers its id. */
export async function createStockAccount(
  erp: ErpKernel,
  company: StockCompany,
  number: string,
  name: string,
  tenant = tenantA,
): Promise<string> {
  const accounts = await erp.call('listAccounts', 'GET', '/accounts?pageSize=200', { tenant });
  const stock = (accounts.body.items as { id: string; parentId: string | null }[]).find(
    (account) => account.id === company.stockAccountId,
  );
  const created = await erp.call('createAccount', 'POST', '/accounts', {
    body: {
      number,
      name,
      rootType: 'asset',
      accountType: 'stock',
      isGroup: false,
      parentId: stock?.parentId,
    },
    tenant,
  });
  expect(created.status, created.text).toBe(201);
  return String(created.body.id);
}
